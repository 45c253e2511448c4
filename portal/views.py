import logging

from django.contrib.auth import views as auth_views
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """Health probe for the proxy and load balancer: 200 only when the database
    answers (one ``SELECT 1``), 503 otherwise, so traffic leaves a broken server."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: the database does not answer")
        return HttpResponse(
            "database unavailable", status=503, content_type="text/plain"
        )
    return HttpResponse("ok", content_type="text/plain")


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: the site's own, translated 403 page (an expired form, or
    cookies refused), instead of Django's English one."""
    return TemplateResponse(request, "403_csrf.html", status=403)


class PortalLoginView(auth_views.LoginView):
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        """Without a `next`, the home page in the login page's language (not `/`,
        which would pick the browser's language)."""
        return f"/{get_language()}/"


def api_not_found(request: HttpRequest) -> JsonResponse:
    """Any unknown address under /api/: a JSON 404 in the reader's language, not the
    HTML page a browser would get."""
    return JsonResponse({"detail": _("Unknown API address.")}, status=404)
