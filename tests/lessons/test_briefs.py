import pytest

from lessons.models import LessonBrief
from lessons.pdf import brief_html
from tests.lessons.conftest import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def briefs_on(settings):
    settings.LESSON_BRIEFS_ON_PUBLISH = True


def pdf_text(data: bytes) -> str:
    import io

    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_publishing_makes_a_pdf_brief_per_language(
    briefs_on,
    client,
    make_lesson,
    library_en,
    locales,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        lesson = make_lesson(title="Supervision formative à Kandi")
        english = translate(
            lesson, locales["en"], title="Formative supervision in Kandi"
        )
    assert LessonBrief.objects.count() == 2

    french_pdf = client.get(lesson.url, {"format": "pdf"})
    assert french_pdf["Content-Type"] == "application/pdf"
    text = pdf_text(b"".join(french_pdf.streaming_content))
    assert "Supervision formative à Kandi" in text
    assert "Messages clés" in text

    english_pdf = client.get(english.url, {"format": "pdf"})
    text = pdf_text(b"".join(english_pdf.streaming_content))
    assert "Formative supervision in Kandi" in text
    assert "Key messages" in text


def test_brief_is_cached_until_the_page_changes(
    briefs_on, make_lesson, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        lesson = make_lesson(title="Première version")
    first = LessonBrief.objects.get(page=lesson)
    lesson.title = "Deuxième version"
    with django_capture_on_commit_callbacks(execute=True):
        lesson.save_revision().publish()
    second = LessonBrief.objects.get(page=lesson)
    assert second.revision_id != first.revision_id
    assert second.file.name != first.file.name
    assert "Deuxième version" in brief_html(lesson)


def test_brief_is_made_on_first_download_when_missing(client, make_lesson):
    lesson = make_lesson(title="Leçon sans note")
    assert not LessonBrief.objects.exists()
    response = client.get(lesson.url, {"format": "pdf"})
    assert response.status_code == 200
    assert LessonBrief.objects.filter(page=lesson).exists()


def test_a_private_lessons_brief_is_refused_like_its_page(client, make_lesson):
    """Tried: an anonymous reader asks for the PDF of a lesson made private for
    signed-in readers; the brief must not slip past Wagtail's view restriction."""
    from wagtail.models import PageViewRestriction

    lesson = make_lesson(title="Leçon réservée")
    PageViewRestriction.objects.create(
        page=lesson, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(lesson.url, {"format": "pdf"})
    assert response.status_code == 302
    assert "/login" in response["Location"] or "login" in response["Location"]
    assert not LessonBrief.objects.filter(page=lesson).exists()
