"""E-mail alerts for followed topics and countries.

Each follow records when it started: an alert lists only lessons first published after
it (following a topic does not bring its whole back catalogue), and a lesson is
announced to a reader once (`LessonAlertSent`, any language), so each alert holds only
what was published since the follow began and was not in an earlier alert. Lessons are
listed in the language of the follow: a lesson not yet translated into it is linked on
that language's side of the site (which serves it in French with a notice) and marked
"in French". Every alert carries a signed one-click unsubscribe link (also in its
List-Unsubscribe header), with absolute links on BASE_URL.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from districts.timezones import zone_for_user
from lessons.models import (
    CountrySubscription,
    LessonAlertSent,
    LessonPage,
    TopicSubscription,
)
from portal import mail
from portal.links import absolute_url as absolute
from portal.translations import in_language


def unsubscribe_token(user) -> str:
    return mail.unsubscribe_token(user, mail.Unsubscribe.LESSON_ALERTS)


def user_from_token(token: str):
    """The active user a token was made for, or None (bad, forged or expired)."""
    return mail.user_from_unsubscribe_token(token, mail.Unsubscribe.LESSON_ALERTS)


@dataclass
class AlertItem:
    title: str
    type_label: str
    url: str
    written_in: str  # the language's name when not in the reader's language, else ""


def _follows():
    """Every follow, topic or country, with the lesson filter it stands for."""
    for follow in TopicSubscription.objects.select_related("user"):
        yield follow, {"topics": follow.topic_id}
    for follow in CountrySubscription.objects.select_related("user"):
        yield follow, {"countries": follow.country_id}


def pending_alerts() -> dict:
    """{(user, language): [source lesson, ...]}: lessons first published after the
    follow that matches them started, not yet announced to the user."""
    pending: dict = defaultdict(list)
    default_language = Locale.get_default().language_code
    sent = set(LessonAlertSent.objects.values_list("user_id", "lesson_key"))
    lessons = (
        LessonPage.objects.live()
        .public()
        .filter(locale__language_code=default_language)
        .order_by("-first_published_at")
    )
    for follow, about in _follows():
        user = follow.user
        if not user.is_active or not user.email:
            continue
        key = (user, follow.language)
        for lesson in lessons.filter(first_published_at__gt=follow.created_at, **about):
            if (user.pk, lesson.translation_key) in sent:
                continue
            if lesson not in pending[key]:
                pending[key].append(lesson)
    for items in pending.values():
        items.sort(key=lambda lesson: lesson.first_published_at, reverse=True)
    return pending


def alert_item(lesson: LessonPage, language: str) -> AlertItem:
    """The lesson as a reader of `language` gets it: its translation, or the French
    page at its address on that language's side, marked with its language."""
    with translation.override(language):
        translated = in_language(lesson, language)
        if translated is not None:
            return AlertItem(
                translated.title,
                str(translated.get_lesson_type_display()),
                absolute(translated.url or "/"),
                "",
            )
        library = in_language(lesson.get_parent(), language)
        url = f"{library.url}{lesson.slug}/" if library else lesson.url
        written_in = translation.get_language_info(lesson.locale.language_code)
        return AlertItem(
            lesson.title,
            str(lesson.get_lesson_type_display()),
            absolute(url or "/"),
            written_in["name_translated"],
        )


def alert_email(user, language: str, lessons: list[LessonPage]) -> EmailMessage:
    """The alert in the reader's language, with its one-click unsubscribe link."""
    with mail.recipient_locale(language):
        unsubscribe_url = absolute(
            reverse("follow:unsubscribe", kwargs={"token": unsubscribe_token(user)})
        )
        context = {
            "user": user,
            "lessons": [alert_item(lesson, language) for lesson in lessons],
            "unsubscribe_url": unsubscribe_url,
            "follow_url": absolute(reverse("follow:page")),
        }
    return mail.compose(
        to=user.email,
        language=language,
        zone=zone_for_user(user),
        subject_template="lessons/email/alert_subject.txt",
        body_template="lessons/email/alert_body.txt",
        context=context,
        unsubscribe_url=unsubscribe_url,
        one_click=True,
    )


def send_lesson_alerts(dry_run: bool = False) -> int:
    """Send one e-mail per user listing their new lessons; returns e-mails sent."""
    sent = 0
    for (user, language), lessons in pending_alerts().items():
        message = alert_email(user, language, lessons)
        if dry_run:
            sent += 1
            continue
        try:
            with transaction.atomic():
                LessonAlertSent.objects.bulk_create(
                    [
                        LessonAlertSent(user=user, lesson_key=lesson.translation_key)
                        for lesson in lessons
                    ]
                )
                message.send()
        except IntegrityError:
            continue  # another run got there first: never twice
        sent += 1
    return sent
