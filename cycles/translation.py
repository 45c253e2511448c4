"""Translating a cycle in code, through wagtail-localize (`portal.localize`).

Used by the XLSForm import and the demo. A translation carries text only: titles,
bodies, question labels, help texts and choice labels; the questionnaire's structure
and the cycle's behaviour stay the source's (see `cycles.models.behaviour`).
"""

import copy
from dataclasses import dataclass

from wagtail.models import Locale

from cycles.models import CyclePage
from portal.localize import translate_page


@dataclass(frozen=True)
class QuestionText:
    label: str
    help_text: str = ""
    choices: str = ""


TEXT_FIELDS = (
    "title",
    "slug",
    "seo_title",
    "search_description",
    "summary",
    "health_issue",
    "why_it_matters",
    "objectives",
    "synthesis",
)


def translate_cycle(
    cycle: CyclePage,
    language_code: str,
    fields: dict | None = None,
    texts: dict[str, QuestionText] | None = None,
    publish: bool = True,
) -> CyclePage:
    """Create or update the cycle's translation with these texts.

    `fields` are the page's translated texts (title, slug, summary…); `texts` the
    questions' texts by stable name. What is not given keeps its current translation
    (or the source's text when there is none yet)."""
    locale = Locale.objects.get(language_code=language_code)
    source = CyclePage.objects.get(pk=cycle.cycle_source.pk)
    current = source.get_translation_or_none(locale)
    current = current.specific if current else None
    target = CyclePage.objects.get(pk=source.pk)
    for name in TEXT_FIELDS:
        if current is not None and name not in (fields or {}):
            setattr(target, name, getattr(current, name))
    for name, value in (fields or {}).items():
        setattr(target, name, value)
    existing = (
        {row.translation_key: row for row in current.questions.all()} if current else {}
    )
    rows = []
    for row in source.questions.all():
        text = (texts or {}).get(row.name) or _text_of(
            existing.get(row.translation_key)
        )
        row = copy.copy(row)
        if text is not None:
            row.label = text.label or row.label
            row.help_text = text.help_text
            row.choices = text.choices or row.choices
        rows.append(row)
    target.questions = rows
    return translate_page(source, locale, target, publish=publish)


def _text_of(row) -> QuestionText | None:
    if row is None:
        return None
    return QuestionText(row.label, row.help_text, row.choices)


def ensure_translation(cycle: CyclePage, language_code: str) -> CyclePage:
    """The cycle's translation, created through wagtail-localize if missing (as a
    draft with the source's texts, until texts are given with `translate_cycle`)."""
    locale = Locale.objects.get(language_code=language_code)
    translation = cycle.get_translation_or_none(locale)
    if translation is not None:
        return translation.specific
    return translate_page(cycle.cycle_source, locale, publish=False)


def sync_questions(
    source: CyclePage,
    translation: CyclePage,
    texts: dict[str, QuestionText],
    publish: bool = True,
) -> CyclePage:
    """Translate the cycle with the page texts set on `translation` and these
    question texts (questions without one keep the source's wording)."""
    fields = {name: getattr(translation, name) for name in TEXT_FIELDS}
    return translate_cycle(
        source, translation.locale.language_code, fields, texts, publish=publish
    )
