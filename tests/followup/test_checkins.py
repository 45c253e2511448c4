"""Check-ins: due at the dates the facilitators set, reported by the team, and
reminded once to the teams with one due (issue #17)."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command

from cycles.factories import dates_for_step
from districts.factories import DistrictFactory, HdmtMemberFactory
from followup.models import CheckIn, Commitment, FollowUpSchedule
from followup.services import save_commitments
from participation.models import ReminderDelivery
from tests.followup.conftest import make_cycle, post

pytestmark = pytest.mark.django_db

DISCUSSION_CLOSES = dt.date(2031, 4, 10)


@pytest.fixture
def teams(closed, district, other_district, benin):
    """Banikoara has not reported check-in 1, Boké has, Kandi committed to nothing."""
    kandi = DistrictFactory(country=benin, name="Kandi", region="Alibori")
    members = {
        "due": HdmtMemberFactory(username="banikoara-1", district=district),
        "due_2": HdmtMemberFactory(username="banikoara-2", district=district),
        "reported": HdmtMemberFactory(username="boke-1", district=other_district),
        "nothing": HdmtMemberFactory(username="kandi-1", district=kandi),
    }
    save_commitments(closed, district, members["due"], {"c1_what": "Supervision"}, 0)
    save_commitments(
        closed,
        other_district,
        members["reported"],
        {"c1_what": "Stocks", "c1_k1_status": "in_progress"},
        0,
    )
    return members


def run(today):
    call_command("send_reminders", f"--date={today.isoformat()}", stdout=None)


def sent_to():
    return sorted(address for message in mail.outbox for address in message.to)


def test_the_reminder_goes_only_to_teams_with_a_check_in_due_and_never_twice(teams):
    run(dt.date(2031, 5, 9))  # the day before check-in 1: nothing
    assert sent_to() == []
    run(dt.date(2031, 5, 10))
    assert sent_to() == sorted([teams["due"].email, teams["due_2"].email])
    assert all("suivi de vos engagements" in m.subject for m in mail.outbox)
    assert all("#followup" in m.body for m in mail.outbox)
    run(dt.date(2031, 5, 10))
    run(dt.date(2031, 5, 20))
    assert len(mail.outbox) == 2
    assert set(ReminderDelivery.objects.values_list("kind", flat=True)) == {"checkin_1"}
    # Check-in 2 (3 months): both teams owe it, Kandi still nothing.
    mail.outbox.clear()
    run(dt.date(2031, 7, 11))
    assert sent_to() == sorted(
        [teams["due"].email, teams["due_2"].email, teams["reported"].email]
    )


def test_a_team_that_reports_is_no_longer_reminded(closed, teams, district):
    save_commitments(
        closed,
        district,
        teams["due"],
        {"c1_what": "Supervision", "c1_k1_status": "done"},
        1,
    )
    run(dt.date(2031, 5, 12))
    assert sent_to() == []


def test_the_team_reports_a_check_in_once_it_is_due(client, cycle_index, member):
    # At step 6 since 60 days: the discussion closed 75 days ago.
    dates = dates_for_step(6, dt.date.today() - dt.timedelta(days=60))
    cycle = make_cycle(cycle_index, step=6, slug="bilan", **dates)
    FollowUpSchedule.objects.create(cycle=cycle, months="1,12")
    client.force_login(member)
    html = client.get(cycle.url).content.decode()
    assert "Point de suivi 1" in html and "Point de suivi 2" not in html
    answer = post(
        client,
        cycle,
        {
            "c1_what": "Supervision",
            "c1_k1_status": "dropped",
            "c1_k1_happened": "Pas de carburant",
            "c1_k1_obstacles": "Budget",
        },
    )
    assert answer.status_code == 302
    commitment = Commitment.objects.get()
    assert commitment.status == "dropped"
    assert commitment.outcome == "Pas de carburant"
    assert CheckIn.objects.get().obstacles == "Budget"
    # a check-in not yet due cannot be sent in
    post(client, cycle, {"c1_what": "Supervision", "c1_k2_status": "done"}, 2)
    assert not CheckIn.objects.filter(number=2).exists()


def test_a_team_member_who_chose_sms_gets_the_check_in_by_sms_once(teams, settings):
    """Issue #18's "follow-up due" by SMS: only to a member of a team with a check-in
    due, in one SMS linking to the follow-up, never twice."""
    from sms.models import SmsMessage, SmsSubscription

    SmsSubscription.objects.create(
        user=teams["due"], phone="+2290197123456", opted_in=True
    )
    SmsSubscription.objects.create(
        user=teams["nothing"], phone="+2290197654321", opted_in=True
    )
    run(dt.date(2031, 5, 10))
    run(dt.date(2031, 5, 10))
    messages = list(SmsMessage.objects.all())
    assert [m.user for m in messages] == [teams["due"]]
    assert messages[0].text.startswith(
        "District.Team : dites où en sont vos engagements"
    )
    assert messages[0].text.rsplit(" ", 1)[1].startswith(settings.BASE_URL + "/s/")
