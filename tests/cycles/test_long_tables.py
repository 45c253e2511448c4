"""Issue 16: at 360 px each 56–60-row table was 2,200–2,900 px, could not be folded,
its header scrolled away and the reader's own row was 52nd. Long tables are now
folded (without JavaScript), their header stays in view, and a member gets a link
to their own district's row, unless the facilitator's display mode hides it."""

import re

import pytest
from django.conf import settings
from django.core.cache import cache

from charts.anonymise import DisplayMode
from charts.services import refresh_page_charts
from cycles.translation import ensure_translation
from districts.factories import DistrictFactory
from tests.cycles.conftest import make_cycle
from tests.cycles.test_results import BY_CAUSE, PER_DISTRICT, answer, publish_results

pytestmark = pytest.mark.django_db


@pytest.fixture
def many(cycle_index, district, monkeypatch):
    """A cycle answered by 14 districts, the member's among them."""
    monkeypatch.setattr("charts.figures.chromium_path", lambda: None)
    cycle = make_cycle(cycle_index, step=4, slug="grand", title="Grand cycle")
    answer(cycle, district, 4)
    for number in range(13):
        answer(cycle, DistrictFactory(country=district.country), number)
    return cycle


def figure(html: str, block_id: str) -> str:
    match = re.search(
        rf'<figure class="chart" id="chart-{block_id}".*?</figure>', html, re.S
    )
    assert match
    return match.group(0)


@pytest.mark.parametrize(
    ("language", "summary", "yours"),
    [
        ("fr", "Afficher le tableau (14 lignes)", "Votre district\u00a0: Banikoara"),
        ("en", "Show the table (14 rows)", "Your district: Banikoara"),
    ],
)
def test_a_long_table_is_folded_and_the_member_is_linked_to_their_row(
    client, many, home_page_en, member, language, summary, yours
):
    publish_results(many, [PER_DISTRICT, BY_CAUSE])
    page = many
    if language == "en":
        page = ensure_translation(many, "en")
        page.results = many.results
        page.save_revision().publish()
        refresh_page_charts(page)
        page.refresh_from_db()
    client.force_login(member)
    html = client.get(page.url).content.decode()
    long_one = figure(html, "c1")
    assert '<details class="chart__fold">' in long_one
    assert f'<span class="chart__fold-show">{summary}</span>' in long_one
    assert 'class="chart__table chart__table--long"' in long_one
    assert f'<a href="#chart-c1-your-district">{yours}</a>' in long_one
    assert re.search(
        r'<tr class="chart__mine" id="chart-c1-your-district"><th scope="row">Banikoara',
        long_one,
    )
    # A short table (two causes) stays open as it was.
    short = figure(html, "c2")
    assert (
        '<details class="chart__fold">' not in short
        and "chart__table--long" not in short
    )


def test_under_pseudonyms_the_member_finds_only_their_own_pseudonym(
    client, many, member, district
):
    publish_results(many, [PER_DISTRICT], mode=DisplayMode.PSEUDONYMS)
    client.force_login(member)
    long_one = figure(client.get(many.url).content.decode(), "c1")
    link = re.search(
        r'<a href="#chart-c1-your-district">Votre district\u00a0: ([^<]+)</a>', long_one
    )
    assert link and re.fullmatch(r"District [A-Z]+", link.group(1))
    assert district.name not in long_one  # not even the member's own real name


def test_country_aggregates_give_no_district_link(client, many, member):
    publish_results(many, [PER_DISTRICT], mode=DisplayMode.COUNTRIES)
    client.force_login(member)
    html = client.get(many.url).content.decode()
    assert "Votre district" not in html and "your-district" not in html


def test_the_page_cache_never_stores_a_members_district_link(
    client, settings, many, member
):
    """Signed-in pages are not cached; the anonymous copy has no personal bits."""
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    publish_results(many, [PER_DISTRICT], public=True)
    client.force_login(member)
    assert "Votre district" in client.get(many.url).content.decode()
    client.logout()
    client.cookies.clear()
    for _visit in range(2):  # stored, then served from the cache
        response = client.get(many.url)
        html = response.content.decode()
        assert "Afficher le tableau (14 lignes)" in html
        assert "Votre district" not in html and "chart__mine" not in html
    assert response["X-Cache"] == "hit"


@pytest.mark.parametrize(
    ("language", "show", "hide"),
    [
        ("fr", "Afficher le tableau (14 lignes)", "Masquer le tableau"),
        ("en", "Show the table (14 rows)", "Hide the table"),
    ],
)
def test_qa_an_open_long_table_says_it_can_be_hidden(
    client, many, home_page_en, member, language, show, hide
):
    """QA: once opened, the fold still said "Afficher le tableau (N lignes)". The
    summary holds both texts; the stylesheet shows the one for its state (no
    JavaScript), and hides the other from assistive technology too."""
    publish_results(many, [PER_DISTRICT])
    page = many
    if language == "en":
        page = ensure_translation(many, "en")
        page.results = many.results
        page.save_revision().publish()
        refresh_page_charts(page)
        page.refresh_from_db()
    client.force_login(member)
    long_one = figure(client.get(page.url).content.decode(), "c1")
    assert (
        f'<summary><span class="chart__fold-show">{show}</span>'
        f'<span class="chart__fold-hide">{hide}</span></summary>'
    ) in long_one
    css = (settings.BASE_DIR / "static" / "css" / "site.css").read_text()
    assert re.search(
        r"\.chart__fold:not\(\[open\]\) \.chart__fold-hide,\s*"
        r"\.chart__fold\[open\] \.chart__fold-show\s*\{\s*display:\s*none;?\s*\}",
        css,
    )
