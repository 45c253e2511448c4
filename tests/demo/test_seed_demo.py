import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page

from districts.models import Country, District, Membership
from home.models import HomePage

pytestmark = pytest.mark.django_db


def _counts():
    return {
        "countries": Country.objects.count(),
        "districts": District.objects.count(),
        "users": get_user_model().objects.count(),
        "memberships": Membership.objects.count(),
        "pages": Page.objects.count(),
    }


def test_seed_demo_is_idempotent_and_builds_the_demo_site(client):
    first = _counts()
    call_command("seed_demo")
    assert _counts() == first

    assert first["districts"] == 72
    assert District.objects.filter(country__code="BJ").count() == 34
    assert District.objects.filter(country__code="GN").count() == 38
    assert District.objects.filter(code="gn-boke").exists()
    assert first["memberships"] == 144
    assert HomePage.objects.count() == 2
    login = client.post(
        "/fr/login/", {"username": "hdmt-gn-boke-2", "password": "district-team-demo"}
    )
    assert login.status_code == 302
    assert client.get("/fr/").status_code == 200
    assert client.get("/en/").status_code == 200
    assert_english_side_is_english_and_managed_by_wagtail_localize(client)


def test_demo_accounts_have_their_roles():
    User = get_user_model()
    assert User.objects.get(username="admin").is_superuser
    assert (
        User.objects.get(username="facilitator")
        .groups.filter(name="Facilitators")
        .exists()
    )
    assert (
        User.objects.get(username="policymaker")
        .groups.filter(name="Policymakers")
        .exists()
    )
    member = User.objects.get(username="hdmt-bj-banikoara-1")
    assert member.membership.district.name == "Banikoara"


def assert_english_side_is_english_and_managed_by_wagtail_localize(client):
    """Issue 12: every demo translation has a wagtail-localize source (so "Sync
    translated pages" and PO export work), English slugs and English texts."""
    from wagtail_localize.models import Translation

    from lessons.models import LessonPage

    english = Page.objects.filter(locale__language_code="en", depth__gt=1)
    assert (
        english.count()
        == Page.objects.filter(locale__language_code="fr", depth__gt=1).count()
    )
    managed = set(
        Translation.objects.filter(target_locale__language_code="en").values_list(
            "source__object_id", flat=True
        )
    )
    unmanaged = [p.url_path for p in english if p.translation_key not in managed]
    assert unmanaged == []
    paths = [p.url_path for p in english]
    assert "/home/lessons/" in paths and "/home/learning-cycles/" in paths
    assert not any("lecons" in path or "cycles/" in path[6:13] for path in paths)
    for lesson in LessonPage.objects.filter(locale__language_code="en"):
        html = client.get(lesson.url).content.decode()
        main = html.split("<main", 1)[1]
        for french in ("Les districts ont partagé", "Prévoir un budget", "Bénin"):
            assert french not in main, (lesson.url, french)
