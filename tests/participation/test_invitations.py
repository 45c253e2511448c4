"""Invitations: one by one or from a CSV file, the e-mailed link, joining, the admin."""

import re
import time
from datetime import timedelta
from unittest.mock import patch

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from discussions.models import NotificationSettings
from districts.factories import DistrictFactory
from districts.roles import Role
from participation.invitations import services as service
from participation.invitations.csv_file import read_rows
from participation.invitations.links import make_token
from participation.models import Invitation

pytestmark = pytest.mark.django_db

User = get_user_model()
PASSWORD = "Baobab-Cotonou-2031"
LINK_RE = re.compile(r"http://127\.0\.0\.1:8000(/(fr|en)/invitations/[^/\s]+/)")


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """Run a write and the e-mails it schedules after its commit."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


@pytest.fixture
def invite(send):
    """Invite through the service, e-mails included (French, no inviter by default)."""

    def run(email, district, *, name="Awa Koné", language="fr", invited_by=None):
        return send(
            service.invite,
            name=name,
            email=email,
            district=district,
            language=language,
            invited_by=invited_by,
        )

    return run


@pytest.fixture
def staff(client, facilitator):
    client.force_login(facilitator)
    return client


@pytest.fixture
def invited(invite, district, facilitator):
    mail.outbox.clear()
    return invite("awa.kone@example.org", district, invited_by=facilitator)


def link_in(message) -> str:
    found = LINK_RE.search(message.body)
    assert found, message.body
    return found.group(1)


def csv_file(text: str, encoding: str = "utf-8", name: str = "members.csv"):
    return SimpleUploadedFile(name, text.encode(encoding), "text/csv")


def upload(client, send, content):
    mail.outbox.clear()
    return send(
        client.post,
        reverse("participation_import"),
        {"file": content},
        follow=True,
    )


# --- Inviting one member --------------------------------------------------------------


def test_inviting_one_member_sends_one_english_email_with_a_working_link(
    staff, send, district, home_page_en
):
    mail.outbox.clear()
    response = send(
        staff.post,
        reverse("participation_invite"),
        {
            "name": "John Mensah",
            "email": "John.Mensah@Example.org",
            "district": district.pk,
            "language": "en",
        },
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["John.Mensah@example.org"]
    assert message.subject == "Join the Banikoara team on District.Team"
    assert "Hello John Mensah," in message.body
    assert "Your username: john.mensah" in message.body
    assert "14 days" in message.body
    link = link_in(message)
    assert link.startswith("/en/invitations/")

    page = Client().get(link)
    assert page.status_code == 200
    assert "Welcome, John" in page.text
    assert "Banikoara (Bénin)" in page.text

    user = User.objects.get(email="John.Mensah@example.org")
    assert not user.is_active and not user.has_usable_password()
    assert (user.first_name, user.last_name) == ("John", "Mensah")
    assert user.membership.district == district
    assert user.groups.filter(name=Role.HDMT_MEMBER).exists()
    assert NotificationSettings.objects.get(user=user).language == "en"
    assert Invitation.objects.get(user=user).sent_at is not None


def test_a_french_invitation_is_written_in_french(invited, facilitator, home_page):
    (message,) = mail.outbox
    assert message.subject == "Rejoignez l’équipe de Banikoara sur District.Team"
    assert "Bonjour Awa Koné," in message.body
    assert facilitator.get_full_name() in message.body
    assert "Votre nom d’utilisateur\u00a0: awa.kone" in message.body
    assert link_in(message).startswith("/fr/invitations/")


def test_usernames_stay_unique_and_mentionable(invite, district, other_district):
    first = invite("awa@one.example", district)
    second = invite("Awa@two.example", other_district)
    odd = invite("zoé+test!@three.example", district)
    assert first.user.username == "awa"
    assert second.user.username == "awa-2"
    assert odd.user.username == "zoe-test"


def test_inviting_an_existing_account_is_refused(staff, send, member):
    mail.outbox.clear()
    response = send(
        staff.post,
        reverse("participation_invite"),
        {
            "name": "Someone",
            "email": member.email.upper(),
            "district": member.membership.district.pk,
            "language": "fr",
        },
    )
    assert response.status_code == 200
    assert "Un compte avec cette adresse e-mail existe déjà." in response.text
    assert mail.outbox == []
    assert not Invitation.objects.exists()


def test_reinviting_a_pending_member_sends_a_new_link_and_the_old_one_stops(
    invited, invite, other_district, home_page
):
    old_link = link_in(mail.outbox[0])
    mail.outbox.clear()
    again = invite("AWA.KONE@example.org", other_district, language="en")
    assert again.pk == invited.pk
    assert User.objects.filter(email__iexact="awa.kone@example.org").count() == 1
    assert again.user.membership.district == other_district
    (message,) = mail.outbox
    new_link = link_in(message)
    assert new_link.startswith("/en/")
    old = Client().get(old_link)
    assert old.status_code == 404
    assert "seul le lien du dernier e-mail fonctionne" in old.text
    assert Client().get(new_link).status_code == 200


# --- Joining --------------------------------------------------------------------------


def test_accepting_sets_the_password_and_the_member_can_log_in(
    invited, district, home_page
):
    link = link_in(mail.outbox[0])
    browser = Client()
    response = browser.post(
        link, {"new_password1": PASSWORD, "new_password2": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/fr/"
    assert "Bienvenue dans l’équipe de Banikoara" in response.text
    assert response.context["user"].email == "awa.kone@example.org"

    invited.refresh_from_db()
    assert invited.accepted_at is not None
    user = invited.user
    user.refresh_from_db()
    assert user.is_active and user.check_password(PASSWORD)
    assert user.membership.district == district

    browser.post("/fr/logout/")
    login = Client().post("/fr/login/", {"username": "awa.kone", "password": PASSWORD})
    assert login.status_code == 302


def test_a_weak_or_mismatched_password_is_refused(invited, home_page):
    link = link_in(mail.outbox[0])
    for first, second in (("12345678", "12345678"), (PASSWORD, PASSWORD + "x")):
        response = Client().post(
            link, {"new_password1": first, "new_password2": second}
        )
        assert response.status_code == 200
        assert "Veuillez corriger" in response.text
    invited.refresh_from_db()
    assert invited.accepted_at is None
    assert not invited.user.has_usable_password()


def test_a_used_link_says_so_and_points_to_login(invited, home_page):
    link = link_in(mail.outbox[0])
    Client().post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    second = Client().post(
        link, {"new_password1": "Other-pass-4321", "new_password2": "Other-pass-4321"}
    )
    assert "Cette invitation a déjà été utilisée" in second.text
    assert 'href="/fr/login/"' in second.text
    invited.user.refresh_from_db()
    assert invited.user.check_password(PASSWORD)


def test_an_expired_link_says_so(invited, settings, home_page_en):
    fifteen_days_ago = time.time() - 15 * 24 * 3600
    with patch("django.core.signing.time.time", return_value=fifteen_days_ago):
        token = make_token(invited)
    response = Client().get(f"/en/invitations/{token}/")
    assert response.status_code == 410
    assert (
        "This invitation link has expired. Ask your facilitator to send a new one."
        in response.text
    )
    posted = Client().post(
        f"/en/invitations/{token}/",
        {"new_password1": PASSWORD, "new_password2": PASSWORD},
    )
    assert posted.status_code == 410
    invited.refresh_from_db()
    assert invited.accepted_at is None

    settings.INVITATION_MAX_AGE_DAYS = 30
    assert Client().get(f"/en/invitations/{token}/").status_code == 200


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),
        lambda token: "x" + token,
        lambda token: "not-a-token",
    ],
    ids=["last-character-changed", "prefixed", "made-up"],
)
def test_a_tampered_link_is_not_valid(invited, home_page, tamper):
    token = link_in(mail.outbox[0]).split("/")[-2]
    response = Client().post(
        f"/fr/invitations/{tamper(token)}/",
        {"new_password1": PASSWORD, "new_password2": PASSWORD},
    )
    assert response.status_code == 404
    assert "Ce lien d’invitation n’est pas valide" in response.text
    invited.refresh_from_db()
    assert invited.accepted_at is None


def test_a_token_signed_for_another_purpose_is_not_valid(invited, home_page):
    from django.core import signing

    forged = signing.dumps(
        {"i": invited.pk, "n": invited.nonce}, salt="discussions.unsubscribe"
    )
    assert Client().get(f"/fr/invitations/{forged}/").status_code == 404


def test_password_attempts_on_a_link_are_rate_limited(invited, home_page):
    link = link_in(mail.outbox[0])
    browser = Client()
    codes = [
        browser.post(link, {"new_password1": "1", "new_password2": "2"}).status_code
        for _ in range(11)
    ]
    assert codes[:10] == [200] * 10
    assert codes[10] == 429


# --- Importing a CSV file -------------------------------------------------------------


def test_a_file_with_bad_rows_lists_every_problem_and_invites_nobody(
    staff, send, district, member
):
    users_before = User.objects.count()
    content = csv_file(
        "name,email,district,language\n"
        f"Awa Koné,awa@example.org,{district.code},fr\n"  # row 2: fine
        f",nobody@example.org,{district.code},fr\n"  # row 3: no name
        f"Bad Mail,not-an-email,{district.code},en\n"  # row 4
        "Lost,lost@example.org,xx-nowhere,fr\n"  # row 5
        f"Deutsch,de@example.org,{district.code},de\n"  # row 6
        f"Twice,AWA@example.org,{district.code},fr\n"  # row 7: same as row 2
        f"Member,{member.email},{district.code},fr\n"  # row 8: has an account
    )
    response = upload(staff, send, content)
    html = response.text
    assert "6 lignes ont un problème. Personne n’a été invité" in html
    rows = dict(re.findall(r"<tr><td>(\d+)</td><td>.*?</td><td><ul>(.*?)</ul>", html))
    assert sorted(rows, key=int) == ["3", "4", "5", "6", "7", "8"]
    assert "Le nom manque." in rows["3"]
    assert (
        "«\u00a0not-an-email\u00a0» n’est pas une adresse e-mail valide." in rows["4"]
    )
    assert "Aucun district n’a le code «\u00a0xx-nowhere\u00a0»." in rows["5"]
    assert "La langue doit être fr ou en, pas «\u00a0de\u00a0»." in rows["6"]
    assert "La même adresse e-mail est déjà à la ligne 2." in rows["7"]
    assert "Un compte avec cette adresse e-mail existe déjà." in rows["8"]
    assert User.objects.count() == users_before
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_a_good_file_invites_everyone_in_their_language(
    staff, send, district, other_district
):
    content = csv_file(
        "name,email,district,language\n"
        f"Awa Koné,awa@example.org,{district.code},fr\n"
        f"John Mensah,john@example.org,{other_district.code.upper()},EN\n"
        "\n"
        f"Fatou Camara,fatou@example.org,{other_district.code},\n"
    )
    response = upload(staff, send, content)
    assert "3 invitations envoyées." in response.text
    assert response.redirect_chain[-1][0] == reverse("participation_invitations")
    assert Invitation.objects.count() == 3
    sent = {message.to[0]: message for message in mail.outbox}
    assert len(mail.outbox) == 3
    assert sent["john@example.org"].subject == "Join the Boké team on District.Team"
    assert link_in(sent["john@example.org"]).startswith("/en/")
    assert link_in(sent["fatou@example.org"]).startswith("/fr/")
    assert User.objects.get(email="fatou@example.org").membership.district == (
        other_district
    )


def test_a_file_naming_a_pending_member_sends_them_a_new_link(
    staff, send, invited, district, home_page
):
    old_link = link_in(mail.outbox[0])
    content = csv_file(
        "name,email,district,language\n"
        f"Awa Koné,Awa.Kone@example.org,{district.code},fr\n"
        f"Jean Dossou,jean@example.org,{district.code},fr\n"
    )
    response = upload(staff, send, content)
    assert "2 invitations envoyées." in response.text
    assert "1 d’entre elles a été envoyée à un membre déjà invité" in response.text
    assert Invitation.objects.count() == 2
    assert Client().get(old_link).status_code == 404
    (again,) = [m for m in mail.outbox if m.to == ["awa.kone@example.org"]]
    assert Client().get(link_in(again)).status_code == 200


def test_a_semicolon_file_with_a_bom_and_french_headers_is_read(staff, send, district):
    content = csv_file(
        "\ufeffNom;Courriel;District;Langue\r\n"
        f"Aïcha Diallo;aicha@example.org;{district.code};fr\r\n"
        f"Éric Houngbo;eric@example.org;{district.code};en\r\n"
    )
    response = upload(staff, send, content)
    assert "2 invitations envoyées." in response.text
    aicha = Invitation.objects.get(email="aicha@example.org")
    assert aicha.name == "Aïcha Diallo"
    assert aicha.user.username == "aicha"
    assert len(mail.outbox) == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            csv_file("name,email,district\n" + "x" * (1024 * 1024)),
            "Le fichier dépasse 1 Mo",
        ),
        (
            csv_file("name,email,district\nHélène,h@example.org,bj-x\n", "latin-1"),
            "Le fichier n’est pas en UTF-8",
        ),
        (csv_file(""), "Le fichier soumis est vide."),
        (csv_file(" \n\n"), "Le fichier est vide."),
        (csv_file("name,email,district\n"), "aucun membre sous la ligne d’en-tête"),
        (
            csv_file("nom,district\nAwa,bj-x\n"),
            "Il manque\u00a0: email.",
        ),
        (
            csv_file(
                "name,email,district\n"
                + "".join(f"M{i},m{i}@example.org,bj-x\n" for i in range(2001))
            ),
            "plus de 2000 membres",
        ),
    ],
    ids=[
        "over-1-MB",
        "latin-1",
        "zero-bytes",
        "blank",
        "header-only",
        "no-email",
        "2001-rows",
    ],
)
def test_unusable_files_are_refused_with_a_clear_message(
    staff, send, district, content, message
):
    response = upload(staff, send, content)
    assert response.status_code == 200
    assert message in response.text
    assert "Traceback" not in response.text
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_the_template_file_reads_back_without_problems(staff, district):
    response = staff.get(reverse("participation_csv_template"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    content = SimpleUploadedFile("t.csv", response.content)
    (row,) = read_rows(content)
    assert (row.email, row.district, row.language) == (
        "awa.kone@example.org",
        district.code,
        "fr",
    )


# --- The facilitators' list -----------------------------------------------------------


def test_the_list_shows_statuses_and_filters_them(
    staff, invite, district, other_district, facilitator
):
    pending = invite("pending@example.org", district, invited_by=facilitator)
    accepted = invite("accepted@example.org", district, invited_by=facilitator)
    service.accept(accepted, PASSWORD)
    expired = invite("expired@example.org", other_district, invited_by=facilitator)
    Invitation.objects.filter(pk=expired.pk).update(
        sent_at=timezone.now() - timedelta(days=15)
    )
    url = reverse("participation_invitations")
    html = staff.get(url).text
    for invitation in (pending, accepted, expired):
        assert invitation.email in html
    assert "En attente" in html and "Acceptée" in html and "Expirée" in html
    assert html.count(">Renvoyer</button>") == 2

    only_expired = staff.get(url, {"status": "expired"}).text
    assert "expired@example.org" in only_expired
    assert "pending@example.org" not in only_expired
    in_district = staff.get(url, {"district": district.pk}).text
    assert "pending@example.org" in in_district
    assert "expired@example.org" not in in_district


def test_the_list_searches_names_and_emails_and_refreshes_its_results(
    staff, invite, district, facilitator
):
    invite("awa@example.org", district, name="Awa Koné", invited_by=facilitator)
    invite("jean@example.org", district, name="Jean Dossou", invited_by=facilitator)
    url = reverse("participation_invitations")
    by_name = staff.get(url, {"q": "dossou"}).text
    assert "jean@example.org" in by_name and "awa@example.org" not in by_name
    results = staff.get(reverse("participation_invitations_results"), {"q": "awa@"})
    assert "awa@example.org" in results.text
    assert "jean@example.org" not in results.text
    html = staff.get(url).text
    assert html.index("Inviter un membre") < html.index("Importer un fichier CSV")


def test_resend_sends_a_new_link_to_an_expired_invitation(staff, send, invited):
    Invitation.objects.filter(pk=invited.pk).update(
        sent_at=timezone.now() - timedelta(days=20)
    )
    old_nonce = invited.nonce
    mail.outbox.clear()
    url = reverse("participation_resend", args=[invited.pk])
    assert staff.get(url).status_code == 405
    response = send(staff.post, url, follow=True)
    assert "Un nouveau lien d’invitation a été envoyé" in response.text
    assert len(mail.outbox) == 1
    invited.refresh_from_db()
    assert invited.nonce != old_nonce
    assert invited.sent_at > timezone.now() - timedelta(minutes=1)


def test_an_accepted_invitation_cannot_be_resent(staff, send, invited):
    service.accept(invited, PASSWORD)
    mail.outbox.clear()
    response = send(
        staff.post, reverse("participation_resend", args=[invited.pk]), follow=True
    )
    assert "Cette invitation a déjà été acceptée." in response.text
    assert mail.outbox == []


def test_a_failed_delivery_shows_as_not_sent(staff, invite, district):
    with patch("django.core.mail.EmailMessage.send", side_effect=OSError("SMTP down")):
        invitation = invite("awa@example.org", district)
    invitation.refresh_from_db()
    assert invitation.sent_at is None
    assert "Non envoyée" in staff.get(reverse("participation_invitations")).text


# --- Who may use the invitation screens -----------------------------------------------

ADMIN_URLS = [
    ("participation_invitations", "get"),
    ("participation_invite", "get"),
    ("participation_import", "get"),
    ("participation_csv_template", "get"),
    ("participation_invite", "post"),
]


@pytest.mark.parametrize("who", ["member", "policymaker", None])
@pytest.mark.parametrize(("name", "method"), ADMIN_URLS)
def test_members_policymakers_and_visitors_cannot_reach_the_screens(
    request, client, district, who, name, method
):
    if who:
        client.force_login(request.getfixturevalue(who))
    data = {"name": "X", "email": "x@example.org", "district": district.pk}
    response = getattr(client, method)(reverse(name), data if method == "post" else {})
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"].startswith("/admin/login/")
    assert not Invitation.objects.exists()


def test_members_cannot_resend(client, member, invited):
    client.force_login(member)
    mail.outbox.clear()
    response = client.post(reverse("participation_resend", args=[invited.pk]))
    assert response.status_code in (302, 403)
    assert mail.outbox == []


@pytest.mark.parametrize("who", ["facilitator", "platform_admin"])
def test_facilitators_and_admins_see_the_menu_and_screens(request, client, who):
    client.force_login(request.getfixturevalue(who))
    dashboard = client.get("/admin/")
    assert reverse("participation_invitations") in dashboard.text
    for name in ("participation_invitations", "participation_invite"):
        assert client.get(reverse(name)).status_code == 200


def test_forms_refuse_a_post_without_csrf_token(facilitator, district, invited):
    staff = Client(enforce_csrf_checks=True)
    staff.force_login(facilitator)
    response = staff.post(
        reverse("participation_invite"),
        {"name": "X", "email": "x@example.org", "district": district.pk},
    )
    assert response.status_code == 403
    visitor = Client(enforce_csrf_checks=True)
    link = link_in(mail.outbox[0])
    response = visitor.post(
        link, {"new_password1": PASSWORD, "new_password2": PASSWORD}
    )
    assert response.status_code == 403
    invited.refresh_from_db()
    assert invited.accepted_at is None
    assert not User.objects.filter(email="x@example.org").exists()


def test_the_accept_form_carries_a_csrf_token(invited, home_page):
    page = Client(enforce_csrf_checks=True).get(link_in(mail.outbox[0]))
    assert 'name="csrfmiddlewaretoken"' in page.text


def test_an_unknown_district_choice_is_refused(staff):
    other = DistrictFactory(name="Elsewhere")
    response = staff.post(
        reverse("participation_invite"),
        {"name": "X", "email": "x@example.org", "district": other.pk + 100},
    )
    assert response.status_code == 200
    assert not Invitation.objects.exists()
