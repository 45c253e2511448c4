"""Issue #20: the cycle page keeps its costly pieces (each chart, each comment with its
forms, the team's commitments form) as HTML in the cache (portal/fragments.py). A kept
piece never carries a reader's CSRF token nor another district's view, and whatever
changes (a comment posted, a comment hidden, commitments saved, a chart re-drawn) is
on the page at the next request."""

import re

import pytest
from django.core.cache import cache, caches
from django.test import Client, RequestFactory

from charts.services import refresh_page_charts
from cycles.models import CyclePage, SurveyResponse
from discussions.services import (
    Draft,
    follow,
    hide,
    post_comment,
    toggle_like,
    unfollow,
)
from districts.factories import DistrictFactory, HdmtMemberFactory
from districts.models import District
from followup.services import save_commitments
from portal import fragments, localcopy
from tests.cycles.conftest import make_cycle
from tests.cycles.test_results import PER_DISTRICT, answer, publish_results

pytestmark = pytest.mark.django_db

MINE = re.compile(r"<tr class=\"chart__mine\"[^>]*><th scope=\"row\">\s*([^<]+?)\s*<")
TYPED = re.compile(r">\s*Supervision</textarea>")
TOKENS = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    caches[localcopy.ALIAS].clear()


@pytest.fixture
def discussed(cycle_index, district, other_district, monkeypatch):
    monkeypatch.setattr("charts.figures.chromium_path", lambda: None)
    cycle = make_cycle(cycle_index, step=5, slug="fragments", title="Cycle en cache")
    answer(cycle, district, 4)
    answer(cycle, other_district, 9)
    answer(cycle, DistrictFactory(country=district.country, name="Kandi"), 2)
    publish_results(cycle, [PER_DISTRICT])
    return cycle


def say(user, page, text, anchor=""):
    return post_comment(
        user, page, Draft(text, None, anchor), limit_rate=False, notify=False
    )


def read(user, page) -> tuple[str, Client]:
    client = Client(enforce_csrf_checks=True)
    if user is not None:
        client.force_login(user)
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode(), client


class _Recording:
    """The shared cache as portal/localcopy.py sees it, noting every fragment it
    stores (any backend: local memory on SQLite runs, Redis on PostgreSQL ones)."""

    def __init__(self, inner):
        self.inner, self.kept, self.read = inner, {}, []

    def get(self, key, *args, **kwargs):
        self.read.append(key)
        return self.inner.get(key, *args, **kwargs)

    def set(self, key, value, *args, **kwargs):
        self.kept[key] = value
        return self.inner.set(key, value, *args, **kwargs)


_recording: _Recording | None = None


@pytest.fixture(autouse=True)
def _record_fragments(monkeypatch):
    global _recording  # noqa: PLW0603 - one recorder per test
    _recording = _Recording(localcopy.cache)
    monkeypatch.setattr(localcopy, "cache", _recording)


def kept_html() -> list[str]:
    """Every fragment stored during this test that the cache still holds."""
    return [
        stored[0]
        for key in _recording.kept
        if key.startswith("fragment:")
        and isinstance(stored := _recording.inner.get(key), tuple)
    ]


def test_each_reader_gets_their_own_view_and_token(
    discussed, member, teammate, other_member, district, other_district
):
    neighbour = HdmtMemberFactory(
        username="member-kandi",
        district=District.objects.get(name="Kandi"),
    )
    say(member, discussed, "Les ruptures baissent", "c1")
    save_commitments(discussed, district, member, {"c1_what": "Supervision"}, 0)
    for _round in range(2):  # the second round is served from the cache
        mine, mine_client = read(member, discussed)
        theirs, _client = read(other_member, discussed)
        # Kandi: the same country and time zone as Banikoara, another district.
        kandi, _client = read(neighbour, discussed)
        assert MINE.findall(kandi) == ["Kandi"]
        anonymous, _client = read(None, discussed)
        assert MINE.findall(mine) == [district.name]
        assert MINE.findall(theirs) == [other_district.name]
        assert MINE.findall(anonymous) == []
        assert TYPED.search(mine)  # the team's own form
        assert 'id="followup-form"' in theirs  # Boké's own, empty
        assert not TYPED.search(theirs)
        assert 'id="followup-form"' not in anonymous
        assert "csrfmiddlewaretoken" not in anonymous
        assert fragments.PLACEHOLDER not in mine + theirs + anonymous
        # The comment's forms (kept) carry the reader's own token, which works.
        like, token = re.search(
            r'action="(/[^"]*/like/)"><input type="hidden" ' + TOKENS.pattern, mine
        ).groups()
        posted = mine_client.post(
            like, {"csrfmiddlewaretoken": token, "next": discussed.url}
        )
        assert posted.status_code == 302
    teammates, _client = read(teammate, discussed)
    assert set(TOKENS.findall(teammates)).isdisjoint(TOKENS.findall(mine))
    kept = kept_html()
    assert kept, "nothing was kept: the page renders everything each time"
    for html in kept:
        assert "csrfmiddlewaretoken" not in html or fragments.PLACEHOLDER in html
        assert not TOKENS.findall(html.replace(fragments.PLACEHOLDER, ""))


def test_a_new_comment_and_a_hidden_one_show_at_the_next_request(
    discussed, member, other_member, facilitator
):
    first = say(other_member, discussed, "Premier avis", "c1")
    html, _client = read(member, discussed)
    assert "Premier avis" in html
    # Read again, every piece comes from this worker's own copies
    # (portal/localcopy.py), none from the shared cache.
    _recording.read.clear()
    assert "Premier avis" in read(member, discussed)[0]
    assert not [k for k in _recording.read if k.startswith(("fragment:", "chrome:"))]
    say(other_member, discussed, "Deuxième avis", "c1")
    html, _client = read(member, discussed)
    assert "Deuxième avis" in html
    hide(facilitator, first, "Hors sujet")
    html, _client = read(member, discussed)
    assert "Premier avis" not in html
    assert "Deuxième avis" in html


def test_saved_commitments_show_at_the_next_request(discussed, member, district):
    html, _client = read(member, discussed)
    assert 'name="version" value="0"' in html
    save_commitments(discussed, district, member, {"c1_what": "Réunions"}, 0)
    html, _client = read(member, discussed)
    assert 'name="version" value="1"' in html
    assert "Réunions" in html


def test_a_redrawn_chart_shows_at_the_next_request(discussed, member, district):
    html, _client = read(member, discussed)
    assert "<td>27</td>" not in html.split('id="chart-c1"')[1].split("</figure>")[0]
    response = SurveyResponse.objects.get(cycle=discussed, district=district)
    response.answers = {**response.answers, "stock_outs": 27}  # was 4
    response.save()
    refresh_page_charts(discussed)
    html, _client = read(member, discussed)
    chart = html.split('id="chart-c1"')[1].split("</figure>")[0]
    assert "<td>27</td>" in chart


LIKED = re.compile(r'aria-pressed="true"')
EDIT = re.compile(r'action="/[^"]*/edit/"')
UNFOLLOW = 'name="action" value="unfollow"'


def test_a_teammate_never_gets_the_likes_edit_form_or_follow_kept_for_the_reader(
    discussed, member, teammate, other_member
):
    """The whole thread section is one kept fragment (discussions_tags): the
    teammate has the member's roles and district, so only the member's own part of
    the key (likes, follow, comments still editable) tells their views apart."""
    theirs = say(other_member, discussed, "Un avis de Boké", "c1")
    say(member, discussed, "Mon propre avis")  # its author follows the thread
    toggle_like(member, theirs)
    for _round in range(2):  # the second round is served from the cache
        mine, _client = read(member, discussed)
        assert len(LIKED.findall(mine)) == 1
        assert len(EDIT.findall(mine)) == 1  # their own comment, just posted
        assert UNFOLLOW in mine
        teammates, _client = read(teammate, discussed)
        assert LIKED.findall(teammates) == []
        assert EDIT.findall(teammates) == []
        assert UNFOLLOW not in teammates
        assert "Mon propre avis" in teammates


def test_follow_unfollow_and_the_end_of_the_edit_window_show_at_the_next_request(
    discussed, member, settings
):
    say(member, discussed, "Mon propre avis")  # its author follows the thread
    html, _client = read(member, discussed)
    assert UNFOLLOW in html
    assert len(EDIT.findall(html)) == 1
    unfollow(member, discussed)
    assert UNFOLLOW not in read(member, discussed)[0]
    follow(member, discussed)
    assert UNFOLLOW in read(member, discussed)[0]
    # Nothing on the site changed, only the clock: the window has closed.
    settings.DISCUSSIONS_EDIT_WINDOW_MINUTES = 0
    assert EDIT.findall(read(member, discussed)[0]) == []


def test_a_facilitators_view_of_the_authors_never_reaches_a_member(
    discussed, member, other_member, facilitator
):
    """Facilitators see who wrote what (the results' comments and the thread are
    each kept whole): a member read after them sees the thread's attribution."""
    other_member.first_name, other_member.last_name = "Aïssatou", "Camara"
    other_member.save()
    say(other_member, discussed, "Les ruptures baissent à Boké", "c1")
    for _round in range(2):
        facilitators, _client = read(facilitator, discussed)
        assert facilitators.count("Aïssatou Camara") == 2  # under the chart, thread
        members, _client = read(member, discussed)
        assert "Les ruptures baissent à Boké" in members
        assert "Aïssatou" not in members


def test_a_question_relabelled_without_a_page_save_shows_at_the_next_request(
    discussed, member
):
    """The questionnaire a page shows is kept in the site's cache; any save of a
    question renews it, whoever saves it and however (cycles/signals.py)."""
    question = discussed.questions.first()
    assert question.label in read(member, discussed)[0]
    question.label = "Ruptures de stock relevées ce trimestre"
    question.save()
    assert "Ruptures de stock relevées ce trimestre" in read(member, discussed)[0]


NONCES = re.compile(r'nonce="[^"]+"')
FORM_TOKENS = re.compile(r'name="(csrfmiddlewaretoken|submission_token)" value="[^"]+"')


def _without_per_request_values(html: str) -> str:
    return FORM_TOKENS.sub(r'name="\1"', NONCES.sub("nonce", html))


def test_every_reader_gets_from_the_cache_the_page_rendered_without_it(
    discussed, member, teammate, other_member, facilitator, policymaker, settings
):
    """Each reader in turn, with every cache on (first reading: a miss; second: the
    fragments another reader left) and then off: the same page, nonces and form
    tokens aside. A key that misses something a reader's view depends on shows here
    as one reader getting another's."""
    # Banikoara's three members differ only by what is theirs: the first liked a
    # comment, the second wrote one (and so follows the thread), the third neither.
    third = HdmtMemberFactory(username="member-a3", district=member.membership.district)
    theirs = say(other_member, discussed, "Un avis de Boké", "c1")
    toggle_like(member, theirs)
    say(teammate, discussed, "Mon propre avis")
    readers = [None, member, teammate, third, other_member, facilitator, policymaker]
    addresses = ["", "?sort=liked", "?chart=c1"]
    pages = {}
    for cached in (True, True, False):
        settings.CHROME_CACHE = settings.FRAGMENT_CACHE = cached
        for reader in readers:
            for address in addresses:
                client = Client()
                if reader is not None:
                    client.force_login(reader)
                response = client.get(discussed.url + address)
                assert response.status_code == 200
                html = _without_per_request_values(response.content.decode())
                pages.setdefault((reader, address), []).append(html)
    for (reader, address), (miss, hit, uncached) in pages.items():
        who = reader.username if reader else "anonymous"
        assert miss == uncached, f"{who} {address}: first reading"
        assert hit == uncached, f"{who} {address}: from the cache"


def test_a_facilitators_preview_of_a_draft_never_reaches_the_live_page(
    discussed, member, facilitator
):
    """A preview renders the unpublished draft (Wagtail's make_preview_request, as
    the editor's preview panel does): nothing it renders may be kept under the live
    page's keys, where the next member would read the draft's questionnaire."""
    live_label = discussed.questions.first().label
    draft = CyclePage.objects.get(pk=discussed.pk)
    questions = list(draft.questions.all())
    questions[0].label = "Question du brouillon, non publiée"
    draft.questions = questions
    client = Client()
    client.force_login(facilitator)
    admin_request = RequestFactory().get(
        "/admin/", HTTP_COOKIE=f"sessionid={client.cookies['sessionid'].value}"
    )
    preview = draft.make_preview_request(admin_request, draft.default_preview_mode)
    assert preview.status_code == 200
    assert "Cycle en cache" in preview.content.decode()
    members = read(member, discussed)[0]
    assert "Question du brouillon, non publiée" not in members
    assert live_label in members
