"""Comments quoted in a synthesis: which may be quoted, and how they read."""

from dataclasses import dataclass
from datetime import datetime

from discussions.models import (
    CommentDetails,
    CommentStatus,
)
from discussions.pages import protocol, thread_page_id
from discussions.selectors.attribution import lang_attribute, public_attributor


@dataclass(frozen=True)
class Quotation:
    body_html: str
    author: str
    submitted: datetime
    lang: str = ""  # its language when not the page's (lang_attribute)


def quotable_comments(thread_id):
    """The published comments of one thread (a page's source id), newest first: what
    a facilitator may quote in the page's synthesis. Nothing without a thread."""
    try:
        thread_id = int(thread_id)
    except (TypeError, ValueError):
        return CommentDetails.objects.none()
    return (
        CommentDetails.objects.filter(page_id=thread_id, status=CommentStatus.PUBLISHED)
        .select_related("comment__user", "district__country")
        .order_by("-comment__submit_date", "-pk")
    )


def quotation(details, page) -> Quotation | None:
    """A quoted comment as ``page``'s readers see it, attributed by the page's rule
    at the time of reading; None once the comment is no longer published (hidden,
    removed by a facilitator, deleted by its author) or belongs to another thread."""
    if details is None or details.status != CommentStatus.PUBLISHED:
        return None
    if details.page_id != thread_page_id(page):
        return None
    comment = details.comment
    return Quotation(
        body_html=details.body_html,
        author=public_attributor(protocol(page)).author(comment),
        submitted=comment.submit_date,
        lang=lang_attribute(details.language),
    )
