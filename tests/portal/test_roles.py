import pytest
from django.contrib.auth.models import Group

from districts.roles import Role

pytestmark = pytest.mark.django_db


def test_data_migration_creates_the_four_roles():
    assert set(Group.objects.values_list("name", flat=True)) >= {r.value for r in Role}


@pytest.mark.parametrize(
    ("user_fixture", "reaches_admin"),
    [
        ("member", False),
        ("policymaker", False),
        ("facilitator", True),
        ("platform_admin", True),
    ],
)
def test_who_reaches_the_wagtail_admin(
    client, request, home_page, user_fixture, reaches_admin
):
    client.force_login(request.getfixturevalue(user_fixture))
    response = client.get("/admin/")
    if reaches_admin:
        assert response.status_code == 200
    else:
        # Wagtail sends users without admin access back to its login page.
        assert response.status_code == 302
        assert "/admin/login/" in response.url


def test_facilitator_can_edit_and_publish_pages(facilitator, home_page):
    permissions = home_page.permissions_for_user(facilitator)
    assert permissions.can_edit()
    assert permissions.can_publish()


def test_member_cannot_edit_pages(member, home_page):
    permissions = home_page.permissions_for_user(member)
    assert not permissions.can_edit()
    assert not permissions.can_publish()


def test_each_member_belongs_to_exactly_one_district(member, district):
    from django.db import IntegrityError

    from districts.models import Membership

    assert member.membership.district == district
    with pytest.raises(IntegrityError):
        Membership.objects.create(user=member, district=district)


def test_anonymous_admin_request_asks_for_login(client, home_page):
    response = client.get("/admin/")
    assert response.status_code == 302
