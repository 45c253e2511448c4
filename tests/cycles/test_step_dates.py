"""A step's own dates, as reminders read them (cycles.steps.within_step_dates)."""

import datetime as dt
from types import SimpleNamespace

import pytest

from cycles.steps import within_step_dates

OPEN, CLOSE = dt.date(2031, 3, 1), dt.date(2031, 3, 15)


def cycle(**dates):
    fields = ["issue_date", "questionnaire_date", "answers_open", "answers_close"]
    fields += ["results_date", "discussion_open", "discussion_close"]
    fields += ["knowledge_translation_date"]
    return SimpleNamespace(**{name: dates.get(name) for name in fields})


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (OPEN - dt.timedelta(days=1), False),
        (OPEN, True),
        (CLOSE, True),
        (CLOSE + dt.timedelta(days=1), False),
    ],
)
def test_a_step_holds_the_days_from_its_start_to_its_close(today, expected):
    answers = cycle(answers_open=OPEN, answers_close=CLOSE)
    assert within_step_dates(answers, 3, today) is expected


def test_a_step_without_a_close_date_stays_open_and_one_without_a_start_never_opens():
    assert within_step_dates(cycle(discussion_open=OPEN), 5, dt.date(2040, 1, 1))
    assert not within_step_dates(cycle(discussion_close=CLOSE), 5, OPEN)
