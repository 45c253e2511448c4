from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness probe for the proxy and load balancer (no database hit)."""
    return HttpResponse("ok", content_type="text/plain")


class PortalLoginView(auth_views.LoginView):
    redirect_authenticated_user = True
