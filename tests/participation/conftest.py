"""Shared by the participation tests: a hand-counted history of two cycles.

Bénin: Banikoara and Kandi (Alibori), Cotonou (Littoral); Guinée: Boké, Kindia.
Cycle 1: answered Banikoara, Kandi, Boké (Cotonou only a draft); commented on a chart
Banikoara (twice) and Boké; posted in the discussion Banikoara and Kandi (Kindia's post
was removed by a facilitator). Cycle 2: only Banikoara answered. So Cotonou and Kindia
are silent in both cycles.
"""

import datetime as dt

import pytest

from cycles.factories import CycleIndexPageFactory, SurveyResponseFactory
from discussions.models import CommentDetails, CommentStatus
from discussions.services import Draft, post_comment
from districts.factories import DistrictFactory, HdmtMemberFactory
from followup.models import CommitmentSet
from followup.services import lay_out
from tests.cycles.conftest import make_cycle
from tests.cycles.test_results import results_stream


@pytest.fixture
def cycle_index(home_page):
    return CycleIndexPageFactory(parent=home_page)


@pytest.fixture
def teams(benin, guinea):
    names = {
        "banikoara": (benin, "Alibori"),
        "kandi": (benin, "Alibori"),
        "cotonou": (benin, "Littoral"),
        "boke": (guinea, "Boké"),
        "kindia": (guinea, "Kindia"),
    }
    districts = {
        code: DistrictFactory(
            country=country, region=region, name=code.title(), code=f"x-{code}"
        )
        for code, (country, region) in names.items()
    }
    members = {
        code: HdmtMemberFactory(username=f"m-{code}", district=district)
        for code, district in districts.items()
    }
    return districts, members


def _cycle(cycle_index, slug, weeks_earlier):
    """A cycle in its discussion step whose answers closed ``weeks_earlier`` ago."""
    cycle = make_cycle(cycle_index, step=5, slug=slug, title=slug)
    shift = dt.timedelta(weeks=weeks_earlier)
    cycle.answers_open -= shift
    cycle.answers_close -= shift
    cycle.results = results_stream(("c1", "stock_outs", "per_district", "bar"))
    cycle.results_published = True
    cycle.save(clean=False)
    return cycle


def _say(user, cycle, anchor=""):
    return post_comment(
        user,
        cycle,
        Draft("Nous avons vu ces résultats.", anchor=anchor),
        limit_rate=False,
        notify=False,
    )


@pytest.fixture
def history(cycle_index, teams):
    districts, members = teams
    first = _cycle(cycle_index, "cycle-1", weeks_earlier=8)
    second = _cycle(cycle_index, "cycle-2", weeks_earlier=0)
    for code in ("banikoara", "kandi", "boke"):
        SurveyResponseFactory(cycle=first, district=districts[code], status="submitted")
    SurveyResponseFactory(cycle=first, district=districts["cotonou"], status="draft")
    SurveyResponseFactory(
        cycle=second, district=districts["banikoara"], status="submitted"
    )
    _say(members["banikoara"], first, anchor="c1")
    _say(members["banikoara"], first, anchor="c1")
    _say(members["boke"], first, anchor="c1")
    _say(members["banikoara"], first)
    _say(members["kandi"], first)
    # A comment a facilitator removed is not participation.
    removed = _say(members["kindia"], first)
    CommentDetails.objects.filter(comment=removed).update(status=CommentStatus.REMOVED)
    # Follow-up (issue #17): Banikoara and Kandi reported a check-in on cycle 1;
    # Boké committed but has reported nothing yet.
    _commit(first, districts["banikoara"], {"c1_what": "A", "c1_k1_status": "done"})
    _commit(first, districts["kandi"], {"c1_what": "B", "c1_k1_status": "dropped"})
    _commit(first, districts["boke"], {"c1_what": "C"})
    return first, second, districts


def _commit(cycle, district, fields):
    commitments = CommitmentSet.objects.create(
        cycle=cycle, district=district, fields=fields
    )
    lay_out(commitments)
