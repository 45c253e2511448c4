"""The facilitators' tracker: every commitment (hidden ones too) per cycle and
country, overdue check-ins, CSV/XLSX; schedules edited in the admin (issue #17)."""

import csv
import datetime as dt
import io

import openpyxl
import pytest

from followup.models import FollowUpSchedule
from followup.services import save_commitments
from followup.tracker import OverdueCounter, tracker_queryset

pytestmark = pytest.mark.django_db


@pytest.fixture
def tracked(closed, district, other_district, member, other_member):
    save_commitments(
        closed,
        district,
        member,
        {
            "c1_what": "Caché",
            "c1_visibility": "hidden",
            "c2_what": "Nommé",
            "c2_k1_status": "done",
        },
        0,
    )
    save_commitments(closed, other_district, other_member, {"c1_what": "Boké"}, 0)
    return closed


def test_overdue_check_ins_are_counted_against_the_schedule(tracked):
    counter = OverdueCounter(on=dt.date(2031, 7, 11))  # check-ins 1 and 2 are due
    overdue = {c.what: counter.overdue(c) for c in tracker_queryset()}
    assert overdue == {"Caché": 2, "Nommé": 1, "Boké": 2}


def test_the_facilitator_downloads_every_commitment_with_names(
    client, tracked, facilitator, guinea
):
    client.force_login(facilitator)
    answer = client.get("/admin/followup/export/csv/")
    rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))
    assert [(r[2], r[4]) for r in rows[1:]] == [
        ("Banikoara", "Caché"),
        ("Banikoara", "Nommé"),
        ("Boké", "Boké"),
    ]
    answer = client.get(f"/admin/followup/export/xlsx/?district__country={guinea.pk}")
    sheet = openpyxl.load_workbook(io.BytesIO(answer.content)).active
    assert [row[4] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["Boké"]


def test_the_tracker_lists_them_for_facilitators_only(
    client, tracked, facilitator, member, policymaker
):
    for user in (member, policymaker):
        client.force_login(user)
        assert client.get("/admin/followup/export/csv/").status_code in (302, 403)
        assert client.get("/admin/followup/commitments/").status_code in (302, 403)
    client.force_login(facilitator)
    html = client.get(f"/admin/followup/commitments/?cycle={tracked.pk}").content
    assert "Caché" in html.decode()
    assert "Télécharger en CSV" in html.decode()
    assert client.get("/admin/followup/export/pdf/", follow=True).status_code == 404


def test_a_facilitator_sets_the_check_in_dates_and_bad_months_are_refused(
    client,
    closed,
    facilitator,
):
    client.force_login(facilitator)
    url = "/admin/followup/schedules/new/"
    answer = client.post(url, {"cycle": closed.pk, "months": "1, trois"})
    assert answer.status_code == 200
    assert "Indiquez des mois entiers" in answer.content.decode()
    FollowUpSchedule.objects.all().delete()
    answer = client.post(url, {"cycle": closed.pk, "months": "6, 1,3"})
    assert answer.status_code == 302
    assert FollowUpSchedule.objects.get().months == "1,3,6"
