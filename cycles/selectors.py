"""Reads: cycles, questionnaires and responses (the shared contract lives here)."""

from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.http import HttpRequest, QueryDict
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from cycles.models import CycleIndexPage, CyclePage, SurveyResponse
from cycles.models.questions import questionnaire_rows
from cycles.models.responses import ResponseStatus
from cycles.participants import districts_taking_part, taking_part_by_country
from cycles.questionnaire import Question
from cycles.steps import STEP_TITLES
from districts.models import Country, District
from districts.roles import is_facilitator, user_district
from portal import chrome
from portal.privacy import listable, reader_key
from portal.translations import in_language, remember_sources, source_page


def canonical_cycle(page: Page) -> CyclePage:
    """The cycle's source page, which every translation's responses hang on."""
    return source_page(page)


def localized_cycle(cycle: CyclePage) -> CyclePage:
    """The cycle in the active language when it is live there, else the cycle."""
    return in_language(cycle) or cycle


def questions_for_cycle(cycle: CyclePage) -> list[Question]:
    """Every question, in order, labels in the active language (headings included):
    the source's questionnaire, with the language's texts where translated."""
    return [row.as_question() for row in questionnaire_rows(localized_cycle(cycle))]


def shown_questions(request: HttpRequest, cycle: CyclePage) -> list[Question]:
    """``questions_for_cycle`` for a page being read, kept in the site's cache (a
    page or a question saved renews it, cycles/signals.py); writes and exports read
    ``questions_for_cycle`` itself."""
    return chrome.cached(
        request,
        "questionnaire",
        lambda: questions_for_cycle(cycle),
        cycle.pk,
        get_language(),
    )


def questions_in_language(cycle: CyclePage, language_code: str) -> list[Question]:
    from django.utils import translation

    with translation.override(language_code):
        return questions_for_cycle(cycle)


def submitted_responses(cycle: CyclePage) -> QuerySet[SurveyResponse]:
    return SurveyResponse.objects.filter(
        cycle=canonical_cycle(cycle), status=ResponseStatus.SUBMITTED
    ).select_related("district__country")


def responses_for_cycle(cycle: CyclePage) -> QuerySet[SurveyResponse]:
    return SurveyResponse.objects.filter(cycle=canonical_cycle(cycle)).select_related(
        "district__country"
    )


def district_response(cycle: CyclePage, district: District) -> SurveyResponse | None:
    return (
        SurveyResponse.objects.filter(cycle=canonical_cycle(cycle), district=district)
        .select_related("updated_by", "district")
        .first()
    )


def has_answers(cycle: CyclePage) -> bool:
    return SurveyResponse.objects.filter(cycle=canonical_cycle(cycle)).exists()


# --- Permissions --------------------------------------------------------------
def can_read_response(user, district: District) -> bool:
    """A district's answers: its own team and facilitators, nobody else."""
    return is_facilitator(user) or (
        district is not None and user_district(user) == district
    )


def can_edit_response(user, cycle: CyclePage, district: District) -> bool:
    return (
        district is not None
        and user_district(user) == district
        and cycle.answers_are_open
    )


def can_export(user) -> bool:
    return is_facilitator(user)


# --- Participation ("who has answered") -----------------------------------------
@dataclass(frozen=True)
class DistrictParticipation:
    district: District
    status: str  # "submitted" | "draft" | "not_started"
    updated_at: object = None

    @property
    def status_label(self) -> str:
        return {
            "submitted": _("Submitted"),
            "draft": _("Draft"),
            "not_started": _("Not started"),
        }[self.status]


def participation(cycle: CyclePage) -> list[DistrictParticipation]:
    """Every district taking part in the cycle, with where its answer stands."""
    by_district = {
        row["district_id"]: row
        for row in responses_for_cycle(cycle).values(
            "district_id", "status", "updated_at"
        )
    }
    rows = []
    for district in districts_taking_part(cycle).select_related("country"):
        found = by_district.get(district.id)
        status = found["status"] if found else "not_started"
        rows.append(
            DistrictParticipation(
                district, status, found["updated_at"] if found else None
            )
        )
    return rows


@dataclass(frozen=True)
class CountryAnswers:
    country: str
    answered: int
    districts: int


def answered_by_country(cycle: CyclePage) -> list[CountryAnswers]:
    """Per country, how many of its districts taking part have submitted: the count
    every participant sees ("31 of 34 districts of Benin have answered"), never who.
    Country names in the reader's language. Kept in the site's cache: a submission
    renews it (portal/pagecache.py), like a change of districts (districts/apps.py)."""
    return chrome.cached(
        None,
        "answered-by-country",
        lambda: _answered_by_country(cycle),
        cycle.pk,
        get_language(),
    )


def _answered_by_country(cycle: CyclePage) -> list[CountryAnswers]:
    taking_part = districts_taking_part(cycle)
    answered = dict(
        submitted_responses(cycle)
        .filter(district__in=taking_part)
        .values_list("district__country_id")
        .annotate(n=Count("pk"))
    )
    totals = taking_part_by_country(cycle)
    countries = Country.objects.filter(pk__in=totals).order_by("name")
    return [
        CountryAnswers(
            country.localized_name, answered.get(country.pk, 0), totals[country.pk]
        )
        for country in countries
    ]


def participation_counts(rows: list[DistrictParticipation]) -> dict[str, int]:
    counts = {"submitted": 0, "draft": 0, "not_started": 0}
    for row in rows:
        counts[row.status] += 1
    return counts


# --- Listings ---------------------------------------------------------------
def live_cycles(locale: Locale | None = None) -> QuerySet[CyclePage]:
    locale = locale or Locale.get_active()
    return CyclePage.objects.live().filter(locale=locale)


def _newest_first(cycles) -> list[CyclePage]:
    return sorted(
        cycles,
        key=lambda c: (c.issue_date or c.first_published_at.date(), c.id),
        reverse=True,
    )


@dataclass(frozen=True)
class StepOption:
    number: int
    title: str
    selected: bool


def cycle_listing(index: CycleIndexPage, request: HttpRequest) -> dict:
    params: QueryDict = request.GET
    cycles = list(listable(live_cycles(index.locale).descendant_of(index), request))
    years = sorted({c.issue_date.year for c in cycles if c.issue_date}, reverse=True)
    step = params.get("step", "")
    year = params.get("year", "")
    if step.isdigit():
        cycles = [c for c in cycles if c.current_step == int(step)]
    if year.isdigit():
        cycles = [c for c in cycles if c.issue_date and c.issue_date.year == int(year)]
    return {
        "cycles": [cycle_card(c, request) for c in _newest_first(cycles)],
        "step_options": [
            StepOption(number, str(title), str(number) == step)
            for number, title in STEP_TITLES.items()
        ],
        "year_options": [(y, str(y) == year) for y in years],
        "filtered": bool(step or year),
    }


@dataclass(frozen=True)
class CycleCard:
    title: str
    url: str
    summary: str
    step: int
    step_title: str
    call_to_action: str
    next_deadline: object


def call_to_action(cycle: CyclePage, user) -> str:
    if cycle.answers_are_open and user_district(user) is not None:
        return _("Answer the questionnaire")
    if cycle.current_step >= 4:
        return _("See the results")
    return _("Read about this cycle")


def current_cycles(request: HttpRequest) -> list[CycleCard]:
    """Live cycles of the active language that are not finished, newest first. The
    pages this reader may see listed come from the site's cache; their steps, dates
    and calls to action are read at every request (they move with the clock)."""
    cycles = chrome.cached(
        request,
        "listed-cycles",
        lambda: _listed_cycles(request),
        reader_key(request),
        get_language(),
    )
    cycles = [c for c in cycles if c.current_step < 6]
    return [cycle_card(c, request) for c in _newest_first(cycles)]


def _listed_cycles(request: HttpRequest) -> list[CyclePage]:
    cycles = list(listable(live_cycles(), request))
    remember_sources(cycles)  # their behaviour is read from it: one query for all
    return cycles


def cycle_card(cycle: CyclePage, request: HttpRequest) -> CycleCard:
    return CycleCard(
        title=cycle.title,
        url=cycle.get_url(request),
        summary=cycle.summary,
        step=cycle.current_step,
        step_title=str(cycle.current_step_title),
        call_to_action=call_to_action(cycle, request.user),
        next_deadline=cycle.next_deadline,
    )
