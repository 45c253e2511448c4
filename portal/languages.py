"""Where the language switcher sends a reader: the same page in the other language."""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import get_language
from wagtail.models import Page

from portal.translations import live_translations, locale_for


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool


def _page_urls_by_language(page: Page, request: HttpRequest) -> dict[str, str]:
    return {
        code: translated.get_url(request)
        for code, translated in live_translations(page, specific=False).items()
    }


def language_links(
    request: HttpRequest, page: Page | None = None
) -> list[LanguageLink]:
    """One link per language, pointing at the translated page when it exists.

    A page with no translation in a language links to that language's version of
    the same URL, which shows the untranslated-page notice (or the home page for
    Wagtail pages that have no translation).
    """
    current = get_language()
    page_urls = _page_urls_by_language(page, request) if page is not None else {}
    # Filters and anchors the reader chose (?step=3, ?chart=…) carry over.
    query = f"?{request.GET.urlencode()}" if request.GET else ""
    links = []
    for code, name in settings.LANGUAGES:
        url = page_urls.get(code)
        if url is None and page is not None:
            url = _untranslated_url(page, code)
        if url is not None:
            url += query
        elif page is not None:
            url = _home_url(code, request)
        if url is None:
            url = translate_url(request.get_full_path(), code)
        links.append(
            LanguageLink(code=code, name=name, url=url, is_current=code == current)
        )
    return links


def _untranslated_url(page: Page, language_code: str) -> str | None:
    """Where a page with no translation is read in another language, when its model
    serves it there (a lesson: its address in that language's library)."""
    with translation.override(language_code):
        return getattr(page.specific, "reader_url", None)


def _home_url(language_code: str, request: HttpRequest) -> str:
    locale = locale_for(language_code)
    site_root = Page.objects.filter(depth=2, locale=locale).live().first()
    return site_root.get_url(request) if site_root else f"/{language_code}/"
