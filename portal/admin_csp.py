"""The Content-Security-Policy of the Wagtail admin.

The public site sends a nonce-only script policy (``CONTENT_SECURITY_POLICY``). The
Wagtail 8 admin cannot run under it: its own templates carry inline scripts (inline
panels, date pickers) that no nonce can reach, and a nonce in ``script-src`` would
switch ``'unsafe-inline'`` off. So the admin gets a policy of its own: scripts only
from this origin plus Wagtail's inline ones, no plugin, no foreign frame, image,
font or connection, forms posted here only, and framed by the admin itself (the
page editor's preview panel). User HTML shown in the admin is cleaned with nh3
(``discussions_tags.comment_html``), which is what keeps a comment from being a
script; this policy limits what any injected script could reach.
"""

from django.conf import settings

ADMIN_PREFIX = "/admin/"

ADMIN_DIRECTIVES = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'"],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}


class AdminCSPMiddleware:
    """Give admin responses the admin policy; django-csp's middleware (listed
    before this one, so it handles the response after it) writes the header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(ADMIN_PREFIX):
            media = list(getattr(settings, "MEDIA_ORIGINS", []))
            response._csp_config = (
                {**ADMIN_DIRECTIVES, "img-src": ADMIN_DIRECTIVES["img-src"] + media}
                if media
                else ADMIN_DIRECTIVES
            )
        return response
