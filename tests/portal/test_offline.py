"""The installable site: the service worker and the manifest at the root with the
headers browsers require, the policy allowing them, the marks the worker caches by
(per member, never for anonymous readers, never with a cookie or for the admin), the
open cycles it keeps, and the logout that clears the browser (portal/offline.py)."""

import gzip
import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from portal.offline import SHELL_ASSETS, member_id
from tests.cycles.conftest import make_cycle
from tests.security.headers import csp_directives

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_cycle(home_page):
    from cycles.factories import CycleIndexPageFactory

    return make_cycle(CycleIndexPageFactory(parent=home_page))


def test_the_service_worker_is_served_from_the_root_and_checked_at_every_visit(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/javascript; charset=utf-8"
    assert response["Cache-Control"] == "no-cache"
    assert response["Service-Worker-Allowed"] == "/"
    body = response.content.decode()
    assert "/static/css/site.css" in body and '"/fr/offline/"' in body
    # Its own policy lets it import the queue from this site.
    assert "'self'" in csp_directives(response)["script-src"]


def test_the_manifest_is_french_first_with_installable_icons(client):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["lang"] == "fr" and manifest["start_url"] == "/fr/"
    assert manifest["scope"] == "/" and manifest["display"] == "standalone"
    assert "apprennent ensemble" in manifest["description"]
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in manifest["icons"]:
        assert finders.find(icon["src"].removeprefix(settings.STATIC_URL))


def test_pages_allow_the_worker_and_the_manifest_and_link_them(client, home_page):
    response = client.get("/fr/")
    directives = csp_directives(response)
    assert directives["worker-src"] == ["'self'"]
    assert directives["manifest-src"] == ["'self'"]
    html = response.content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html
    assert re.search(r'<script src="/static/js/sw-register\.js" defer>', html)


def test_an_update_of_a_shell_asset_changes_the_worker(client, settings):
    before = client.get("/sw.js").content
    settings.OFFLINE_VERSION = "2"
    assert client.get("/sw.js").content != before


def test_anonymous_readers_pages_are_never_kept(client, open_cycle):
    response = client.get(open_cycle.url)
    assert response["X-Offline-Member"] == "none"
    assert "X-Offline-Cache" not in response
    state = client.get("/fr/offline/state/").json()
    assert state == {"member": "none", "pages": []}


def test_a_members_open_cycle_is_kept_under_an_opaque_id(client, open_cycle, member):
    client.force_login(member)
    client.get(open_cycle.url)  # the CSRF cookie is set once
    response = client.get(open_cycle.url)
    opaque = member_id(member)
    assert response["X-Offline-Cache"] == response["X-Offline-Member"] == opaque
    assert member.username not in opaque and str(member.pk) != opaque
    state = client.get("/fr/offline/state/")
    assert state["Cache-Control"].startswith("max-age=0")
    assert state.json()["member"] == opaque
    assert state.json()["pages"] == [open_cycle.url]
    assert state.json()["csrf"]


def test_teammates_get_different_ids(member, teammate):
    assert member_id(member) != member_id(teammate)


def test_a_page_setting_a_cookie_is_not_kept(client, open_cycle, member):
    client.force_login(member)
    response = client.get(open_cycle.url)  # first visit: new CSRF and session cookies
    assert response.cookies
    assert "X-Offline-Cache" not in response
    assert "X-Offline-Cache" in client.get(open_cycle.url)  # the CSRF one re-sent


def test_a_page_without_the_survey_is_not_kept(client, home_page, member):
    client.force_login(member)
    client.get("/fr/")
    response = client.get("/fr/")
    assert response["X-Offline-Member"] == member_id(member)
    assert "X-Offline-Cache" not in response


def test_the_admin_is_never_marked(client, admin_user, home_page):
    client.force_login(admin_user)
    response = client.get("/admin/")
    assert "X-Offline-Member" not in response and "X-Offline-Cache" not in response


def test_logout_clears_the_browsers_caches_and_storage(client, member, home_page):
    client.force_login(member)
    response = client.post("/fr/logout/")
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'


def test_the_offline_page_is_the_anonymous_readers(client, member, home_page):
    response = client.get("/fr/offline/")
    assert response.status_code == 200
    assert "Pas de connexion" in response.content.decode()
    english = client.get("/en/offline/")
    assert "No connection" in english.content.decode()


def test_the_worker_and_its_first_cache_stay_under_one_megabyte(
    client, open_cycle, member
):
    worker = client.get("/sw.js").content
    total = len(worker) + sum(
        Path(finders.find(name)).stat().st_size for name in SHELL_ASSETS
    )
    total += sum(
        len(client.get(f"/{code}/offline/").content) for code, _n in settings.LANGUAGES
    )
    client.force_login(member)
    client.get(open_cycle.url)
    kept = [
        client.get(url).content
        for url in client.get("/fr/offline/state/").json()["pages"]
    ]
    total += sum(len(page) for page in kept)
    assert total < 1_000_000
    # What a page pays to register it: a few hundred bytes once compressed.
    register = Path(finders.find("js/sw-register.js")).read_bytes()
    assert len(gzip.compress(register)) < 400
    print(f"worker + first cache: {total} bytes")


def test_a_first_view_of_the_survey_does_not_download_the_queue(
    client, open_cycle, member
):
    """survey.js loads the queue only on a page the worker serves (from its cache)."""
    client.force_login(member)
    html = client.get(open_cycle.url).content.decode()
    assert 'data-queue-script="/static/js/survey-offline.js"' in html
    assert '<script src="/static/js/survey-offline.js"' not in html
