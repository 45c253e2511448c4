"""Issue #16: the e-mail settings pages are reachable from the account menu, and every
aria-describedby on them points to an element of the page (the reminder checkbox
pointed to a missing id_reminders_helptext)."""

from html.parser import HTMLParser

import pytest

pytestmark = pytest.mark.django_db

SETTINGS_PAGES = [
    "/{lang}/participation/reminders/",
    "/{lang}/discussions/notifications/",
    "/{lang}/following/",
]


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.described_by: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if attrs.get("aria-describedby"):
            self.described_by += attrs["aria-describedby"].split()


def dangling_descriptions(html: str) -> list[str]:
    parser = _Ids()
    parser.feed(html)
    return [ref for ref in parser.described_by if ref not in parser.ids]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("page", SETTINGS_PAGES)
def test_every_aria_describedby_on_the_settings_pages_exists(
    client, member, home_page_en, lang, page
):
    client.force_login(member)
    response = client.get(page.format(lang=lang))
    assert response.status_code == 200
    assert dangling_descriptions(response.content.decode()) == []


def test_reminder_checkbox_is_described_by_its_help_text(client, member, home_page):
    client.force_login(member)
    html = client.get("/fr/participation/reminders/").content.decode()
    assert 'aria-describedby="id_reminders_helptext"' in html
    assert 'id="id_reminders_helptext"' in html


@pytest.mark.parametrize(
    ("lang", "labels"),
    [
        ("fr", ["Mes abonnements", "Notifications", "Rappels"]),
        ("en", ["What I follow", "Notifications", "Reminders"]),
    ],
)
@pytest.mark.parametrize("who", ["member", "policymaker"])
def test_account_menu_links_the_settings_pages(
    client, request, home_page_en, lang, labels, who
):
    client.force_login(request.getfixturevalue(who))
    html = client.get(f"/{lang}/").content.decode()
    menu = html.split('class="account-links"', 1)[1].split("</div>", 1)[0]
    for path, label in zip(
        ["following/", "discussions/notifications/", "participation/reminders/"],
        labels,
        strict=True,
    ):
        assert f'<a href="/{lang}/{path}">{label}</a>' in menu


def test_anonymous_header_has_only_the_login_link(client, home_page):
    html = client.get("/fr/").content.decode()
    menu = html.split('class="account-links"', 1)[1].split("</div>", 1)[0]
    assert "Se connecter" in menu and "Mes abonnements" not in menu
