"""Announcing a page's synthesis to its followers, once ever, in their language."""

from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.models import Page

from discussions.models import Announcement, Follow, Frequency
from discussions.notifications import settings_for, unsubscribe_token
from discussions.pages import thread_page_id
from discussions.reply_tokens import reply_address
from districts.timezones import zone_for_user
from portal import mail
from portal.links import absolute_url, page_url
from portal.privacy import restrictions_of, user_may_read
from portal.translations import in_language_or_source


def announce_synthesis(page) -> int:
    """Tell the followers of a page, once ever, that its synthesis is published.

    The ``Announcement`` row (one per thread page) claims the sending, so publishing
    the page again, or its translation, tells nobody twice. Returns e-mails sent."""
    thread_id = thread_page_id(page)
    _row, created = Announcement.objects.get_or_create(
        page_id=thread_id, kind=Announcement.Kind.SYNTHESIS
    )
    if not created:
        return 0
    source = Page.objects.get(pk=thread_id)
    restrictions = restrictions_of(source)  # its privacy: who may be told of it
    sent = 0
    followers = Follow.objects.filter(
        page_id=thread_id, user__is_active=True
    ).select_related("user")
    for follow in followers:
        user = follow.user
        prefs = settings_for(user)
        if not user.email or prefs.frequency == Frequency.NEVER:
            continue
        if not user_may_read(user, restrictions):
            continue
        language = prefs.language or "fr"
        translated = in_language_or_source(source, language)
        shown = getattr(translated, "shown_synthesis", None)
        text = shown[0] if shown else getattr(page, "synthesis", "")
        with mail.recipient_locale(language):
            context = {
                "user": user,
                "title": translated.title,
                "excerpt": Truncator(strip_tags(text)).chars(600),
                "url": f"{page_url(translated)}#synthesis",
                "reply_address": reply_address(user, page_id=thread_id),
                "unsubscribe_url": absolute_url(
                    reverse(
                        "discussions:unsubscribe",
                        kwargs={"token": unsubscribe_token(user)},
                    )
                ),
            }
            subject = _("District.Team: the synthesis of “%(title)s” is published") % {
                "title": translated.title
            }
        mail.send(
            to=user.email,
            language=language,
            zone=zone_for_user(user),
            subject=subject,
            body_template="discussions/email/synthesis.txt",
            context=context,
            unsubscribe_url=context["unsubscribe_url"],
            reply_to=context["reply_address"],
        )
        sent += 1
    return sent
