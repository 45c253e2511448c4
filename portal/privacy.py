"""Which pages a reader may see *listed*: Wagtail's view restrictions, per reader.

Wagtail applies a page's privacy (the admin's Privacy dialog) when the page itself is
served; a listing (the home page's cycles, the cycle index, the forum links, the main
menu) must apply it too, or the title and summary of a page a facilitator made private
show to everyone. ``.public()`` would hide a restricted page from the very readers it
lets in, so the rule here is Wagtail's own ``accept_request`` read for every restriction
at once: a page is left out when a restriction on it or on an ancestor refuses the
reader (not signed in; not in one of its groups; its password not given this session).

Cost: one query for the restrictions (none are set on most sites), and, only when a
group restriction exists, one for its groups and one for the reader's; the first two
are kept in the cache until the site changes (portal/chrome.py).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import TypeVar

from django.db.models import QuerySet
from django.http import HttpRequest
from wagtail.models import Page, PageViewRestriction

from portal import chrome

P = TypeVar("P", bound=Page)
_MEMO = "_refused_page_paths"


def refused_paths(request: HttpRequest) -> tuple[str, ...]:
    """Tree paths of the pages whose restriction refuses this reader (memoised on the
    request)."""
    if hasattr(request, _MEMO):
        return getattr(request, _MEMO)
    rows = restriction_rows(request)
    refused = tuple(
        path for pk, kind, path in rows if not _accepts(request, pk, kind, rows)
    )
    setattr(request, _MEMO, refused)
    return refused


def restriction_rows(request: HttpRequest | None = None) -> list[tuple[int, str, str]]:
    """(id, kind, page path) of every view restriction, from the site's cache."""
    return chrome.cached(request, "restrictions", _restriction_rows)


def _restriction_rows() -> list[tuple[int, str, str]]:
    return list(
        PageViewRestriction.objects.values_list("id", "restriction_type", "page__path")
    )


def _groups_by_restriction() -> dict[int, set[int]]:
    groups: dict[int, set[int]] = {}
    through = PageViewRestriction.groups.through.objects
    for restriction_id, group_id in through.values_list(
        "pageviewrestriction_id", "group_id"
    ):
        groups.setdefault(restriction_id, set()).add(group_id)
    return groups


def reader_key(request: HttpRequest) -> str:
    """A short name for what this reader may see listed: readers refused the same
    pages share it (portal/chrome.py keys reader-dependent pieces with it)."""
    refused = refused_paths(request)
    if not refused:
        return "all"
    return hashlib.sha256("|".join(refused).encode()).hexdigest()[:24]


def _accepts(request: HttpRequest, pk: int, kind: str, rows) -> bool:
    user = request.user
    if kind == PageViewRestriction.PASSWORD:
        session = getattr(request, "session", {})
        return pk in session.get(
            PageViewRestriction.passed_view_restrictions_session_key, []
        )
    if kind == PageViewRestriction.LOGIN:
        return user.is_authenticated
    if kind == PageViewRestriction.GROUPS:
        if not user.is_authenticated:
            return False
        return user.is_superuser or bool(
            _restriction_groups(request, rows).get(pk, set()) & _user_groups(request)
        )
    return True


def _restriction_groups(request: HttpRequest, rows) -> dict[int, set[int]]:
    memo = "_restriction_groups"
    if not hasattr(request, memo):
        groups = chrome.cached(request, "restriction-groups", _groups_by_restriction)
        setattr(request, memo, groups)
    return getattr(request, memo)


def _user_groups(request: HttpRequest) -> set[int]:
    memo = "_reader_group_ids"
    if not hasattr(request, memo):
        setattr(request, memo, set(request.user.groups.values_list("id", flat=True)))
    return getattr(request, memo)


def listable(pages: QuerySet[P], request: HttpRequest) -> QuerySet[P]:
    """The pages of ``pages`` this reader may see listed (a queryset stays one)."""
    for path in refused_paths(request):
        pages = pages.exclude(path__startswith=path)
    return pages


def listable_list(pages: Iterable[P], request: HttpRequest) -> list[P]:
    """The same rule over pages already fetched."""
    refused = refused_paths(request)
    return [page for page in pages if not page.path.startswith(refused)]


# --- Outside a request: who may be *told* about a page (e-mails, reminders) ----------
def restrictions_of(page: Page) -> list[PageViewRestriction]:
    """The view restrictions on the page and its ancestors (Wagtail's own lookup)."""
    return list(page.get_view_restrictions().prefetch_related("groups"))


def user_may_read(user, restrictions: list[PageViewRestriction]) -> bool:
    """Whether ``user`` passes every restriction. An e-mail cannot know who was given a
    page's password, so a password-protected page is announced to nobody."""
    for restriction in restrictions:
        kind = restriction.restriction_type
        if kind == PageViewRestriction.PASSWORD:
            return False
        if not user.is_authenticated:
            return False
        if kind == PageViewRestriction.GROUPS and not user.is_superuser:
            allowed = {group.pk for group in restriction.groups.all()}
            if not allowed & set(user.groups.values_list("pk", flat=True)):
                return False
    return True
