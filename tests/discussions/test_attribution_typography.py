"""Issue 16: a comment's attribution elides "de" ("un membre d’Abomey"), and the
e-mail telling a member about it gives its time in their zone, with English
punctuation on English e-mails."""

import datetime as dt

import pytest
from django.core import mail

from discussions.models import NotificationSettings
from districts.factories import DistrictFactory, HdmtMemberFactory

pytestmark = pytest.mark.django_db

ABOMEY = "Abomey-Agbangnizoun-Djidja"
MOMENT = dt.datetime(2026, 12, 2, 17, 0, tzinfo=dt.UTC)


@pytest.fixture
def district_forum(forum):
    forum.__class__.discussion_attribution = "district"
    yield forum
    del forum.__class__.discussion_attribution


@pytest.fixture
def abomey_member(benin):
    district = DistrictFactory(country=benin, name=ABOMEY, region="Zou")
    return HdmtMemberFactory(username="member-abomey", district=district)


def _posted_at_17_utc(comment):
    type(comment).objects.filter(pk=comment.pk).update(submit_date=MOMENT)


def test_a_comment_from_abomey_reads_un_membre_d_abomey(
    client, district_forum, abomey_member, other_member, say
):
    _posted_at_17_utc(say(abomey_member, district_forum, "Nos stocks"))
    client.force_login(other_member)
    html = client.get(district_forum.url).content.decode()
    assert f"un membre d’{ABOMEY}" in html
    assert f"un membre de {ABOMEY}" not in html
    assert "2 déc. 2026 à 17:00 (heure de Conakry)" in html.replace("\xa0", " ")


def test_the_reply_e_mail_gives_the_time_in_the_readers_zone_in_each_language(
    district_forum, abomey_member, other_member, say
):
    root = say(other_member, district_forum, "Question")
    mail.outbox.clear()
    reply = say(abomey_member, district_forum, "Réponse", parent=root)
    french = mail.outbox[0].body
    assert f"un membre d’{ABOMEY}" in french
    assert "(heure de Conakry)\u00a0:" in french

    NotificationSettings.objects.filter(user=other_member).update(language="en")
    mail.outbox.clear()
    say(abomey_member, district_forum, "Encore", parent=root)
    english = mail.outbox[0].body
    assert f"a member of {ABOMEY}" in english
    assert "(Conakry time):" in english and " :" not in english
    assert reply is not None
