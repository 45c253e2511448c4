"""The installable, offline-capable site: the service worker, the web app manifest,
the per-member marks the worker caches by, and the logout that clears it all
(docs/decisions.md, "Answering with no connection").

The worker keeps only what the server marks: a response carries
``X-Offline-Member`` (an opaque id per member, ``none`` for an anonymous reader) on
every HTML page, and ``X-Offline-Cache`` (the same id) only on a page an app marked
as worth keeping offline (``mark_offline``: a cycle page whose survey the member may
answer), answered 200 to a GET, with no cookie set (but the CSRF cookie re-sent unchanged),
outside the admin (a cycle page whose commitments the member may edit is marked too,
by ``followup.sections``). The worker
stores such pages in a cache named after the id, drops every other member's cache as
soon as a page names another member or nobody, and never stores anything else but
the shell (static assets and the offline page, fetched without credentials).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.crypto import salted_hmac
from django.views.decorators.http import require_GET

OFFLINE_MARK = "_offline_page"
MEMBER_HEADER = "X-Offline-Member"
CACHE_HEADER = "X-Offline-Cache"
ANONYMOUS = "none"
_ADMIN_PREFIXES = ("/admin/", "/django-admin/")
# What every installed copy keeps (fetched without credentials: nothing personal).
SHELL_ASSETS = (
    "css/site.css",
    "js/autosave.js",
    "js/survey.js",
    "js/survey-offline.js",
    "js/followup.js",
    "js/sw-register.js",
    "img/icon.svg",
    "img/icon-192.png",
)


def member_id(user) -> str:
    """An opaque, stable id per member (never the username): the worker's cache name."""
    if not getattr(user, "is_authenticated", False):
        return ANONYMOUS
    return salted_hmac("portal.offline.member", str(user.pk)).hexdigest()[:24]


def mark_offline(request: HttpRequest) -> None:
    """Ask the worker to keep this page for offline use (a signed-in member's only)."""
    setattr(request, OFFLINE_MARK, True)


def _sets_cookies(request: HttpRequest, response: HttpResponse) -> bool:
    """Any cookie but the CSRF cookie re-sent unchanged (Django refreshes its expiry
    on every page with a form): a new session, a new token, a message."""
    csrf = settings.CSRF_COOKIE_NAME
    for name, morsel in response.cookies.items():
        if name != csrf or morsel.value != request.COOKIES.get(csrf):
            return True
    return False


def _keepable(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        getattr(request, OFFLINE_MARK, False)
        and request.method == "GET"
        and response.status_code == 200
        and not _sets_cookies(request, response)
        and not request.path.startswith(_ADMIN_PREFIXES)
    )


class OfflineHeadersMiddleware:
    """Outside sessions and CSRF (it sees the cookies they set), inside the page cache
    (an anonymous page it stores carries only ``none``, the same for everyone)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not response.get("Content-Type", "").startswith("text/html"):
            return response
        if request.path.startswith(_ADMIN_PREFIXES):
            return response
        member = member_id(getattr(request, "user", None))
        response[MEMBER_HEADER] = member
        if member != ANONYMOUS and _keepable(request, response):
            response[CACHE_HEADER] = member
        return response


def shell_urls() -> list[str]:
    return [staticfiles_storage.url(name) for name in SHELL_ASSETS]


def _asset_digest() -> str:
    """Changes with any shell asset's content (hashed names in production, the
    files themselves under plain storage), so a deployment reaches installed copies."""
    digest = hashlib.sha256(settings.OFFLINE_VERSION.encode())
    for name in SHELL_ASSETS:
        digest.update(staticfiles_storage.url(name).encode())
        found = finders.find(name)
        if found:
            digest.update(Path(found).read_bytes())
        else:
            with staticfiles_storage.open(name) as handle:
                digest.update(handle.read())
    return digest.hexdigest()[:16]


@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    languages = [code for code, _name in settings.LANGUAGES]
    body = render_to_string(
        "offline/sw.js",
        {
            "version": _asset_digest(),
            "shell": shell_urls(),
            "languages": languages,
            "static_url": settings.STATIC_URL,
        },
    )
    response = HttpResponse(body, content_type="application/javascript; charset=utf-8")
    # Checked at every visit: an update of the assets reaches installed copies.
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/"
    return response


@require_GET
def manifest(request: HttpRequest) -> JsonResponse:
    icons = [
        {"src": staticfiles_storage.url("img/icon.svg"), "sizes": "any"},
        {"src": staticfiles_storage.url("img/icon-192.png"), "sizes": "192x192"},
        {"src": staticfiles_storage.url("img/icon-512.png"), "sizes": "512x512"},
    ]
    for icon in icons:
        icon["type"] = "image/svg+xml" if icon["src"].endswith(".svg") else "image/png"
    body = {
        "name": settings.WAGTAIL_SITE_NAME,
        "short_name": settings.WAGTAIL_SITE_NAME,
        "description": "Les équipes cadres de district apprennent ensemble.",
        "lang": "fr",
        "dir": "ltr",
        "start_url": "/fr/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#1d5c63",
        "icons": icons,
    }
    response = JsonResponse(body, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    response["Cache-Control"] = "no-cache"
    return response


def offline_page(request: HttpRequest) -> TemplateResponse:
    """Shown by the worker for a page it does not hold; the worker fetches it
    without credentials, so it is the anonymous reader's page."""
    return TemplateResponse(request, "offline/offline.html")


class ClearingLogoutView(auth_views.LogoutView):
    """Logout empties this browser's caches and storage for the site (the service
    worker's pages, its queue, the survey's local drafts): the next person at a
    shared computer finds nothing of the previous member."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        response["Clear-Site-Data"] = '"cache", "storage"'
        return response
