"""Read-only Wagtail API v2 for published lessons (`/api/v2/lessons/`)."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from lessons.models import LessonPage


class LessonsAPIViewSet(PagesAPIViewSet):
    model = LessonPage
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "lesson_type",
        "date",
    ]

    def get_base_queryset(self):
        return super().get_base_queryset().type(LessonPage)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("lessons", LessonsAPIViewSet)
