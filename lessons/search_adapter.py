"""How a lesson takes part in site search: its text and its facets."""

from collections.abc import Iterable

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from lessons.models import LessonPage
from lessons.taxonomy import AudienceCode, LessonType, TopicCode
from search.registry import Facet, SearchDocument, register, register_facet


def block_text(value) -> str:
    """Plain text of a body block: rich text, a string, or a struct of those."""
    if hasattr(value, "source"):
        return strip_tags(value.source)
    if isinstance(value, dict):
        return " ".join(block_text(v) for v in value.values() if v)
    return strip_tags(str(value))


def lesson_text(lesson: LessonPage) -> str:
    parts = [str(block.value) for block in lesson.key_messages]
    parts.append(strip_tags(lesson.summary))
    for block in lesson.body:
        parts.append(block_text(block.value))
    parts += [strip_tags(lesson.implementation), strip_tags(lesson.applicability)]
    return " ".join(p.strip() for p in parts if p and p.strip())


def lesson_document(lesson: LessonPage) -> SearchDocument:
    cycle_key = []
    if lesson.cycle_id:
        cycle_key = [str(lesson.cycle.translation_key)]
    return SearchDocument(
        title=lesson.title,
        text=lesson_text(lesson),
        date=lesson.date,
        facets={
            "type": [lesson.lesson_type],
            "topic": [t.code for t in lesson.topics.all()],
            "country": [c.code for c in lesson.countries.all()],
            "audience": [a.code for a in lesson.audiences.all()],
            "cycle": cycle_key,
        },
    )


def _choice_labels(choices):
    def labels(values: Iterable[str], language: str) -> dict[str, str]:
        names = dict(choices.choices)
        return {v: str(names.get(v, v)) for v in values}

    return labels


register(LessonPage, lesson_document)
register_facet(Facet("type", _("Type"), _choice_labels(LessonType), order=10))
register_facet(Facet("topic", _("Topic"), _choice_labels(TopicCode), order=20))
register_facet(Facet("audience", _("Audience"), _choice_labels(AudienceCode), order=50))
