"""What every page shows around its content, read once per change of the site rather
than on every request: the main menu, the site roots' addresses (language switcher)
and the view restrictions that listings apply (portal/privacy.py).

Stored in Django's cache under two tokens: the page cache's generation (bumped by every
publication, unpublication, move, deletion and privacy change, portal/pagecache.py)
and a token of its own, bumped whenever any page row is saved (a page added by code,
a draft saved), so the menu never lags the tree. Only where every worker shares the
cache (Redis, or on one server the file cache of production's CACHE_DIR; one process
in development and tests): ``CHROME_CACHE`` is off in production when each worker
would have only its own memory, because a token bumped in one worker's memory would
not reach the others.
"""

import hashlib
import threading
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest
from wagtail.models import Locale, Page, Site

from portal import localcopy, pagecache

VERSION_KEY = "chrome:version"
SECONDS = 300
_MEMO = "_chrome_tokens"


def enabled() -> bool:
    """On where every worker shares the cache, and never while a draft is rendered
    (``DraftRenderMiddleware``)."""
    return bool(getattr(settings, "CHROME_CACHE", False)) and not _request_memo.drafts


def _token() -> str:
    token = cache.get(VERSION_KEY)
    if token is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        token = cache.get(VERSION_KEY) or ""
    return token


class _RequestMemo(threading.local):
    """The tokens read once per request, also for pieces read without the request at
    hand (``cached(None, …)``); active only between Django's request_started and
    request_finished, so code outside a request always reads the cache."""

    active = False
    tokens: str | None = None
    drafts = 0  # previews being rendered in this thread (they nest in an admin request)


_request_memo = _RequestMemo()


class DraftRenderMiddleware:
    """A preview renders a draft (Wagtail's ``make_preview_request``, marked
    ``is_dummy``, inside the editor's own request): nothing it reads comes from what
    the live site keeps, and nothing it renders is kept under the live site's keys,
    where the next reader would get the draft (its questionnaire, its attribution)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not getattr(request, "is_dummy", False):
            return self.get_response(request)
        _request_memo.drafts += 1
        try:
            return self.get_response(request)
        finally:
            _request_memo.drafts -= 1


def _request_started(**kwargs) -> None:
    _request_memo.active, _request_memo.tokens = True, None


def _request_finished(**kwargs) -> None:
    _request_memo.active, _request_memo.tokens = False, None


def _tokens_replaced(**kwargs) -> None:
    _request_memo.tokens = None


def _tokens(request: HttpRequest | None) -> str:
    if request is not None and hasattr(request, _MEMO):
        return getattr(request, _MEMO)
    if _request_memo.tokens is not None:
        tokens = _request_memo.tokens
    else:
        tokens = f"{pagecache.generation()}:{_token()}"
        if _request_memo.active:
            _request_memo.tokens = tokens
    if request is not None:
        setattr(request, _MEMO, tokens)
    return tokens


def cached(request: HttpRequest | None, name: str, compute, *parts):
    """``compute()``, kept under ``name`` and ``parts`` until the site changes. The
    parts must name everything the value depends on besides the site's pages (the
    language; for a reader-dependent value, what the reader may see)."""
    if not enabled():
        return compute()
    named = ":".join(str(p) for p in parts)
    if len(named) > 120:  # many ids, a long query value: keys stay short
        named = hashlib.sha256(named.encode("utf-8", "surrogateescape")).hexdigest()
    tokens = _tokens(request)
    key = ":".join(["chrome", tokens, name, named])
    # Under its tokens a key names one value for good: each worker keeps a copy
    # (not when the shared cache gave no tokens: the key would name nothing).
    return localcopy.read(key, compute, SECONDS, keep_copy=all(tokens.split(":")))


def site_version(request: HttpRequest | None) -> str | None:
    """The tokens that any change of the site replaces, for the key of something
    rendered from the site's current state (portal/fragments.py); None where they are
    not shared by every worker, or the shared cache gave none: nothing may then be
    kept under them."""
    if not enabled():
        return None
    tokens = _tokens(request)
    return tokens if all(tokens.split(":")) else None


def forget() -> None:
    """Every stored piece is stale: now, and again once the transaction commits."""
    _request_memo.tokens = None
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    transaction.on_commit(
        lambda: cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    )


def _forget_on_save(sender, instance=None, **kwargs) -> None:
    if isinstance(instance, (Page, Site, Locale)):
        forget()


def connect_signals() -> None:
    """Any page or site row saved or deleted (called from PortalConfig)."""
    post_save.connect(_forget_on_save, dispatch_uid="chrome-save")
    post_delete.connect(_forget_on_save, dispatch_uid="chrome-delete")
    request_started.connect(_request_started, dispatch_uid="chrome-request-started")
    request_finished.connect(_request_finished, dispatch_uid="chrome-request-finished")
    pagecache.generation_replaced.connect(
        _tokens_replaced, dispatch_uid="chrome-generation-replaced"
    )
