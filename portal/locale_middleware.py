"""LocaleMiddleware that leaves language-neutral addresses alone.

Django's LocaleMiddleware turns any 404 outside /fr/ and /en/ into a redirect to the
same path under a language prefix whenever that path resolves there, and Wagtail's
catch-all page route makes every path resolve. A client asking the API for an unknown
lesson was therefore sent to an HTML "page not found"; under the prefixes below the
404 stays as the view wrote it (JSON for the API).
"""

from django.middleware.locale import LocaleMiddleware
from django.utils.cache import patch_vary_headers

LANGUAGE_NEUTRAL_PREFIXES = ("/api/",)


class PortalLocaleMiddleware(LocaleMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith(LANGUAGE_NEUTRAL_PREFIXES):
            # The JSON's translated messages follow Accept-Language, as pages do.
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
            return response
        return super().process_response(request, response)
