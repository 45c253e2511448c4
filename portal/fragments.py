"""Rendered HTML kept in Django's cache under the digest of everything it is made of.

A fragment's key is the digest of its inputs (the values its template shows, the
language, the reader's time zone, whatever else the caller names), never a token to
bump: a change of any input is a new key, so a fragment can never outlive what it
shows, and every worker keeps its own copy of what it read (portal/localcopy.py). The caller
names the inputs; what is not among them must not change the HTML.

A form's CSRF token is the reader's own: fragments are rendered with ``PLACEHOLDER``
as the token and the reader's token is put in its place on the way out (the same
masked token for the whole fragment, as a page rendered by Django has). The
placeholder is derived from the secret key, so no reader can type it into a comment.
FRAGMENT_CACHE = False (a setting) renders every fragment each time.
"""

from __future__ import annotations

import hashlib
import json
import uuid

from django.conf import settings
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from portal import localcopy
from portal.pagecache import FRAGMENT_STATS

SECONDS = 3600
_MEMO = "_fragment_csrf_token"
_RENDERING = "_fragment_rendering"  # how many fragments are being rendered, nested
# Bump when a fragment's template changes in a way its inputs do not show.
FORMAT = 1
# Drawn when the code is loaded (once per deployment: gunicorn preloads the app
# before forking its workers), so that fragments rendered by the previous release's
# templates and static file names are never served by this one.
RELEASE = uuid.uuid4().hex
PLACEHOLDER = (
    "csrf-"
    + hashlib.sha256(f"fragment-csrf:{settings.SECRET_KEY}".encode()).hexdigest()[:32]
)


def enabled() -> bool:
    return bool(getattr(settings, "FRAGMENT_CACHE", True))


def key(name: str, *parts) -> str:
    """The cache key of fragment ``name`` made of ``parts`` (JSON-able values; dates,
    lazy strings and other objects are written with ``str``), in the active language
    and time zone."""
    text = json.dumps(
        [
            FORMAT,
            RELEASE,
            get_language(),
            timezone.get_current_timezone_name(),
            parts,
        ],
        default=str,
        sort_keys=True,
        separators=(",", ":"),
    )
    digest = hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()
    return f"fragment:{name}:{digest}"


def with_token(request: HttpRequest | None, html: str) -> SafeString:
    """``html`` with the reader's CSRF token in place of the placeholder (the token
    cookie is set as for any page with a form)."""
    if PLACEHOLDER in html:
        html = html.replace(PLACEHOLDER, _token(request))
    return mark_safe(html)  # noqa: S308 - rendered by a template, autoescaped


def _token(request: HttpRequest | None) -> str:
    """The reader's masked CSRF token, drawn once per request (masking costs); the
    placeholder while a fragment that holds this one is rendered (the outer one is
    stored, so no reader's token may go into it)."""
    if request is None:
        return ""
    if request.__dict__.get(_RENDERING):
        return PLACEHOLDER
    if _MEMO not in request.__dict__:
        request.__dict__[_MEMO] = get_token(request)
    return request.__dict__[_MEMO]


def html(
    request: HttpRequest | None, name: str, render, *parts, counted: bool = False
) -> SafeString:
    """``render(csrf_token)`` (a template's output), kept under ``name`` and the
    digest of ``parts``; the reader's CSRF token substituted per request. A
    ``counted`` hit is added to the request's fragment statistics (a miss is
    counted by what ``render`` reads from the cache: the charts' tables)."""
    if not enabled():
        return mark_safe(render(_token(request)))  # noqa: S308
    rendered = []

    def render_once():
        rendered.append(True)
        if request is None:
            return str(render(PLACEHOLDER))
        request.__dict__[_RENDERING] = request.__dict__.get(_RENDERING, 0) + 1
        try:
            return str(render(PLACEHOLDER))
        finally:
            request.__dict__[_RENDERING] -= 1

    stored = localcopy.read(key(name, *parts), render_once, SECONDS)
    if counted and not rendered and request is not None:
        stats = request.__dict__.setdefault(FRAGMENT_STATS, [0, 0])
        stats[0] += 1
        stats[1] += 1
    return with_token(request, stored)
