"""Comments, follows and comment actions only on pages that show a discussion the
poster may read; anything else is a 404 that reveals no address."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import PageViewRestriction

from cycles.factories import CycleIndexPageFactory, CyclePageFactory
from discussions.factories import ForumPageFactory
from discussions.models import CommentDetails, CommentFlag, Follow
from districts.roles import Role

pytestmark = pytest.mark.django_db


def post_url(page):
    return reverse("discussions:post", args=[page.pk])


def follow_url(page):
    return reverse("discussions:follow", args=[page.pk])


def assert_refused(response, page):
    assert response.status_code == 404
    assert page.slug not in response.get("Location", "")
    assert page.slug not in response.content.decode()


@pytest.fixture
def draft_forum(home_page):
    forum = ForumPageFactory(parent=home_page, slug="forum-secret-en-preparation")
    forum.unpublish()
    return forum


def test_no_comment_on_an_unpublished_page(client, member, draft_forum):
    client.force_login(member)
    response = client.post(post_url(draft_forum), {"text": "Bonjour"})
    assert_refused(response, draft_forum)
    assert not CommentDetails.objects.exists()


def test_no_follow_of_an_unpublished_page(client, member, draft_forum):
    client.force_login(member)
    assert_refused(client.post(follow_url(draft_forum)), draft_forum)
    assert not Follow.objects.exists()


def test_no_comment_on_a_page_without_a_discussion(client, member, home_page):
    client.force_login(member)
    assert client.post(post_url(home_page), {"text": "Bonjour"}).status_code == 404
    assert client.post(follow_url(home_page)).status_code == 404
    assert not CommentDetails.objects.exists() and not Follow.objects.exists()


def test_no_comment_on_a_page_restricted_to_other_groups(
    client, member, facilitator, home_page
):
    forum = ForumPageFactory(parent=home_page, slug="forum-des-facilitateurs")
    restriction = PageViewRestriction.objects.create(
        page=forum, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name=Role.FACILITATOR))
    client.force_login(member)
    assert_refused(client.post(post_url(forum), {"text": "Bonjour"}), forum)
    client.force_login(facilitator)
    assert client.post(post_url(forum), {"text": "Bonjour"}).status_code == 302


def test_no_comment_before_a_cycle_shows_its_discussion(client, member, home_page):
    index = CycleIndexPageFactory(parent=home_page)
    cycle = CyclePageFactory(
        parent=index, step=4, slug="cycle-a-l-etape-4", results_published=True
    )
    client.force_login(member)
    assert_refused(client.post(post_url(cycle), {"text": "Bonjour"}), cycle)


def test_no_comment_on_a_cycle_whose_results_the_poster_may_not_see(
    client, member, home_page
):
    index = CycleIndexPageFactory(parent=home_page)
    cycle = CyclePageFactory(parent=index, step=5, slug="resultats-non-publies")
    client.force_login(member)
    assert_refused(client.post(post_url(cycle), {"text": "Bonjour"}), cycle)
    assert_refused(client.post(follow_url(cycle)), cycle)


def test_no_like_or_report_once_the_page_is_unpublished(
    client, member, teammate, home_page, say
):
    forum = ForumPageFactory(parent=home_page, slug="forum-retire")
    comment = say(member, forum, "Notre expérience")
    forum.unpublish()
    client.force_login(teammate)
    for action in ("like", "flag"):
        response = client.post(
            reverse(f"discussions:{action}", args=[comment.pk]), {"reason": "x"}
        )
        assert_refused(response, forum)
    assert not CommentFlag.objects.exists()


def test_a_published_page_still_takes_comments_and_follows(client, member, forum):
    client.force_login(member)
    assert client.post(post_url(forum), {"text": "Bonjour"}).status_code == 302
    assert client.post(follow_url(forum)).status_code == 302
