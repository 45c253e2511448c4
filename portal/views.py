from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness probe for the proxy and load balancer (no database hit)."""
    return HttpResponse("ok", content_type="text/plain")


class PortalLoginView(auth_views.LoginView):
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        """Without a `next`, the home page in the login page's language (not `/`,
        which would pick the browser's language)."""
        return f"/{get_language()}/"
