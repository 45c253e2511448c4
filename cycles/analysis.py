"""Analysis of survey answers with pandas.

Input: the questions of a cycle (objects with the attributes of
``cycles.questionnaire.Question``: ``name``, ``kind``, ``label``, ``choices``) and the
submitted responses (``ResponseData``: a district and its answers dict). Output: one
``QuestionResult`` per answerable question, computed from a tidy table (one row per
district × question, multiple-choice answers exploded to one row per chosen value).

Every district that responded counts in N for every question: an unanswered question
is a row with ``answered = False``, never a dropped row, so "n answered of N" is exact.
The work is done by a handful of group-bys over the whole table, not per question.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from django.core.cache import cache
from django.utils.translation import get_language

from cycles.analysis_groups import (
    CHOICE_KINDS,
    QuestionLike,
    choice_catalogue,
    choice_counts,
    empty_choices,
    split_by_question,
    summaries,
)
from cycles.questionnaire import KINDS_WITH_NUMBERS, KINDS_WITHOUT_ANSWER, QuestionKind

# The kinds as plain strings, for pandas.
UNANSWERABLE_KINDS = {str(kind) for kind in KINDS_WITHOUT_ANSWER}
NUMERIC_KINDS = {str(kind) for kind in KINDS_WITH_NUMBERS}
SCALE = str(QuestionKind.SCALE)
ID_COLUMNS = ["district_id", "district", "country", "region"]
CACHE_TIMEOUT = 60 * 60 * 24 * 7


@dataclass(frozen=True)
class ResponseData:
    """One district's submitted answers, detached from the ORM."""

    district_id: int
    district: str
    country: str
    region: str
    answers: Mapping[str, Any]


@dataclass(frozen=True)
class NumericSummary:
    n: int
    mean: float
    median: float
    min: float
    max: float


@dataclass
class QuestionResult:
    """Everything a chart or table needs about one question."""

    name: str
    label: str
    kind: str
    n_answered: int
    n_total: int
    # value, label, count, percent (of the districts that answered), in choice order.
    choices: pd.DataFrame | None = None
    # country, value, label, count, percent (of that country's districts that answered).
    choices_by_country: pd.DataFrame | None = None
    choices_by_region: pd.DataFrame | None = None
    numeric: NumericSummary | None = None
    # country / region, n, mean, median, min, max.
    numeric_by_country: pd.DataFrame | None = None
    numeric_by_region: pd.DataFrame | None = None
    # district_id, district, country, region, value: one row per answering district.
    by_district: pd.DataFrame | None = None
    # country, n_answered, n_total: answered counts per country (missing ones too).
    answered_by_country: pd.DataFrame | None = None

    @property
    def n_missing(self) -> int:
        return self.n_total - self.n_answered


@dataclass
class Analysis:
    n_districts: int
    questions: dict[str, QuestionResult] = field(default_factory=dict)

    def __getitem__(self, name: str) -> QuestionResult:
        return self.questions[name]


def responses_from_queryset(responses: Iterable[Any]) -> list[ResponseData]:
    """SurveyResponse rows (``select_related("district__country")``) → ResponseData."""
    return [
        ResponseData(
            district_id=r.district_id,
            district=r.district.name,
            country=r.district.country.localized_name,
            region=r.district.region,
            answers=r.answers or {},
        )
        for r in responses
    ]


def answerable(questions: Iterable[QuestionLike]) -> list[QuestionLike]:
    return [q for q in questions if q.kind not in UNANSWERABLE_KINDS]


def tidy_answers(
    questions: Iterable[QuestionLike], responses: Sequence[ResponseData]
) -> pd.DataFrame:
    """One row per district × question (× chosen value for multiple choice).

    Columns: district_id, district, country, region, question, kind, value (the
    answer as text, or NA), number (the answer as a number where it is one, or NA)
    and answered (bool).
    """
    asked = answerable(questions)
    names = [q.name for q in asked]
    kinds = pd.Series({q.name: q.kind for q in asked}, dtype="object")
    wide = pd.DataFrame.from_records(
        [
            {
                "district_id": r.district_id,
                "district": r.district,
                "country": r.country,
                "region": r.region,
                **{name: r.answers.get(name) for name in names},
            }
            for r in responses
        ],
        columns=ID_COLUMNS + names,
    )
    long = wide.melt(
        id_vars=ID_COLUMNS, value_vars=names, var_name="question", value_name="value"
    )
    # A list answer (multiple choice) becomes one row per chosen value; an empty
    # list becomes one row with no value, so the district still counts in N.
    long = long.explode("value", ignore_index=True)
    long["question"] = pd.Categorical(long["question"], categories=names)
    long["answered"] = long["value"].notna() & long["value"].ne("")
    long = long.drop_duplicates(["district_id", "question", "value"])
    long["kind"] = long["question"].map(kinds)
    numeric_rows = long["kind"].isin(NUMERIC_KINDS) & long["answered"]
    long["number"] = pd.to_numeric(
        long["value"].where(numeric_rows), errors="coerce"
    ).astype("float64")
    # Answers that should be numbers but are not count as not answered.
    long.loc[numeric_rows & long["number"].isna(), "answered"] = False
    long["value"] = long["value"].where(long["answered"])
    scale_rows = (long["kind"] == SCALE) & long["answered"]
    long.loc[scale_rows, "value"] = (
        long.loc[scale_rows, "number"].round().astype(int).astype(str)
    )
    return long[[*ID_COLUMNS, "question", "kind", "value", "number", "answered"]]


def analyse(
    questions: Sequence[QuestionLike], responses: Sequence[ResponseData]
) -> Analysis:
    """Counts, shares and summaries for every answerable question."""
    asked = answerable(questions)
    n_total = len(responses)
    if not responses:
        return Analysis(
            n_districts=0,
            questions={
                q.name: QuestionResult(
                    q.name,
                    q.label,
                    q.kind,
                    0,
                    0,
                    choices=empty_choices(q) if q.kind in CHOICE_KINDS else None,
                )
                for q in asked
            },
        )
    tidy = tidy_answers(asked, responses)
    answered = tidy[tidy["answered"]]

    n_answered = answered.groupby("question")["district_id"].nunique()
    # Per country: districts that responded, and those that answered each question.
    respondents = tidy.drop_duplicates(["question", "district_id"])
    by_country = (
        respondents.groupby(["question", "country"])
        .agg(n_answered=("answered", "sum"), n_total=("district_id", "nunique"))
        .reset_index()
    )
    answered_by_country = split_by_question(
        by_country, ["country", "n_answered", "n_total"]
    )

    catalogue = choice_catalogue(asked)
    choice_rows = answered[answered["kind"].isin(CHOICE_KINDS)]
    choices = choice_counts(choice_rows, catalogue, None)
    choices_by_country = choice_counts(choice_rows, catalogue, "country")
    choices_by_region = choice_counts(choice_rows, catalogue, "region")

    numeric_rows = answered[answered["kind"].isin(NUMERIC_KINDS)]
    numeric = summaries(numeric_rows, [])
    numeric_by_country = summaries(numeric_rows, ["country"])
    numeric_by_region = summaries(numeric_rows, ["region"])
    per_district = split_by_question(
        numeric_rows.drop(columns="value").rename(columns={"number": "value"}),
        [*ID_COLUMNS, "value"],
    )

    analysis = Analysis(n_districts=n_total)
    for question in asked:
        name = question.name
        result = QuestionResult(
            name=name,
            label=question.label,
            kind=question.kind,
            n_answered=int(n_answered.get(name, 0)),
            n_total=n_total,
            answered_by_country=answered_by_country.get(name),
        )
        if question.kind in CHOICE_KINDS:
            result.choices = choices.get(name, empty_choices(question))
            result.choices_by_country = choices_by_country.get(name)
            result.choices_by_region = choices_by_region.get(name)
        if question.kind in NUMERIC_KINDS and name in numeric:
            row = numeric[name].iloc[0]
            result.numeric = NumericSummary(
                n=int(row["n"]),
                mean=float(row["mean"]),
                median=float(row["median"]),
                min=float(row["min"]),
                max=float(row["max"]),
            )
            result.numeric_by_country = numeric_by_country[name]
            result.numeric_by_region = numeric_by_region[name]
            result.by_district = per_district[name]
        analysis.questions[name] = result
    return analysis


def fingerprint(*parts: Any) -> str:
    """A short key for "the data as of its last change", e.g. (max(updated_at), count)."""
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:20]


def cached_analysis(
    scope: str, data_fingerprint: str, compute: Callable[[], Analysis]
) -> Analysis:
    """The analysis for ``scope`` (e.g. a cycle's translation key) as of
    ``data_fingerprint``; computed once per change of the data and language, then
    read from the cache on every page view."""
    key = f"charts:analysis:{scope}:{get_language() or ''}:{data_fingerprint}"
    result = cache.get(key)
    if result is None:
        result = compute()
        cache.set(key, result, CACHE_TIMEOUT)
    return result
