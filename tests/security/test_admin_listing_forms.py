"""The action forms inside the admin's generic listings (a Wagtail ``IndexView``) carry
their CSRF token, so a facilitator's click works in a real browser.

Wagtail renders each cell with a context of its own, where ``{% csrf_token %}`` found
nothing: the moderation queue's Hide/Approve/Remove and the invitation list's Resend
posted without a token and got Django's 403 page. The test client skips CSRF checks,
so only a client that enforces them (as a browser's request is checked) sees it."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from discussions.factories import ForumPageFactory
from discussions.models import CommentDetails, CommentFlag
from discussions.services import Draft, post_comment
from participation.invitations.services import invite

pytestmark = pytest.mark.django_db

FORM = re.compile(r'<form method="post" action="([^"]+)">(.*?)</form>', re.S)
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _browser_like(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def _forms(html: str) -> list[tuple[str, str]]:
    """(action, token or "") of each POST form in the listing."""
    listing = html[html.index('id="listing-results"') :]
    return [
        (action, (TOKEN.search(body) or [None, ""])[1])
        for action, body in FORM.findall(listing)
    ]


def test_a_facilitator_hides_a_reported_comment_from_the_queue(
    home_page, member, teammate, facilitator
):
    forum = ForumPageFactory(parent=home_page)
    comment = post_comment(member, forum, Draft("Insulte"), limit_rate=False)
    CommentFlag.objects.create(comment_id=comment.pk, user=teammate, reason="Insulte")
    client = _browser_like(facilitator)
    [(action, token)] = _forms(client.get(reverse("discussions_moderation")).text)
    assert token, "the decision form has no CSRF token"
    response = client.post(
        action, {"csrfmiddlewaretoken": token, "action": "hide", "reason": "Non."}
    )
    assert response.status_code == 302
    assert CommentDetails.objects.get(pk=comment.pk).status == "hidden"


def test_a_facilitator_resends_an_invitation_from_the_list(
    district, facilitator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invite(
            name="Awa Koné",
            email="awa.kone@example.org",
            district=district,
            language="fr",
            invited_by=facilitator,
        )
    mail.outbox.clear()
    client = _browser_like(facilitator)
    [(action, token)] = _forms(client.get(reverse("participation_invitations")).text)
    assert token, "the Resend form has no CSRF token"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(action, {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [["awa.kone@example.org"]]
