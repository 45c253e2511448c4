"""Country forums: everyone reads them, members post in their own country's and in
the shared one, and every forum is linked from the others and from cycle pages."""

import pytest
from django.urls import reverse

from cycles.factories import CycleIndexPageFactory, CyclePageFactory
from discussions.factories import ForumPageFactory
from discussions.models import CommentDetails

pytestmark = pytest.mark.django_db


@pytest.fixture
def forums(home_page, benin, guinea):
    return {
        "shared": ForumPageFactory(
            parent=home_page, title="Forum commun", slug="forum"
        ),
        "benin": ForumPageFactory(
            parent=home_page, title="Forum du Bénin", slug="forum-benin", country=benin
        ),
        "guinea": ForumPageFactory(
            parent=home_page,
            title="Forum de la Guinée",
            slug="forum-guinee",
            country=guinea,
        ),
    }


def post(client, forum, text):
    return client.post(reverse("discussions:post", args=[forum.pk]), {"text": text})


def test_members_post_in_their_countrys_forum_and_the_shared_one(
    client, forums, member
):
    client.force_login(member)  # a team of Banikoara, Bénin
    assert post(client, forums["benin"], "Chez nous").status_code == 302
    assert post(client, forums["shared"], "Pour tous").status_code == 302
    assert post(client, forums["guinea"], "Chez les voisins").status_code == 403
    assert CommentDetails.objects.filter(page=forums["guinea"]).count() == 0
    html = client.get(forums["guinea"].url).content.decode()
    assert 'name="text"' not in html
    # "Seuls les équipes" (issue 16): the adjective agrees with the nearest noun.
    assert "Seuls les facilitateurs et les équipes de district du pays Guinée" in html
    assert "Seuls les équipes" not in html


def test_everyone_reads_every_forum(client, forums, other_member, say):
    say(other_member, forums["guinea"], "Nos agents communautaires à Boké")
    assert "Nos agents communautaires" in client.get(forums["guinea"].url).text


def test_facilitators_post_in_every_forum(client, forums, facilitator):
    client.force_login(facilitator)
    for forum in forums.values():
        assert post(client, forum, "Bienvenue").status_code == 302


def test_every_forum_is_linked_from_the_forums_and_the_cycle_pages(
    client, forums, member, home_page
):
    index = CycleIndexPageFactory(parent=home_page)
    cycle = CyclePageFactory(
        parent=index, step=5, slug="cycle-en-discussion", results_published=True
    )
    client.force_login(member)
    for page in (forums["shared"], forums["guinea"], cycle):
        html = client.get(page.url).content.decode()
        nav = html[html.index('class="forum-links"') :]
        nav = nav[: nav.index("</nav>")]
        for forum in forums.values():
            assert f'href="{forum.url}"' in nav
        # shared first, then the reader's country's, each marked as open to them
        assert nav.index("Forum commun") < nav.index("Forum du Bénin")
        assert nav.index("Forum du Bénin") < nav.index("Forum de la Guinée")
        assert nav.count("(vous pouvez y écrire)") == 2
