"""QA: the DHIS2 admin jobs say what went wrong and when, with the time zone.

With no district matched to a DHIS2 org unit (the demo: 0 of 72), a dry run said
« Rien à envoyer : aucune réponse ne correspond à une valeur DHIS2 », pointing at
the mapping; and job times read « 2 décembre 2026 22:05 », with no zone."""

import re

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from dhis2.models import AnalyticsQuery, ExportMapping
from districts.models import District


def _login(client, user, language="fr"):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)


@pytest.fixture
def unmatched(cycle_with_answers):
    """A published cycle whose districts have no DHIS2 org unit id, as in the demo."""
    cycle_with_answers.results_published = True
    cycle_with_answers.save()
    District.objects.update(dhis2_uid="")
    return ExportMapping.objects.get(cycle=cycle_with_answers)


def _dry_run(client, mapping):
    url = reverse("dhis2_export", args=[mapping.pk])
    return client.post(url, {"action": "dry_run"}, follow=True).content.decode()


def _text(html):
    return re.sub(r"\s+", " ", html.replace("\xa0", " ").replace("&nbsp;", " "))


def test_qa_dry_run_without_org_units_names_the_missing_ids_in_french(
    client, facilitator, known_server, dhis2_settings, unmatched
):
    _login(client, facilitator)
    html = _text(_dry_run(client, unmatched))
    assert "aucune réponse ne correspond à une valeur DHIS2" not in html
    assert (
        "Rien à envoyer : 3 des 3 districts participants n’ont pas d’identifiant "
        "d’unité d’organisation DHIS2." in html
    )
    assert "dhis2_sync orgunits" in html
    assert "administration des districts" in html
    assert known_server.requests_to("dataValueSets") == []


def test_qa_dry_run_without_org_units_names_the_missing_ids_in_english(
    client, facilitator, known_server, dhis2_settings, unmatched
):
    _login(client, facilitator, "en")
    html = _text(_dry_run(client, unmatched))
    assert "no mapped, answered values" not in html
    assert (
        "Nothing to send: 3 of the 3 districts taking part have no DHIS2 "
        "organisation unit id." in html
    )
    assert "dhis2_sync orgunits" in html and "districts admin" in html


def test_qa_export_job_time_says_its_time_zone(
    client, facilitator, known_server, dhis2_settings, unmatched
):
    _login(client, facilitator)
    html = _text(_dry_run(client, unmatched))
    assert re.search(
        r">\d{1,2} \w+\.? \d{4} à \d\d:\d\d \(heure de Porto-Novo\)</time>", html
    )
    _login(client, facilitator, "en")
    html = _text(
        client.get(reverse("dhis2_export", args=[unmatched.pk])).content.decode()
    )
    assert "(Porto-Novo time)" in html


def test_qa_connection_test_time_says_its_time_zone(
    client, platform_admin, known_server, dhis2_settings
):
    _login(client, platform_admin)
    url = reverse("dhis2_test_connection")
    html = _text(client.post(url, follow=True).content.decode())
    assert 'data-job-status="succeeded"' in html
    assert "(heure de Porto-Novo)" in html


def test_qa_analytics_refresh_times_say_their_time_zone(
    client, facilitator, known_server, dhis2_settings
):
    known_server.analytics = {("eTDtyyaSA7f", "2016Q1", "ImspTQPwCqd"): "12"}
    query = AnalyticsQuery.objects.create(
        name="Couverture",
        data_items="eTDtyyaSA7f",
        periods="2016Q1",
        org_units="ImspTQPwCqd",
    )
    _login(client, facilitator, "en")
    url = reverse("dhis2_refresh_query", args=[query.pk])
    html = _text(client.post(url, follow=True).content.decode())
    assert 'data-job-status="succeeded"' in html
    # The job's time and the snapshot's "Last successful refresh".
    assert html.count("(Porto-Novo time)") == 2
