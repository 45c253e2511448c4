"""Issue 15: every absolute link the portal writes is on BASE_URL.

Links in e-mails used `localhost` (the Wagtail Site's hostname), feeds `example.com`
(Django's Site), unsubscribe links BASE_URL, the sitemap and the API `localhost`. Here
BASE_URL is a public address, the database was migrated under another one (the Site
says `localhost`, as the seed and these tests' home page make it), `migrate` ran again
with the new BASE_URL (its post_migrate signal), and each thing that writes absolute
links is rendered: every http(s) link in it must be on BASE_URL's host.
"""

import datetime as dt
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal

from cycles.factories import (
    CycleIndexPageFactory,
    CyclePageFactory,
    SurveyQuestionFactory,
)
from discussions.announcements import announce_synthesis
from discussions.factories import ForumPageFactory
from discussions.models import Follow
from discussions.services import Draft, post_comment, set_frequency
from districts.factories import HdmtMemberFactory
from lessons.models import Topic, TopicSubscription
from participation.invitations import services as invitations
from participation.reminders.services import send_due_reminders
from portal.links import absolute_url
from tests.lessons.conftest import (  # noqa: F401
    _no_briefs_on_publish,
    library,
    library_en,
    make_lesson,
    translate,
)

pytestmark = pytest.mark.django_db

BASE_URL = "https://district.example.org"
HOST = "district.example.org"
OPENS = dt.date(2031, 3, 1)
# Namespaces of the XML formats (never fetched, not links of ours).
XML_NAMESPACES = {"www.sitemaps.org", "www.w3.org"}
LINK_RE = re.compile(r"""https?://[^\s"'<>)\]]+""")


def absolute_links(text: str) -> list[str]:
    return [
        link
        for link in LINK_RE.findall(text)
        if urlsplit(link).hostname not in XML_NAMESPACES
    ]


def assert_on_base_url(text: str, what: str, expect_links: bool = True) -> None:
    links = absolute_links(text)
    if expect_links:
        assert links, f"{what}: no absolute link at all"
    wrong = [link for link in links if urlsplit(link).hostname != HOST]
    assert not wrong, f"{what}: links not on BASE_URL: {wrong}"


@pytest.fixture
def base_url(settings, home_page, home_page_en):
    """BASE_URL changed since the database was migrated; `migrate` runs again."""
    settings.BASE_URL = BASE_URL
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")


@pytest.fixture
def cycle(home_page, base_url):
    index = CycleIndexPageFactory(parent=home_page)
    page = CyclePageFactory(
        parent=index,
        title="Ruptures de vaccins",
        slug="ruptures-vaccins",
        issue_date=dt.date(2031, 1, 10),
        questionnaire_date=dt.date(2031, 2, 1),
        answers_open=OPENS,
        answers_close=dt.date(2031, 3, 15),
        results_date=dt.date(2031, 3, 20),
        discussion_open=dt.date(2031, 3, 25),
        discussion_close=dt.date(2031, 4, 10),
        knowledge_translation_date=dt.date(2031, 5, 1),
        results_published=True,
        results_public=True,
        step=5,
    )
    SurveyQuestionFactory(page=page, name="stock_outs", label="Nombre de ruptures")
    return page


@pytest.fixture
def lesson(make_lesson, library_en, locales, base_url):  # noqa: F811
    lesson = make_lesson(title="Leçon paludisme", slug="paludisme", topics=["malaria"])
    translate(lesson, locales["en"], title="Malaria lesson", slug="malaria")
    return lesson


# --- Pages, feeds, sitemap, API ---------------------------------------------------


def test_pages_share_and_link_on_base_url(client, cycle, lesson):
    for page in (cycle, lesson):
        page.refresh_from_db()
        response = client.get(page.get_url())
        assert response.status_code == 200
        html = response.content.decode()
        assert f'content="{absolute_url(page.get_url())}"' in html  # og:url
        assert_on_base_url(html, page.get_url())


def test_pages_name_their_canonical_address_and_translations(client, lesson):
    """Search engines get the page's own address and its other language (hreflang),
    absolute on BASE_URL; x-default is the French source."""
    french = client.get("/fr/lecons/paludisme/").content.decode()
    assert f'<link rel="canonical" href="{BASE_URL}/fr/lecons/paludisme/">' in french
    assert f'hreflang="en" href="{BASE_URL}/en/lessons/malaria/"' in french
    assert f'hreflang="fr" href="{BASE_URL}/fr/lecons/paludisme/"' in french
    assert f'hreflang="x-default" href="{BASE_URL}/fr/lecons/paludisme/"' in french
    english = client.get("/en/lessons/malaria/").content.decode()
    assert f'<link rel="canonical" href="{BASE_URL}/en/lessons/malaria/">' in english


def test_an_untranslated_lesson_read_in_english_is_canonical_in_french(
    client,
    make_lesson,  # noqa: F811
    library_en,  # noqa: F811
    base_url,
):
    """Tried: the English library serves a French-only lesson at its English address;
    the canonical must be the French page (no duplicate), with no English alternate."""
    make_lesson(title="Leçon en français seulement", slug="seule")
    response = client.get("/en/lessons/seule/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<link rel="canonical" href="{BASE_URL}/fr/lecons/seule/">' in html
    assert 'hreflang="en"' not in html


@pytest.mark.parametrize("feed", ["rss", "atom"])
def test_feeds_link_on_base_url(client, lesson, feed):
    for language in ("fr", "en"):
        response = client.get(f"/{language}/lessons/feeds/{feed}/")
        assert response.status_code == 200
        text = response.content.decode()
        assert f"{BASE_URL}/{language}/" in text
        assert_on_base_url(text, f"{feed} feed ({language})")


def test_sitemap_links_on_base_url(client, cycle, lesson):
    text = client.get("/sitemap.xml").content.decode()
    assert f"{BASE_URL}/en/lessons/malaria/" in text  # an hreflang alternate
    assert_on_base_url(text, "sitemap.xml")


def test_api_links_on_base_url(client, lesson):
    listing = client.get("/api/v2/lessons/")
    assert listing.status_code == 200
    assert_on_base_url(listing.content.decode(), "API listing")
    detail = client.get(f"/api/v2/lessons/{lesson.pk}/")
    assert detail.status_code == 200
    assert detail.json()["meta"]["html_url"] == f"{BASE_URL}/fr/lecons/paludisme/"
    assert_on_base_url(detail.content.decode(), "API detail")


def test_wagtail_site_follows_base_url(lesson):
    lesson.refresh_from_db()
    assert lesson.full_url == absolute_url(lesson.url)


# --- E-mails -----------------------------------------------------------------------


def assert_mail_on_base_url(what: str) -> None:
    assert mail.outbox, f"{what}: no e-mail sent"
    for message in mail.outbox:
        assert_on_base_url(message.body, f"{what}: {message.subject}")
        for alternative, _type in getattr(message, "alternatives", []):
            assert_on_base_url(alternative, f"{what} (HTML)")
        header = message.extra_headers.get("List-Unsubscribe", "")
        assert_on_base_url(header, f"{what} (header)", expect_links=bool(header))
    mail.outbox.clear()


def test_invitation_links_on_base_url(
    base_url, district, facilitator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitations.invite(
            name="Awa Koné",
            email="awa@example.org",
            district=district,
            language="fr",
            invited_by=facilitator,
        )
    assert_mail_on_base_url("invitation")


def test_reminder_links_on_base_url(cycle, district):
    HdmtMemberFactory(username="kandi-1", district=district)
    send_due_reminders(today=OPENS)
    assert_mail_on_base_url("reminder")


def test_discussion_mails_link_on_base_url(
    home_page, cycle, member, other_member, teammate
):
    forum = ForumPageFactory(parent=home_page)
    root = post_comment(member, forum, Draft("Question", None))
    mail.outbox.clear()
    cache.clear()  # the rate limit
    post_comment(other_member, forum, Draft("Réponse", root.pk))  # immediate
    assert_mail_on_base_url("notification")
    set_frequency(member, "daily")
    cache.clear()
    post_comment(teammate, forum, Draft("Une autre réponse", root.pk))
    mail.outbox.clear()
    call_command("send_digests")
    assert_mail_on_base_url("digest")
    Follow.objects.create(user=member, page_id=cycle.pk)
    cycle.synthesis = "<p>Anticiper les commandes.</p>"
    cycle.save_revision().publish()
    mail.outbox.clear()
    announce_synthesis(cycle)
    assert_mail_on_base_url("synthesis")


def test_lesson_alert_links_on_base_url(policymaker, make_lesson, base_url):  # noqa: F811
    topic, _created = Topic.objects.get_or_create(code="malaria")
    TopicSubscription.objects.create(user=policymaker, topic=topic, language="fr")
    make_lesson(title="Nouvelle leçon", topics=["malaria"])
    call_command("send_lesson_alerts")
    assert_mail_on_base_url("lesson alert")


def test_password_reset_links_on_base_url(client, member, base_url):
    client.post("/fr/password-reset/", {"email": member.email})
    assert_mail_on_base_url("password reset")
