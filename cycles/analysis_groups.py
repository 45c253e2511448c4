"""The group-bys behind ``cycles.analysis``: choices counted per question (and per
country or region), numbers summarised, the long table cut into one frame per
question. Questions are anything shaped like ``cycles.questionnaire.Question``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np
import pandas as pd
from django.utils.translation import gettext_lazy as _

from cycles.questionnaire import KINDS_COUNTED_BY_CHOICE, SCALE_VALUES, QuestionKind

CHOICE_KINDS = {str(kind) for kind in KINDS_COUNTED_BY_CHOICE}
SCALE_CHOICES = tuple(str(value) for value in SCALE_VALUES)


class ChoiceLike(Protocol):
    value: str
    label: str


class QuestionLike(Protocol):
    name: str
    kind: str
    label: str
    choices: Sequence[ChoiceLike]


def choice_labels(question: QuestionLike) -> list[tuple[str, str]]:
    if question.kind == QuestionKind.YES_NO:
        return [("yes", str(_("Yes"))), ("no", str(_("No")))]
    if question.kind == QuestionKind.SCALE:
        return [(value, value) for value in SCALE_CHOICES]
    return [(c.value, c.label) for c in question.choices]


def choice_catalogue(questions: Sequence[QuestionLike]) -> pd.DataFrame:
    """Every (question, choice value, label, order) of the choice questions."""
    return pd.DataFrame(
        [
            (q.name, value, label, position)
            for q in questions
            if q.kind in CHOICE_KINDS
            for position, (value, label) in enumerate(choice_labels(q))
        ],
        columns=["question", "value", "label", "order"],
    )


def split_by_question(
    frame: pd.DataFrame, columns: list[str]
) -> dict[str, pd.DataFrame]:
    """One frame per question, by slicing the table sorted by question (much cheaper
    than iterating over a group-by)."""
    frame = frame.sort_values("question", kind="stable")
    names = frame["question"].to_numpy()
    if not len(names):
        return {}
    starts = [0, *(np.flatnonzero(names[1:] != names[:-1]) + 1), len(names)]
    values = frame[columns]
    return {
        names[start]: values.iloc[start:stop]
        for start, stop in zip(starts[:-1], starts[1:], strict=True)
    }


def choice_counts(
    choice_rows: pd.DataFrame, catalogue: pd.DataFrame, group: str | None
) -> dict[str, pd.DataFrame]:
    """Districts choosing each value per question (and group), zeros included, in
    choice order; answers to a choice since removed from the question still show.
    Percentages are of the districts (of the group) that answered the question."""
    keys = ["question", "value"] if group is None else ["question", group, "value"]
    counts = choice_rows.groupby(keys).size().rename("count").reset_index()
    answered_keys = keys[:-1]
    denominators = (
        choice_rows.groupby(answered_keys)["district_id"]
        .nunique()
        .rename("n_answered")
        .reset_index()
    )
    extras = counts[["question", "value"]].merge(
        catalogue[["question", "value"]], how="left", indicator=True
    )
    extras = extras[extras["_merge"] == "left_only"].drop(columns="_merge")
    extras = extras.drop_duplicates().assign(
        label=lambda f: f["value"], order=len(catalogue) + 1
    )
    full = pd.concat([catalogue, extras], ignore_index=True)
    if group is not None:
        full = full.merge(
            pd.DataFrame({group: sorted(choice_rows[group].unique())}), how="cross"
        )
    frame = full.merge(counts, how="left", on=keys).merge(
        denominators, how="left", on=answered_keys
    )
    frame["count"] = frame["count"].fillna(0).astype(int)
    frame["n_answered"] = frame["n_answered"].fillna(0).astype(int)
    frame["percent"] = (
        (frame["count"] / frame["n_answered"].where(frame["n_answered"] > 0) * 100)
        .fillna(0.0)
        .astype(float)
    )
    sort = (
        ["question", "order", "value"]
        if group is None
        else ["question", group, "order", "value"]
    )
    frame = frame.sort_values(sort, kind="stable")
    columns = ["value", "label", "count", "percent"]
    return split_by_question(frame, columns if group is None else [group, *columns])


def empty_choices(question: QuestionLike) -> pd.DataFrame:
    labels = choice_labels(question)
    return pd.DataFrame(
        {
            "value": [v for v, _l in labels],
            "label": [label for _v, label in labels],
            "count": [0] * len(labels),
            "percent": [0.0] * len(labels),
        }
    )


def summaries(rows: pd.DataFrame, groups: list[str]) -> dict[str, pd.DataFrame]:
    summary = (
        rows.groupby(["question", *groups])["number"]
        .agg(n="count", mean="mean", median="median", min="min", max="max")
        .reset_index()
    )
    return split_by_question(summary, [*groups, "n", "mean", "median", "min", "max"])
