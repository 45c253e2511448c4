"""Who can post when, threading and ordering, attribution, chart anchoring."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from discussions.models import CommentDetails, Follow

pytestmark = pytest.mark.django_db


def post_url(page):
    return reverse("discussions:post", args=[page.pk])


def test_member_posts_and_sees_comment_with_role_and_district(client, forum, member):
    client.force_login(member)
    response = client.post(
        post_url(forum),
        {"text": "Bonjour **tous**", "topic": "Ruptures", "next": forum.url},
    )
    assert response.status_code == 302
    html = client.get(forum.url).content.decode()
    assert "<strong>tous</strong>" in html
    assert "Banikoara" in html and "Membre d&#x27;ECZ/ECD" in html
    assert Follow.objects.filter(user=member).exists()


def test_anonymous_cannot_post_and_is_invited_to_log_in(client, forum):
    response = client.post(post_url(forum), {"text": "hello"})
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert "Connectez-vous" in client.get(forum.url).content.decode()
    assert not CommentDetails.objects.exists()


def test_policymaker_posts_only_where_the_page_allows(client, forum, policymaker):
    client.force_login(policymaker)
    assert client.post(post_url(forum), {"text": "avis"}).status_code == 403
    forum.allow_policymakers = True
    forum.save()
    assert client.post(post_url(forum), {"text": "avis"}).status_code == 302
    assert CommentDetails.objects.count() == 1


def test_closed_discussion_is_read_only(client, forum, member, say):
    say(member, forum, "Avant la fermeture")
    forum.is_open = False
    forum.save()
    client.force_login(member)
    assert client.post(post_url(forum), {"text": "trop tard"}).status_code == 403
    html = client.get(forum.url).content.decode()
    assert "Avant la fermeture" in html
    assert "discussion est close" in html
    assert 'name="text"' not in html


def test_facilitator_can_always_post(forum, facilitator, say):
    assert say(facilitator, forum, "Bienvenue").pk


def test_threads_nest_three_levels_and_deeper_answers_stay_at_level_three(
    forum, member, other_member, say
):
    root = say(member, forum, "Niveau 1")
    reply = say(other_member, forum, "Niveau 2", parent=root)
    third = say(member, forum, "Niveau 3", parent=reply)
    fourth = say(other_member, forum, "Encore", parent=third)
    assert (root.level, reply.level, third.level, fourth.level) == (0, 1, 2, 2)
    assert fourth.parent_id == reply.pk


def test_newest_threads_first_or_most_liked_first(client, forum, member, teammate, say):
    from discussions.services import toggle_like

    old = say(member, forum, "Premier fil")
    say(member, forum, "Second fil")
    toggle_like(teammate, old)
    html = client.get(forum.url).content.decode()
    assert html.index("Second fil") < html.index("Premier fil")
    html = client.get(forum.url + "?sort=liked").content.decode()
    assert html.index("Premier fil") < html.index("Second fil")


def test_replies_render_nested_under_their_parent(
    client, forum, member, other_member, say
):
    root = say(member, forum, "Question")
    reply = say(other_member, forum, "Réponse", parent=root)
    html = client.get(forum.url).content.decode()
    start = html.index(f'id="c{root.pk}"')
    nested = html.index('class="comments comments--replies"', start)
    assert start < nested < html.index(f'id="c{reply.pk}"')


def test_author_edits_and_deletes_within_fifteen_minutes(client, forum, member, say):
    comment = say(member, forum, "Brouillon")
    client.force_login(member)
    client.post(reverse("discussions:edit", args=[comment.pk]), {"text": "Corrigé"})
    assert "Corrigé" in client.get(forum.url).content.decode()
    type(comment).objects.filter(pk=comment.pk).update(
        submit_date=timezone.now() - timedelta(minutes=16)
    )
    response = client.post(reverse("discussions:delete", args=[comment.pk]))
    assert response.status_code == 403


def test_others_cannot_edit(client, forum, member, teammate, say):
    comment = say(member, forum, "À moi")
    client.force_login(teammate)
    response = client.post(
        reverse("discussions:edit", args=[comment.pk]), {"text": "x"}
    )
    assert response.status_code == 403


class AnonymousForum:
    pass


@pytest.fixture
def unattributed(forum):
    forum.__class__.discussion_attribution = "district"
    yield forum
    del forum.__class__.discussion_attribution


def test_non_attributed_mode_hides_names_but_not_from_facilitators(
    client, unattributed, member, other_member, facilitator, say
):
    member.first_name, member.last_name = "Adjoa", "Zinsou"
    member.save()
    say(member, unattributed, "Sans nom")
    client.force_login(other_member)
    html = client.get(unattributed.url).content.decode()
    assert "un membre de Banikoara" in html
    assert "Zinsou" not in html and "member-a" not in html and "Adjoa" not in html
    client.force_login(facilitator)
    assert "Adjoa Zinsou" in client.get(unattributed.url).content.decode()


def test_country_mode_shows_only_the_country(client, forum, member, other_member, say):
    forum.__class__.discussion_attribution = "country"
    try:
        say(member, forum, "Pays seulement")
        client.force_login(other_member)
        html = client.get(forum.url).content.decode()
    finally:
        del forum.__class__.discussion_attribution
    assert "Bénin" in html
    assert "Banikoara" not in html and "member-a" not in html


@pytest.fixture
def charted(forum):
    cls = forum.__class__
    cls.discussion_anchors = lambda self: [("chart-1", "Stocks"), ("chart-2", "Staff")]
    yield forum
    del cls.discussion_anchors


def test_comments_anchor_to_a_chart_count_and_filter(client, charted, member, say):
    from django.template import Context, Template
    from django.test import RequestFactory

    say(member, charted, "Sur les stocks", anchor="chart-1")
    say(member, charted, "Sur le tout")
    say(member, charted, "Ancre inconnue", anchor="chart-9")
    request = RequestFactory().get(charted.url)
    request.user = member
    under_chart = Template(
        "{% load discussions_tags %}{% chart_comments page 'chart-1' %}"
    ).render(Context({"page": charted, "request": request}))
    assert "1 commentaire" in under_chart
    assert "?chart=chart-1#discussion" in under_chart
    html = client.get(charted.url + "?chart=chart-1").content.decode()
    assert "Sur les stocks" in html and "Sur le tout" not in html
    assert "Stocks (1)</a>" in html and "Staff (0)</a>" in html  # per-chart filters
    assert CommentDetails.objects.filter(anchor="chart-9").count() == 0


def test_english_page_shares_the_french_thread(
    client, forum, home_page_en, locales, member, say
):
    english = forum.copy_for_translation(locales["en"])
    english.save_revision().publish()
    say(member, english, "Shared thread")
    assert "Shared thread" in client.get(forum.url).content.decode()


def test_service_refuses_anonymous(forum, say):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        say(AnonymousUser(), forum, "x")
