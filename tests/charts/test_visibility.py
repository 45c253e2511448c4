"""The publication gate per role (wired into CyclePage by the cycles app)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from charts.visibility import can_view_results


@pytest.mark.parametrize(
    ("who", "published", "public", "expected"),
    [
        ("facilitator", False, False, True),
        ("platform_admin", False, False, True),
        ("member", False, False, False),
        ("policymaker", False, False, False),
        ("anonymous", False, True, False),
        ("member", True, False, True),
        ("policymaker", True, False, True),
        ("anonymous", True, False, False),
        ("anonymous", True, True, True),
        ("facilitator", True, True, True),
    ],
)
def test_results_stay_hidden_until_published(
    db, request, who, published, public, expected
):
    user = AnonymousUser() if who == "anonymous" else request.getfixturevalue(who)
    assert can_view_results(user, published=published, public=public) is expected


def test_a_user_without_a_role_sees_only_public_results(db):
    from districts.factories import UserFactory

    nobody = UserFactory(username="no-role")
    assert not can_view_results(nobody, published=True, public=False)
    assert can_view_results(nobody, published=True, public=True)
