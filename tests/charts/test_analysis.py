"""Analysis numbers against a small fixture computed by hand.

Four districts responded: two in Benin (Alibori region), two in Guinea (Boké, Kindia).
"""

import pandas as pd
import pytest

from cycles.analysis import (
    ResponseData,
    analyse,
    cached_analysis,
    fingerprint,
    tidy_answers,
)
from tests.charts.questions import QUESTIONS

RESPONSES = [
    ResponseData(
        1,
        "Banikoara",
        "Bénin",
        "Alibori",
        {
            "stock_outs": 4,
            "main_cause": "transport",
            "tools": ["dhis2", "paper"],
            "has_plan": "yes",
            "comment": "ok",
        },
    ),
    ResponseData(
        2,
        "Kandi",
        "Bénin",
        "Alibori",
        {"stock_outs": 2, "main_cause": "budget", "tools": ["dhis2"], "has_plan": ""},
    ),
    ResponseData(
        3,
        "Boké",
        "Guinée",
        "Boké",
        {"stock_outs": 9.5, "main_cause": "transport", "tools": [], "has_plan": "no"},
    ),
    ResponseData(
        4, "Kindia", "Guinée", "Kindia", {"main_cause": "", "tools": ["sms", "dhis2"]}
    ),
]


@pytest.fixture(scope="module")
def analysis():
    return analyse(QUESTIONS, RESPONSES)


def test_tidy_table_has_a_row_per_district_and_question_with_choices_exploded():
    tidy = tidy_answers(QUESTIONS, RESPONSES)
    # 5 answerable questions × 4 districts, plus one extra row per extra choice
    # ticked (Banikoara 1, Kindia 1); the heading has no rows.
    assert len(tidy) == 5 * 4 + 2
    assert "intro" not in set(tidy["question"])
    tools = tidy[tidy["question"] == "tools"]
    assert sorted(tools[tools["answered"]]["value"]) == [
        "dhis2",
        "dhis2",
        "dhis2",
        "paper",
        "sms",
    ]
    # Boké ticked nothing: one unanswered row, kept.
    boke = tools[tools["district"] == "Boké"]
    assert len(boke) == 1 and not boke["answered"].iloc[0]


def test_missing_answers_are_counted_not_dropped(analysis):
    assert analysis.n_districts == 4
    assert (analysis["stock_outs"].n_answered, analysis["stock_outs"].n_total) == (3, 4)
    assert analysis["main_cause"].n_answered == 3  # "" is not an answer
    assert analysis["tools"].n_answered == 3  # [] is not an answer
    assert analysis["has_plan"].n_answered == 2
    assert analysis["has_plan"].n_missing == 2
    assert analysis["comment"].n_answered == 1


def test_single_choice_counts_and_percentages_in_choice_order(analysis):
    choices = analysis["main_cause"].choices
    assert list(choices["value"]) == ["transport", "budget", "ordering"]
    assert list(choices["label"]) == ["Transport", "Budget", "Ordering"]
    assert list(choices["count"]) == [2, 1, 0]
    assert list(choices["percent"].round(1)) == [66.7, 33.3, 0.0]


def test_multiple_choice_percentages_are_of_respondents(analysis):
    choices = analysis["tools"].choices.set_index("value")
    assert choices.loc["dhis2", "count"] == 3
    assert choices.loc["dhis2", "percent"] == pytest.approx(100.0)
    assert choices.loc["paper", "percent"] == pytest.approx(100 / 3)
    assert choices.loc["sms", "percent"] == pytest.approx(100 / 3)
    assert choices["percent"].sum() > 100  # several ticks per district


def test_yes_no_gets_translated_labels(analysis):
    choices = analysis["has_plan"].choices
    assert list(choices["value"]) == ["yes", "no"]
    assert list(choices["count"]) == [1, 1]
    assert list(choices["percent"]) == [50.0, 50.0]


def test_numeric_summary(analysis):
    summary = analysis["stock_outs"].numeric
    assert summary.n == 3
    assert summary.mean == pytest.approx(15.5 / 3)
    assert summary.median == 4
    assert (summary.min, summary.max) == (2, 9.5)
    per_district = analysis["stock_outs"].by_district.set_index("district")["value"]
    assert per_district.to_dict() == {"Banikoara": 4.0, "Kandi": 2.0, "Boké": 9.5}


def test_breakdowns_by_country_and_region(analysis):
    by_country = analysis["main_cause"].choices_by_country.set_index(
        ["country", "value"]
    )
    assert by_country.loc[("Bénin", "transport"), "count"] == 1
    assert by_country.loc[("Bénin", "budget"), "percent"] == 50.0
    assert by_country.loc[("Guinée", "transport"), "percent"] == 100.0
    assert by_country.loc[("Guinée", "ordering"), "count"] == 0

    numbers = analysis["stock_outs"].numeric_by_country.set_index("country")
    assert numbers.loc["Bénin", "mean"] == 3.0
    assert numbers.loc["Guinée", "n"] == 1

    regions = analysis["stock_outs"].numeric_by_region.set_index("region")
    assert regions.loc["Alibori", "n"] == 2
    assert "Kindia" not in regions.index  # Kindia did not answer

    answered = analysis["stock_outs"].answered_by_country.set_index("country")
    assert answered.loc["Guinée"].to_dict() == {"n_answered": 1, "n_total": 2}
    assert answered.loc["Bénin"].to_dict() == {"n_answered": 2, "n_total": 2}


def test_no_responses_gives_zero_of_zero():
    analysis = analyse(QUESTIONS, [])
    assert analysis["main_cause"].n_answered == 0
    assert list(analysis["main_cause"].choices["count"]) == [0, 0, 0]


def test_answers_to_removed_choices_still_show():
    responses = [ResponseData(1, "A", "Bénin", "R", {"main_cause": "weather"})]
    choices = analyse(QUESTIONS, responses)["main_cause"].choices
    assert choices.set_index("value").loc["weather", "count"] == 1


def test_analysis_is_cached_by_data_fingerprint(db):
    calls = []

    def compute():
        calls.append(1)
        return analyse(QUESTIONS, RESPONSES)

    key = fingerprint("2026-11-26T02:00:00", 4)
    first = cached_analysis("cycle-x", key, compute)
    second = cached_analysis("cycle-x", key, compute)
    assert len(calls) == 1
    assert second["stock_outs"].n_answered == first["stock_outs"].n_answered
    cached_analysis("cycle-x", fingerprint("2026-11-26T03:00:00", 5), compute)
    assert len(calls) == 2
    assert isinstance(second["tools"].choices, pd.DataFrame)
