"""The admin shows no avatar fetched from gravatar.com (issue #16): the provider is
off, so no reader's e-mail hash leaves the site and the admin's CSP stays closed."""

import hashlib

import pytest

pytestmark = pytest.mark.django_db


def test_admin_dashboard_shows_the_default_avatar_not_a_gravatar(client, facilitator):
    """Case: a facilitator with an e-mail address opens the admin; Wagtail would
    draw their avatar from gravatar.com (with the hash of their e-mail) unless the
    provider is off."""
    assert facilitator.email
    email_hash = hashlib.md5(
        facilitator.email.lower().encode(), usedforsecurity=False
    ).hexdigest()
    client.force_login(facilitator)
    for url in ("/admin/", "/admin/account/"):
        html = client.get(url).content.decode()
        assert "gravatar.com" not in html, url
        assert email_hash not in html, url
        assert "wagtailadmin/images/default-user-avatar.png" in html, url
