"""One way to find a page in another language (every app uses this module).

A translation group is every page sharing one `translation_key`. Its **source** is the
oldest page of the group (the page the others were translated from: French first);
responses, threads, snapshots and the behaviour of a cycle hang on it. A page **in a
language** is the group's live page in that locale; when there is none, readers get
the source page instead (shown with an "in French" notice), never another page.

This module sits below every app: it imports Wagtail only.
"""

from django.db.models import Q, QuerySet
from django.utils.translation import get_language
from wagtail.models import Locale, Page


def locale_for(language_code: str | None) -> Locale | None:
    """The Locale of a language code (`fr`, `en`), or None when the site has none."""
    if not language_code:
        return None
    return Locale.objects.filter(language_code=language_code).first()


def source_id(page: Page) -> int | None:
    """The id of the group's source page (the oldest of its translation group)."""
    cached = page.__dict__.get("_translation_source_id")
    if cached is None and page.pk is not None:
        cached = (
            Page.objects.filter(translation_key=page.translation_key)
            .order_by("id")
            .values_list("id", flat=True)
            .first()
        ) or page.pk
        page.__dict__["_translation_source_id"] = cached
    return cached if cached is not None else page.pk


def is_source(page: Page) -> bool:
    return page.pk is None or source_id(page) == page.pk


def source_page(page: Page) -> Page:
    """The group's source page, as its specific class (`page` itself if it is it)."""
    if is_source(page):
        return page
    cached = page.__dict__.get("_translation_source")
    if cached is None:
        cached = Page.objects.get(pk=source_id(page)).specific
        page.__dict__["_translation_source"] = cached
    return cached


def in_language(page: Page, language_code: str | None = None) -> Page | None:
    """The group's live page in a language (the active one by default), or None."""
    locale = locale_for(language_code or get_language())
    if locale is None:
        return None
    if page.locale_id == locale.pk and page.live:
        return page
    found = (
        Page.objects.live()
        .filter(translation_key=page.translation_key, locale=locale)
        .first()
    )
    return found.specific if found else None


def in_language_or_source(page: Page, language_code: str | None = None) -> Page:
    """The page in a language when it is live there, else the group's source page.

    What a reader of that language is shown (the source comes with a notice)."""
    return in_language(page, language_code) or source_page(page)


def live_translations(page: Page) -> dict[str, Page]:
    """{language code: live page} for every language the group is published in."""
    pages = (
        Page.objects.live()
        .filter(translation_key=page.translation_key)
        .select_related("locale")
        .specific()
    )
    return {p.locale.language_code: p for p in pages}


def for_readers_of(queryset: QuerySet, language_code: str | None = None) -> QuerySet:
    """The pages of `queryset` a reader of a language should see: the language's own
    pages, plus source-language pages that have no live translation in it.

    `queryset` is of one page model; listings, feeds, search and the API use this so
    that a lesson published in French only is still listed on the English side."""
    locale = locale_for(language_code or get_language())
    default = Locale.get_default()
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
    return page.locale.language_code != (language_code or get_language())
