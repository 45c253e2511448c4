"""QA case: saving a DHIS2 export mapping said « Correspondance d’export DHIS2
« … » créé(e). », Wagtail's generic sentence whose ending cannot agree with the
model. The project's viewsets say a whole sentence, in the model's gender."""

import html

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.users.models import UserProfile

from cycles.factories import CycleIndexPageFactory, CyclePageFactory
from dhis2.models import ExportMapping
from districts.models import Country

pytestmark = pytest.mark.django_db

MAPPING = {
    "fr": "Correspondance d’export «\u00a0Relance → 2026Q1\u00a0» créée.",
    "en": "Export mapping 'Relance → 2026Q1' created.",
}
COUNTRY = {
    "fr": "Pays «\u00a0Burkina Faso\u00a0» créé.",
    "en": "Country 'Burkina Faso' created.",
}
COUNTRY_UPDATED = {
    "fr": "Pays «\u00a0Faso\u00a0» modifié.",
    "en": "Country 'Faso' updated.",
}


def _post(client, user, language, url, data) -> list[str]:
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    response = client.post(url, data)
    assert response.status_code == 302, url
    # The text the user reads: Wagtail adds an "Edit" button after it.
    return [
        html.unescape(str(message).split("<")[0]).strip()
        for message in get_messages(response.wsgi_request)
    ]


def _mapping_form(cycle) -> dict:
    return {
        "cycle": cycle.pk,
        "period": "2026Q1",
        "data_set": "",
        "attribute_option_combo": "",
        "values-TOTAL_FORMS": "0",
        "values-INITIAL_FORMS": "0",
        "values-MIN_NUM_FORMS": "0",
        "values-MAX_NUM_FORMS": "1000",
    }


@pytest.mark.parametrize("language", ["fr", "en"])
def test_creating_an_export_mapping_says_so_in_a_whole_sentence(
    client, platform_admin, home_page, language
):
    cycle = CyclePageFactory(
        parent=CycleIndexPageFactory(parent=home_page), title="Relance"
    )
    url = reverse("wagtailsnippets_dhis2_exportmapping:add")
    messages = _post(client, platform_admin, language, url, _mapping_form(cycle))
    assert ExportMapping.objects.filter(cycle=cycle, period="2026Q1").exists()
    assert messages == [MAPPING[language]]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_creating_and_renaming_a_country_agrees_with_pays(
    client, platform_admin, language
):
    form = {
        "name": "Burkina Faso",
        "name_en": "Burkina Faso",
        "code": "BF",
        "time_zone": "Africa/Ouagadougou",
        "dhis2_uid": "",
    }
    url = reverse("wagtailsnippets_districts_country:add")
    assert _post(client, platform_admin, language, url, form) == [COUNTRY[language]]

    country = Country.objects.get(code="BF")
    url = reverse("wagtailsnippets_districts_country:edit", args=[country.pk])
    renamed = {**form, "name": "Faso", "name_en": "Faso"}
    messages = _post(client, platform_admin, language, url, renamed)
    assert messages[-1] == COUNTRY_UPDATED[language]
