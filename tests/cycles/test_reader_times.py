"""Issue 16, times: every reader sees times in their own zone, with the zone named.

Guinea (Africa/Conakry, UTC+0) is an hour behind Benin (Africa/Porto-Novo, UTC+1),
the portal's zone; a member's own choice wins over their country's."""

import datetime as dt
import json
import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from cycles.models import SurveyResponse
from cycles.services import submit_response
from districts.models import TimeZonePreference
from districts.timezones import set_own_zone

pytestmark = pytest.mark.django_db

# 17:00 UTC: 18:00 in Cotonou and Porto-Novo, 17:00 in Conakry.
MOMENT = dt.datetime(2026, 12, 2, 17, 0, tzinfo=dt.UTC)


def text_of(response) -> str:
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("\xa0", " ")


def submitted_at(cycle, district, user):
    response = submit_response(cycle, district, user, {"stock_outs": 3}, 0).record
    SurveyResponse.objects.filter(pk=response.pk).update(
        submitted_at=MOMENT, updated_at=MOMENT
    )
    return response


def test_a_submission_time_reads_18_00_in_cotonou_and_17_00_in_conakry(
    client, cycle, district, member, other_district, other_member
):
    submitted_at(cycle, district, member)
    submitted_at(cycle, other_district, other_member)

    client.force_login(member)
    benin = text_of(client.get(cycle.url))
    client.force_login(other_member)
    guinea = text_of(client.get(cycle.url))

    assert "2 déc. 2026 à 18:00 (heure de Porto-Novo)" in benin
    assert "2 déc. 2026 à 17:00 (heure de Conakry)" in guinea
    assert "17:00" not in benin and "18:00" not in guinea


def test_the_answers_deadline_is_one_moment_shown_in_each_readers_zone(
    client, cycle, member, other_member
):
    close = cycle.answers_close.strftime("%Y-%m-%d")
    client.force_login(member)
    benin = client.get(cycle.url).content.decode()
    client.force_login(other_member)
    guinea = client.get(cycle.url).content.decode()

    # The answers close at the end of the day in the portal's zone, for everyone.
    assert f'datetime="{close}T23:59:00+01:00"' in benin
    assert "23:59 (heure de Porto-Novo)" in text_of_html(benin)
    assert "22:59 (heure de Conakry)" in text_of_html(guinea)


def text_of_html(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("\xa0", " ")


def test_english_pages_name_the_zone_in_english(
    client, cycle, cycle_en, other_district, other_member
):
    submitted_at(cycle, other_district, other_member)
    client.force_login(other_member)
    english = text_of(client.get(cycle_en.url))
    assert "2 Dec. 2026 at 17:00 (Conakry time)" in english


def test_a_members_own_time_zone_wins_over_their_countrys(
    client, cycle, district, member
):
    submitted_at(cycle, district, member)
    set_own_zone(member, "Africa/Conakry")
    client.force_login(member)
    assert "à 17:00 (heure de Conakry)" in text_of(client.get(cycle.url))


def test_a_member_sets_their_own_zone_on_the_reminders_page(client, member):
    client.force_login(member)
    page = client.get("/fr/participation/reminders/")
    assert "Mon fuseau horaire" in page.content.decode()
    response = client.post(
        "/fr/participation/reminders/",
        {"reminders": "on", "language": "fr", "time_zone": "Africa/Abidjan"},
    )
    assert response.status_code == 302
    assert TimeZonePreference.objects.get(user=member).time_zone == "Africa/Abidjan"
    client.post(
        "/fr/participation/reminders/",
        {"reminders": "on", "language": "fr", "time_zone": ""},
    )
    assert not TimeZonePreference.objects.filter(user=member).exists()


def test_an_unknown_zone_is_refused_with_a_translated_error(client, member):
    client.force_login(member)
    response = client.post(
        "/fr/participation/reminders/",
        {"reminders": "on", "language": "fr", "time_zone": "Mars/Olympus"},
    )
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()
    assert not TimeZonePreference.objects.exists()


def test_the_autosave_status_carries_the_server_time_in_the_members_zone(
    client, cycle, other_member
):
    client.force_login(other_member)
    before = timezone.now()
    response = client.post(
        cycle.url + "draft/",
        data=json.dumps({"answers": {"stock_outs": "2"}, "version": 0}),
        content_type="application/json",
    )
    body = response.json()
    saved = SurveyResponse.objects.get(district=other_member.membership.district)
    conakry = timezone.localtime(saved.updated_at, dt.UTC)
    assert saved.updated_at >= before
    assert body["saved_message"] == (
        f"Brouillon enregistré à {conakry:%H:%M} (heure de Conakry)"
    )


def test_an_anonymous_reader_never_gets_a_page_rendered_in_a_members_zone(
    settings, client, cycle, district, member
):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    set_own_zone(member, "Africa/Conakry")
    client.force_login(member)
    client.get(cycle.url)
    anonymous = Client().get(cycle.url)
    assert anonymous["X-Cache"] == "miss"
    assert "heure de Conakry" not in anonymous.content.decode()
    assert "heure de Porto-Novo" in text_of(anonymous)
