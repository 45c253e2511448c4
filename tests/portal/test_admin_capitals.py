"""QA case: the French admin showed raw lower-case verbose names — the sidebar's
« jeux de données » among capitalised items, the DHIS2 export table's heading
« période DHIS2 ». Every menu label and listing column heading starts with a capital,
in French and in English."""

import re

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from wagtail.admin.menu import SubmenuMenuItem, admin_menu
from wagtail.users.models import UserProfile

from charts.models import Dataset
from cycles.factories import CycleIndexPageFactory, CyclePageFactory
from dhis2.models import AnalyticsQuery, ExportMapping
from participation.models import ReminderDelivery, ReminderKind

pytestmark = pytest.mark.django_db

LISTINGS = [
    "wagtailsnippets_charts_dataset:list",
    "wagtailsnippets_dhis2_analyticsquery:list",
    "wagtailsnippets_dhis2_exportmapping:list",
    "wagtailsnippets_districts_country:list",
    "wagtailsnippets_districts_district:list",
    "wagtailsnippets_districts_membership:list",
    "reminder_log:index",
    "dhis2_export_index",
    "participation_dashboard:index",
    "participation_invitations",
    "discussions_moderation",
]
TAG = re.compile(r"<[^>]+>")


def menu_labels(items, request) -> list[str]:
    labels = []
    for item in items:
        labels.append(str(item.label))
        if isinstance(item, SubmenuMenuItem):
            labels += menu_labels(item.menu.menu_items_for_request(request), request)
    return labels


def not_capitalised(texts) -> list[str]:
    return [text for text in texts if text and not text[0].isupper()]


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("who", ["facilitator", "platform_admin"])
def test_admin_menu_labels_start_with_a_capital(request, who, language):
    user = request.getfixturevalue(who)
    http_request = RequestFactory().get("/admin/")
    http_request.user = user
    with translation.override(language):
        labels = menu_labels(
            admin_menu.menu_items_for_request(http_request), http_request
        )
    assert len(labels) > 5
    assert not_capitalised(labels) == []
    if language == "fr" and who == "platform_admin":
        assert "Jeux de données" in labels


@pytest.fixture
def one_of_each(home_page, district, member):
    cycle = CyclePageFactory(parent=CycleIndexPageFactory(parent=home_page))
    Dataset.objects.create(title="Stocks", source_note="SIGL")
    AnalyticsQuery.objects.create(name="Couverture", data_items="a", periods="b")
    ExportMapping.objects.create(cycle=cycle, period="2026Q1")
    ReminderDelivery.objects.create(
        cycle=cycle,
        kind=ReminderKind.values[0],
        user=member,
        district=district,
        email="m@example.org",
        language="fr",
    )


def column_headings(client, user, url_name, language) -> list[str]:
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    response = client.get(reverse(url_name))
    assert response.status_code == 200, url_name
    html = response.content.decode()
    return [
        " ".join(TAG.sub(" ", cell).split())
        for cell in re.findall(r"<th\b[^>]*>(.*?)</th>", html, re.S)
    ]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_listing_column_headings_start_with_a_capital(
    client, platform_admin, one_of_each, language
):
    headings = {
        url_name: column_headings(client, platform_admin, url_name, language)
        for url_name in LISTINGS
    }
    assert headings["dhis2_export_index"]  # the tables are there, with headings
    lower = {name: not_capitalised(cells) for name, cells in headings.items()}
    assert {name: cells for name, cells in lower.items() if cells} == {}
    if language == "fr":
        assert "Période DHIS2" in headings["dhis2_export_index"]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_reminder_log_filter_labels_start_with_a_capital(
    client, facilitator, one_of_each, language
):
    """The filters of the reminders log said « cycle », « rappel », « district »."""
    profile = UserProfile.get_for_user(facilitator)
    profile.preferred_language = language
    profile.save()
    client.force_login(facilitator)
    html = client.get(reverse("reminder_log:index")).content.decode()
    labels = [
        " ".join(TAG.sub(" ", label).split())
        for label in re.findall(
            r'<label\b[^>]*for="id_(?:cycle|kind|district|sent_at)[^"]*"[^>]*>(.*?)</label>',
            html,
            re.S,
        )
    ]
    assert len(labels) >= 3
    assert not_capitalised(labels) == []
