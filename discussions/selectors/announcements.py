"""When a page's announcements (such as its synthesis) went out."""

from datetime import datetime

from discussions.models import Announcement
from discussions.pages import thread_page_id


def synthesis_announced_at(page) -> datetime | None:
    """When the page's synthesis was first published (in any language), or None."""
    return (
        Announcement.objects.filter(
            page_id=thread_page_id(page), kind=Announcement.Kind.SYNTHESIS
        )
        .values_list("published_at", flat=True)
        .first()
    )
