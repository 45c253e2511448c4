"""QA: a thread is shared by a page's languages, so each comment records the
language it was written in and carries ``lang`` when read on the other language's
page (screen readers read French with French rules, English with English ones)."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import translation

from discussions.models import CommentDetails
from discussions.selectors import quotation
from lessons.factories import LessonPageFactory, LessonsIndexPageFactory

pytestmark = pytest.mark.django_db


def post_url(page):
    return reverse("discussions:post", args=[page.pk])


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


VOID = {"br", "hr", "img", "input", "meta", "link", "source", "wbr", "area", "col"}


class _LangOf(HTMLParser):
    """Reads a page as a screen reader picks a language: the ``lang`` of the
    innermost element around a text; also whether a comment's own element says it."""

    def __init__(self, text):
        super().__init__()
        self.text, self.stack, self.found = text, [], None

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if self.found is None and self.text in data:
            self.found = list(self.stack)


def lang_of(html, text):
    """(the language ``text`` is read in, the ``lang`` given inside the comment)."""
    parser = _LangOf(text)
    parser.feed(html)
    assert parser.found is not None, text
    langs = [attrs["lang"] for _tag, attrs in parser.found if "lang" in attrs]
    in_comment = [
        attrs.get("lang")
        for _tag, attrs in parser.found
        if re.search(r"comment__(body|topic)", attrs.get("class", ""))
    ]
    return langs[-1], (in_comment or [None])[-1]


@pytest.fixture
def lesson(home_page, settings):
    settings.LESSON_BRIEFS_ON_PUBLISH = False
    library = LessonsIndexPageFactory(parent=home_page)
    return publish(LessonPageFactory(parent=library, title="Supervision formative"))


@pytest.fixture
def lesson_en(lesson, locales, home_page_en):
    publish(lesson.get_parent().copy_for_translation(locales["en"]))
    english = lesson.copy_for_translation(locales["en"])
    english.title = "Formative supervision"
    return publish(english.specific)


def test_qa_french_comment_on_the_english_cycle_page_is_marked_french(
    client, make_cycle, member, other_member, locales, home_page_en
):
    cycle = make_cycle(step=5, title="Revues des décès maternels")
    english = publish(
        cycle.copy_for_translation(locales["en"], copy_parents=True).specific
    )
    client.force_login(member)
    client.post(post_url(cycle), {"text": "Nos revues ont lieu chaque mois."})
    client.post(post_url(english), {"text": "Our reviews happen monthly."})
    assert sorted(CommentDetails.objects.values_list("language", flat=True)) == [
        "en",
        "fr",
    ]

    client.force_login(other_member)
    english_html = client.get(english.url).content.decode()
    assert lang_of(english_html, "Nos revues ont lieu") == ("fr", "fr")
    assert lang_of(english_html, "Our reviews happen") == ("en", None)
    french_html = client.get(cycle.url).content.decode()
    assert lang_of(french_html, "Our reviews happen") == ("en", "en")
    assert lang_of(french_html, "Nos revues ont lieu") == ("fr", None)


def test_qa_english_comment_on_the_french_lesson_page_is_marked_english(
    client, lesson, lesson_en, named_member, other_member
):
    client.force_login(named_member)
    client.post(post_url(lesson_en), {"text": "Useful for our district."})
    client.force_login(other_member)
    french_html = client.get(lesson.url).content.decode()
    assert lang_of(french_html, "Useful for our district.") == ("en", "en")
    english_html = client.get(lesson_en.url).content.decode()
    assert lang_of(english_html, "Useful for our district.") == ("en", None)


def test_qa_french_forum_topic_on_the_english_forum_is_marked_french(
    client, forum, locales, home_page_en, member
):
    forum_en = forum.copy_for_translation(locales["en"])
    forum_en.title = "Forum"
    forum_en = publish(forum_en.specific)
    client.force_login(member)
    client.post(
        post_url(forum),
        {
            "text": "Tous les trimestres chez nous.",
            "topic": "Supervision formative : quelle fréquence ?",
        },
    )
    html = client.get(forum_en.url).content.decode()
    assert lang_of(html, "Supervision formative : quelle fréquence ?") == ("fr", "fr")
    assert lang_of(html, "Tous les trimestres chez nous.") == ("fr", "fr")
    french_html = client.get(forum.url).content.decode()
    assert lang_of(french_html, "Supervision formative : quelle fréquence ?") == (
        "fr",
        None,
    )


def test_an_edit_from_the_english_page_records_english(
    client, lesson, lesson_en, member
):
    client.force_login(member)
    client.post(post_url(lesson), {"text": "Première version"})
    details = CommentDetails.objects.get()
    assert details.language == "fr"
    with translation.override("en"):  # the edit form of the English page
        edit_url = reverse("discussions:edit", args=[details.pk])
    response = client.post(edit_url, {"text": "Second version", "next": lesson_en.url})
    assert response.status_code == 302
    details.refresh_from_db()
    assert details.body_html == "<p>Second version</p>"
    assert details.language == "en"
    html = client.get(lesson.url).content.decode()
    assert lang_of(html, "Second version") == ("en", "en")


def test_a_quoted_comment_carries_its_language_on_the_other_languages_page(
    lesson, lesson_en, member, say
):
    say(member, lesson, "Merci, très utile.")
    details = CommentDetails.objects.get()
    with translation.override("en"):
        assert quotation(details, lesson_en).lang == "fr"
    with translation.override("fr"):
        assert quotation(details, lesson).lang == ""
    assert re.fullmatch("[a-z]{2}", details.language)


def test_qa_french_comment_under_a_chart_of_the_english_page_is_marked_french(
    client, cycle_index, district, other_district, monkeypatch, home_page_en, member
):
    from charts.services import refresh_page_charts
    from cycles.translation import ensure_translation
    from tests.cycles.conftest import make_cycle
    from tests.cycles.test_chart_comments import under_chart
    from tests.cycles.test_results import PER_DISTRICT, answer, publish_results

    monkeypatch.setattr("charts.figures.chromium_path", lambda: None)
    cycle = make_cycle(cycle_index, step=5, slug="discute", title="Cycle discuté")
    answer(cycle, district, 4)
    answer(cycle, other_district, 9)
    publish_results(cycle, [PER_DISTRICT])
    english = ensure_translation(cycle, "en")
    english.results = cycle.results
    english.save_revision().publish()
    refresh_page_charts(english)
    client.force_login(member)
    client.post(post_url(cycle), {"text": "Premier sur les ruptures", "chart": "c1"})
    english.refresh_from_db()
    stocks = under_chart(client.get(english.url).content.decode(), "c1")
    assert lang_of(stocks, "Premier sur les ruptures") == ("fr", "fr")
    french = under_chart(client.get(cycle.url).content.decode(), "c1")
    assert 'lang="' not in french
