"""Demo follow-up on the finished cycle (completeness of monthly reports): about
half the districts that answered commit to changes, their first check-in carries
every status, and three follow a DHIS2 indicator whose stored snapshot shows a
before and an after. Runs after the cycles and lessons; idempotent (a district
that already has its set is left alone).
"""

import datetime as dt
import hashlib
import random

from dateutil.relativedelta import relativedelta
from django.contrib.auth import get_user_model
from wagtail.models import Locale

from charts.factories import chart_block
from cycles.models import CyclePage
from cycles.selectors import submitted_responses
from demo.charts import DEMO_RESULTS, results_stream
from dhis2.models import AnalyticsQuery, AnalyticsSnapshot
from followup.models import Commitment, CommitmentSet, FollowUpSchedule
from followup.services import lay_out
from lessons.models import LessonPage
from portal.localize import translate_fields

CYCLE_SLUG = "completude-des-rapports-mensuels"
LESSON_SLUG = "completude-rapports-dhis2"
INDICATOR = ("DTcompl0001", "Complétude des rapports mensuels (%)")
WHAT = [
    (
        "Relancer chaque CSPS le 3 du mois pour les rapports en retard",
        "Le gestionnaire des données",
    ),
    (
        "Une revue mensuelle des données avec les majors des CSPS",
        "Le médecin-chef de district",
    ),
    ("Former deux agents par CSPS à la saisie dans DHIS2", "Le point focal SNIS"),
]
STATUSES = ["not_started", "in_progress", "done", "dropped"]
HAPPENED = {
    "in_progress": "Douze CSPS sur dix-huit relancés chaque mois.",
    "done": "Toutes les revues tenues ; la complétude a dépassé 90 %.",
    "dropped": "Abandonné faute de connexion dans la moitié des CSPS.",
}
OBSTACLES = {"dropped": "Pas de crédit internet ; coupures d’électricité."}


def _org_unit(district) -> str:
    """The district's DHIS2 id, or a stable made-up one for the demo."""
    if not district.dhis2_uid:
        digest = hashlib.sha256(district.code.encode()).hexdigest()[:9]
        district.dhis2_uid = f"DT{digest}"
        district.save(update_fields=["dhis2_uid"])
    return district.dhis2_uid


def _snapshot(districts, committed_on: dt.date, rng) -> AnalyticsQuery:
    query, _ = AnalyticsQuery.objects.get_or_create(
        name="Complétude des rapports (démo)",
        defaults={
            "data_items": INDICATOR[0],
            "periods": "LAST_6_MONTHS",
            "org_units": ";".join(_org_unit(d) for d in districts),
        },
    )
    rows = []
    for district in districts:
        level = rng.randint(55, 70)
        for months_back in range(5, -1, -1):
            month = committed_on.replace(day=1) - relativedelta(months=months_back - 2)
            after = month >= committed_on
            value = level + (rng.randint(12, 20) if after else rng.randint(-4, 4))
            rows.append(
                {
                    "dx": INDICATOR[0],
                    "dx_name": INDICATOR[1],
                    "pe": month.strftime("%Y%m"),
                    "pe_name": month.strftime("%m/%Y"),
                    "ou": district.dhis2_uid,
                    "ou_name": district.name,
                    "value": float(min(value, 100)),
                }
            )
    AnalyticsSnapshot.objects.update_or_create(
        query=query, defaults={"data": rows, "fetched_at": None}
    )
    return query


INDICATOR_CHART = "demo-commitment-indicator"
INDICATOR_TITLES = (
    "Complétude des rapports avant et après l’engagement",
    "Report completeness before and after the commitment",
)


def _indicator_chart(english: bool, district) -> dict:
    return chart_block(
        INDICATOR_CHART,
        INDICATOR_TITLES[english],
        {
            "type": "commitment_indicator",
            "value": {"district": district.code, "commitment": 1},
            "id": f"{INDICATOR_CHART}-source",
        },
    )


def _add_indicator_chart(cycle: CyclePage, district) -> bool:
    """The finished cycle's results end with the before/after chart of the first
    district following a DHIS2 indicator (in both languages); False if it is there."""
    if any(child.id == INDICATOR_CHART for child in cycle.results):
        return False
    charts = DEMO_RESULTS[CYCLE_SLUG]["charts"]
    cycle.results = results_stream(charts, False, [_indicator_chart(False, district)])
    cycle.save_revision().publish()
    english = Locale.objects.get(language_code="en")
    if cycle.get_translation_or_none(english) is not None:
        translate_fields(
            cycle,
            english,
            {
                "results": results_stream(
                    charts, True, [_indicator_chart(True, district)]
                )
            },
        )
    return True


def seed() -> str:
    cycle = CyclePage.objects.filter(
        slug=CYCLE_SLUG, locale__language_code="fr"
    ).first()
    if cycle is None:
        return "no finished cycle"
    FollowUpSchedule.objects.get_or_create(cycle=cycle, defaults={"months": "0,3,6"})
    lesson = LessonPage.objects.filter(slug=LESSON_SLUG).order_by("pk").first()
    districts = [
        r.district for r in submitted_responses(cycle).order_by("district__code")
    ]
    chosen = districts[::2]
    committed_on = cycle.discussion_open or cycle.discussion_close
    rng = random.Random(CYCLE_SLUG)
    query = _snapshot(chosen[:3], committed_on, rng) if committed_on else None
    users = {
        u.username: u
        for u in get_user_model().objects.filter(username__startswith="hdmt-")
    }
    created = 0
    for number, district in enumerate(chosen):
        if CommitmentSet.objects.filter(cycle=cycle, district=district).exists():
            continue
        fields = {}
        for slot in range(1, 1 + (number % 2) + 1):
            what, lead = WHAT[(number + slot) % len(WHAT)]
            status = STATUSES[(number + slot) % len(STATUSES)]
            fields.update({f"c{slot}_what": what, f"c{slot}_lead": lead})
            if status != "not_started" or number % 3 == 0:
                fields[f"c{slot}_k1_status"] = status
                fields[f"c{slot}_k1_happened"] = HAPPENED.get(status, "")
                fields[f"c{slot}_k1_obstacles"] = OBSTACLES.get(status, "")
        if lesson is not None and number % 2 == 0:
            fields["c1_lesson"] = str(lesson.translation_key)
        if query is not None and number < 3:
            fields["c1_indicator"] = f"{query.pk}:{INDICATOR[0]}"
        fields = {name: value for name, value in fields.items() if value}
        author = users.get(f"hdmt-{district.code}-1")
        commitments = CommitmentSet.objects.create(
            cycle=cycle, district=district, fields=fields, updated_by=author
        )
        lay_out(commitments)
        created += 1
    if committed_on:
        Commitment.objects.filter(cycle=cycle).update(committed_on=committed_on)
    charted = query is not None and chosen and _add_indicator_chart(cycle, chosen[0])
    return f"{created} district commitment sets on the finished cycle" + (
        ", with a before/after indicator chart" if charted else ""
    )
