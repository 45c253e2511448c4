"""Issue 12: a lesson published in French only is listed for English readers (library,
home, feed, API), marked "in French", and its "English" link is its English address."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def french_only(make_lesson, library_en):
    return make_lesson(
        title="Leçon non traduite sur la vaccination", slug="non-traduite"
    )


@pytest.fixture
def translated(make_lesson, library_en, locales):
    from tests.lessons.conftest import translate

    lesson = make_lesson(title="Leçon traduite", slug="traduite")
    translate(lesson, locales["en"], title="Translated lesson", slug="translated")
    return lesson


def test_the_english_library_lists_an_untranslated_lesson_with_a_badge(
    client, library_en, french_only, translated
):
    html = client.get(library_en.url).content.decode()
    assert "Translated lesson" in html
    assert "Leçon traduite" not in html  # the translation replaces the French page
    assert "Leçon non traduite sur la vaccination" in html
    assert "in French" in html
    assert f'href="{library_en.url}non-traduite/"' in html
    page = client.get(f"{library_en.url}non-traduite/")
    assert page.status_code == 200


def test_the_french_library_has_no_badge(client, library, french_only, translated):
    html = client.get(library.url).content.decode()
    assert "Leçon non traduite" in html and "Leçon traduite" in html
    assert "en français" not in html.lower().replace("badge", "")


def test_the_english_feed_and_api_carry_the_untranslated_lesson(
    client, library_en, french_only, translated
):
    from django.urls import reverse
    from django.utils import translation

    with translation.override("en"):
        feed_url = reverse("lessons-rss")
    feed = client.get(feed_url).content.decode()
    assert "<rss" in feed
    assert "Leçon non traduite" in feed and "Translated lesson" in feed
    assert f"{library_en.url}non-traduite/" in feed
    api = client.get("/api/v2/lessons/?locale=en").json()
    titles = {item["title"]: item["meta"]["locale"] for item in api["items"]}
    assert titles == {
        "Translated lesson": "en",
        "Leçon non traduite sur la vaccination": "fr",
    }


def test_the_language_switcher_of_a_french_only_lesson_stays_on_the_lesson(
    client, library_en, french_only
):
    html = client.get(french_only.url).content.decode()
    switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]
    assert f'href="{library_en.url}non-traduite/"' in switcher


def test_the_english_library_costs_the_same_queries_for_3_or_9_lessons(
    client, make_lesson, library_en
):
    """Badges and English-side links are worked out without a query per lesson."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(library_en.url).status_code == 200
        return len(captured)

    for n in range(3):
        make_lesson(title=f"Leçon {n}", slug=f"lecon-{n}")
    few = queries()
    for n in range(3, 9):
        make_lesson(title=f"Leçon {n}", slug=f"lecon-{n}")
    assert queries() <= few + 2
