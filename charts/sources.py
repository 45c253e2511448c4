"""Where a chart's data comes from: a registry of source kinds.

Each kind gives the StreamField block an editor fills in and a function turning that
block's value plus the page's ``ChartContext`` into ``ChartData``. A source that
cannot give data raises ``SourceUnavailable`` with a message for the editor; the
chart then shows that message instead of data (never a server error).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from charts.anonymise import DisplayOptions
from charts.data import ChartData
from charts.datasets import table_to_frame
from portal.translations import language_of


class SourceUnavailable(Exception):
    """The source cannot give data (not configured, not wired, nothing uploaded)."""


@dataclass
class ChartContext:
    """What a source needs to know about the page a chart sits on.

    ``districts_taking_part`` is the number of districts taking part in the page's
    cycle, which the cycle gives (charts do not know cycles): the "of N districts" of
    a survey chart's caption. None on other pages, and then N is the districts that
    responded."""

    page: Any = None
    language: str = ""
    cycle_title: str = ""
    display: DisplayOptions = field(default_factory=DisplayOptions)
    districts_taking_part: int | None = None


@dataclass(frozen=True)
class Source:
    kind: str
    label: Any
    block: Callable[[], blocks.Block]
    table: Callable[[Any, ChartContext], ChartData]


SOURCES: dict[str, Source] = {}


def register_source(source: Source) -> Source:
    SOURCES[source.kind] = source
    return source


def source_block_choices() -> list[tuple[str, blocks.Block]]:
    return [(kind, source.block()) for kind, source in SOURCES.items()]


def chart_data(kind: str, value: Any, context: ChartContext) -> ChartData:
    source = SOURCES.get(kind)
    if source is None:
        raise SourceUnavailable(gettext("This kind of data source is not available."))
    return source.table(value, context)


# --- (a) A question of the cycle's survey. --------------------------------------


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


def question_chart_data(result, measure: str, metadata: dict[str, str]) -> ChartData:
    """ChartData for one ``charts.analysis.QuestionResult``.

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


def chart_context_for_cycle(page) -> ChartContext:
    """A learning cycle's context: display options and district universe come from
    the cycle's source page, so every translation shows the same pseudonyms."""
    from cycles.selectors import canonical_cycle, submitted_responses

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
    )


def survey_question_table(value, context: ChartContext) -> ChartData:
    """A question of the page's cycle, analysed from the submitted responses (cached
    by the responses' last change and count, per language)."""
    from django.db.models import Count, Max
    from django.utils import translation

    from charts.analysis import (
        analyse,
        cached_analysis,
        fingerprint,
        responses_from_queryset,
    )
    from cycles.models import CyclePage
    from cycles.selectors import (
        canonical_cycle,
        questions_for_cycle,
        submitted_responses,
    )

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


def unknown_question_message(name: str) -> str:
    return gettext(
        "“%(name)s” is not a question of this cycle's questionnaire. "
        "Use the name of a question, for example one shown in the Questionnaire tab."
    ) % {"name": name}


register_source(
    Source(
        kind="survey_question",
        label=_("Survey question"),
        block=SurveyQuestionSourceBlock,
        table=survey_question_table,
    )
)


# --- (b) An uploaded dataset. ---------------------------------------------------


class DatasetSourceBlock(blocks.StructBlock):
    dataset = SnippetChooserBlock("charts.Dataset", label=_("dataset"))
    columns = blocks.CharBlock(
        required=False,
        label=_("columns"),
        help_text=_(
            "Column names to show, separated by commas. Leave empty for all columns."
        ),
    )

    class Meta:
        icon = "table"
        label = _("Uploaded dataset")


def dataset_table(value, context: ChartContext) -> ChartData:
    dataset = value.get("dataset")
    if dataset is None:
        raise SourceUnavailable(gettext("The dataset of this chart was deleted."))
    frame = table_to_frame(dataset.table)
    if frame.empty:
        raise SourceUnavailable(gettext("The dataset has no rows."))
    category = frame.columns[0]
    wanted = [c.strip() for c in (value.get("columns") or "").split(",") if c.strip()]
    series = [c for c in frame.columns[1:] if not wanted or c in wanted]
    if not series:
        raise SourceUnavailable(
            gettext("None of the columns asked for is in the dataset.")
        )
    tidy = frame.melt(id_vars=[category], value_vars=series, var_name="series")
    tidy = tidy.rename(columns={category: "category"})
    return ChartData(
        frame=tidy[["category", "series", "value"]],
        category_label=str(category),
        value_label=series[0] if len(series) == 1 else "",
        metadata={
            "source": dataset.source_note or dataset.title,
            "n": str(len(frame)),
            "date": timezone.localtime(dataset.updated_at).date().isoformat(),
        },
    )


register_source(
    Source(
        kind="dataset",
        label=_("Uploaded dataset"),
        block=DatasetSourceBlock,
        table=dataset_table,
    )
)


# --- (c) A DHIS2 analytics snapshot (the dhis2 app provides the loader). --------


class Dhis2SourceBlock(blocks.StructBlock):
    query = SnippetChooserBlock(
        "dhis2.AnalyticsQuery",
        label=_("analytics query"),
        help_text=_(
            "The chart shows the query's last snapshot; refresh it from DHIS2 in the "
            "admin."
        ),
    )

    class Meta:
        icon = "download"
        label = _("DHIS2 analytics")


def dhis2_table(value, context: ChartContext) -> ChartData:
    """Calls the function named by the ``CHARTS_DHIS2_SNAPSHOT_LOADER`` setting
    (``loader(value, context) -> ChartData``), which the dhis2 app provides."""
    dotted_path = getattr(settings, "CHARTS_DHIS2_SNAPSHOT_LOADER", "")
    if not dotted_path:
        raise SourceUnavailable(gettext("DHIS2 analytics are not configured."))
    return import_string(dotted_path)(value, context)


register_source(
    Source(
        kind="dhis2_analytics",
        label=_("DHIS2 analytics"),
        block=Dhis2SourceBlock,
        table=dhis2_table,
    )
)


# --- (d) Participation rates across cycles (the participation app provides them). --


class ParticipationRate:
    ANSWERED = "answered"
    COMMENTED = "commented"
    DISCUSSED = "discussed"

    OPTIONS = [
        (ANSWERED, _("Districts that answered the questionnaire")),
        (COMMENTED, _("Districts that commented on the results")),
        (DISCUSSED, _("Districts that took part in the discussion")),
    ]


class ParticipationSourceBlock(blocks.StructBlock):
    rate = blocks.ChoiceBlock(
        choices=ParticipationRate.OPTIONS,
        default=ParticipationRate.ANSWERED,
        label=_("rate"),
    )

    class Meta:
        icon = "group"
        label = _("Participation across cycles")


def participation_table(value, context: ChartContext) -> ChartData:
    """Calls ``CHARTS_PARTICIPATION_LOADER`` (``loader(rate) -> ChartData``)."""
    dotted_path = getattr(settings, "CHARTS_PARTICIPATION_LOADER", "")
    if not dotted_path:
        raise SourceUnavailable(gettext("Participation figures are not available."))
    return import_string(dotted_path)(value.get("rate") or ParticipationRate.ANSWERED)


register_source(
    Source(
        kind="participation",
        label=_("Participation across cycles"),
        block=ParticipationSourceBlock,
        table=participation_table,
    )
)
