"""Discussion data beside django-comments-xtd's threaded ``XtdComment``.

A thread belongs to the *canonical* page of a translation group (the first page
created, the French one), so French and English readers share one conversation.
"""

from discussions.models.comments import CommentDetails, CommentFlag, CommentStatus
from discussions.models.failures import Channel, ChannelFailure
from discussions.models.following import (
    Announcement,
    Follow,
    Frequency,
    Notification,
    NotificationKind,
    NotificationSettings,
)
from discussions.models.pages import Attribution, DiscussablePageMixin, ForumPage
from discussions.models.translations import MachineTranslation

__all__ = [
    "Announcement",
    "Attribution",
    "Channel",
    "ChannelFailure",
    "CommentDetails",
    "CommentFlag",
    "CommentStatus",
    "DiscussablePageMixin",
    "Follow",
    "ForumPage",
    "Frequency",
    "MachineTranslation",
    "Notification",
    "NotificationKind",
    "NotificationSettings",
]
