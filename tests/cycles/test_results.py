"""A cycle's results: charts of its real answers behind the publication gate."""

import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from charts.anonymise import DisplayMode
from charts.factories import chart_block, chart_stream, survey_question_source
from charts.models import ChartSnapshot
from charts.selectors import chart_urls, chart_view
from charts.services import refresh_page_charts
from cycles.factories import SurveyResponseFactory
from cycles.models import CyclePage
from districts.factories import DistrictFactory
from tests.cycles.conftest import make_cycle

NOT_PUBLISHED_FR = "Les résultats ne sont pas encore publiés."
CHART_TITLE = "Ruptures par district"


def results_stream(*charts):
    """charts: (block id, question, measure, chart type)."""
    raw = [
        chart_block(
            block_id,
            f"{CHART_TITLE} {block_id}",
            survey_question_source(question, measure),
            chart_type=chart_type,
        )
        for block_id, question, measure, chart_type in charts
    ]
    return chart_stream(raw, CyclePage._meta.get_field("results").stream_block)


def answer(cycle, district, stock_outs, cause="transport"):
    return SurveyResponseFactory(
        cycle=cycle,
        district=district,
        status="submitted",
        answers={"stock_outs": stock_outs, "had_stock_out": "yes", "cause": cause},
    )


def publish_results(
    cycle, charts, *, published=True, public=False, mode=DisplayMode.NAMES
):
    cycle.results = results_stream(*charts)
    cycle.results_published = published
    cycle.results_public = public
    cycle.results_display_mode = mode
    cycle.save(clean=False)
    refresh_page_charts(cycle)
    return cycle


PER_DISTRICT = ("c1", "stock_outs", "per_district", "bar")
BY_CAUSE = ("c2", "cause", "choices", "table")


@pytest.fixture
def results_cycle(cycle_index, district, other_district):
    cycle = make_cycle(cycle_index, step=4, slug="resultats", title="Cycle résultats")
    answer(cycle, district, 4)
    answer(cycle, other_district, 9, "late_order")
    answer(cycle, DistrictFactory(country=district.country, name="Kandi"), 2)
    return cycle


def real_names(cycle):
    return [r.district.name for r in cycle.responses.select_related("district")]


# --- The survey source ------------------------------------------------------------


def test_charts_show_the_cycles_real_answers(client, facilitator, results_cycle):
    publish_results(results_cycle, [PER_DISTRICT, BY_CAUSE])
    snapshot = ChartSnapshot.objects.get(block_id="c1")
    assert snapshot.unavailable_reason == ""
    rows = {r["category"]: r["value"] for r in _json(client, facilitator, snapshot)}
    assert rows == {"Banikoara": 4, "Boké": 9, "Kandi": 2}
    causes = ChartSnapshot.objects.get(block_id="c2")
    values = {
        r["category"]: round(r["value"], 1) for r in _json(client, facilitator, causes)
    }
    assert values == {"Transport": 66.7, "Commande tardive": 33.3}
    assert causes.data["metadata"]["N"] == "3"


def test_the_caption_counts_answers_out_of_the_districts_taking_part(
    client, facilitator, results_cycle, district
):
    """Issue #16: "3 districts sur 3 ont répondu" counted only those who answered;
    N is every district taking part (here 5, two of them silent)."""
    for name in ("Cotonou", "Kindia"):
        DistrictFactory(country=district.country, name=name)
    publish_results(results_cycle, [BY_CAUSE])
    snapshot = ChartSnapshot.objects.get(block_id="c2")
    client.force_login(facilitator)
    assert (
        "3 districts sur 5 ont répondu"
        in client.get(results_cycle.url).content.decode()
    )
    with translation.override("en"):
        assert chart_view(snapshot).summary == "3 of 5 districts answered"
    DistrictFactory(country=district.country, name="Gogounou")  # after the freeze
    publish_results(results_cycle, [BY_CAUSE])
    page = client.get(results_cycle.url).content.decode()
    assert "3 districts sur 5 ont répondu" in page


def test_a_chart_of_an_unknown_question_says_so(results_cycle):
    publish_results(results_cycle, [("c1", "nope", "choices", "bar")])
    snapshot = ChartSnapshot.objects.get(block_id="c1")
    assert "n'est pas une question" in snapshot.unavailable_reason or (
        "is not a question" in snapshot.unavailable_reason
    )
    assert snapshot.data == {}


def test_the_editor_refuses_a_question_the_cycle_does_not_have(results_cycle):
    results_cycle.results = results_stream(("c1", "nope", "choices", "bar"))
    with pytest.raises(ValidationError, match="nope"):
        results_cycle.clean()
    results_cycle.results = results_stream(PER_DISTRICT)
    results_cycle.clean()


def test_answers_changed_after_publication_are_counted_on_the_next_publication(
    results_cycle, district
):
    publish_results(results_cycle, [PER_DISTRICT])
    response = results_cycle.responses.get(district=district)
    response.answers = {**response.answers, "stock_outs": 40}
    response.save()
    refresh_page_charts(results_cycle)
    rows = ChartSnapshot.objects.get(block_id="c1").data["rows"]
    assert [40, "Banikoara"] in [[row[2], row[0]] for row in rows]


# --- The publication gate ---------------------------------------------------------

ROLES = ["member", "other_member", "policymaker", "facilitator", "anonymous"]


@pytest.mark.parametrize(
    ("who", "published", "public", "sees"),
    [
        ("facilitator", False, False, True),
        ("member", False, False, False),
        ("other_member", False, False, False),
        ("policymaker", False, False, False),
        ("anonymous", False, True, False),
        ("member", True, False, True),
        ("other_member", True, False, True),
        ("policymaker", True, False, True),
        ("anonymous", True, False, False),
        ("anonymous", True, True, True),
        ("facilitator", True, False, True),
    ],
)
def test_results_are_shown_only_as_published(
    client, request, results_cycle, who, published, public, sees
):
    publish_results(
        results_cycle, [PER_DISTRICT, BY_CAUSE], published=published, public=public
    )
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    html = client.get(results_cycle.url).content.decode()
    assert (CHART_TITLE in html) is sees
    # Published for participants only: anonymous readers are told to log in, not
    # that nothing is published.
    members_only = who == "anonymous" and published and not public
    assert (NOT_PUBLISHED_FR in html) is (not sees and not members_only)
    assert ("Connectez-vous pour les lire." in html) is members_only
    for snapshot in ChartSnapshot.objects.all():
        urls = chart_urls(snapshot)
        for name in ("csv", "json", "figure", "embed", "page"):
            if name == "figure" and not snapshot.figure:
                continue
            # A hidden chart is a 404 (after the language redirect for the embed).
            status = client.get(urls[name], follow=True).status_code
            assert status == (200 if sees else 404), (name, status)


def test_english_readers_see_the_gate_in_english(client, member, results_cycle):
    publish_results(results_cycle, [PER_DISTRICT], published=False)
    client.force_login(member)
    html = client.get(results_cycle.url, headers={"accept-language": "en"}).content
    french = client.get(results_cycle.url).content.decode()
    assert NOT_PUBLISHED_FR in french
    assert b"Results" in html or "Résultats".encode() in html


# --- Pseudonyms -------------------------------------------------------------------


def _json(client, user, snapshot):
    client.force_login(user)
    return json.loads(client.get(chart_urls(snapshot)["json"]).content)["data"]


def everything_a_reader_gets(client, cycle) -> str:
    parts = [client.get(cycle.url).content.decode()]
    for snapshot in ChartSnapshot.objects.all():
        urls = chart_urls(snapshot)
        for name in ("csv", "json", "embed", "page"):
            parts.append(client.get(urls[name]).content.decode())
        if snapshot.figure:
            parts.append(client.get(urls["figure"]).content.decode())
        if snapshot.image:
            with snapshot.image.open("rb") as image:
                parts.append(image.read().decode())
    return "\n".join(parts)


@pytest.mark.parametrize("mode", [DisplayMode.PSEUDONYMS, DisplayMode.COUNTRIES])
def test_no_real_district_name_leaks_to_anonymous_readers(client, results_cycle, mode):
    publish_results(
        results_cycle,
        [PER_DISTRICT, ("c3", "stock_outs", "per_district", "line")],
        public=True,
        mode=mode,
    )
    everything = everything_a_reader_gets(client, results_cycle)
    assert CHART_TITLE in everything
    for name in real_names(results_cycle):
        assert name not in everything
    if mode == DisplayMode.PSEUDONYMS:
        assert "District A" in everything


def test_a_team_sees_its_own_row_and_no_other_district_name(
    client, member, district, results_cycle
):
    publish_results(results_cycle, [PER_DISTRICT], mode=DisplayMode.PSEUDONYMS)
    client.force_login(member)
    everything = everything_a_reader_gets(client, results_cycle)
    for name in real_names(results_cycle):
        if name != district.name:
            assert name not in everything
    html = client.get(results_cycle.url).content.decode()
    mine = re.findall(r'<tr class="chart__mine"[^>]*><th scope="row">([^<]+)', html)
    assert len(mine) == 1 and mine[0].startswith("District ")
    assert "(votre district)" in html


def test_pseudonyms_are_the_same_in_every_chart_of_the_cycle(
    client, facilitator, results_cycle
):
    publish_results(
        results_cycle,
        [PER_DISTRICT, ("c3", "stock_outs", "per_district", "line")],
        mode=DisplayMode.PSEUDONYMS,
    )
    first, second = (
        {r["value"]: r["category"] for r in _json(client, facilitator, s)}
        for s in ChartSnapshot.objects.order_by("block_id")
    )
    assert first == second
    assert results_cycle.pseudonym_seed


# --- Weight and queries -----------------------------------------------------------


def test_every_chart_has_its_table_and_the_first_view_loads_no_plotly(
    client, member, results_cycle
):
    publish_results(
        results_cycle,
        [PER_DISTRICT, BY_CAUSE, ("c3", "stock_outs", "per_district", "line")],
    )
    client.force_login(member)
    html = client.get(results_cycle.url).content.decode()
    figures = re.findall(r'<figure class="chart".*?</figure>', html, re.S)
    assert len(figures) == 3
    assert all("<table>" in figure and "<tbody>" in figure for figure in figures)
    assert not re.search(r"<script[^>]+plotly", html)
    assert "cdn" not in html.lower()


def _page_queries(client, cycle) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(cycle.url).status_code == 200
    return len(queries)


def test_results_page_queries_do_not_grow_with_responses_or_charts(
    client, member, cycle_index, district, django_assert_num_queries
):
    small = make_cycle(cycle_index, step=4, slug="petit", title="Petit cycle")
    large = make_cycle(cycle_index, step=4, slug="grand", title="Grand cycle")
    answer(small, district, 1)
    answer(large, district, 1)
    for index in range(2):
        answer(small, DistrictFactory(country=district.country), index)
    for index in range(29):
        answer(large, DistrictFactory(country=district.country), index)
    publish_results(small, [PER_DISTRICT])
    publish_results(
        large,
        [
            PER_DISTRICT,
            BY_CAUSE,
            ("c3", "stock_outs", "per_district", "line"),
            ("c4", "cause", "choices", "stacked_bar"),
        ],
    )
    client.force_login(member)
    _page_queries(client, small)  # warm the caches of the site and the session,
    _page_queries(client, large)  # and each page's shared pieces (portal/chrome.py)
    expected = _page_queries(client, small)
    with django_assert_num_queries(expected):
        response = client.get(large.url)
    assert response.content.decode().count('<figure class="chart"') == 4


def test_a_submission_while_interim_results_are_published_updates_the_charts(
    cycle_index, member, other_district, django_capture_on_commit_callbacks
):
    """A facilitator published results while answers are still open: a district that
    submits afterwards is in the charts without anybody publishing again."""
    from cycles.services import submit_response

    cycle = make_cycle(cycle_index, step=3, slug="interim", title="Résultats d'étape")
    answer(cycle, other_district, 9)
    publish_results(cycle, [PER_DISTRICT])
    # N: the two districts taking part (one has answered so far).
    assert ChartSnapshot.objects.get(block_id="c1").data["metadata"]["N"] == "2"

    with django_capture_on_commit_callbacks(execute=True):
        submit_response(
            cycle, member.membership.district, member, {"stock_outs": 7}, None
        )
    rows = ChartSnapshot.objects.get(block_id="c1").data["rows"]
    assert sorted((row[0], row[2]) for row in rows) == [("Banikoara", 7), ("Boké", 9)]


def test_a_draft_does_not_recompute_published_charts(
    cycle_index, member, other_district, django_capture_on_commit_callbacks
):
    from cycles.services import save_draft

    cycle = make_cycle(cycle_index, step=3, slug="interim", title="Résultats d'étape")
    answer(cycle, other_district, 9)
    publish_results(cycle, [PER_DISTRICT])
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        save_draft(cycle, member.membership.district, member, {"stock_outs": 7}, None)
    assert callbacks == []
    rows = ChartSnapshot.objects.get(block_id="c1").data["rows"]
    assert [row[0] for row in rows] == ["Boké"]
