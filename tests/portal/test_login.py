import pytest
from django.core import mail

pytestmark = pytest.mark.django_db


def test_login_page_in_both_languages(client, home_page_en):
    french = client.get("/fr/login/")
    english = client.get("/en/login/")
    assert "Mot de passe" in french.text
    assert "Password" in english.text


def test_member_logs_in_and_out(client, member, home_page):
    response = client.post(
        "/fr/login/", {"username": "member-a", "password": "district-team-test"}
    )
    assert response.status_code == 302
    assert client.get("/fr/").context["user"] == member
    client.post("/fr/logout/")
    assert not client.get("/fr/").context["user"].is_authenticated


def test_wrong_password_shows_a_translated_error(client, member, home_page):
    response = client.post("/fr/login/", {"username": "member-a", "password": "nope"})
    assert response.status_code == 200
    assert "Veuillez corriger" in response.text


def test_account_locks_after_five_failures_even_with_the_right_password(
    client, member, home_page
):
    for _ in range(5):
        client.post("/fr/login/", {"username": "member-a", "password": "wrong"})
    response = client.post(
        "/fr/login/", {"username": "member-a", "password": "district-team-test"}
    )
    assert response.status_code == 429
    assert "Compte verrouillé" in response.text
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_account_and_address(client, member, teammate, home_page):
    for _ in range(5):
        client.post("/fr/login/", {"username": "member-a", "password": "wrong"})
    response = client.post(
        "/fr/login/", {"username": "member-a2", "password": "district-team-test"}
    )
    assert (
        response.status_code == 302
    )  # a teammate on the same connection still gets in


def test_password_reset_sends_a_link_in_the_readers_language(client, member, home_page):
    response = client.post("/fr/password-reset/", {"email": member.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "mot de passe" in mail.outbox[0].body
    assert "/fr/password-reset/" in mail.outbox[0].body


def test_password_reset_requests_are_throttled_per_client(client, member, home_page):
    codes = [
        client.post("/fr/password-reset/", {"email": member.email}).status_code
        for _ in range(15)
    ]
    assert codes[:3] == [302, 302, 302]
    assert codes[-1] == 429
    assert (
        "Trop de requêtes"
        in client.post("/fr/password-reset/", {"email": "x@example.org"}).text
    )
    assert len(mail.outbox) <= 3


def test_password_reset_e_mails_are_throttled_per_address(
    client, member, teammate, home_page
):
    """From 15 addresses, one inbox still gets 3 e-mails an hour, and the answer
    never tells whether the address has an account."""
    codes = [
        client.post(
            "/fr/password-reset/",
            {"email": member.email},
            REMOTE_ADDR=f"198.51.100.{n}",
        ).status_code
        for n in range(15)
    ]
    assert codes == [302] * 15
    assert [m.to for m in mail.outbox] == [[member.email]] * 3
    client.post(
        "/fr/password-reset/", {"email": teammate.email}, REMOTE_ADDR="192.0.2.1"
    )
    assert mail.outbox[-1].to == [teammate.email]
