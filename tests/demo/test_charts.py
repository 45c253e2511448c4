"""The demo's discussion-step and finished cycles carry published charts of their
real demo answers."""

import pytest

from charts.models import ChartSnapshot
from cycles.models import CyclePage
from demo import charts as demo
from demo import followup as followup_demo

pytestmark = pytest.mark.django_db


def test_demo_cycles_publish_charts_of_their_answers(client, member):
    assert demo.seed().endswith(", 0 pages published")  # idempotent

    for slug, spec in demo.DEMO_RESULTS.items():
        for cycle in CyclePage.objects.filter(
            translation_key=CyclePage.objects.get(slug=slug).translation_key
        ):
            assert cycle.results_published
            assert 3 <= len(cycle.results) <= 6
            snapshots = ChartSnapshot.objects.filter(
                page=cycle, language=cycle.locale.language_code
            )
            # The finished cycle ends with demo.followup's before/after chart.
            extra = 1 if slug == followup_demo.CYCLE_SLUG else 0
            assert snapshots.count() == len(spec["charts"]) + extra
            assert all(s.data and not s.unavailable_reason for s in snapshots)
    modes = {spec["mode"] for spec in demo.DEMO_RESULTS.values()}
    assert "pseudonyms" in modes

    client.force_login(member)
    cycle = CyclePage.objects.get(slug="revues-des-deces-maternels")
    html = client.get(cycle.url).content.decode()
    assert "Décès maternels revus par district" in html
    assert html.count("<table>") >= 4
    assert "District A" in html
