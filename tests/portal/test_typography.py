"""Issue 16, typography: French text has its non-breaking spaces, English text has no
space before a colon, French months are lower case, whole numbers have no decimals
and French elides "de" before a vowel ("un membre d’Abomey")."""

import datetime as dt
import re
import zoneinfo
from html import unescape
from pathlib import Path

import polib
import pytest
from django.utils import translation

from charts.selectors import format_value
from portal.times import datetime_with_zone, zone_label
from portal.typography import de, elide, number
from tests.public_page_fixtures import (  # noqa: F401 (fixtures for PUBLIC_PAGES)
    pp_cycle_index,
    pp_cycle_index_en,
    pp_cycles,
    pp_forum,
    pp_lessons,
    pp_library,
    pp_receipt_cycle,
)
from tests.public_pages import PUBLIC_PAGES

ROOT = Path(__file__).resolve().parents[2]
PO_PATH = ROOT / "locale/fr/LC_MESSAGES/django.po"
NBSP = "\u00a0\u202f"
HIGH_PUNCTUATION = ":;!?"


def _bare(text: str) -> str:
    """The prose of a string: no URLs, placeholders, HTML tags or tokens."""
    text = text.replace("&nbsp;", "\u00a0")
    text = re.sub(r"<[^>]*>", "", text)
    text = re.sub(r"\b[a-z][a-z0-9+.-]*://\S+", "", text)  # URLs
    text = re.sub(r"%\([^)]*\)[sdif]|\{[^}]*\}|%[sd]", "X", text)  # placeholders
    text = re.sub(r"\w+::\w+", "X", text)  # XLSForm columns: label::French
    # Tokens, not prose: 18:00, 2024Q1;2024Q2, question:choice.
    return re.sub(r"(?<=\w)[:;](?=\w)", "", text)


def french_problems(text: str) -> list[str]:
    """Each high punctuation mark or guillemet of `text` without its thin or
    non-breaking space, shown in context."""
    text = _bare(text)
    found = []
    for match in re.finditer(f"[{HIGH_PUNCTUATION}]", text):
        start = match.start()
        before = text[start - 1] if start else ""
        if before in NBSP or before in HIGH_PUNCTUATION or before in "…" or not before:
            continue
        found.append(text[max(0, start - 15) : start + 2])
    for match in re.finditer("«", text):
        after = text[match.end() : match.end() + 1]
        if after not in NBSP:
            found.append(text[match.start() : match.start() + 15])
    for match in re.finditer("»", text):
        before = text[match.start() - 1 : match.start()]
        if before not in NBSP:
            found.append(text[max(0, match.start() - 15) : match.end()])
    return found


def english_problems(text: str) -> list[str]:
    text = _bare(text)
    return [
        text[max(0, m.start() - 15) : m.end()]
        for m in re.finditer(rf"[ {NBSP}][{HIGH_PUNCTUATION}](?=\s|$)", text)
    ]


def _entries():
    return [e for e in polib.pofile(str(PO_PATH)) if not e.obsolete]


def test_every_french_message_has_non_breaking_spaces_before_high_punctuation():
    problems = {}
    for entry in _entries():
        texts = [entry.msgstr, *entry.msgstr_plural.values()]
        found = [p for text in texts if text for p in french_problems(text)]
        if found:
            problems[entry.msgid] = found
    assert problems == {}


def test_no_english_message_has_a_space_before_a_colon():
    problems = {}
    for entry in _entries():
        found = english_problems(entry.msgid) + english_problems(
            entry.msgid_plural or ""
        )
        if found:
            problems[entry.msgid] = found
    assert problems == {}


TEMPLATE_DIRS = [
    "templates",
    *(
        f"{app}/templates"
        for app in (
            "cycles",
            "participation",
            "districts",
            "portal",
            "charts",
            "discussions",
            "search",
            "home",
            "lessons",
        )
    ),
]


TRANSLATED_BLOCK = re.compile(
    r"{%\s*blocktrans(late)?\b.*?{%\s*endblocktrans(late)?\s*%}", re.S
)


def test_no_template_hard_codes_punctuation_around_translations():
    """Text written in a template around {% translate %} reaches both languages as
    is: "Search : vaccine" on English pages, "Clôture des réponses: 2 décembre" on
    French ones. The colon belongs inside the translated string."""
    problems = []
    for folder in {ROOT / d for d in TEMPLATE_DIRS}:
        for path in [*folder.rglob("*.html"), *folder.rglob("*.txt")]:
            source = TRANSLATED_BLOCK.sub("", path.read_text(encoding="utf-8"))
            for match in re.finditer(r"(%}|}})[ \u00a0]*[:;!?](?=[\s<])", source):
                problems.append(f"{path.relative_to(ROOT)}: {match.group(0)}")
    assert problems == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Abomey-Agbangnizoun-Djidja", "d’Abomey-Agbangnizoun-Djidja"),
        ("Ouémé", "d’Ouémé"),
        ("Yomou", "d’Yomou"),
        ("Banikoara", "de Banikoara"),
        ("Houéyogbé", "de Houéyogbé"),  # an aspirated h
        ("Haïti", "d’Haïti"),  # a mute h
    ],
)
def test_french_elides_de_before_a_vowel_or_a_mute_h(name, expected):
    assert de(name) == expected


def test_elision_mends_a_translated_sentence_and_leaves_english_alone():
    assert elide("un membre de Abomey", "Abomey") == "un membre d’Abomey"
    assert elide("Le district de Abomey", "Abomey") == "Le district d’Abomey"
    assert elide("a member of Abomey", "Abomey") == "a member of Abomey"
    assert elide("un membre de Banikoara", "Banikoara") == "un membre de Banikoara"


@pytest.mark.parametrize(
    ("language", "value", "expected"),
    [
        ("fr", 57.0, "57"),
        ("en", 57.0, "57"),
        ("fr", 0.0, "0"),
        ("fr", 2.5, "2,5"),
        ("en", 2.5, "2.5"),
        ("en", "12", "12"),
    ],
)
def test_whole_numbers_are_shown_without_decimals(language, value, expected):
    with translation.override(language):
        assert number(value) == expected


def test_the_zone_is_named_in_each_language():
    with translation.override("fr"):
        assert zone_label(zoneinfo.ZoneInfo("Africa/Abidjan")) == "heure d’Abidjan"
        assert zone_label(zoneinfo.ZoneInfo("Africa/Conakry")) == "heure de Conakry"
    with translation.override("en"):
        assert zone_label(zoneinfo.ZoneInfo("Africa/Conakry")) == "Conakry time"


def test_french_months_are_lower_case():
    moment = dt.datetime(2026, 12, 2, 17, tzinfo=dt.UTC)
    zone = zoneinfo.ZoneInfo("Africa/Conakry")
    with translation.override("fr"):
        assert datetime_with_zone(moment, zone).startswith("2 déc. 2026 à 17:00")


@pytest.mark.parametrize(
    ("language", "value", "unit", "expected"),
    [
        ("fr", 57.0, "", "57"),
        ("fr", 57.0, "%", "57\u00a0%"),
        ("en", 57.0, "%", "57%"),
        ("fr", 33.3, "%", "33,3\u00a0%"),
        ("en", 33.3, "%", "33.3%"),
    ],
)
def test_chart_tables_show_whole_counts_and_shares_without_decimals(
    language, value, unit, expected
):
    with translation.override(language):
        assert format_value(value, unit) == expected


RENDERED = {
    "home",
    "search-results",
    "search-no-results",
    "cycle-step-3",
    "cycle-step-5",
    "survey-signed-in",
    "survey-receipt",
    "forum",
    "reminder-settings",
    "lesson",
    "lesson-index",
}
RENDERED_PAGES = [
    page for page in PUBLIC_PAGES if page.name.rsplit("-", 1)[0] in RENDERED
]


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return unescape(re.sub(r"<[^>]+>", " ", html))


@pytest.mark.django_db
@pytest.mark.parametrize("page", RENDERED_PAGES, ids=lambda page: page.name)
def test_rendered_pages_punctuate_in_their_language(client, request, page):
    """French pages: no high punctuation stuck to a word ("échéance: 2 déc.");
    English pages: no space before it ("Search : vaccine")."""
    user = page.signed_in_user(request)
    if user:
        client.force_login(user)
    response = client.get(page.url(request))
    assert response.status_code == page.status
    text = visible_text(response.content.decode())
    if page.name.endswith("-fr"):
        found = re.findall(r"\w{2,}[:;!?](?=\s)", text)
    else:
        found = re.findall(r"\w+[ \u00a0\u202f][:;!?](?=\s)", text)
    assert found == []
