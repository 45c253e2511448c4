"""Likes, flags, the facilitators' queue, the author told why; the rate limit."""

import pytest
from django.core import mail
from django.urls import reverse

from discussions.models import CommentDetails, CommentFlag, NotificationSettings

pytestmark = pytest.mark.django_db


def test_like_toggles_and_counts(client, forum, member, teammate, say):
    comment = say(member, forum, "Utile ?")
    client.force_login(teammate)
    like = reverse("discussions:like", args=[comment.pk])
    client.post(like)
    assert CommentDetails.objects.get(pk=comment.pk).like_count == 1
    html = client.get(forum.url).content.decode()
    assert "Vous aimez (1)" in html
    client.post(like)
    assert CommentDetails.objects.get(pk=comment.pk).like_count == 0


def test_flag_queue_hide_and_author_told_in_their_language(
    client, forum, member, teammate, facilitator, say
):
    comment = say(member, forum, "Achetez mes médicaments")
    NotificationSettings.objects.filter(user=member).update(language="en")
    client.force_login(teammate)
    response = client.post(
        reverse("discussions:flag", args=[comment.pk]), {"reason": "Publicité"}
    )
    assert response.status_code == 302
    assert CommentFlag.objects.filter(comment=comment, reason="Publicité").exists()

    client.force_login(facilitator)
    queue = client.get(reverse("discussions_moderation"))
    assert queue.status_code == 200
    assert "Achetez mes médicaments" in queue.content.decode()
    assert "Publicité" in queue.content.decode()

    mail.outbox.clear()
    client.post(
        reverse("discussions_moderation_act", args=[comment.pk]),
        {"action": "hide", "reason": "Advertising is not allowed"},
    )
    details = CommentDetails.objects.get(pk=comment.pk)
    assert details.status == "hidden"
    assert "Achetez mes médicaments" not in client.get(forum.url).content.decode()
    assert "masqué par un facilitateur" in client.get(forum.url).content.decode()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [member.email]
    assert "A facilitator has hidden your comment" in message.body
    assert "Advertising is not allowed" in message.body
    assert (
        "Achetez mes médicaments"
        not in client.get(reverse("discussions_moderation")).content.decode()
    )


def test_hiding_needs_a_reason_and_approve_clears_the_flag(
    client, forum, member, teammate, facilitator, say
):
    from discussions.services import flag_comment

    comment = say(member, forum, "Limite")
    flag_comment(teammate, comment, "Ton agressif")
    client.force_login(facilitator)
    act = reverse("discussions_moderation_act", args=[comment.pk])
    client.post(act, {"action": "remove", "reason": ""})
    assert CommentDetails.objects.get(pk=comment.pk).status == "published"
    client.post(act, {"action": "approve"})
    assert not CommentFlag.objects.filter(resolved_at__isnull=True).exists()


def test_members_cannot_reach_the_queue(client, member):
    client.force_login(member)
    response = client.get(reverse("discussions_moderation"))
    assert response.status_code in (302, 403)


def test_sixth_comment_in_a_minute_is_refused_and_text_kept(
    client, forum, member, monkeypatch
):
    client.force_login(member)
    url = reverse("discussions:post", args=[forum.pk])
    for number in range(5):
        assert client.post(url, {"text": f"Message {number}"}).status_code == 302
    response = client.post(url, {"text": "Mon long texte à garder"})
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    html = response.content.decode()
    assert "Attendez une minute" in html
    assert "Mon long texte à garder" in html
    assert CommentDetails.objects.count() == 5
    client.get("/en/")
    response = client.post(url.replace("/fr/", "/en/"), {"text": "again"})
    assert response.status_code == 429
    assert "Wait a minute" in response.content.decode()


def test_the_queue_lists_only_comments_with_an_open_report_and_their_page(
    client, forum, member, teammate, facilitator, say
):
    from discussions.services import approve, flag_comment

    quiet = [say(member, forum, f"Commentaire tranquille {n}") for n in range(3)]
    reported = say(member, forum, "Commentaire signalé")
    settled = say(member, forum, "Signalé puis approuvé")
    flag_comment(teammate, reported, "Hors sujet")
    flag_comment(teammate, settled, "Doute")
    approve(facilitator, settled)
    client.force_login(facilitator)
    html = client.get(reverse("discussions_moderation")).content.decode()
    assert "Commentaire signalé" in html and "Hors sujet" in html
    assert "Signalé puis approuvé" not in html
    for comment in quiet:
        assert comment.comment not in html
    assert "Signalés (1)" in html
    assert f'href="{forum.url}#c{reported.pk}"' in html
    assert forum.title in html


def test_a_hidden_comment_is_restored_from_the_queue(
    client, forum, member, facilitator, say
):
    from discussions.services import hide

    comment = say(member, forum, "Chiffres de Banikoara")
    hide(facilitator, comment, "À vérifier")
    client.force_login(facilitator)
    listing = client.get(reverse("discussions_moderation") + "?show=hidden")
    html = listing.content.decode()
    assert "Chiffres de Banikoara" in html and "À vérifier" in html
    assert "Restaurer" in html
    response = client.post(
        reverse("discussions_moderation_act", args=[comment.pk]),
        {"action": "restore", "show": "hidden"},
    )
    assert response.status_code == 302
    assert response["Location"].endswith("?show=hidden")
    assert CommentDetails.objects.get(pk=comment.pk).status == "published"
    assert "Chiffres de Banikoara" in client.get(forum.url).content.decode()


def test_the_queue_shows_comment_html_through_the_allow_list(
    client, forum, member, teammate, facilitator, say
):
    from discussions.services import flag_comment

    comment = say(member, forum, "Texte")
    CommentDetails.objects.filter(pk=comment.pk).update(
        body_html='<p>Texte</p><script>alert(1)</script><img src=x onerror="alert(2)">'
    )
    flag_comment(teammate, comment, "Étrange")
    client.force_login(facilitator)
    html = client.get(reverse("discussions_moderation")).content.decode()
    assert "<p>Texte</p>" in html
    assert "alert(1)" not in html and "onerror" not in html
    assert "onerror" not in client.get(forum.url).content.decode()


def test_a_long_queue_is_paged_and_no_reported_comment_is_out_of_reach(
    client, forum, member, teammate, facilitator
):
    """105 reported comments: the queue showed the first 100 and no way to the rest, so
    the five least reported waited unseen. Now 50 a page, and page 3 holds the last."""
    from discussions.services import Draft, post_comment

    comments = [
        post_comment(
            member, forum, Draft(f"Signalé numéro {n:03d}", None), limit_rate=False
        )
        for n in range(105)
    ]
    CommentFlag.objects.bulk_create(
        CommentFlag(comment_id=comment.pk, user=teammate, reason="Hors sujet")
        for comment in comments
    )
    client.force_login(facilitator)
    pages = [
        client.get(reverse("discussions_moderation"), {"p": number})
        for number in (1, 2, 3)
    ]
    assert all(page.status_code == 200 for page in pages)
    html = [page.content.decode() for page in pages]
    assert "Signalés (105)" in html[0]
    shown = {n for n in range(105) for text in html if f"numéro {n:03d}" in text}
    assert shown == set(range(105))
    assert html[2].count("Signalé numéro") == 5
