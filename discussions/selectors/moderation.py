"""The moderators' queues and where a comment sits."""

from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django_comments_xtd.models import XtdComment

from discussions.models import (
    CommentFlag,
    CommentStatus,
)


def moderation_queue():
    """Comments with at least one open report, most reported first."""
    open_flags = CommentFlag.objects.filter(
        comment=OuterRef("pk"), resolved_at__isnull=True
    )
    return (
        XtdComment.objects.filter(Exists(open_flags))
        .annotate(
            flag_count=Count(
                "portal_flags", filter=Q(portal_flags__resolved_at__isnull=True)
            )
        )
        .select_related("user", "details__page")
        .prefetch_related(
            Prefetch(
                "portal_flags",
                queryset=CommentFlag.objects.filter(resolved_at__isnull=True),
                to_attr="open_flags",
            )
        )
        .order_by("-flag_count", "-submit_date")
    )


def moderated_comments():
    """Comments a facilitator hid or removed, latest first: they can be restored."""
    return (
        XtdComment.objects.filter(
            details__status__in=[CommentStatus.HIDDEN, CommentStatus.REMOVED]
        )
        .select_related("user", "details__page")
        .order_by("-submit_date")
    )


def comment_location(comment, request) -> tuple[str, str]:
    """(page title, link to the comment) for the moderation screens."""
    page = comment.details.page
    url = page.get_url(request) if page.live else ""
    return page.title, f"{url}#c{comment.pk}" if url else ""
