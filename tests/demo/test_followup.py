"""The demo's finished cycle carries district commitments (issue #17)."""

import pytest

from charts.models import ChartSnapshot
from charts.sources import ChartContext, chart_data
from cycles.models import CyclePage
from cycles.selectors import submitted_responses
from demo import followup as demo
from followup.models import CheckIn, Commitment

pytestmark = pytest.mark.django_db


def test_about_half_the_districts_commit_with_check_ins_in_every_state(client):
    assert demo.seed().startswith("0 ")  # idempotent
    cycle = CyclePage.objects.get(slug=demo.CYCLE_SLUG, locale__language_code="fr")
    answered = submitted_responses(cycle).count()
    committed = Commitment.objects.filter(cycle=cycle).values("district").distinct()
    assert committed.count() == (answered + 1) // 2
    states = set(
        CheckIn.objects.filter(commitment__cycle=cycle).values_list("status", flat=True)
    )
    assert states == {"not_started", "in_progress", "done", "dropped"}
    with_indicator = Commitment.objects.filter(cycle=cycle).exclude(indicator="")
    assert with_indicator.count() == 3
    for commitment in with_indicator:
        data = chart_data(
            "commitment_indicator",
            {"district": commitment.district.code, "commitment": commitment.slot},
            ChartContext(page=cycle),
        )
        assert set(data.frame["series"]) == {"Avant", "Après"}
    html = client.get(cycle.url).content.decode()
    assert "Ce qui a changé" in html


def test_the_finished_cycle_shows_a_before_after_chart_in_both_languages(client):
    source = CyclePage.objects.get(slug=demo.CYCLE_SLUG, locale__language_code="fr")
    for cycle in CyclePage.objects.filter(translation_key=source.translation_key):
        language = cycle.locale.language_code
        snapshot = ChartSnapshot.objects.get(
            translation_key=cycle.translation_key,
            language=language,
            block_id=demo.INDICATOR_CHART,
        )
        assert snapshot.unavailable_reason == ""
        assert len(snapshot.data["rows"]) >= 4  # months before and after
        title = demo.INDICATOR_TITLES[language == "en"]
        html = client.get(cycle.url).content.decode()
        assert title in html
