"""How a learning cycle plugs into charts (registered by ``CyclesConfig.ready``):

- the "survey question" source: a question of the cycle's questionnaire, analysed
  from the submitted responses (``cycles.analysis``);
- the cycle page as a chart host: its display options (the seed and districts of
  the source page, shared by every translation so pseudonyms match across
  languages) and how many districts take part (the "of N districts" of captions).
"""

from __future__ import annotations

from django.db.models import Count, Max
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from charts.anonymise import DisplayOptions
from charts.data import ChartData
from charts.sources import (
    ChartContext,
    Source,
    SourceUnavailable,
    register_host,
    register_source,
)
from cycles.analysis import (
    QuestionResult,
    analyse,
    cached_analysis,
    fingerprint,
    responses_from_queryset,
)
from cycles.models import CyclePage
from cycles.participants import taking_part_count
from cycles.questionnaire import unknown_question_message
from cycles.selectors import canonical_cycle, questions_for_cycle, submitted_responses
from portal.translations import language_of


class QuestionMeasure:
    CHOICES = "choices"
    CHOICES_BY_COUNTRY = "choices_by_country"
    PER_DISTRICT = "per_district"
    MEAN_BY_COUNTRY = "mean_by_country"

    OPTIONS = [
        (CHOICES, _("Share of districts per answer")),
        (CHOICES_BY_COUNTRY, _("Share of districts per answer, by country")),
        (PER_DISTRICT, _("Value per district (number questions)")),
        (MEAN_BY_COUNTRY, _("Mean by country (number questions)")),
    ]


class SurveyQuestionSourceBlock(blocks.StructBlock):
    question = blocks.CharBlock(
        label=_("question"),
        help_text=_("The question's stable name in the questionnaire."),
    )
    measure = blocks.ChoiceBlock(
        choices=QuestionMeasure.OPTIONS,
        default=QuestionMeasure.CHOICES,
        label=_("what to show"),
    )

    class Meta:
        icon = "form"
        label = _("Survey question")


def question_chart_data(
    result: QuestionResult, measure: str, metadata: dict[str, str]
) -> ChartData:
    """ChartData for one ``cycles.analysis.QuestionResult``.

    Shares are percentages of the districts that answered; the metadata always says
    how many answered of how many responded.
    """
    meta = {
        "question": result.label,
        "n": str(result.n_answered),
        "N": str(result.n_total),
        **metadata,
    }
    if measure in (QuestionMeasure.PER_DISTRICT, QuestionMeasure.MEAN_BY_COUNTRY):
        if result.numeric is None:
            raise SourceUnavailable(gettext("This question has no numbers to chart."))
    elif result.choices is None:
        raise SourceUnavailable(gettext("This question has no answers to count."))
    if measure == QuestionMeasure.PER_DISTRICT:
        frame = result.by_district.assign(
            category=result.by_district["district"], series=result.label
        )
        return ChartData(
            frame=frame[["category", "series", "value", "district_id", "country"]],
            category_label=gettext("District"),
            value_label=result.label,
            district_level=True,
            metadata=meta,
        )
    if measure == QuestionMeasure.MEAN_BY_COUNTRY:
        frame = result.numeric_by_country.rename(
            columns={"country": "category", "mean": "value"}
        ).assign(series=result.label)
        return ChartData(
            frame=frame[["category", "series", "value"]],
            category_label=gettext("Country"),
            value_label=gettext("Mean"),
            metadata=meta,
        )
    if measure == QuestionMeasure.CHOICES_BY_COUNTRY:
        # The choice's stable "value" column gives way to the percentage.
        frame = result.choices_by_country.drop(columns="value").rename(
            columns={"label": "category", "country": "series", "percent": "value"}
        )
        frame = frame[["category", "series", "value"]]
    else:
        frame = (
            result.choices.drop(columns="value")
            .rename(columns={"label": "category", "percent": "value"})
            .assign(series=gettext("Districts"))[["category", "series", "value"]]
        )
    return ChartData(
        frame=frame,
        category_label=gettext("Answer"),
        value_label=gettext("% of districts that answered"),
        unit="%",
        metadata=meta,
    )


def cycle_chart_context(page: CyclePage) -> ChartContext:
    """A learning cycle's context: display options and district universe come from
    the cycle's source page, so every translation shows the same pseudonyms."""
    cycle = canonical_cycle(page) or page
    universe = frozenset(
        submitted_responses(cycle).values_list("district_id", flat=True)
    )
    return ChartContext(
        page=page,
        language=language_of(page),
        cycle_title=page.title,
        display=DisplayOptions(
            mode=cycle.results_display_mode,
            seed=cycle.pseudonym_seed,
            universe=universe or None,
        ),
        districts_taking_part=taking_part_count(page),
    )


def survey_question_table(value, context: ChartContext) -> ChartData:
    """A question of the page's cycle, analysed from the submitted responses (cached
    by the responses' last change and count, per language)."""
    page = context.page
    if not isinstance(page, CyclePage):
        raise SourceUnavailable(
            gettext("Survey questions can only be charted on a learning cycle.")
        )
    cycle = canonical_cycle(page)
    responses = submitted_responses(cycle)
    stamp = responses.aggregate(last=Max("updated_at"), n=Count("id"))
    language = context.language or language_of(page)
    with translation.override(language):
        questions = questions_for_cycle(cycle)
        names = {q.name for q in questions}
        if value["question"] not in names:
            raise SourceUnavailable(unknown_question_message(value["question"]))
        analysis = cached_analysis(
            str(cycle.translation_key),
            fingerprint(stamp["last"], stamp["n"], *sorted(names)),
            lambda: analyse(questions, responses_from_queryset(responses)),
        )
        result = analysis.questions.get(value["question"])
        if result is None:
            raise SourceUnavailable(gettext("This question has no answers to count."))
        return question_chart_data(
            result,
            value["measure"],
            {
                "source": gettext("Questionnaire of the cycle “%(cycle)s”")
                % {"cycle": context.cycle_title or page.title},
                "cycle": context.cycle_title or page.title,
                **taking_part_metadata(context),
            },
        )


def taking_part_metadata(context: ChartContext) -> dict[str, str]:
    """The caption's N: the districts taking part, when the page says how many."""
    if context.districts_taking_part is None:
        return {}
    return {"N": str(context.districts_taking_part)}


register_source(
    Source(
        kind="survey_question",
        label=_("Survey question"),
        block=SurveyQuestionSourceBlock,
        table=survey_question_table,
        order=10,
    )
)
register_host(CyclePage, cycle_chart_context)
