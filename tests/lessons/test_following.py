"""Issue #16: a reader follows topics and countries on "What I follow"; alerts list
only lessons published after the follow began, in the reader's language, and every
alert unsubscribes in one click (signed link, works logged out)."""

import datetime
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from lessons.models import CountrySubscription, LessonPage, Topic, TopicSubscription
from tests.lessons.conftest import translate

pytestmark = pytest.mark.django_db

BASE_URL = "https://district.example.org"


@pytest.fixture(autouse=True)
def _base_url(settings):
    settings.BASE_URL = BASE_URL


def published_long_ago(lesson):
    """A lesson of the back catalogue (published before anyone followed)."""
    past = timezone.now() - datetime.timedelta(days=400)
    LessonPage.objects.filter(pk=lesson.pk).update(
        first_published_at=past, last_published_at=past
    )
    return lesson


def follow(client, language="fr", **data):
    response = client.post(f"/{language}/following/", data)
    assert response.status_code == 302, response.content.decode()[:500]
    return client.get(response["Location"]).content.decode()


def test_policymaker_follows_a_topic_and_a_country_on_the_follow_page(
    client, policymaker, benin, guinea, library
):
    Topic.objects.get_or_create(code="malaria")
    client.force_login(policymaker)
    page = client.get("/fr/following/").content.decode()
    assert "<h1>Mes abonnements</h1>" in page
    assert 'type="checkbox" name="topics" value="malaria"' in page
    assert "Bénin" in page
    html = follow(client, topics=["malaria"], countries=["GN"])
    assert "Votre choix est enregistré." in html
    assert re.search(r'value="malaria"[^>]*checked', html)
    assert re.search(r'value="GN"[^>]*checked', html)
    topic_follow = TopicSubscription.objects.get(user=policymaker)
    assert topic_follow.topic.code == "malaria" and topic_follow.created_at
    assert CountrySubscription.objects.get(user=policymaker).country == guinea
    # Unticking stops the follow; the English page is in English.
    follow(client, "en", countries=["GN"])
    assert not TopicSubscription.objects.filter(user=policymaker).exists()
    english = client.get("/en/following/").content.decode()
    assert "<h1>What I follow</h1>" in english and "<legend>Topics</legend>" in english


def test_member_can_follow_too_and_anonymous_readers_are_sent_to_log_in(
    client, member, library
):
    assert client.get("/fr/following/")["Location"].startswith("/fr/login/")
    client.force_login(member)
    assert client.get("/fr/following/").status_code == 200


def test_first_alert_after_following_lists_only_lessons_published_after(
    client, policymaker, make_lesson
):
    published_long_ago(make_lesson(title="Ancienne leçon", topics=["malaria"]))
    client.force_login(policymaker)
    follow(client, topics=["malaria"])
    make_lesson(title="Nouvelle leçon paludisme", topics=["malaria"])
    call_command("send_lesson_alerts")
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Nouvelle leçon paludisme" in body
    assert "Ancienne leçon" not in body
    assert f"{BASE_URL}/fr/" in body
    call_command("send_lesson_alerts")
    assert len(mail.outbox) == 1  # never twice


def test_a_country_follow_alerts_on_lessons_about_that_country(
    client, policymaker, make_lesson, benin, guinea
):
    client.force_login(policymaker)
    follow(client, countries=["BJ"])
    make_lesson(title="Leçon Bénin", countries=[benin])
    make_lesson(title="Leçon Guinée", countries=[guinea])
    call_command("send_lesson_alerts")
    assert "Leçon Bénin" in mail.outbox[0].body
    assert "Leçon Guinée" not in mail.outbox[0].body


def test_english_alert_links_an_untranslated_lesson_on_the_english_side(
    client, policymaker, make_lesson, library_en, locales
):
    client.force_login(policymaker)
    follow(client, "en", topics=["malaria"])
    translated = make_lesson(title="Leçon traduite", topics=["malaria"])
    translate(translated, locales["en"], title="Translated lesson")
    make_lesson(title="Leçon seulement en français", slug="seule", topics=["malaria"])
    call_command("send_lesson_alerts")
    body = mail.outbox[0].body
    assert "Translated lesson" in body and "Leçon traduite" not in body
    assert "Leçon seulement en français" in body
    assert f"{BASE_URL}/en/lessons/seule/" in body
    assert "in French" in body
    assert "/fr/" not in body


def unsubscribe_url(message) -> str:
    url = re.search(rf"{BASE_URL}(/fr/following/unsubscribe/\S+/)", message.body)
    assert url, message.body
    assert message.extra_headers["List-Unsubscribe"] == f"<{BASE_URL}{url[1]}>"
    return url[1]


def test_unsubscribe_link_works_logged_out_and_stops_alerts(
    client, policymaker, make_lesson
):
    client.force_login(policymaker)
    follow(client, topics=["malaria"])
    make_lesson(title="Première leçon", topics=["malaria"])
    call_command("send_lesson_alerts")
    path = unsubscribe_url(mail.outbox[0])
    anonymous = Client(enforce_csrf_checks=True)
    page = anonymous.get(path)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Arrêter les e-mails sur les nouvelles leçons" in html
    assert TopicSubscription.objects.filter(user=policymaker).exists()  # GET asks
    token = anonymous.cookies["csrftoken"].value
    done = anonymous.post(path, {"csrfmiddlewaretoken": token}).content.decode()
    assert "ne recevra plus d’e-mails sur les nouvelles leçons" in done
    assert not TopicSubscription.objects.filter(user=policymaker).exists()
    make_lesson(title="Deuxième leçon", topics=["malaria"])
    call_command("send_lesson_alerts")
    assert len(mail.outbox) == 1


def test_the_mail_programs_one_click_button_unsubscribes_without_a_visit(
    policymaker, make_lesson
):
    """RFC 8058: Gmail's and Outlook's "Unsubscribe" button POSTs
    `List-Unsubscribe=One-Click` to the link, with no cookie and no CSRF token; the
    review found the alerts could only be stopped by visiting the page and pressing
    its button (two clicks), and the header announcing one-click was missing."""
    browser = Client()
    browser.force_login(policymaker)
    follow(browser, topics=["malaria"])
    make_lesson(title="Première leçon", topics=["malaria"])
    call_command("send_lesson_alerts")
    message = mail.outbox[0]
    path = unsubscribe_url(message)
    assert (
        message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    )
    mail_program = Client(enforce_csrf_checks=True)
    response = mail_program.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not TopicSubscription.objects.filter(user=policymaker).exists()
    assert not CountrySubscription.objects.filter(user=policymaker).exists()


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("token", ["forged", "eyJ1IjoxfQ:1abc:badsignature"])
def test_bad_unsubscribe_token_gives_a_clear_page(
    client, home_page_en, language, token
):
    response = client.get(f"/{language}/following/unsubscribe/{token}/")
    assert response.status_code == 400
    expected = {
        "fr": "Ce lien n’est pas valide",
        "en": "This link is not valid",
    }[language]
    assert expected in response.content.decode()
    one_click = {"List-Unsubscribe": "One-Click"}
    post = client.post(f"/{language}/following/unsubscribe/{token}/", one_click)
    assert post.status_code == 400
    assert expected in post.content.decode()


def test_lesson_page_offers_to_follow_its_topics_and_countries(
    client, policymaker, make_lesson, benin
):
    lesson = make_lesson(title="Leçon paludisme", topics=["malaria"], countries=[benin])
    html = client.get(lesson.url).content.decode()
    assert (
        '<a href="/fr/following/?topic=malaria&amp;country=BJ">'
        "Suivre ces thèmes et ces pays</a>"
    ) in html
    client.force_login(policymaker)
    page = client.get("/fr/following/?topic=malaria&country=BJ").content.decode()
    assert re.search(r'value="malaria"[^>]*checked', page)
    assert re.search(r'value="BJ"[^>]*checked', page)
    assert not TopicSubscription.objects.exists()  # ticked, not saved until Save
