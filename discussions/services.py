"""Writes: posting, editing, likes, flags, moderation, follows."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_comments.models import CommentFlag as XtdFlag
from django_comments_xtd.models import LIKEDIT_FLAG, XtdComment
from wagtail.models import Locale, Page

from discussions import markup, notifications
from discussions.models import (
    CommentDetails,
    CommentFlag,
    CommentStatus,
    Follow,
    NotificationSettings,
)
from discussions.pages import protocol, thread_page_id
from discussions.permissions import can_change, can_post
from discussions.ratelimit import allow_comment
from districts.roles import Role, is_facilitator, user_district
from portal import pagecache
from portal.text import strip_bidi_controls

MAX_LENGTH = 5000


class RateLimited(Exception):
    """The user has posted too many comments in the last minute."""


@dataclass
class Draft:
    text: str
    parent_id: int | None = None
    anchor: str = ""
    topic: str = ""


def _role_of(user) -> str:
    names = set(user.groups.values_list("name", flat=True))
    if user.is_superuser:
        return Role.ADMIN
    for role in (Role.ADMIN, Role.FACILITATOR, Role.POLICYMAKER, Role.HDMT_MEMBER):
        if role in names:
            return role
    return ""


def comment_language(language: str | None) -> str:
    """The two-letter code a comment is recorded in: the posting page's language."""
    return (language or "fr")[:2]


def _page_language(page: Page) -> str:
    """The language of the page a comment is posted from (not the thread's page:
    the French and English pages share one thread)."""
    return (
        Locale.objects.filter(pk=page.locale_id)
        .values_list("language_code", flat=True)
        .first()
        or ""
    )


def remember_language(user, language: str) -> None:
    language = (language or "fr")[:2]
    settings_row, created = NotificationSettings.objects.get_or_create(
        user=user, defaults={"language": language}
    )
    if not created and settings_row.language != language:
        settings_row.language = language
        settings_row.save(update_fields=["language"])


def _clean_draft(page, draft: Draft) -> Draft:
    text = strip_bidi_controls(draft.text).strip()
    if not text:
        raise ValidationError(_("Write something before posting."))
    if len(text) > MAX_LENGTH:
        raise ValidationError(
            _("Keep it under %(max)s characters.") % {"max": MAX_LENGTH}
        )
    anchors = {anchor for anchor, _label in page.discussion_anchors()}
    anchor = draft.anchor if draft.anchor in anchors else ""
    topic = strip_bidi_controls(draft.topic).strip()[:200]
    return Draft(text, draft.parent_id, anchor, topic)


@transaction.atomic
def post_comment(
    user,
    page: Page,
    draft: Draft,
    language: str = "fr",
    *,
    limit_rate: bool = True,
    notify: bool = True,
) -> XtdComment:
    """Post a comment or a reply; the demo seeder turns off the limit and e-mails."""
    target = protocol(page)
    if not can_post(user, target):
        raise PermissionDenied
    draft = _clean_draft(target, draft)
    thread_id = thread_page_id(page)
    parent = None
    if draft.parent_id:
        parent = (
            XtdComment.objects.select_related("details")
            .filter(pk=draft.parent_id, object_pk=str(thread_id))
            .first()
        )
        if parent is None:
            raise ValidationError(_("The comment you answer no longer exists."))
    if limit_rate and not allow_comment(user):
        raise RateLimited
    comment = XtdComment(
        content_type=ContentType.objects.get_for_model(Page),
        object_pk=str(thread_id),
        site=Site.objects.get_current(),
        user=user,
        user_name=user.get_username(),
        user_email=user.email,
        comment=draft.text,
        submit_date=timezone.now(),
        parent_id=parent.pk if parent else 0,
    )
    if parent and parent.level >= 2:
        # Three levels at most: an answer to a third-level comment joins its level.
        comment.parent_id = parent.parent_id
    comment.save()
    CommentDetails.objects.create(
        comment=comment,
        page_id=thread_id,
        body_html=markup.render(draft.text),
        anchor=parent.details.anchor if parent else draft.anchor,
        topic="" if parent else draft.topic,
        district=user_district(user),
        role=_role_of(user),
        language=comment_language(_page_language(page) or language),
    )
    remember_language(user, language)
    Follow.objects.get_or_create(user=user, page_id=thread_id)
    if notify:
        notifications.queue_for_comment(comment, parent)
    pagecache.purge()
    return comment


def _check_change(user, comment: XtdComment) -> None:
    page = Page.objects.get(pk=comment.details.page_id)
    if not (
        can_change(user, comment) and protocol(page).discussion_is_open(timezone.now())
    ):
        raise PermissionDenied


def edit_comment(
    user, comment: XtdComment, text: str, language: str | None = None
) -> None:
    """Change a comment's text; ``language`` is the page's it was edited from (the
    comment is now written in it), or None to keep the recorded one."""
    _check_change(user, comment)
    text = strip_bidi_controls(text).strip()
    if not text:
        raise ValidationError(_("Write something before posting."))
    comment.comment = text[:MAX_LENGTH]
    comment.save(update_fields=["comment"])
    changes = {"body_html": markup.render(comment.comment), "edited_at": timezone.now()}
    if language:
        changes["language"] = comment_language(language)
    CommentDetails.objects.filter(comment=comment).update(**changes)
    pagecache.purge()


def delete_comment(user, comment: XtdComment) -> None:
    _check_change(user, comment)
    _set_status(comment, CommentStatus.DELETED, "")


def _set_status(comment: XtdComment, status: str, reason: str) -> None:
    CommentDetails.objects.filter(comment=comment).update(
        status=status, moderation_reason=reason
    )
    comment.is_public = status == CommentStatus.PUBLISHED
    comment.save(update_fields=["is_public"])
    pagecache.purge()  # approved, hidden, removed or deleted: readers see it at once


@transaction.atomic
def toggle_like(user, comment: XtdComment) -> bool:
    """Like (or un-like) a comment, with xtd's "I liked it" flag. True if liked now."""
    if not user.is_authenticated:
        raise PermissionDenied
    flag, created = XtdFlag.objects.get_or_create(
        comment=comment, user=user, flag=LIKEDIT_FLAG
    )
    if not created:
        flag.delete()
    CommentDetails.objects.filter(comment=comment).update(
        like_count=F("like_count") + (1 if created else -1)
    )
    pagecache.purge()
    return created


def flag_comment(user, comment: XtdComment, reason: str) -> CommentFlag:
    if not user.is_authenticated:
        raise PermissionDenied
    reason = strip_bidi_controls(reason).strip()
    if not reason:
        raise ValidationError(_("Say why this comment should be reviewed."))
    flag, _created = CommentFlag.objects.update_or_create(
        comment=comment, user=user, defaults={"reason": reason[:1000]}
    )
    return flag


def _resolve_flags(comment: XtdComment) -> None:
    CommentFlag.objects.filter(comment=comment, resolved_at__isnull=True).update(
        resolved_at=timezone.now()
    )


def approve(moderator, comment: XtdComment) -> None:
    if not is_facilitator(moderator):
        raise PermissionDenied
    _set_status(comment, CommentStatus.PUBLISHED, "")
    _resolve_flags(comment)


def hide(moderator, comment: XtdComment, reason: str) -> None:
    _moderate(moderator, comment, CommentStatus.HIDDEN, reason)


def remove(moderator, comment: XtdComment, reason: str) -> None:
    _moderate(moderator, comment, CommentStatus.REMOVED, reason)


def _moderate(moderator, comment, status, reason) -> None:
    if not is_facilitator(moderator):
        raise PermissionDenied
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the author a reason."))
    _set_status(comment, status, reason)
    _resolve_flags(comment)
    notifications.tell_author_moderated(comment, status, reason)


def follow(user, page: Page) -> None:
    Follow.objects.get_or_create(user=user, page_id=thread_page_id(page))


def unfollow(user, page: Page) -> None:
    Follow.objects.filter(user=user, page_id=thread_page_id(page)).delete()


def set_frequency(user, frequency: str) -> None:
    NotificationSettings.objects.update_or_create(
        user=user, defaults={"frequency": frequency}
    )
