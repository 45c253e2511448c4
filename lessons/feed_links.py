"""The links to the library's feeds that pages announce (``<link rel="alternate">``
and the library's own line of links). URLs only: no model, so pages may use it."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class FeedLink:
    title: str
    url: str
    mime_type: str


def feed_links(query: str = "") -> list[FeedLink]:
    return [
        FeedLink(
            _("New lessons (RSS)"),
            reverse("lessons-rss") + query,
            "application/rss+xml",
        ),
        FeedLink(
            _("New lessons (Atom)"),
            reverse("lessons-atom") + query,
            "application/atom+xml",
        ),
    ]
