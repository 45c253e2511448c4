from django.conf import settings
from django.http import HttpRequest


def site_chrome(request: HttpRequest) -> dict:
    """Values the base template needs on every page."""
    return {"SITE_NAME": settings.WAGTAIL_SITE_NAME}
