import pytest
from django.core import mail
from django.core.management import call_command

from districts.factories import UserFactory
from lessons.models import LessonAlertSent, Topic, TopicSubscription
from tests.lessons.conftest import translate

pytestmark = pytest.mark.django_db


def test_rss_and_atom_feeds_list_new_lessons_per_topic_and_country(
    client, make_lesson, benin, guinea
):
    make_lesson(title="Leçon paludisme", topics=["malaria"], countries=[benin])
    make_lesson(title="Leçon vaccination", topics=["immunisation"], countries=[guinea])
    rss = client.get("/fr/lessons/feeds/rss/").content.decode()
    assert "<rss" in rss and "Leçon paludisme" in rss and "Leçon vaccination" in rss
    atom = client.get("/fr/lessons/feeds/atom/", {"topic": "malaria"}).content.decode()
    assert "http://www.w3.org/2005/Atom" in atom
    assert "Leçon paludisme" in atom and "Leçon vaccination" not in atom
    by_country = client.get(
        "/fr/lessons/feeds/rss/", {"country": "GN"}
    ).content.decode()
    assert "Leçon vaccination" in by_country and "Leçon paludisme" not in by_country


def test_english_feed_has_only_english_lessons(
    client, make_lesson, library_en, locales
):
    lesson = make_lesson(title="Leçon en français")
    translate(lesson, locales["en"], title="Lesson in English")
    rss = client.get("/en/lessons/feeds/rss/").content.decode()
    assert "Lesson in English" in rss and "Leçon en français" not in rss


def test_api_lists_published_lessons_only(client, make_lesson):
    make_lesson(title="Leçon publiée")
    make_lesson(title="Brouillon", publish_it=False, live=False)
    data = client.get("/api/v2/lessons/", {"fields": "date,lesson_type"}).json()
    assert [item["title"] for item in data["items"]] == ["Leçon publiée"]
    assert data["items"][0]["lesson_type"] == "lesson"
    detail = client.get(f"/api/v2/lessons/{data['items'][0]['id']}/").json()
    assert detail["key_messages"][0]["value"].startswith("La supervision")
    assert client.post("/api/v2/lessons/", {}).status_code == 405


def test_sitemap_includes_lessons(client, make_lesson):
    lesson = make_lesson(title="Leçon du plan du site")
    sitemap = client.get("/sitemap.xml").content.decode()
    assert lesson.url in sitemap


def test_topic_alerts_are_sent_once_in_the_subscribers_language(
    make_lesson, library_en, locales
):
    reader = UserFactory(username="reader", email="reader@example.org")
    malaria, _ = Topic.objects.get_or_create(code="malaria")
    # Followed first: an alert lists only lessons published after the follow.
    TopicSubscription.objects.create(user=reader, topic=malaria, language="en")
    lesson = make_lesson(title="Leçon paludisme", topics=["malaria"])
    translate(lesson, locales["en"], title="Malaria lesson")
    make_lesson(title="Leçon nutrition", topics=["nutrition"])
    call_command("send_lesson_alerts")
    assert len(mail.outbox) == 1
    assert "Malaria lesson" in mail.outbox[0].body
    assert "nutrition" not in mail.outbox[0].body
    assert "new lesson on the topics you follow" in mail.outbox[0].subject
    call_command("send_lesson_alerts")
    assert len(mail.outbox) == 1
    assert LessonAlertSent.objects.count() == 1


def test_french_alert_is_in_french(make_lesson):
    reader = UserFactory(username="lecteur", email="lecteur@example.org")
    malaria, _ = Topic.objects.get_or_create(code="malaria")
    TopicSubscription.objects.create(user=reader, topic=malaria, language="fr")
    make_lesson(title="Leçon paludisme", topics=["malaria"])
    call_command("send_lesson_alerts")
    assert "Nouveautés" in mail.outbox[0].body
