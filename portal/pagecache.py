"""Anonymous readers' Wagtail pages served from Django's cache (see docs/decisions.md).

Only what every anonymous reader would be sent is stored: a GET of a Wagtail page (not a
preview, not the admin) from a request with no session, answered 200 with no cookie set,
no CSRF token in the page and no ``Cache-Control: private/no-store/no-cache``. A
signed-in reader (a session cookie) is neither served from the cache nor stored, nor
is a page rendered in a reader's own time zone (districts/middleware.py).

Purge is site-wide: every key carries a *generation* token kept in the cache, and any
change a reader could see (a page published, unpublished, moved or deleted; a page's
privacy set, changed or lifted, which saves no revision; a comment
posted, edited, liked or moderated; a survey submitted; a chart recomputed) replaces
the token, so all stored pages are forgotten at once. The token is random rather than
a counter, so that an evicted token can never bring old pages back.

Each reader gets a CSP nonce of their own: the nonce the page was rendered with is
stored beside it, and a hit replaces it, in the page's ``nonce="…"`` attributes and in
the policy header, with a fresh one (a nonce replayed to every reader could be reused by
anyone who read the page once).

The key is the scheme, host and full path (query string included; the language is in
the path), not Accept-Encoding: the stored page is uncompressed, and GZipMiddleware
(outside this one) compresses it per request.
"""

from __future__ import annotations

import base64
import hashlib
import os
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal
from django.http import HttpRequest, HttpResponse
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

GENERATION_KEY = "pagecache:generation"
HEADER = "X-Cache"
# Fragments of the page served from the cache: "hits/lookups" (set by charts on the
# request as [hits, lookups]; read by the benchmark for the hit rate).
FRAGMENT_HEADER = "X-Fragment-Cache"
FRAGMENT_STATS = "_fragment_cache"
# Set by the before_serve_page hook (portal/wagtail_hooks.py) and by the few Django
# views that call ``mark_storable`` (the search page): only those are stored, never
# a Django view that happens to answer 200.
PAGE_MARK = "_page_cache_page"
# Set by districts.middleware.ReaderTimeZoneMiddleware on a request rendered in a
# reader's own time zone: such a page is never stored for anonymous readers.
PERSONAL_MARK = "_page_cache_personal"
_UNCACHEABLE = ("private", "no-store", "no-cache")
_ADMIN_PREFIXES = ("/admin/", "/django-admin/")


def cache_seconds() -> int:
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 0) or 0)


def generation() -> str:
    token = cache.get(GENERATION_KEY)
    if token is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        token = cache.get(GENERATION_KEY) or ""
    return token


# Sent whenever the generation is replaced (portal/chrome.py forgets the tokens it
# read for the current request).
generation_replaced = Signal()


def _new_generation() -> None:
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    generation_replaced.send(sender=None)


def purge() -> None:
    """Forget every stored page: now, and again once the current transaction commits
    (a reader who rendered the page between the two saw the old rows and stored it
    under the generation the commit replaces)."""
    _new_generation()
    transaction.on_commit(_new_generation)


def _signed_in(request: HttpRequest) -> bool:
    """A session or a pending message may change the page: such a request is never
    served from the cache nor stored (checked before the session is read)."""
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies


def eligible(request: HttpRequest) -> bool:
    return (
        cache_seconds() > 0
        and request.method in ("GET", "HEAD")
        and not request.path.startswith(_ADMIN_PREFIXES)
        and not _signed_in(request)
    )


def mark_storable(request: HttpRequest) -> None:
    """Let the page cache store this response for anonymous readers: for a view that
    sends every anonymous reader the same page for the same address (query string
    included), whose every input is purged with the generation. The other rules
    still apply (no session, 200, no cookie, no CSRF token, no personal time zone)."""
    setattr(request, PAGE_MARK, True)


def cache_key(request: HttpRequest, token: str) -> str | None:
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    address = f"{request.scheme}://{host}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode("utf-8", "surrogateescape")).hexdigest()
    return f"pagecache:{token}:{digest}"


def storable(request: HttpRequest, response: HttpResponse) -> bool:
    if request.method != "GET" or not getattr(request, PAGE_MARK, False):
        return False
    if getattr(request, "is_preview", False) or getattr(request, PERSONAL_MARK, False):
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if response.has_header("Set-Cookie"):
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in _UNCACHEABLE):
        return False
    return b"csrfmiddlewaretoken" not in response.content


_CSP_HEADERS = ("Content-Security-Policy", "Content-Security-Policy-Report-Only")


def _stored(request: HttpRequest, response: HttpResponse) -> dict:
    headers = {
        name: value
        for name, value in response.headers.items()
        if name.lower() not in ("content-length", HEADER.lower())
    }
    return {
        "status": response.status_code,
        "headers": headers,
        "content": response.content,
        # django-csp keeps the nonce it drew (if the page used one) on the request.
        "nonce": getattr(request, "_csp_nonce", None),
    }


def _fresh_nonce(entry: dict) -> tuple[bytes, dict]:
    """The stored content and headers with the stored nonce replaced by a new one."""
    content, headers, old = entry["content"], dict(entry["headers"]), entry.get("nonce")
    if not old:
        return content, headers
    new = base64.b64encode(os.urandom(16)).decode("ascii")
    content = content.replace(f'nonce="{old}"'.encode(), f'nonce="{new}"'.encode())
    for name in _CSP_HEADERS:
        if name in headers:
            headers[name] = headers[name].replace(f"'nonce-{old}'", f"'nonce-{new}'")
    return content, headers


def _from_stored(entry: dict) -> HttpResponse:
    content, headers = _fresh_nonce(entry)
    response = HttpResponse(content, status=entry["status"], headers=headers)
    response[HEADER] = "hit"
    return response


class PageCacheMiddleware:
    """Between GZipMiddleware and SessionMiddleware: it sees the page with the
    session's and the CSRF middleware's cookies and the CSP header already set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not eligible(request):
            return _with_fragment_stats(request, self.get_response(request))
        key = cache_key(request, generation())
        if key is None:
            return self.get_response(request)
        entry = cache.get(key)
        if entry is not None:
            return _from_stored(entry)
        response = self.get_response(request)
        if storable(request, response):
            cache.set(key, _stored(request, response), timeout=cache_seconds())
        response[HEADER] = "miss"
        return _with_fragment_stats(request, response)


def _with_fragment_stats(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    stats = getattr(request, FRAGMENT_STATS, None)
    if stats:
        response[FRAGMENT_HEADER] = f"{stats[0]}/{stats[1]}"
    return response


def _purge_on_signal(sender, **kwargs) -> None:
    purge()


def _purge_on_page_delete(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        purge()


def connect_signals() -> None:
    """Wagtail's publication signals purge the cache (called from PortalConfig)."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_purge_on_signal, dispatch_uid=f"pagecache-{signal!r}")
    post_delete.connect(_purge_on_page_delete, dispatch_uid="pagecache-page-delete")
    # The admin's Privacy dialog: no publication, yet the page must leave at once.
    for signal in (post_save, post_delete):
        signal.connect(
            _purge_on_signal,
            sender=PageViewRestriction,
            dispatch_uid=f"pagecache-privacy-{signal!r}",
        )
    m2m_changed.connect(
        _purge_on_signal,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="pagecache-privacy-groups",
    )
