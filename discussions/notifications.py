"""Who is told about a new comment, and the e-mails that tell them.

``Notification`` rows are queued when a comment is posted (one per user and comment:
a reply beats a mention, which beats a followed page). Users who chose "immediately"
get one e-mail at once; ``send_digests`` gathers the rest. ``sent_at`` is claimed with
a conditional UPDATE before sending, so no item is ever sent twice.
"""

import logging
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from discussions import failures, markup
from discussions.models import (
    Follow,
    Frequency,
    Notification,
    NotificationKind,
    NotificationSettings,
)
from discussions.pages import protocol
from discussions.reply_tokens import reply_address
from discussions.selectors import attributor_for, readable_comment
from districts.models import Membership
from districts.timezones import zone_for_user
from portal import mail
from portal.links import absolute_url, base_url, page_url
from portal.privacy import restrictions_of, user_may_read
from portal.times import datetime_with_zone
from portal.translations import in_language_or_source

logger = logging.getLogger(__name__)
DIGEST_PERIODS = {
    Frequency.DAILY: timedelta(days=1),
    Frequency.WEEKLY: timedelta(days=7),
}


def unsubscribe_token(user) -> str:
    return mail.unsubscribe_token(user, mail.Unsubscribe.DISCUSSIONS)


def user_from_token(token: str):
    return mail.user_from_unsubscribe_token(token, mail.Unsubscribe.DISCUSSIONS)


def settings_for(user) -> NotificationSettings:
    row, _created = NotificationSettings.objects.get_or_create(user=user)
    return row


def _mentioned_users(text: str):
    names = markup.mentioned_names(text)
    if not names:
        return []
    User = get_user_model()
    users = list(User.objects.filter(username__in=names, is_active=True))
    district_members = Membership.objects.filter(
        district__code__in=names, user__is_active=True
    ).select_related("user")
    return users + [membership.user for membership in district_members]


class _Readers:
    """Per thread page, once per run: its discussion protocol, to decide who may be
    told about a comment and how its author is named to them."""

    def __init__(self):
        self._targets: dict[int, object] = {}
        self._restrictions: dict[int, list] = {}

    def target(self, comment):
        from wagtail.models import Page

        page_id = int(comment.object_pk)
        if page_id not in self._targets:
            page = Page.objects.filter(pk=page_id).first()
            self._targets[page_id] = protocol(page) if page else None
            self._restrictions[page_id] = restrictions_of(page) if page else []
        return self._targets[page_id]

    def may_read(self, user, comment) -> bool:
        """Published, visible to them, and on a page whose privacy lets them in."""
        target = self.target(comment)
        if target is None or not readable_comment(user, comment, target):
            return False
        return user_may_read(user, self._restrictions[int(comment.object_pk)])

    def author(self, user, comment) -> str:
        return attributor_for(self.target(comment), user).author(comment)


def queue_for_comment(comment, parent) -> list[Notification]:
    """Queue (and send the immediate ones) for everyone who may read the comment."""
    readers = _Readers()
    recipients: dict[int, tuple] = {}
    followers = Follow.objects.filter(page_id=int(comment.object_pk)).select_related(
        "user"
    )
    for follow in followers:
        recipients[follow.user_id] = (follow.user, NotificationKind.FOLLOWED)
    for user in _mentioned_users(comment.comment):
        recipients[user.pk] = (user, NotificationKind.MENTION)
    if parent is not None and parent.user_id:
        recipients[parent.user_id] = (parent.user, NotificationKind.REPLY)
    recipients.pop(comment.user_id, None)
    queued = [
        Notification.objects.get_or_create(user=user, comment=comment, kind=kind)[0]
        for user, kind in recipients.values()
        if readers.may_read(user, comment)
    ]
    immediate = [n for n in queued if settings_for(n.user).frequency == "immediate"]
    for notification in immediate:
        send_items(notification.user, [notification])
    return queued


def _claim(items: list[Notification]) -> list[Notification]:
    """Mark items sent; keep only those this run claimed (safe with parallel runs)."""
    now = timezone.now()
    claimed = []
    for item in items:
        taken = Notification.objects.filter(pk=item.pk, sent_at__isnull=True).update(
            sent_at=now
        )
        if taken:
            claimed.append(item)
    return claimed


def _comment_url(comment, language: str) -> str:
    from wagtail.models import Page

    page = Page.objects.filter(pk=int(comment.object_pk)).first()
    if page is None:
        return base_url()
    translated = in_language_or_source(page, language)
    return f"{page_url(translated)}#c{comment.pk}"


def send_items(user, items: list[Notification], digest: bool = False) -> bool:
    """E-mail ``items`` to ``user``, leaving out comments hidden since they were
    queued and pages the user may no longer read (those items count as handled)."""
    if not user.email:
        return False
    items = _claim(items)
    readers = _Readers()
    items = [item for item in items if readers.may_read(user, item.comment)]
    if not items:
        return False
    prefs = settings_for(user)
    zone = zone_for_user(user)
    language = prefs.language or "fr"
    with mail.recipient_locale(language, zone):
        entries = [
            {
                "kind": item.get_kind_display(),
                "author": readers.author(user, item.comment),
                "when": datetime_with_zone(item.comment.submit_date, zone),
                "excerpt": item.comment.comment[:300],
                "url": _comment_url(item.comment, prefs.language),
                "reply_address": reply_address(user, comment_id=item.comment_id),
            }
            for item in items
        ]
        context = {
            "user": user,
            "entries": entries,
            # One comment: "Reply" answers it; several: each entry says its address.
            "reply_each": len(entries) > 1,
            "unsubscribe_url": absolute_url(
                reverse(
                    "discussions:unsubscribe",
                    kwargs={"token": unsubscribe_token(user)},
                )
            ),
        }
        if digest:
            subject = ngettext(
                "Your District.Team digest: %(count)s new comment",
                "Your District.Team digest: %(count)s new comments",
                len(entries),
            ) % {"count": len(entries)}
        else:
            subject = _("District.Team: %(kind)s") % {"kind": entries[0]["kind"]}
    try:
        mail.send(
            to=user.email,
            language=language,
            zone=zone,
            subject=subject,
            body_template="discussions/email/notification.txt",
            context=context,
            unsubscribe_url=context["unsubscribe_url"],
            reply_to="" if len(entries) > 1 else entries[0]["reply_address"],
        )
    except Exception as error:  # any failure of the mail server: never the comment's
        # The claim is given back: the next send_digests (cron) sends these items.
        Notification.objects.filter(pk__in=[item.pk for item in items]).update(
            sent_at=None
        )
        logger.warning("Notification to %s not sent: %s", user.email, error)
        failures.record_outbound(user, error, subject=subject)
        return False
    return True


def send_digests(now=None) -> int:
    """Send every due digest; returns how many e-mails went out."""
    now = now or timezone.now()
    sent = 0
    pending_users = (
        Notification.objects.filter(sent_at__isnull=True)
        .values_list("user_id", flat=True)
        .distinct()
    )
    for user in get_user_model().objects.filter(pk__in=list(pending_users)):
        prefs = settings_for(user)
        if prefs.frequency == Frequency.NEVER:
            continue
        period = DIGEST_PERIODS.get(prefs.frequency)
        if period and prefs.last_digest_at and now - prefs.last_digest_at < period:
            continue
        items = list(
            Notification.objects.filter(user=user, sent_at__isnull=True)
            .select_related("comment", "comment__details")
            .order_by("created_at")
        )
        if send_items(user, items, digest=period is not None):
            sent += 1
            if period:
                prefs.last_digest_at = now
                prefs.save(update_fields=["last_digest_at"])
    return sent


def tell_author_moderated(comment, status: str, reason: str) -> None:
    user = comment.user
    if user is None or not user.email:
        return
    language = settings_for(user).language or "fr"
    with mail.recipient_locale(language):
        subject = _("District.Team: your comment was moderated")
    try:
        mail.send(
            to=user.email,
            language=language,
            zone=zone_for_user(user),
            subject=subject,
            body_template="discussions/email/moderated.txt",
            context={
                "user": user,
                "hidden": status == "hidden",
                "reason": reason,
                "excerpt": comment.comment[:500],
            },
        )
    except Exception as error:  # the moderation decision stands without the e-mail
        logger.warning("Moderation notice to %s not sent: %s", user.email, error)
        failures.record_outbound(user, error, subject=subject)
