"""Read-only Wagtail API v2 for published lessons (`/api/v2/lessons/`)."""

from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.response import Response
from wagtail.api.v2.filters import LocaleFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from lessons.models import LessonPage
from portal.translations import for_readers_of


class LessonsAPIViewSet(PagesAPIViewSet):
    model = LessonPage
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "lesson_type",
        "date",
    ]

    # `?locale=en` lists the English lessons *and* the French ones not translated
    # yet (their `meta.locale` says "fr"), as the English library does.
    filter_backends = [
        backend
        for backend in PagesAPIViewSet.filter_backends
        if backend is not LocaleFilter
    ]

    def get_base_queryset(self):
        queryset = super().get_base_queryset().type(LessonPage)
        language = self.request.GET.get("locale")
        if language:
            queryset = for_readers_of(queryset, language)
        return queryset

    def handle_exception(self, exc):
        """An unknown or unpublished lesson: the reader's language, not Django's
        English "No LessonPage matches the given query"."""
        if isinstance(exc, Http404):
            return Response(
                {"message": _("No published lesson has this identifier.")},
                status=status.HTTP_404_NOT_FOUND,
            )
        return super().handle_exception(exc)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("lessons", LessonsAPIViewSet)
