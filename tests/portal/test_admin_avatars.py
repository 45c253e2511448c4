"""The admin shows no avatar fetched from gravatar.com (issue #16): the provider is
off, so no reader's e-mail hash leaves the site and the admin's CSP stays closed."""

import pytest

pytestmark = pytest.mark.django_db


def test_admin_pages_carry_no_gravatar_url(client, facilitator):
    client.force_login(facilitator)
    for url in ("/admin/", "/admin/account/"):
        html = client.get(url).content.decode()
        assert "gravatar" not in html.lower(), url
