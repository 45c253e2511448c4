"""Reads of discussions, each built with a fixed number of queries: threads, attribution,
forum links, comments under charts, moderation queues and quoted comments. The names
here are the package's public face; each lives in the module named beside it."""

from discussions.selectors.announcements import synthesis_announced_at
from discussions.selectors.attribution import (
    Attributor,
    attributor_for,
    lang_attribute,
    member_of,
    public_attributor,
)
from discussions.selectors.chart_comments import (
    ChartComment,
    ChartComments,
    anchor_counts,
    chart_comments,
)
from discussions.selectors.forums import ForumLink, forum_links
from discussions.selectors.moderation import (
    comment_location,
    moderated_comments,
    moderation_queue,
)
from discussions.selectors.quotations import Quotation, quotable_comments, quotation
from discussions.selectors.threads import (
    SORTS,
    CommentView,
    Thread,
    readable_comment,
    reader_thread,
    thread_for,
    thread_key,
)

__all__ = [
    "SORTS",
    "Attributor",
    "ChartComment",
    "ChartComments",
    "CommentView",
    "ForumLink",
    "Quotation",
    "Thread",
    "anchor_counts",
    "attributor_for",
    "chart_comments",
    "comment_location",
    "forum_links",
    "lang_attribute",
    "member_of",
    "moderated_comments",
    "moderation_queue",
    "public_attributor",
    "quotable_comments",
    "quotation",
    "readable_comment",
    "reader_thread",
    "synthesis_announced_at",
    "thread_for",
    "thread_key",
]
