"""The DHIS2 screens of the Wagtail admin: settings, test connection, refresh."""

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from dhis2.models import AnalyticsQuery, AnalyticsSnapshot, Dhis2Settings
from tests.dhis2.fake_dhis2 import TOKEN


def settings_url() -> str:
    pk = Dhis2Settings.load().pk
    return reverse("wagtailsettings:edit", args=["dhis2", "dhis2settings", pk])


def _settings_post(dhis2_server, **changes):
    data = {
        "base_url": dhis2_server.url,
        "auth_method": "token",
        "token": "",
        "username": "",
        "password": "",
        "connect_timeout": "1",
        "read_timeout": "1",
    }
    data.update(changes)
    return data


def test_admin_sees_the_settings_without_the_secret(
    client, platform_admin, dhis2_settings
):
    client.force_login(platform_admin)
    response = client.get(settings_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert TOKEN not in html
    assert "Leave blank to keep it" in html or "Laissez vide" in html


def test_blank_secret_keeps_the_stored_one_and_a_new_one_replaces_it(
    client, platform_admin, dhis2_settings, dhis2_server
):
    client.force_login(platform_admin)
    response = client.post(settings_url(), _settings_post(dhis2_server))
    assert response.status_code == 302
    assert Dhis2Settings.load().token == TOKEN
    client.post(settings_url(), _settings_post(dhis2_server, token="d2pat_new"))
    assert Dhis2Settings.load().token == "d2pat_new"


def test_facilitators_and_members_cannot_touch_the_connection(
    client, facilitator, member, dhis2_settings
):
    for user in (facilitator, member):
        client.force_login(user)
        assert client.get(settings_url()).status_code in (302, 403)
        response = client.post(reverse("dhis2_test_connection"))
        assert response.status_code in (302, 403)


def test_test_connection_shows_the_result_in_french(
    client, platform_admin, dhis2_settings, dhis2_server
):
    client.force_login(platform_admin)
    url = reverse("dhis2_test_connection")
    response = client.post(url, HTTP_ACCEPT_LANGUAGE="fr", follow=True)
    assert "2.41.1" in response.content.decode()
    assert "John Traore" in response.content.decode()

    dhis2_settings.token = "d2pat_wrong"
    dhis2_settings.save()
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(platform_admin)
    profile.preferred_language = "fr"
    profile.save()
    response = client.post(url, follow=True)
    html = response.content.decode()
    assert "401" in html
    assert "DHIS2 a refusé" in html


@pytest.fixture
def query(db):
    return AnalyticsQuery.objects.create(
        name="Couverture",
        data_items="eTDtyyaSA7f",
        periods="2016Q1",
        org_units="ImspTQPwCqd",
    )


def test_facilitator_refreshes_and_sees_why_it_failed(
    client, facilitator, dhis2_settings, dhis2_server, query
):
    dhis2_server.analytics = {("eTDtyyaSA7f", "2016Q1", "ImspTQPwCqd"): "74.7"}
    client.force_login(facilitator)
    listing = client.get(reverse("wagtailsnippets_dhis2_analyticsquery:list"))
    assert reverse("dhis2_refresh_query", args=[query.pk]) in listing.content.decode()

    url = reverse("dhis2_refresh_query", args=[query.pk])
    response = client.post(url, follow=True)
    assert response.status_code == 200
    assert AnalyticsSnapshot.objects.get(query=query).data[0]["value"] == 74.7

    dhis2_server.failures["analytics"] = 500
    response = client.post(url, follow=True)
    html = response.content.decode()
    assert "500" in html
    snapshot = AnalyticsSnapshot.objects.get(query=query)
    assert snapshot.data[0]["value"] == 74.7
    assert "500" in snapshot.last_error


def test_members_cannot_refresh(client, member, query):
    client.force_login(member)
    response = client.post(reverse("dhis2_refresh_query", args=[query.pk]))
    assert response.status_code in (302, 403)
    assert not AnalyticsSnapshot.objects.exists()


def test_facilitator_opens_the_query_and_mapping_forms(client, facilitator):
    client.force_login(facilitator)
    for name in ("analyticsquery", "exportmapping"):
        response = client.get(reverse(f"wagtailsnippets_dhis2_{name}:add"))
        assert response.status_code == 200


DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_with_a_worker_the_buttons_return_before_a_hanging_dhis2_answers(
    client, platform_admin, dhis2_settings, dhis2_server, query, settings
):
    """Production queues the DHIS2 calls: the admin gets the page back at once,
    saying the call waits for the worker, and DHIS2 has not even been asked yet."""
    settings.TASKS = DATABASE_TASKS
    dhis2_server.failures.update({"analytics": "hang", "system/info": "hang"})
    client.force_login(platform_admin)

    response = client.post(
        reverse("dhis2_refresh_query", args=[query.pk]),
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    html = response.content.decode()
    assert 'data-job-status="queued"' in html
    assert "waiting for the background worker" in html

    response = client.post(reverse("dhis2_test_connection"), follow=True)
    assert 'data-job-status="queued"' in response.content.decode()

    assert dhis2_server.requests == []
    assert DBTaskResult.objects.filter(status="READY").count() == 2
