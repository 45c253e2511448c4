"""The database task backend and its worker, on PostgreSQL as in production."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from dhis2.models import AnalyticsQuery, AnalyticsSnapshot, Dhis2Job

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="the production task queue runs on PostgreSQL (set DATABASE_URL)",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker_once():
    call_command("db_worker", batch=True, startup_delay=False, reload=False)


def test_refresh_waits_in_the_queue_until_the_worker_runs_it(
    client, facilitator, dhis2_settings, dhis2_server, settings
):
    settings.TASKS = DATABASE_TASKS
    dhis2_server.analytics = {("eTDtyyaSA7f", "2016Q1", "ImspTQPwCqd"): "74.7"}
    query = AnalyticsQuery.objects.create(
        name="Couverture",
        data_items="eTDtyyaSA7f",
        periods="2016Q1",
        org_units="ImspTQPwCqd",
    )
    client.force_login(facilitator)
    url = reverse("dhis2_refresh_query", args=[query.pk])

    html = client.post(url, follow=True).content.decode()
    assert 'data-job-status="queued"' in html
    assert DBTaskResult.objects.get().status == "READY"
    assert not AnalyticsSnapshot.objects.filter(query=query).exists()
    assert dhis2_server.requests_to("analytics") == []

    run_worker_once()

    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    assert AnalyticsSnapshot.objects.get(query=query).data[0]["value"] == 74.7
    job = Dhis2Job.objects.get()
    assert job.status == Dhis2Job.Status.SUCCEEDED
    html = client.get(url).content.decode()
    assert 'data-job-status="succeeded"' in html
    assert job.message in html


def test_a_failed_connection_test_shows_dhis2s_reason_in_the_askers_language(
    client, platform_admin, dhis2_settings, dhis2_server, settings
):
    settings.TASKS = DATABASE_TASKS
    dhis2_settings.token = "d2pat_wrong"
    dhis2_settings.save()
    client.force_login(platform_admin)
    url = reverse("dhis2_test_connection")

    client.post(url, HTTP_ACCEPT_LANGUAGE="fr")
    run_worker_once()

    html = client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert 'data-job-status="failed"' in html
    assert "DHIS2 a refusé" in html


def test_export_dry_run_waits_for_the_worker_then_shows_dhis2s_summary(
    client, facilitator, dhis2_settings, known_server, cycle_with_answers, settings
):
    from dhis2.models import ExportMapping

    settings.TASKS = DATABASE_TASKS
    cycle_with_answers.results_published = True
    cycle_with_answers.save()
    mapping = ExportMapping.objects.get(cycle=cycle_with_answers)
    client.force_login(facilitator)
    url = reverse("dhis2_export", args=[mapping.pk])

    html = client.post(url, {"action": "dry_run"}, follow=True).content.decode()
    assert 'data-job-status="queued"' in html
    assert known_server.requests_to("dataValueSets") == []

    run_worker_once()

    html = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'data-job-status="succeeded"' in html
    assert "<dt>Imported</dt><dd>4</dd>" in html
    assert known_server.stored_values == {}
