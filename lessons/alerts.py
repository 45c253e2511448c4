"""E-mail alerts for followed topics: each user hears about a lesson once, in the
language of their subscription (falling back to French when not translated)."""

from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Locale

from lessons.models import LessonAlertSent, LessonPage, TopicSubscription
from portal.translations import in_language


def pending_alerts() -> dict:
    """{(user, language): [lesson, ...]} of lessons not yet announced to each user."""
    pending: dict = defaultdict(list)
    default_language = Locale.get_default().language_code
    subscriptions = TopicSubscription.objects.select_related("user", "topic")
    sent = set(LessonAlertSent.objects.values_list("user_id", "lesson_key"))
    lessons_by_topic: dict = defaultdict(list)
    for lesson in (
        LessonPage.objects.live()
        .public()
        .filter(locale__language_code=default_language)
        .prefetch_related("topics")
        .order_by("-first_published_at")
    ):
        for topic in lesson.topics.all():
            lessons_by_topic[topic.pk].append(lesson)
    for subscription in subscriptions:
        user = subscription.user
        if not user.is_active or not user.email:
            continue
        key = (user, subscription.language)
        for lesson in lessons_by_topic.get(subscription.topic_id, []):
            if (user.pk, lesson.translation_key) in sent:
                continue
            if lesson not in pending[key]:
                pending[key].append(lesson)
    return pending


def _in_language(lesson: LessonPage, language: str) -> LessonPage:
    return in_language(lesson, language) or lesson


def send_lesson_alerts(dry_run: bool = False) -> int:
    """Send one e-mail per user listing their new lessons; returns e-mails sent."""
    sent = 0
    for (user, language), lessons in pending_alerts().items():
        items = [_in_language(lesson, language) for lesson in lessons]
        with translation.override(language):
            context = {"user": user, "lessons": items, "base_url": settings.BASE_URL}
            subject = render_to_string("lessons/email/alert_subject.txt", context)
            body = render_to_string("lessons/email/alert_body.txt", context)
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
                send_mail(" ".join(subject.split()), body, None, [user.email])
        except IntegrityError:
            continue  # another run got there first: never twice
        sent += 1
    return sent
