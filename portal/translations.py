"""One way to find a page in another language (every app uses this module).

A translation group is every page sharing one `translation_key`. Its **source** is the
oldest page of the group (the page the others were translated from: French first);
responses, threads, snapshots and the behaviour of a cycle hang on it. A page **in a
language** is the group's live page in that locale; when there is none, readers get
the source page instead (shown with an "in French" notice), never another page.

This module sits below every app: it imports Wagtail only.
"""

import threading

from django.db.models import Q, QuerySet
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from portal import chrome

_request_memo = threading.local()


def start_request_memo(**_kwargs) -> None:
    """Remember the locales for the length of one request (connected to
    request_started): a page asks for the same two locales a dozen times."""
    _request_memo.locales = None
    _request_memo.active = True


def end_request_memo(**_kwargs) -> None:
    _request_memo.locales = None
    _request_memo.active = False


def _memoised_locales() -> list[Locale] | None:
    """Every Locale (a site has two or three), read once per request; None outside
    of a request, where nothing is memoised."""
    if not getattr(_request_memo, "active", False):
        return None
    if _request_memo.locales is None:
        _request_memo.locales = chrome.cached(
            None, "locales", lambda: list(Locale.objects.all())
        )
    return _request_memo.locales


def locale_for(language_code: str | None) -> Locale | None:
    """The Locale of a language code (`fr`, `en`), or None when the site has none."""
    if not language_code:
        return None
    memo = _memoised_locales()
    if memo is None:
        return Locale.objects.filter(language_code=language_code).first()
    return next((loc for loc in memo if loc.language_code == language_code), None)


def active_locale() -> Locale:
    """The Locale of the active language, or the default one (as
    `Locale.get_active`, memoised like `locale_for`)."""
    return locale_for(get_language()) or default_locale()


def language_of(page) -> str:
    """The language code of a page's locale (no query within a request)."""
    memo = None
    if not type(page).locale.is_cached(page):
        memo = _memoised_locales()
    if memo:
        for locale in memo:
            if locale.pk == page.locale_id:
                return locale.language_code
    return page.locale.language_code


def default_locale() -> Locale:
    """The Locale of the site's LANGUAGE_CODE (memoised like `locale_for`)."""
    from django.conf import settings

    found = locale_for(settings.LANGUAGE_CODE)
    return found if found is not None else Locale.get_default()


def source_id(page: Page) -> int | None:
    """The id of the group's source page (the oldest of its translation group)."""
    cached = page.__dict__.get("_translation_source_id")
    if cached is None and page.pk is not None:
        cached = chrome.cached(
            None, "source-id", lambda: _oldest_id(page), page.translation_key
        )
        page.__dict__["_translation_source_id"] = cached
    return cached if cached is not None else page.pk


def _oldest_id(page: Page) -> int:
    return (
        Page.objects.filter(translation_key=page.translation_key)
        .order_by("id")
        .values_list("id", flat=True)
        .first()
    ) or page.pk


def is_source(page: Page) -> bool:
    return page.pk is None or source_id(page) == page.pk


def source_page(page: Page) -> Page:
    """The group's source page, as its specific class (`page` itself if it is it)."""
    if is_source(page):
        return page
    cached = page.__dict__.get("_translation_source")
    if cached is None:
        cached = Page.objects.get(pk=source_id(page)).specific
        cached.__dict__["_translation_source_id"] = cached.pk
        # The source, asked for this page's language, finds it without a query.
        cached.__dict__["_known_translations"] = {page.locale_id: page}
        page.__dict__["_translation_source"] = cached
    return cached


def remember_sources(pages) -> None:
    """Find the source of every page of a listing at once (two or three queries in
    all instead of two per page); `source_id` and `source_page` then read it."""
    pages = [p for p in pages if p.pk is not None]
    keys = {p.translation_key for p in pages}
    if not keys:
        return
    first_ids = {}
    for key, pk in (
        Page.objects.filter(translation_key__in=keys)
        .order_by("id")
        .values_list("translation_key", "id")
    ):
        first_ids.setdefault(key, pk)
    for page in pages:
        page.__dict__["_translation_source_id"] = first_ids.get(
            page.translation_key, page.pk
        )
    wanted = {
        p.__dict__["_translation_source_id"]
        for p in pages
        if p.__dict__["_translation_source_id"] != p.pk
        and "_translation_source" not in p.__dict__
    }
    if not wanted:
        return
    sources = {s.pk: s for s in Page.objects.filter(pk__in=wanted).specific()}
    for page in pages:
        found = sources.get(page.__dict__["_translation_source_id"])
        if found is not None and found.pk != page.pk:
            page.__dict__["_translation_source"] = found


def in_language(page: Page, language_code: str | None = None) -> Page | None:
    """The group's live page in a language (the active one by default), or None."""
    locale = locale_for(language_code or get_language())
    if locale is None:
        return None
    if page.locale_id == locale.pk and page.live:
        return page
    known = page.__dict__.get("_known_translations", {}).get(locale.pk)
    if known is not None and known.live:
        return known
    found = (
        Page.objects.live()
        .filter(translation_key=page.translation_key, locale=locale)
        .first()
    )
    if found is None:
        return None
    found = found.specific
    _share_source(page, found)
    return found


def _share_source(page: Page, other: Page) -> None:
    """`other` is of `page`'s translation group: it has the same source."""
    known = page.__dict__.get("_translation_source_id")
    if known is None or "_translation_source_id" in other.__dict__:
        return
    other.__dict__["_translation_source_id"] = known
    if known == page.pk:
        other.__dict__.setdefault("_translation_source", page)
    elif "_translation_source" in page.__dict__:
        other.__dict__.setdefault(
            "_translation_source", page.__dict__["_translation_source"]
        )


def in_language_or_source(page: Page, language_code: str | None = None) -> Page:
    """The page in a language when it is live there, else the group's source page.

    What a reader of that language is shown (the source comes with a notice)."""
    return in_language(page, language_code) or source_page(page)


def live_translations(page: Page, specific: bool = True) -> dict[str, Page]:
    """{language code: live page} for every language the group is published in.

    `specific=False` gives plain `Page` objects (enough for titles and URLs, one
    query instead of two)."""
    pages = Page.objects.live().filter(translation_key=page.translation_key)
    if specific:
        pages = pages.specific()
    return {language_of(p): p for p in pages}


def for_readers_of(queryset: QuerySet, language_code: str | None = None) -> QuerySet:
    """The pages of `queryset` a reader of a language should see: the language's own
    pages, plus source-language pages that have no live translation in it.

    `queryset` is of one page model; listings, feeds, search and the API use this so
    that a lesson published in French only is still listed on the English side."""
    locale = locale_for(language_code or get_language())
    default = default_locale()
    if locale is None:
        return queryset.none()
    if locale.pk == default.pk:
        return queryset.filter(locale=default)
    translated = Page.objects.live().filter(locale=locale).values("translation_key")
    return queryset.filter(
        Q(locale=locale) | (Q(locale=default) & ~Q(translation_key__in=translated))
    )


def shown_in_other_language(page: Page, language_code: str | None = None) -> bool:
    """Whether `page` is shown to readers of a language it is not written in.

    Reads the page's locale (select it with the page in listings: no query per row)."""
    return language_of(page) != (language_code or get_language())
