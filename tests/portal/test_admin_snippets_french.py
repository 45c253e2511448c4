"""The facilitator's snippet listings in French (issue #16): Wagtail's
« Ajouter un(e) %(model_name)s » became « Ajouter un(e) requête analytique DHIS2 »."""

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db

LISTINGS = {
    "wagtailsnippets_dhis2_analyticsquery:list": (
        "Ajouter une requête analytique DHIS2",
        "Add a DHIS2 analytics query",
    ),
    "wagtailsnippets_dhis2_exportmapping:list": (
        "Ajouter une correspondance d’export DHIS2",
        "Add a DHIS2 export mapping",
    ),
    "wagtailsnippets_districts_district:list": (
        "Ajouter un district",
        "Add a district",
    ),
    "wagtailsnippets_districts_country:list": ("Ajouter un pays", "Add a country"),
    "wagtailsnippets_charts_dataset:list": (
        "Ajouter un jeu de données",
        "Add a dataset",
    ),
}


def _get(client, user, url_name, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    response = client.get(reverse(url_name), follow=True)
    assert response.status_code == 200, url_name
    return response.content.decode()


@pytest.mark.parametrize("url_name", list(LISTINGS))
def test_snippet_listing_add_button_reads_as_french(client, platform_admin, url_name):
    french, english = LISTINGS[url_name]
    html = _get(client, platform_admin, url_name, "fr")
    assert french in html
    assert "un(e)" not in html
    assert english in _get(client, platform_admin, url_name, "en")
