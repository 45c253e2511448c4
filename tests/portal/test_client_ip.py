"""Behind a proxy every visitor is not the proxy: one client address, from the
trusted-proxy setting, for the login lockout and the rate limiter alike.

The wire tests run a real gunicorn and send the ``X-Forwarded-For`` a TLS proxy adds.
Starting one takes seconds: the module starts two, one behind a trusted proxy and one
without, each shared by the tests that need it. Their login lockouts live in the
database (flushed after each test); each server's search rate limit (in its own
memory) is counted by one test only.
"""

import re

import pytest
import requests
from django.test import RequestFactory

from portal.client_ip import client_ip
from tests.portal.gunicorn_server import gunicorn

PASSWORD = "district-team-test"


def request_from(remote, forwarded=None):
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, headers=headers)


@pytest.mark.parametrize(
    ("count", "proxies", "remote", "forwarded", "expected"),
    [
        (0, [], "10.0.0.2", "203.0.113.9", "10.0.0.2"),  # default: header ignored
        (1, [], "10.0.0.2", "203.0.113.9", "203.0.113.9"),
        (1, [], "10.0.0.2", "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # spoofed left
        (2, [], "10.0.0.2", "6.6.6.6, 203.0.113.9, 10.0.0.3", "203.0.113.9"),
        (2, [], "10.0.0.2", "203.0.113.9", "10.0.0.2"),  # not through both proxies
        (1, [], "10.0.0.2", "not-an-address", "10.0.0.2"),
        (
            0,
            ["10.0.0.0/8"],
            "10.0.0.2",
            "6.6.6.6, 203.0.113.9, 10.0.0.3",
            "203.0.113.9",
        ),
        (0, ["10.0.0.0/8"], "198.51.100.1", "203.0.113.9", "198.51.100.1"),  # direct
        (0, ["10.0.0.2"], "10.0.0.2", "2001:db8::1", "2001:db8::1"),
        (0, ["10.0.0.0/8"], "10.0.0.2", "x, 10.0.0.3", "10.0.0.3"),
    ],
)
def test_the_client_address_comes_from_trusted_proxies_only(
    settings, count, proxies, remote, forwarded, expected
):
    settings.TRUSTED_PROXY_COUNT = count
    settings.TRUSTED_PROXIES = proxies
    assert client_ip(request_from(remote, forwarded)) == expected


@pytest.fixture(scope="module")
def behind_a_proxy(django_db_setup):
    """A gunicorn that trusts one proxy, searches limited to 3 a minute."""
    with gunicorn(TRUSTED_PROXY_COUNT=1, RATE_LIMIT_SEARCH="3/m") as base:
        yield base


@pytest.fixture(scope="module")
def without_a_proxy(django_db_setup):
    """A gunicorn that trusts no proxy, searches limited to 3 a minute."""
    with gunicorn(RATE_LIMIT_SEARCH="3/m") as base:
        yield base


def login(base, username, password, client_address):
    """Log in through the proxy as seen by the app: one session per client."""
    session = requests.Session()
    session.headers["X-Forwarded-For"] = client_address
    form = session.get(f"{base}/fr/login/", timeout=10).text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    return session.post(
        f"{base}/fr/login/",
        data={
            "username": username,
            "password": password,
            "csrfmiddlewaretoken": token,
        },
        allow_redirects=False,
        timeout=10,
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_behind_a_proxy_a_stranger_cannot_lock_the_owner_out(
    behind_a_proxy, home_page, member
):
    base = behind_a_proxy
    codes = [login(base, "member-a", "wrong", "203.0.113.9").status_code]
    codes += [login(base, "member-a", "wrong", "203.0.113.9").status_code]
    assert codes == [200, 200]
    for _ in range(3):
        login(base, "member-a", "wrong", "203.0.113.9")
    # The stranger is locked out, even with the right password …
    locked = login(base, "member-a", PASSWORD, "203.0.113.9")
    assert locked.status_code == 429
    assert "Compte verrouillé" in locked.text
    # … the owner, from another address behind the same proxy, is not.
    assert login(base, "member-a", PASSWORD, "198.51.100.7").status_code == 302


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_without_a_trusted_proxy_a_forged_header_does_not_dodge_the_lockout(
    without_a_proxy, home_page, member
):
    base = without_a_proxy
    for attempt in range(5):
        login(base, "member-a", "wrong", f"203.0.113.{attempt}")
    assert login(base, "member-a", PASSWORD, "198.51.100.7").status_code == 429


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_behind_a_proxy_one_visitors_searches_do_not_rate_limit_everyone(
    behind_a_proxy, home_page
):
    base = behind_a_proxy

    def search(client_address):
        return requests.get(
            f"{base}/fr/search/?q=sante",
            headers={"X-Forwarded-For": client_address},
            timeout=10,
        ).status_code

    assert [search("203.0.113.9") for _ in range(4)] == [200, 200, 200, 429]
    assert search("198.51.100.7") == 200


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_without_a_trusted_proxy_forged_headers_do_not_dodge_the_rate_limit(
    without_a_proxy, home_page
):
    codes = [
        requests.get(
            f"{without_a_proxy}/fr/search/?q=sante",
            headers={"X-Forwarded-For": f"203.0.113.{n}"},
            timeout=10,
        ).status_code
        for n in range(4)
    ]
    assert codes == [200, 200, 200, 429]
