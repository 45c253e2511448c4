"""Where the language switcher sends a reader: the same page in the other language;
and the page's canonical address and its translations for search engines
(``<link rel="canonical">`` and ``hreflang`` alternates, absolute on BASE_URL)."""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import get_language
from wagtail.models import Page

from portal import chrome
from portal.links import absolute_url
from portal.translations import default_locale, live_translations

# The page's translations' URLs, read once per request (switcher and <head> share them).
_URLS_MEMO = "_page_urls_by_language"


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool


@dataclass(frozen=True)
class AlternateLinks:
    canonical: str
    alternates: tuple[tuple[str, str], ...]  # (hreflang, absolute URL), x-default last


def _page_urls_by_language(page: Page, request: HttpRequest) -> dict[str, str]:
    memo = request.__dict__.setdefault(_URLS_MEMO, {})
    if page.pk not in memo:
        memo[page.pk] = chrome.cached(
            request,
            "translation-urls",
            lambda: {
                code: translated.get_url(request)
                for code, translated in live_translations(page, specific=False).items()
            },
            page.translation_key,
            request.get_host(),
        )
    return memo[page.pk]


def _absolute(url: str) -> str:
    return url if url.startswith(("http://", "https://")) else absolute_url(url)


def alternate_links(request: HttpRequest, page: Page) -> AlternateLinks | None:
    """The page's own address (a lesson read in another language's library, in
    French, names its French page as canonical) and one alternate per published
    translation, plus ``x-default``: the source language's. None for a page not
    served (a preview, a draft with no URL)."""
    own = page.get_url(request)
    if not own:
        return None
    urls = _page_urls_by_language(page, request)
    if len(urls) < 2:
        return AlternateLinks(canonical=_absolute(own), alternates=())
    alternates = [
        (code, _absolute(urls[code])) for code, _n in settings.LANGUAGES if code in urls
    ]
    default = urls.get(default_locale().language_code)
    if default:
        alternates.append(("x-default", _absolute(default)))
    return AlternateLinks(canonical=_absolute(own), alternates=tuple(alternates))


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
            url = chrome.cached(
                request,
                "untranslated-url",
                lambda code=code: _untranslated_url(page, code),
                page.pk,
                code,
            )
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


def _site_root_urls(request: HttpRequest) -> dict[str, str]:
    """{language code: URL of its live site root} (the first root of each locale)."""
    urls: dict[str, str] = {}
    roots = (
        Page.objects.filter(depth=2).live().select_related("locale").order_by("path")
    )
    for root in roots:
        urls.setdefault(root.locale.language_code, root.get_url(request))
    return urls


def _home_url(language_code: str, request: HttpRequest) -> str:
    urls = chrome.cached(
        request, "site-roots", lambda: _site_root_urls(request), request.get_host()
    )
    return urls.get(language_code) or f"/{language_code}/"
