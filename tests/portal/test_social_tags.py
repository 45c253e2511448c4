"""Open Graph and Twitter card tags on the home page, a cycle and the library, in
both languages, with absolute links on BASE_URL (issue #16: lessons only had them)."""

import html
import re

import pytest

from tests.cycles.conftest import cycle, cycle_en, cycle_index  # noqa: F401
from tests.lessons.conftest import (  # noqa: F401
    _no_briefs_on_publish,
    library,
    library_en,
)

pytestmark = pytest.mark.django_db

BASE_URL = "https://district.example.org"


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
        assert meta(page_html, "og:locale") == language
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
