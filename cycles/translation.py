"""Creating a cycle's translation and setting its question texts in code.

Used by the XLSForm import and the demo: the questions of a translation keep the
source's stable names and translation keys; only label, help text and choices differ.
"""

from dataclasses import dataclass

from wagtail.models import Locale

from cycles.models import CyclePage, SurveyQuestion


@dataclass(frozen=True)
class QuestionText:
    label: str
    help_text: str = ""
    choices: str = ""


def ensure_translation(cycle: CyclePage, language_code: str) -> CyclePage:
    locale = Locale.objects.get(language_code=language_code)
    translation = cycle.get_translation_or_none(locale)
    if translation is None:
        translation = cycle.copy_for_translation(locale, copy_parents=True)
    return translation.specific


def sync_questions(
    source: CyclePage,
    translation: CyclePage,
    texts: dict[str, QuestionText],
    publish: bool = True,
) -> CyclePage:
    """Make the translation's questions mirror the source's, with translated texts.

    Questions without a translated text keep the source's wording."""
    translation.questions.all().delete()
    for question in source.questions.all():
        text = texts.get(question.name) or QuestionText(
            question.label, question.help_text, question.choices
        )
        SurveyQuestion.objects.create(
            page=translation,
            locale=translation.locale,
            translation_key=question.translation_key,
            sort_order=question.sort_order,
            name=question.name,
            field_type=question.field_type,
            required=question.required,
            label=text.label,
            help_text=text.help_text,
            choices=text.choices,
            choice_values=question.choice_values,
            min_value=question.min_value,
            max_value=question.max_value,
            condition_name=question.condition_name,
            condition_value=question.condition_value,
            clean_name=question.clean_name,
        )
    if publish:
        translation.save_revision().publish()
    return CyclePage.objects.get(pk=translation.pk)
