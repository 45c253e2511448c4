"""What the home page shows beside its own content: current cycles, latest lessons."""

from django.http import HttpRequest
from wagtail.models import Page

from cycles.selectors import current_cycles
from lessons.selectors import latest_lessons
from portal.translations import language_of


def home_sections(request: HttpRequest, home: Page) -> dict:
    return {
        "current_cycles": current_cycles(request),
        "latest_lessons": latest_lessons(language_of(home)),
    }
