"""The six dated steps of a cycle, and what is open on a given day."""

import datetime as dt
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from districts.timezones import site_zone

STEP_TITLES = {
    1: _("Health issue"),
    2: _("Questionnaire"),
    3: _("Answers"),
    4: _("Results"),
    5: _("Discussion"),
    6: _("Knowledge translation"),
}
STEP_CHOICES = [
    (number, format_lazy("{}. {}", number, title))
    for number, title in STEP_TITLES.items()
]


@dataclass(frozen=True)
class TimelineStep:
    number: int
    title: Promise
    starts: dt.date | None
    ends: dt.date | None
    state: str  # "done" | "current" | "upcoming"

    @property
    def is_current(self) -> bool:
        return self.state == "current"

    @property
    def state_label(self) -> Promise:
        return {
            "done": _("finished"),
            "current": _("open now"),
            "upcoming": _("to come"),
        }[self.state]


@dataclass(frozen=True)
class Deadline:
    label: Promise
    date: dt.date
    # A close date ends with its day in the portal's zone: one moment for every
    # country, shown to each reader in their own zone ("22:59 (heure de Conakry)").
    closes_at: dt.datetime | None = None


def step_from_dates(cycle, today: dt.date) -> int:
    """Step 1–6 reached on `today`: the last step whose start date has passed."""
    starts = step_starts(cycle)
    step = 1
    for number in range(2, 7):
        start = starts[number]
        if start is not None and start <= today:
            step = number
    return step


def step_starts(cycle) -> dict[int, dt.date | None]:
    return {
        1: cycle.issue_date,
        2: cycle.questionnaire_date,
        3: cycle.answers_open,
        4: cycle.results_date,
        5: cycle.discussion_open,
        6: cycle.knowledge_translation_date,
    }


def step_ends(cycle) -> dict[int, dt.date | None]:
    return {3: cycle.answers_close, 5: cycle.discussion_close}


def within_step_dates(cycle, number: int, today: dt.date) -> bool:
    """`today` falls within the step's own dates: on or after its start, and not past
    its close date (steps 3 and 5 have one). A step without a start date: never."""
    start, end = step_starts(cycle)[number], step_ends(cycle).get(number)
    if start is None or today < start:
        return False
    return end is None or today <= end


def timeline(cycle, current: int) -> list[TimelineStep]:
    starts, ends = step_starts(cycle), step_ends(cycle)
    steps = []
    for number, title in STEP_TITLES.items():
        if number < current:
            state = "done"
        elif number == current:
            state = "current"
        else:
            state = "upcoming"
        steps.append(
            TimelineStep(number, title, starts[number], ends.get(number), state)
        )
    return steps


def next_deadline(cycle, today: dt.date) -> Deadline | None:
    """The first date still ahead: a close date or the start of a step."""
    candidates = [  # (date, label, is a close date)
        (cycle.questionnaire_date, _("Questionnaire published"), False),
        (cycle.answers_open, _("Answers open"), False),
        (cycle.answers_close, _("Answers close"), True),
        (cycle.results_date, _("Results published"), False),
        (cycle.discussion_open, _("Discussion opens"), False),
        (cycle.discussion_close, _("Discussion closes"), True),
        (cycle.knowledge_translation_date, _("Lessons shared"), False),
    ]
    upcoming = [item for item in candidates if item[0] and item[0] >= today]
    if not upcoming:
        return None
    date, label, closes = min(upcoming, key=lambda item: item[0])
    return Deadline(label, date, end_of_day(date) if closes else None)


def end_of_day(date: dt.date) -> dt.datetime:
    """The last minute of `date` in the portal's zone."""
    return dt.datetime.combine(date, dt.time(23, 59), tzinfo=site_zone())
