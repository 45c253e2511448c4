"""Writes of the lessons library: PDF briefs and what readers follow."""

from django.core.files.base import ContentFile
from django.db import transaction

from districts.models import Country
from lessons.models import (
    CountrySubscription,
    LessonBrief,
    LessonPage,
    Topic,
    TopicSubscription,
)
from lessons.pdf import render_brief_pdf


def brief_is_current(lesson: LessonPage) -> bool:
    brief = LessonBrief.objects.filter(page=lesson).first()
    return bool(brief and brief.revision_id == lesson.live_revision_id and brief.file)


def store_brief(lesson: LessonPage) -> LessonBrief:
    """Render the lesson's PDF brief (slow: WeasyPrint) and store it."""
    pdf = render_brief_pdf(lesson)
    with transaction.atomic():
        brief, _ = LessonBrief.objects.get_or_create(
            page=lesson, defaults={"revision_id": lesson.live_revision_id or 0}
        )
        old_name = brief.file.name
        brief.revision_id = lesson.live_revision_id or 0
        filename = (
            f"{lesson.locale.language_code}-{lesson.slug}-{brief.revision_id}.pdf"
        )
        brief.file.save(filename, ContentFile(pdf), save=False)
        brief.save()
    if old_name and old_name != brief.file.name:
        brief.file.storage.delete(old_name)
    return brief


def set_follows(user, topic_codes, country_codes, language: str) -> None:
    """Follow exactly these topics and countries, alerts in `language`.

    A follow kept keeps its start (its alerts go on from there); a new one starts
    now, so its first alert lists only lessons published from now on."""
    with transaction.atomic():
        _set_follows(
            TopicSubscription.objects.filter(user=user),
            "topic",
            Topic.objects.filter(code__in=topic_codes),
            user,
        )
        _set_follows(
            CountrySubscription.objects.filter(user=user),
            "country",
            Country.objects.filter(code__in=country_codes),
            user,
        )
        TopicSubscription.objects.filter(user=user).update(language=language)
        CountrySubscription.objects.filter(user=user).update(language=language)


def _set_follows(follows, field: str, wanted, user) -> None:
    wanted_ids = set(wanted.values_list("pk", flat=True))
    follows.exclude(**{f"{field}_id__in": wanted_ids}).delete()
    kept = set(follows.values_list(f"{field}_id", flat=True))
    follows.model.objects.bulk_create(
        [
            follows.model(user=user, **{f"{field}_id": pk})
            for pk in sorted(wanted_ids - kept)
        ],
        ignore_conflicts=True,
    )


def stop_alerts(user) -> None:
    """The one-click unsubscribe: the user follows nothing any more."""
    TopicSubscription.objects.filter(user=user).delete()
    CountrySubscription.objects.filter(user=user).delete()
