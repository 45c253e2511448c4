"""What the home page shows beside its own content: current cycles, latest lessons.

The cycles and lessons apps fill these sections in as they arrive.
"""

from django.http import HttpRequest
from wagtail.models import Page

from lessons.selectors import latest_lessons


def home_sections(request: HttpRequest, home: Page) -> dict:
    return {
        "current_cycles": [],
        "latest_lessons": latest_lessons(home.locale.language_code),
    }
