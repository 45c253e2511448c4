"""Participation reminders: who gets which e-mail, when, once, in which language.

Three districts answer one cycle: Banikoara has submitted, Boké has a draft, Kandi has
not started. Survey reminders go to Boké and Kandi only; the discussion reminder goes
to every district. Dates are fixed (answers 1–15 March 2031) and passed as `today`.
"""

import datetime as dt
import re

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.urls import reverse

from cycles.factories import (
    CycleIndexPageFactory,
    CyclePageFactory,
    SurveyQuestionFactory,
    SurveyResponseFactory,
)
from cycles.translation import ensure_translation
from discussions.models import NotificationSettings
from discussions.notifications import unsubscribe_token as discussion_token
from districts.factories import DistrictFactory, HdmtMemberFactory, UserFactory
from participation.models import ReminderDelivery, ReminderKind, ReminderOptOut
from participation.reminders.selectors import due_reminders
from participation.reminders.services import opt_out, send_due_reminders

pytestmark = pytest.mark.django_db

OPENS = dt.date(2031, 3, 1)
CLOSES = dt.date(2031, 3, 15)
DISCUSSION_OPENS = dt.date(2031, 3, 25)
DISCUSSION_CLOSES = dt.date(2031, 4, 10)


def day(offset_from_close: int) -> dt.date:
    return CLOSES + dt.timedelta(days=offset_from_close)


@pytest.fixture
def cycle(home_page):
    index = CycleIndexPageFactory(parent=home_page)
    page = CyclePageFactory(
        parent=index,
        title="Ruptures de vaccins",
        slug="ruptures-vaccins",
        issue_date=dt.date(2031, 1, 10),
        questionnaire_date=dt.date(2031, 2, 1),
        answers_open=OPENS,
        answers_close=CLOSES,
        results_date=dt.date(2031, 3, 20),
        discussion_open=DISCUSSION_OPENS,
        discussion_close=DISCUSSION_CLOSES,
        knowledge_translation_date=dt.date(2031, 5, 1),
        reminder_days_before_close=3,
    )
    SurveyQuestionFactory(page=page, name="stock_outs", label="Nombre de ruptures")
    return page


@pytest.fixture
def cycle_en(cycle, home_page_en):
    english = ensure_translation(cycle, "en")
    english.title = "Vaccine stock-outs"
    english.slug = "vaccine-stock-outs"
    english.save_revision().publish()
    return english


@pytest.fixture
def teams(cycle, district, other_district, benin):
    """One member per district (two in Kandi), and each district's answer state."""
    kandi = DistrictFactory(country=benin, name="Kandi", region="Alibori")
    SurveyResponseFactory(cycle=cycle, district=district, status="submitted")
    SurveyResponseFactory(cycle=cycle, district=other_district, status="draft")
    return {
        "submitted": HdmtMemberFactory(username="banikoara-1", district=district),
        "draft": HdmtMemberFactory(username="boke-1", district=other_district),
        "nothing": HdmtMemberFactory(username="kandi-1", district=kandi),
        "nothing_2": HdmtMemberFactory(username="kandi-2", district=kandi),
    }


def recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def emails(*users) -> list[str]:
    return sorted(user.email for user in users)


def run(today, **options) -> str:
    from io import StringIO

    out = StringIO()
    call_command("send_reminders", f"--date={today.isoformat()}", stdout=out, **options)
    return out.getvalue()


# --- Who -----------------------------------------------------------------------------
def test_survey_reminder_reaches_exactly_the_districts_that_have_not_submitted(teams):
    report = send_due_reminders(today=OPENS)

    assert recipients() == emails(teams["draft"], teams["nothing"], teams["nothing_2"])
    assert teams["submitted"].email not in recipients()
    assert report.sent_count == 3
    logged = ReminderDelivery.objects.filter(kind=ReminderKind.SURVEY_OPENS)
    assert sorted(logged.values_list("email", flat=True)) == recipients()
    assert {row.district.name for row in logged} == {"Boké", "Kandi"}


def test_no_reminder_for_facilitators_inactive_members_or_members_without_email(
    teams, facilitator, other_district
):
    HdmtMemberFactory(username="boke-gone", district=other_district, is_active=False)
    HdmtMemberFactory(username="boke-noemail", district=other_district, email="")
    UserFactory(username="not-in-a-team")

    send_due_reminders(today=OPENS)

    assert recipients() == emails(teams["draft"], teams["nothing"], teams["nothing_2"])


def test_a_district_that_submits_is_no_longer_reminded(cycle, teams):
    send_due_reminders(today=OPENS)
    cycle.responses.filter(district__name="Boké").update(status="submitted")
    mail.outbox.clear()

    send_due_reminders(today=day(-3))

    assert recipients() == emails(teams["nothing"], teams["nothing_2"])


def test_discussion_reminder_reaches_every_district_including_submitted(teams):
    send_due_reminders(today=DISCUSSION_OPENS)

    assert recipients() == emails(*teams.values())
    assert all("discussion" in message.subject for message in mail.outbox)
    assert all("#discussion" in message.body for message in mail.outbox)


# --- Once ----------------------------------------------------------------------------
def test_hourly_runs_never_send_the_same_reminder_twice(teams):
    send_due_reminders(today=OPENS)
    first = len(mail.outbox)

    for _hour in range(3):
        send_due_reminders(today=OPENS)
    send_due_reminders(today=OPENS + dt.timedelta(days=1))  # the opening is done

    assert first == 3
    assert len(mail.outbox) == 3
    assert ReminderDelivery.objects.count() == 3


def test_a_member_who_joins_later_still_gets_the_opening_reminder(teams, benin):
    send_due_reminders(today=OPENS)
    mail.outbox.clear()
    newcomer = HdmtMemberFactory(
        username="kandi-3", district=teams["nothing"].membership.district
    )

    send_due_reminders(today=OPENS + dt.timedelta(days=2))

    assert recipients() == [newcomer.email]


def test_a_late_run_sends_one_survey_reminder_not_all_that_were_missed(teams):
    """Nothing ran from the opening until two days before the close."""
    send_due_reminders(today=day(-2))

    assert recipients() == emails(teams["draft"], teams["nothing"], teams["nothing_2"])
    assert set(ReminderDelivery.objects.values_list("kind", flat=True)) == {
        ReminderKind.SURVEY_CLOSING
    }

    mail.outbox.clear()
    send_due_reminders(today=day(-1))
    assert mail.outbox == []  # no late "it is open" after "it closes soon"


# --- When ----------------------------------------------------------------------------
def test_closing_reminder_is_due_exactly_n_days_before_the_close(cycle, teams):
    send_due_reminders(today=OPENS)
    mail.outbox.clear()

    send_due_reminders(today=day(-4))
    assert mail.outbox == []

    send_due_reminders(today=day(-3))
    assert recipients() == emails(teams["draft"], teams["nothing"], teams["nothing_2"])
    assert "3 jours" in mail.outbox[0].subject
    assert [d.kind for d in due_reminders(day(-4))] == [ReminderKind.SURVEY_OPENS]
    assert [d.kind for d in due_reminders(day(-3))] == [ReminderKind.SURVEY_CLOSING]


def test_zero_days_before_close_means_no_closing_reminder(cycle, teams):
    cycle.reminder_days_before_close = 0
    cycle.save_revision().publish()

    assert [d.kind for d in due_reminders(day(-1))] == [ReminderKind.SURVEY_OPENS]
    send_due_reminders(today=OPENS)
    mail.outbox.clear()
    send_due_reminders(today=day(-1))
    assert mail.outbox == []


def test_last_day_reminder_only_on_the_close_day_and_nothing_after(teams):
    assert [d.kind for d in due_reminders(day(-1))] == [ReminderKind.SURVEY_CLOSING]
    assert [d.kind for d in due_reminders(CLOSES)] == [ReminderKind.SURVEY_LAST_DAY]

    send_due_reminders(today=day(-1))
    mail.outbox.clear()
    send_due_reminders(today=CLOSES)
    assert recipients() == emails(teams["draft"], teams["nothing"], teams["nothing_2"])
    assert "dernier jour" in mail.outbox[0].subject

    mail.outbox.clear()
    for late in (day(1), day(5)):
        assert due_reminders(late) == []
        send_due_reminders(today=late)
    assert mail.outbox == []


def test_nothing_before_the_answers_open(teams):
    send_due_reminders(today=OPENS - dt.timedelta(days=1))

    assert mail.outbox == []


def test_a_facilitator_holding_the_cycle_at_another_step_silences_it(cycle, teams):
    cycle.step_override = 2
    cycle.save_revision().publish()

    send_due_reminders(today=OPENS)

    assert mail.outbox == []


def test_a_cycle_without_questions_sends_no_survey_reminder(cycle, teams):
    cycle.questions.all().delete()

    assert due_reminders(OPENS) == []
    assert [d.kind for d in due_reminders(DISCUSSION_OPENS)] == [
        ReminderKind.DISCUSSION_OPENS
    ]


def test_an_unpublished_cycle_sends_nothing(cycle, teams):
    cycle.unpublish()

    send_due_reminders(today=OPENS)

    assert mail.outbox == []


def test_a_translated_cycle_is_one_cycle(cycle, cycle_en, teams):
    NotificationSettings.objects.create(user=teams["draft"], language="en")

    send_due_reminders(today=OPENS)

    assert len(mail.outbox) == 3  # one per member, not one per translation
    assert set(ReminderDelivery.objects.values_list("cycle_id", flat=True)) == {
        cycle.pk  # the French source page, which the responses hang on
    }


# --- Dry run -------------------------------------------------------------------------
def test_dry_run_sends_and_records_nothing_and_lists_the_recipients(teams):
    output = run(OPENS, dry_run=True)

    assert mail.outbox == []
    assert not ReminderDelivery.objects.exists()
    assert "3 reminder(s) would send: survey_opens — Ruptures de vaccins" in output
    for member in (teams["draft"], teams["nothing"], teams["nothing_2"]):
        assert member.email in output
    assert teams["submitted"].email not in output

    run(OPENS)  # the real run after it still sends everything
    assert len(mail.outbox) == 3


def test_command_summary_and_bad_date(teams):
    output = run(OPENS)

    assert "3 reminder(s) sent: survey_opens — Ruptures de vaccins" in output
    assert "2031-03-01: 3 reminder(s) sent." in output
    with pytest.raises(Exception, match="--date"):
        call_command("send_reminders", "--date=31/03/2031")  # not ISO: refused


# --- Opting out ----------------------------------------------------------------------
def test_opted_out_member_gets_nothing_but_teammates_do(teams):
    opt_out(teams["nothing"])

    send_due_reminders(today=OPENS)
    send_due_reminders(today=DISCUSSION_OPENS)

    assert teams["nothing"].email not in recipients()
    assert teams["nothing_2"].email in recipients()


def _link(body: str, marker: str) -> str:
    return next(
        url.replace("http://127.0.0.1:8000", "")
        for url in re.findall(r"https?://\S+", body)
        if marker in url
    )


def test_unsubscribe_link_asks_first_then_opts_out(client, teams):
    send_due_reminders(today=OPENS)
    member = teams["draft"]
    message = next(m for m in mail.outbox if m.to == [member.email])
    url = _link(message.body, "/unsubscribe/")
    assert message.extra_headers["List-Unsubscribe"].strip("<>").endswith(url)

    page = client.get(url)  # what a mail scanner does: nothing changes
    assert page.status_code == 200
    assert "Arrêter les rappels" in page.content.decode()
    assert not ReminderOptOut.objects.filter(user=member).exists()

    done = client.post(url)
    assert done.status_code == 200
    assert ReminderOptOut.objects.filter(user=member).exists()

    mail.outbox.clear()
    send_due_reminders(today=day(-3))
    assert member.email not in recipients()


def test_tampered_or_foreign_unsubscribe_tokens_are_refused(client, teams):
    send_due_reminders(today=OPENS)
    member = teams["draft"]
    url = _link(mail.outbox[0].body, "/unsubscribe/")
    tampered = url.rstrip("/")[:-3] + "abc/"
    other_salt = reverse(
        "reminders:unsubscribe", kwargs={"token": discussion_token(member)}
    )

    for bad in (tampered, other_salt, "/fr/participation/reminders/unsubscribe/x/"):
        assert client.get(bad).status_code == 400
        assert client.post(bad).status_code == 400
    assert not ReminderOptOut.objects.exists()


def box_ticked(html: str) -> bool:
    return bool(
        re.search(r'<input type="checkbox" name="reminders"[^>]* checked', html)
    )


def test_members_switch_reminders_off_and_on_and_choose_their_language(client, teams):
    member = teams["nothing"]
    url = reverse("reminders:settings")
    assert client.get(url).status_code == 302  # anonymous: to the login page

    client.force_login(member)
    assert box_ticked(client.get(url).content.decode())
    client.post(url, {"language": "en"})  # box unticked
    assert ReminderOptOut.objects.filter(user=member).exists()
    assert not box_ticked(client.get(url).content.decode())
    assert NotificationSettings.objects.get(user=member).language == "en"

    client.post(url, {"reminders": "on", "language": "xx"})  # unknown language
    assert ReminderOptOut.objects.filter(user=member).exists()
    client.post(url, {"reminders": "on", "language": "en"})
    assert not ReminderOptOut.objects.filter(user=member).exists()

    send_due_reminders(today=OPENS)
    mine = next(m for m in mail.outbox if m.to == [member.email])
    assert "questionnaire" in mine.subject and "is open" in mine.subject


# --- Language ------------------------------------------------------------------------
def test_each_member_reads_the_reminder_in_their_language(cycle_en, teams):
    NotificationSettings.objects.create(user=teams["draft"], language="en")

    send_due_reminders(today=day(-3))

    english = next(m for m in mail.outbox if m.to == [teams["draft"].email])
    french = next(m for m in mail.outbox if m.to == [teams["nothing"].email])
    assert english.subject == (
        "District.Team: 3 days left to answer “Vaccine stock-outs”"
    )
    # Boké is in Guinea: the close moment in its members' zone.
    assert (
        "Answers close in 3 days, on March 15, 2031 at 22:59 (Conakry time)."
        in english.body
    )
    assert "has started a draft" in english.body
    assert "/en/" in _link(english.body, "vaccine-stock-outs")
    assert "/en/participation/reminders/unsubscribe/" in english.body

    assert french.subject == (
        "District.Team\u00a0: plus que 3 jours pour répondre à "
        "«\u00a0Ruptures de vaccins\u00a0»"
    )
    assert "15 mars 2031" in french.body
    assert "brouillon" not in french.body  # Kandi has not started
    assert "/fr/" in _link(french.body, "ruptures-vaccins")
    assert "/fr/participation/reminders/unsubscribe/" in french.body


def test_english_member_gets_the_french_page_when_there_is_no_translation(teams):
    NotificationSettings.objects.create(user=teams["draft"], language="en")

    send_due_reminders(today=OPENS)

    english = next(m for m in mail.outbox if m.to == [teams["draft"].email])
    assert "The questionnaire" in english.body
    assert "/fr/" in _link(english.body, "ruptures-vaccins")


# --- Failures ------------------------------------------------------------------------
class FailingBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


def test_a_failed_send_is_not_logged_and_is_retried_next_run(settings, teams):
    settings.EMAIL_BACKEND = "tests.participation.test_reminders.FailingBackend"
    report = send_due_reminders(today=OPENS)

    assert report.sent_count == 0 and report.failed_count == 3
    assert not ReminderDelivery.objects.exists()

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    send_due_reminders(today=OPENS)
    assert len(mail.outbox) == 3


# --- The log in the admin ------------------------------------------------------------
def test_facilitators_read_the_log_members_cannot(client, cycle, teams, facilitator):
    send_due_reminders(today=OPENS)
    send_due_reminders(today=DISCUSSION_OPENS)
    index = reverse("reminder_log:index")

    client.force_login(facilitator)
    listing = client.get(index)
    assert listing.status_code == 200
    html = listing.content.decode()
    assert teams["draft"].email in html and "Boké" in html
    filtered = client.get(index, {"kind": ReminderKind.DISCUSSION_OPENS})
    assert teams["submitted"].email in filtered.content.decode()
    only_opening = client.get(index, {"kind": ReminderKind.SURVEY_OPENS})
    assert teams["submitted"].email not in only_opening.content.decode()
    row = ReminderDelivery.objects.first()
    assert client.get(reverse("reminder_log:inspect", args=[row.pk])).status_code == 200
    # the log cannot be edited or emptied, not even by a facilitator
    assert client.get(reverse("reminder_log:edit", args=[row.pk])).status_code != 200
    client.post(reverse("reminder_log:delete", args=[row.pk]))
    assert ReminderDelivery.objects.filter(pk=row.pk).exists()

    editor = client.get(reverse("wagtailadmin_pages:edit", args=[cycle.pk]))
    assert f"{index}?cycle={cycle.pk}" in editor.content.decode()

    client.force_login(teams["draft"])
    refused = client.get(index)
    assert refused.status_code in (302, 403)
    assert teams["draft"].email not in refused.content.decode()


# --- Time zones and typography (issue 16) ---------------------------------------------
def test_each_member_reads_the_close_moment_in_their_countrys_zone(teams):
    send_due_reminders(today=day(-3))

    boke = next(m for m in mail.outbox if m.to == [teams["draft"].email])
    kandi = next(m for m in mail.outbox if m.to == [teams["nothing"].email])
    assert "le 15 mars 2031 à 22:59 (heure de Conakry)." in boke.body
    assert "le 15 mars 2031 à 23:59 (heure de Porto-Novo)." in kandi.body


def test_the_last_day_reminder_gives_the_closing_time_in_the_members_zone(teams):
    send_due_reminders(today=CLOSES)

    boke = next(m for m in mail.outbox if m.to == [teams["draft"].email])
    assert "Aujourd’hui, 15 mars 2031, est le dernier jour" in boke.body
    assert "Les réponses ferment à 22:59 (heure de Conakry)." in boke.body


def test_a_reminder_to_abomey_elides_de(cycle, benin):
    abomey = DistrictFactory(country=benin, name="Abomey-Agbangnizoun-Djidja")
    member = HdmtMemberFactory(username="abomey-1", district=abomey)

    send_due_reminders(today=day(-3))

    body = next(m for m in mail.outbox if m.to == [member.email]).body
    assert "Le district d’Abomey-Agbangnizoun-Djidja n’a pas encore soumis" in body
    assert "membre de l’équipe d’Abomey-Agbangnizoun-Djidja" in body
    assert "de Abomey" not in body


# --- Privacy -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("restriction", "told"),
    [("login", True), ("groups", False), ("password", False)],
)
def test_a_cycle_made_private_is_not_announced_to_teams_it_keeps_out(
    cycle, teams, restriction, told
):
    """The facilitator set the cycle's privacy (to facilitators, or a password): the
    reminder would put its title and address in the inbox of every team. Signed-in
    members only (login) still lets the teams in, so they are still reminded."""
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    private = PageViewRestriction.objects.create(
        page=cycle, restriction_type=restriction, password="secret"
    )
    if restriction == "groups":
        private.groups.add(Group.objects.get(name="Facilitators"))
    send_due_reminders(today=OPENS)
    assert bool(mail.outbox) is told
    if not told:
        assert not ReminderDelivery.objects.exists()  # sent once it is readable


def test_a_refused_reminder_is_a_delivery_problem_for_the_facilitators(
    settings, teams, client, facilitator
):
    """Against a local SMTP server that answers 554, as a blocking server does."""
    from discussions.models import ChannelFailure
    from tests.discussions.smtp_server import SmtpServer

    with SmtpServer() as smtp:
        smtp.refuse = True
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", smtp.port
        settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = False, 5
        report = send_due_reminders(today=OPENS)
    assert report.failed_count == 3
    refused = ChannelFailure.objects.filter(channel="outbound")
    assert sorted(refused.values_list("sender", flat=True)) == emails(
        teams["draft"], teams["nothing"], teams["nothing_2"]
    )
    assert all("554" in failure.detail for failure in refused)
    client.force_login(facilitator)
    html = client.get("/admin/delivery-problems/?channel=outbound").content.decode()
    assert "Le serveur de courrier a refusé ou n’a pas répondu" in html
