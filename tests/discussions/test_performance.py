"""The thread costs the same number of SQL queries with 3 comments or 300."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def _fill(page, authors, count):
    from discussions.services import Draft, post_comment

    roots = []
    for number in range(count):
        author = authors[number % len(authors)]
        if number % 3 == 0 or not roots:
            roots.append(
                post_comment(
                    author, page, Draft(f"Fil {number}"), limit_rate=False, notify=False
                )
            )
        else:
            post_comment(
                author,
                page,
                Draft(f"Réponse {number}", roots[-1].pk),
                limit_rate=False,
                notify=False,
            )


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("viewer", ["anonymous", "member", "facilitator"])
def test_300_comments_cost_the_same_queries_as_3(
    client, forum, member, other_member, facilitator, home_page, viewer
):
    from discussions.factories import ForumPageFactory

    small = forum
    large = ForumPageFactory(parent=home_page, slug="grand-forum", title="Grand")
    _fill(small, [member, other_member], 3)
    _fill(large, [member, other_member], 300)
    if viewer != "anonymous":
        client.force_login({"member": member, "facilitator": facilitator}[viewer])
    _queries(client, small.url)  # warm caches (site root, content types, each
    _queries(client, large.url)  # page's shared pieces: portal/chrome.py)
    assert _queries(client, large.url) == _queries(client, small.url)


def test_thread_is_paged_beyond_the_first_screenful(client, forum, member, settings):
    settings.DISCUSSIONS_PAGE_SIZE = 5
    _fill(forum, [member], 18)  # 6 threads
    first = client.get(forum.url).content.decode()
    assert "Fil 15" in first and "Fil 0" not in first
    assert "p=2" in first
    second = client.get(forum.url + "?p=2").content.decode()
    assert "Fil 0" in second and "Fil 15" not in second
