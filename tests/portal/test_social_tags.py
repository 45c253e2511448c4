"""Open Graph and Twitter card tags on the home page, a cycle and the library, in
both languages, with absolute links on BASE_URL (issue #16: lessons only had them)."""

import html
import re

import pytest
from django.core.files.base import ContentFile

from charts.models import ChartSnapshot
from charts.services import refresh_page_charts
from tests.cycles.conftest import cycle, cycle_en, cycle_index  # noqa: F401
from tests.cycles.test_results import PER_DISTRICT, answer, publish_results
from tests.lessons.conftest import (  # noqa: F401
    _no_briefs_on_publish,
    library,
    library_en,
)

pytestmark = pytest.mark.django_db

BASE_URL = "https://district.example.org"
# Issue #16: og:locale said "fr"; Open Graph reads language_TERRITORY.
OG_LOCALE = {"fr": "fr_FR", "en": "en_GB"}


def meta(page_html: str, name: str) -> str:
    match = re.search(
        rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)"', page_html
    )
    assert match, name
    return html.unescape(match.group(1))


@pytest.fixture
def pages(home_page, home_page_en, cycle, cycle_en, library, library_en):  # noqa: F811
    return {
        "fr": [home_page, cycle, library],
        "en": [home_page_en, cycle_en, library_en],
    }


@pytest.mark.parametrize("language", ["fr", "en"])
def test_home_cycle_and_library_carry_social_tags(client, settings, pages, language):
    settings.BASE_URL = BASE_URL
    for page in pages[language]:
        page.refresh_from_db()
        path = page.get_url()
        response = client.get(path)
        assert response.status_code == 200, path
        page_html = response.content.decode()
        assert meta(page_html, "og:title") == page.title
        assert meta(page_html, "og:description")
        assert meta(page_html, "og:url") == BASE_URL + path
        assert meta(page_html, "og:locale") == OG_LOCALE[language]
        assert re.findall(
            r'property="og:locale:alternate" content="([^"]+)"', page_html
        ) == [OG_LOCALE["en" if language == "fr" else "fr"]]
        assert meta(page_html, "twitter:card") in {"summary", "summary_large_image"}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_shared_cycle_is_described_by_its_own_summary(
    client, settings, pages, language
):
    """Seen at 360 px: the cycle's tags carried the site's generic description."""
    cycle_page = pages[language][1]
    cycle_page.refresh_from_db()
    assert cycle_page.summary
    page_html = client.get(cycle_page.get_url()).content.decode()
    assert meta(page_html, "og:description") == cycle_page.summary


# --- Issue #16: a cycle shared with the image of its first chart ----------------------


@pytest.fixture
def charted(cycle, cycle_en, district, other_district, monkeypatch):  # noqa: F811
    """The French and English cycle with one chart each, its static images drawn
    (a small SVG and PNG stand for Chromium's; `png=False`: drawn before PNGs were)."""
    monkeypatch.setattr("charts.figures.chromium_path", lambda: None)
    answer(cycle, district, 4)
    answer(cycle, other_district, 9)

    def publish(*, published=True, public=True, png=True):
        publish_results(cycle, [PER_DISTRICT], published=published, public=public)
        cycle_en.refresh_from_db()
        cycle_en.results = cycle.results
        cycle_en.save(clean=False)
        refresh_page_charts(cycle_en)
        for snapshot in ChartSnapshot.objects.all():
            name = f"chart-{snapshot.language}.svg"
            snapshot.image.save(name, ContentFile(b"<svg></svg>"), save=True)
            if png:
                name = f"chart-{snapshot.language}.png"
                snapshot.share_image.save(name, ContentFile(b"\x89PNG"), save=True)
        return {"fr": cycle, "en": cycle_en}

    return publish


def _tags(client, page) -> str:
    page.refresh_from_db()
    response = client.get(page.get_url())
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("viewer", ["anonymous", "member"])
def test_public_results_are_shared_with_their_chart_image(
    client, settings, charted, member, language, viewer
):
    settings.BASE_URL = BASE_URL
    page = charted(published=True, public=True)[language]
    if viewer == "member":
        client.force_login(member)
    snapshot = ChartSnapshot.objects.get(language=language)
    page_html = _tags(client, page)
    # The PNG, never the page's SVG: link previews show no SVG (review case: the
    # first version shared the SVG, so WhatsApp and Facebook showed no image).
    image = BASE_URL + snapshot.share_image.url
    assert image.endswith(".png")
    assert meta(page_html, "og:image") == image
    assert meta(page_html, "og:image:type") == "image/png"
    assert (meta(page_html, "og:image:width"), meta(page_html, "og:image:height")) == (
        "1200",
        "630",
    )
    assert meta(page_html, "twitter:image") == image
    assert meta(page_html, "twitter:card") == "summary_large_image"
    assert snapshot.title in meta(page_html, "og:image:alt")


def test_a_chart_with_only_its_svg_shares_no_image(client, settings, charted):
    """A chart drawn before PNGs existed has an SVG only, which no link preview
    shows: no image is announced until `draw_chart_images` draws its PNG."""
    settings.BASE_URL = BASE_URL
    page = charted(published=True, public=True, png=False)["fr"]
    page_html = _tags(client, page)
    assert 'property="og:image"' not in page_html
    assert meta(page_html, "twitter:card") == "summary"


@pytest.mark.parametrize(
    ("published", "public", "viewer"),
    [
        (True, False, "anonymous"),  # members only: not for whoever the link reaches
        (True, False, "member"),
        (False, False, "facilitator"),  # not published yet
    ],
)
def test_results_hidden_from_anonymous_readers_are_never_the_shared_image(
    client, request, settings, charted, published, public, viewer
):
    settings.BASE_URL = BASE_URL
    page = charted(published=published, public=public)["fr"]
    if viewer != "anonymous":
        client.force_login(request.getfixturevalue(viewer))
    page_html = _tags(client, page)
    assert 'property="og:image"' not in page_html
    assert 'name="twitter:image"' not in page_html
    assert meta(page_html, "twitter:card") == "summary"
