"""« Exporter vers DHIS2 » in the admin (issue 16): docs/dhis2.md promised all three
exchanges there, the export ran only from the command line. A dry run first, its
import summary shown, then the real import; each a background job."""

import pytest
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from wagtail.users.models import UserProfile

from dhis2.models import Dhis2Job, ExportMapping


def _login(client, user, language="fr"):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)


@pytest.fixture
def published(cycle_with_answers):
    cycle_with_answers.results_published = True
    cycle_with_answers.save()
    return ExportMapping.objects.get(cycle=cycle_with_answers)


def _export_url(mapping):
    return reverse("dhis2_export", args=[mapping.pk])


def test_facilitator_dry_runs_then_imports_a_published_cycle_in_french(
    client, facilitator, known_server, dhis2_settings, published
):
    _login(client, facilitator)
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Exporter vers DHIS2" in menu
    index = client.get(reverse("dhis2_export_index")).content.decode()
    assert _export_url(published) in index

    page = client.get(_export_url(published)).content.decode()
    assert "Lancer un essai" in page
    assert "Importer dans DHIS2" not in page  # no import before a dry run

    response = client.post(_export_url(published), {"action": "dry_run"}, follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-job-status="succeeded"' in html
    assert "Essai réussi" in html
    assert "<dt>Importées</dt><dd>4</dd>" in html
    assert "<dt>Réponses</dt><dd>3</dd>" in html
    assert "Boké" in html  # skipped: no DHIS2 org unit
    assert known_server.stored_values == {}
    assert known_server.requests_to("dataValueSets")[0]["query"]["dryRun"] == ["true"]
    assert "Importer dans DHIS2" in html

    response = client.post(_export_url(published), {"action": "import"}, follow=True)
    html = response.content.decode()
    assert "Importé dans DHIS2." in html
    assert len(known_server.stored_values) == 4
    assert known_server.requests_to("dataValueSets")[1]["query"]["dryRun"] == ["false"]


def test_the_english_admin_says_it_in_english(
    client, facilitator, known_server, dhis2_settings, published
):
    _login(client, facilitator, "en")
    response = client.post(_export_url(published), {"action": "dry_run"}, follow=True)
    html = response.content.decode()
    assert "Dry run passed: DHIS2 checked the values and stored nothing." in html
    assert "<dt>Imported</dt><dd>4</dd>" in html


def test_conflicts_are_listed_and_the_import_is_not_offered(
    client, facilitator, known_server, dhis2_settings, published
):
    known_server.data_elements.discard("DEsupervis1")
    _login(client, facilitator)
    response = client.post(_export_url(published), {"action": "dry_run"}, follow=True)
    html = response.content.decode()
    assert 'data-job-status="failed"' in html
    assert "DHIS2 a répondu WARNING avec 2 conflits." in html
    assert "DEsupervis1: Data element not found or not accessible" in html
    assert "<dt>Ignorées</dt><dd>2</dd>" in html
    assert "Importer dans DHIS2" not in html

    response = client.post(_export_url(published), {"action": "import"}, follow=True)
    assert "Faites d’abord un essai sans conflit." in response.content.decode()
    assert not Dhis2Job.objects.filter(kind=Dhis2Job.Kind.EXPORT).exists()
    assert len(known_server.requests_to("dataValueSets")) == 1
    assert known_server.stored_values == {}


def test_an_import_sends_only_what_its_dry_run_checked(
    client, facilitator, known_server, dhis2_settings, published
):
    """Case: an answer changes between the dry run and the import."""
    from cycles.models import SurveyResponse

    _login(client, facilitator)
    client.post(_export_url(published), {"action": "dry_run"})
    response = SurveyResponse.objects.get(district__name="Kandi")
    response.answers = {**response.answers, "stock_outs": 8}
    response.save()

    html = client.post(
        _export_url(published), {"action": "import"}, follow=True
    ).content.decode()
    assert 'data-job-status="failed"' in html
    assert "ont changé depuis le dernier essai réussi" in html
    assert known_server.stored_values == {}


def test_dhis2_errors_are_shown_never_a_500(
    client, facilitator, known_server, dhis2_settings, published
):
    known_server.failures["dataValueSets"] = 500
    _login(client, facilitator)
    response = client.post(_export_url(published), {"action": "dry_run"}, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-job-status="failed"' in html
    assert "500" in html

    known_server.failures["dataValueSets"] = 401
    html = client.post(
        _export_url(published), {"action": "dry_run"}, follow=True
    ).content.decode()
    assert "DHIS2 a refusé" in html


def test_a_cycle_without_published_results_is_not_sent(
    client, facilitator, known_server, dhis2_settings, cycle_with_answers
):
    mapping = ExportMapping.objects.get(cycle=cycle_with_answers)
    _login(client, facilitator)
    index = client.get(reverse("dhis2_export_index")).content.decode()
    assert _export_url(mapping) not in index
    assert "pas encore publiés" in index

    response = client.post(_export_url(mapping), {"action": "dry_run"}, follow=True)
    html = response.content.decode()
    assert "ne sont pas publiés" in html
    assert known_server.requests_to("dataValueSets") == []


def test_only_facilitators_and_admins_export(
    client, member, policymaker, platform_admin, dhis2_settings, published
):
    for user in (member, policymaker):
        client.force_login(user)
        for url in (reverse("dhis2_export_index"), _export_url(published)):
            assert client.get(url).status_code in (302, 403)
        response = client.post(_export_url(published), {"action": "dry_run"})
        assert response.status_code in (302, 403)
    assert not Dhis2Job.objects.exists()
    client.force_login(platform_admin)
    assert client.get(_export_url(published)).status_code == 200


def test_a_post_without_the_csrf_token_is_refused(
    facilitator, dhis2_settings, published
):
    client = Client(enforce_csrf_checks=True)
    client.force_login(facilitator)
    response = client.post(_export_url(published), {"action": "dry_run"})
    assert response.status_code == 403
    assert not Dhis2Job.objects.exists()


def test_an_unknown_mapping_is_a_404(client, facilitator, db):
    client.force_login(facilitator)
    response = client.get(reverse("dhis2_export", args=[999]), follow=True)
    assert response.status_code == 404


DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_with_a_worker_the_dry_run_waits_in_the_queue(
    client, facilitator, known_server, dhis2_settings, published, settings
):
    settings.TASKS = DATABASE_TASKS
    _login(client, facilitator)
    html = client.post(
        _export_url(published), {"action": "dry_run"}, follow=True
    ).content.decode()
    assert 'data-job-status="queued"' in html
    assert known_server.requests_to("dataValueSets") == []
    assert DBTaskResult.objects.filter(status="READY").count() == 1
