"""Which districts take part in a cycle: frozen when its answers open.

Until a cycle's answers open, every district takes part (the live set). From then on
the cycle reads the set frozen on its source page (`CycleParticipants`), so that a
district added later — by the DHIS2 org-unit sync, say — neither lowers a past
cycle's rates, nor appears at risk, nor gets its reminders, nor is listed among those
who have not answered. The set is frozen by whichever comes first: the cycle's
publication once its answers are open, or the first read of it once they are (a
page view, the reminders' cron run, the dashboard). Freezing twice keeps the first.
"""

from django.db import transaction
from django.db.models import Count, QuerySet

from cycles.models import CyclePage, CycleParticipants
from districts.models import District
from portal.translations import source_page


def answers_have_opened(cycle: CyclePage) -> bool:
    """The cycle has reached its answers step (by its dates or a facilitator)."""
    return source_page(cycle).current_step >= 3


def freeze_participants(cycle: CyclePage) -> CycleParticipants:
    """Freeze the districts taking part in the cycle (its source page) to today's
    districts; a cycle already frozen keeps its set."""
    source = source_page(cycle)
    with transaction.atomic():
        frozen, created = CycleParticipants.objects.get_or_create(cycle=source)
        if created:
            frozen.districts.set(District.objects.values_list("pk", flat=True))
    source._frozen_participants = frozen
    source.__dict__.pop("_taking_part_by_country", None)
    return frozen


def _frozen(source: CyclePage) -> CycleParticipants | None:
    """The source's frozen set, looked up once per page object once it exists (a
    set never changes after freezing; an absent one is asked again)."""
    frozen = getattr(source, "_frozen_participants", None)
    if frozen is None:
        frozen = CycleParticipants.objects.filter(cycle=source).first()
        source._frozen_participants = frozen
    source.__dict__.pop("_taking_part_by_country", None)
    return frozen


def districts_taking_part(cycle: CyclePage) -> QuerySet[District]:
    """The districts taking part in the cycle: the frozen set once it exists (frozen
    now if the answers have opened without it), every district before."""
    source = source_page(cycle)
    frozen = _frozen(source)
    if frozen is None and answers_have_opened(source):
        frozen = freeze_participants(source)
    if frozen is None:
        return District.objects.all()
    return frozen.districts.all()


def taking_part_by_country(cycle: CyclePage) -> dict[int, int]:
    """{country id: districts taking part}, counted once per page object (the cycle
    page's caption N and its answered-by-country box share one query)."""
    source = source_page(cycle)
    counts = getattr(source, "_taking_part_by_country", None)
    if counts is None:
        counts = dict(
            districts_taking_part(source)
            .order_by()
            .values_list("country_id")
            .annotate(n=Count("pk"))
        )
        source._taking_part_by_country = counts
    return counts


def taking_part_count(cycle: CyclePage) -> int:
    return sum(taking_part_by_country(cycle).values())
