"""The facilitators' participation dashboard: who may open it, and what it shows."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

DASHBOARD = "participation_dashboard:index"


@pytest.mark.parametrize("who", ["member", "policymaker"])
def test_teams_and_policymakers_never_see_the_dashboard(client, request, who, history):
    client.force_login(request.getfixturevalue(who))
    for url in (
        reverse(DASHBOARD),
        reverse("participation_dashboard:export", args=["csv"]),
        reverse("participation_dashboard:figure", args=["answered"]),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert b"Kindia" not in response.content


def test_anonymous_visitors_are_sent_to_the_login(client, history):
    response = client.get(reverse(DASHBOARD))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("who", ["facilitator", "platform_admin"])
def test_facilitators_see_rates_districts_and_who_is_at_risk(
    client, request, who, history
):
    first, _second, _districts = history
    client.force_login(request.getfixturevalue(who))
    page = client.get(reverse(DASHBOARD), {"cycle": first.pk}).content.decode()
    assert "Taux pour «\u00a0cycle-1\u00a0»" in page
    # Bénin, with French non-breaking spaces (issue 16)
    assert "<td>67\u00a0%</td><td>33\u00a0%</td><td>67\u00a0%</td>" in page
    at_risk = page.split('id="at-risk"')[1].split("<h2")[0]
    assert "Cotonou" in at_risk and "Kindia" in at_risk
    assert "Banikoara" not in at_risk and "Kandi" not in at_risk
    # The participation menu item is there for facilitators.
    assert (
        reverse(DASHBOARD) in client.get(reverse("wagtailadmin_home")).content.decode()
    )


def test_the_country_filter_keeps_the_rates_of_every_country(
    client, facilitator, history
):
    first, _second, _districts = history
    client.force_login(facilitator)
    page = client.get(
        reverse(DASHBOARD), {"cycle": first.pk, "country": "GN"}
    ).content.decode()
    table = page.split("participation-districts")[1].split("</table>")[0]
    assert "Kindia" in table and "Banikoara" not in table


def test_the_xlsx_export_opens_with_one_row_per_district(client, facilitator, history):
    first, _second, _districts = history
    client.force_login(facilitator)
    response = client.get(
        reverse("participation_dashboard:export", args=["xlsx"]), {"cycle": first.pk}
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    assert rows[0][1] == "District"
    assert sorted(r[2] for r in rows[1:]) == [
        "x-banikoara",
        "x-boke",
        "x-cotonou",
        "x-kandi",
        "x-kindia",
    ]


def test_the_figure_draws_one_line_per_country(client, facilitator, history):
    client.force_login(facilitator)
    figure = client.get(
        reverse("participation_dashboard:figure", args=["commented"])
    ).json()
    assert [trace["name"] for trace in figure["data"]] == ["Bénin", "Guinée"]
    assert figure["data"][1]["y"][0] == pytest.approx(50.0)
    assert (
        client.get(
            reverse("participation_dashboard:figure", args=["bogus"])
        ).status_code
        == 404
    )


def test_an_empty_portal_says_no_cycle_yet(client, facilitator):
    client.force_login(facilitator)
    page = client.get(reverse(DASHBOARD)).content.decode()
    assert "Aucun cycle n’a encore été publié." in page


def test_rate_charts_read_against_the_whole_from_0_to_100(client, facilitator, history):
    client.force_login(facilitator)
    figure = client.get(
        reverse("participation_dashboard:figure", args=["answered"])
    ).json()
    assert figure["layout"]["yaxis"]["range"] == [0, 100]


def test_invited_members_count_and_join_when_they_set_a_password(
    client, facilitator, history, mailoutbox
):
    from participation.invitations.services import invite

    first, _second, districts = history
    invite(
        name="Awa Koné",
        email="awa.kone@example.org",
        district=districts["boke"],
        language="fr",
        invited_by=facilitator,
    )
    client.force_login(facilitator)
    page = client.get(reverse(DASHBOARD), {"cycle": first.pk}).content.decode()
    boke = page.split("Boke <small>")[1].split("</tr>")[0]
    assert "2 (1 inscrits)" in boke


def test_the_admin_menu_leads_facilitators_to_the_dashboard(client, facilitator):
    """The dashboard is a Wagtail ViewSet (issue #15): its menu entry and its URLs
    are registered together, under /admin/participation/."""
    client.force_login(facilitator)
    assert reverse(DASHBOARD) == "/admin/participation/"
    assert (
        '"/admin/participation/"' in client.get("/admin/").content.decode()
    )  # sidebar data
