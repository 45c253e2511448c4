"""What the home page shows beside its own content: current cycles, latest lessons.

The cycles and lessons apps fill these sections in as they arrive.
"""

from django.http import HttpRequest
from wagtail.models import Page


def home_sections(request: HttpRequest, home: Page) -> dict:
    return {"current_cycles": current_cycles(request), "latest_lessons": []}


def current_cycles(request: HttpRequest) -> list:
    """Live cycles of the active language with their step and a call to action."""
    from cycles.selectors import current_cycles as cycles_now

    return cycles_now(request)
