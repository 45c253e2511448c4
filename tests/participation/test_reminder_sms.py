"""Reminders by SMS: to the members who chose SMS, in their language, in one SMS
with a short link, once, retried, nothing on a dry run; the settings page opts in
and out with clear errors and keeps what was typed."""
# ruff: noqa: F811 (the reminder tests' fixtures, imported, are this file's arguments)

import pytest
from django.core import mail

from discussions.models import NotificationSettings
from districts.factories import HdmtMemberFactory
from participation.reminders.services import opt_out, send_due_reminders
from sms.encoding import sms_length
from sms.models import ShortLink, SmsMessage, SmsStatus, SmsSubscription
from tests.participation.test_reminders import (  # noqa: F401 (fixtures)
    CLOSES,
    OPENS,
    cycle,
    cycle_en,
    day,
    run,
    teams,
)
from tests.sms.conftest import rapidpro  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db
KANDI, BOKE = "+2290197123456", "+224622123456"
URL = "/fr/participation/reminders/"


@pytest.fixture
def texters(teams):
    """Kandi's first member wants SMS (and no e-mail), Boké's too, in English."""
    kandi, boke = teams["nothing"], teams["draft"]
    SmsSubscription.objects.create(user=kandi, phone=KANDI, opted_in=True)
    SmsSubscription.objects.create(user=boke, phone=BOKE, opted_in=True)
    opt_out(kandi)  # e-mail reminders off: SMS still come
    NotificationSettings.objects.update_or_create(
        user=boke, defaults={"language": "en"}
    )
    return kandi, boke


def test_sms_in_each_members_language_in_one_sms_with_a_short_link(
    texters, cycle_en, rapidpro, settings
):
    kandi, boke = texters
    send_due_reminders(today=day(-3))

    by_user = {m.user: m for m in SmsMessage.objects.all()}
    assert set(by_user) == {kandi, boke}
    french, english = by_user[kandi], by_user[boke]
    assert french.text.startswith("District.Team : plus que 3 jours pour répondre à")
    assert '"Ruptures de vaccins"' in french.text
    assert english.text.startswith(
        'District.Team: 3 days left to answer "Vaccine stock-outs"'
    )
    for message in (french, english):
        assert message.status == SmsStatus.SENT and sms_length(message.text).fits
        link = message.text.rsplit(" ", 1)[1]
        assert link.startswith(settings.BASE_URL + "/s/")
    links = {link.url.split("/")[3] for link in ShortLink.objects.all()}
    assert links == {"fr", "en"}  # each to the cycle in the member's language
    assert kandi.email not in [a for m in mail.outbox for a in m.to]


def test_never_twice_and_a_gateway_error_retried_on_the_next_run(texters, rapidpro):
    rapidpro.script = [
        (429, {"Retry-After": "0"}, {"detail": "Request was throttled."})
    ]
    first = send_due_reminders(today=OPENS)
    # throttled at the first SMS: the run stops there, the other member unclaimed
    assert first.sms.sent == [] and len(first.sms.failed) == 1
    assert SmsMessage.objects.get().status == SmsStatus.RETRY

    second = send_due_reminders(today=OPENS)
    assert [m.status for m in second.sms.retried] == [SmsStatus.SENT]
    assert len(second.sms.sent) == 1 and len(rapidpro.requests) == 3
    send_due_reminders(today=OPENS)
    assert len(rapidpro.requests) == 3
    assert SmsMessage.objects.filter(status=SmsStatus.SENT).count() == 2


def test_dry_run_sends_and_records_nothing(texters, rapidpro):
    out = run(OPENS, dry_run=True)
    assert "2 SMS would be sent." in out
    assert "District.Team : le questionnaire" in out
    assert rapidpro.requests == [] and not SmsMessage.objects.exists()
    assert not ShortLink.objects.exists()


def test_settings_page_opts_in_with_the_countrys_prefix(client, teams):
    member = teams["nothing"]  # Bénin
    client.force_login(member)
    page = client.post(
        URL,
        {"language": "fr", "sms-sms_reminders": "on", "sms-phone": "01 97 12 34 56"},
    )
    assert page.status_code == 302
    subscription = SmsSubscription.objects.get(user=member)
    assert (subscription.phone, subscription.opted_in) == (KANDI, True)
    assert KANDI in client.get(URL).content.decode()

    client.post(URL, {"language": "fr", "sms-phone": KANDI})  # box unticked
    assert not SmsSubscription.objects.get(user=member).opted_in


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        ("+224 622 12 34 56", "C’est un numéro d’un autre pays (+224)"),
        ("0197", "Ce numéro est trop court."),
        ("01 97 CALL ME", "Seulement des chiffres"),
        ("", "Indiquez votre numéro de mobile pour recevoir les rappels par SMS."),
    ],
)
def test_bad_numbers_get_a_clear_french_error_and_nothing_typed_is_lost(
    client, teams, typed, error
):
    member = teams["nothing"]
    client.force_login(member)
    page = client.post(
        URL,
        {
            "language": "en",
            "reminders": "on",
            "sms-sms_reminders": "on",
            "sms-phone": typed,
        },
    )
    html = page.content.decode()
    assert page.status_code == 200 and error in html
    assert f'value="{typed}"' in html
    assert not SmsSubscription.objects.exists()
    assert NotificationSettings.objects.filter(user=member, language="en").count() == 0


def test_guinea_member_types_a_guinean_number(client, teams):
    member = HdmtMemberFactory(
        username="boke-2", district=teams["draft"].membership.district
    )
    client.force_login(member)
    client.post(
        URL, {"language": "fr", "sms-sms_reminders": "on", "sms-phone": "622 12 34 56"}
    )
    assert SmsSubscription.objects.get(user=member).phone == BOKE


def test_stop_by_sms_shows_on_the_settings_page_and_the_box_opts_back_in(
    client, texters
):
    kandi, _boke = texters
    SmsSubscription.objects.filter(user=kandi).update(
        opted_in=False, stopped_by_sms=True
    )
    client.force_login(kandi)
    page = client.get(URL).content.decode()
    assert "Vous avez répondu STOP à un SMS" in page
    client.post(URL, {"language": "fr", "sms-sms_reminders": "on", "sms-phone": KANDI})
    subscription = SmsSubscription.objects.get(user=kandi)
    assert subscription.opted_in and not subscription.stopped_by_sms
    assert "Vous avez répondu STOP" not in client.get(URL).content.decode()
