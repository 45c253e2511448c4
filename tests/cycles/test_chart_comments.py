"""Issue 16: a comment anchored to a chart was shown only in the filtered thread,
~2,500 px below the chart. Under each chart now: its count, its two latest visible
comments (as the thread attributes them) and the link to its thread."""

import re

import pytest

from charts.anonymise import DisplayMode
from charts.services import refresh_page_charts
from cycles.translation import ensure_translation
from discussions.services import Draft, hide, post_comment
from tests.cycles.conftest import make_cycle
from tests.cycles.test_results import BY_CAUSE, PER_DISTRICT, answer, publish_results

pytestmark = pytest.mark.django_db


@pytest.fixture
def discussed(cycle_index, district, other_district, monkeypatch):
    monkeypatch.setattr("charts.figures.chromium_path", lambda: None)
    cycle = make_cycle(cycle_index, step=5, slug="discute", title="Cycle discuté")
    answer(cycle, district, 4)
    answer(cycle, other_district, 9)
    return cycle


def say(user, page, text, anchor="", parent=None):
    return post_comment(
        user,
        page,
        Draft(text, parent.pk if parent else None, anchor),
        limit_rate=False,
        notify=False,
    )


def under_chart(html: str, block_id: str) -> str:
    """The comments aside that follows the chart's figure."""
    match = re.search(
        rf'<figure class="chart" id="chart-{block_id}".*?</figure>'
        r'(?:(?!<figure).)*?(<aside class="chart-comments".*?</aside>)',
        html,
        re.S,
    )
    assert match, f"no comments under chart {block_id}"
    return match.group(1)


@pytest.mark.parametrize(
    ("language", "three", "one"),
    [("fr", "3 commentaires", "1 commentaire"), ("en", "3 comments", "1 comment")],
)
def test_under_each_chart_its_count_latest_comments_and_thread_link(
    client,
    discussed,
    home_page_en,
    member,
    other_member,
    facilitator,
    language,
    three,
    one,
):
    publish_results(discussed, [PER_DISTRICT, BY_CAUSE])
    page = discussed
    if language == "en":
        page = ensure_translation(discussed, "en")
        page.results = discussed.results
        page.save_revision().publish()
        refresh_page_charts(page)
    first = say(member, discussed, "Premier sur les ruptures", "c1")
    say(other_member, discussed, "Deuxième sur les ruptures", "c1")
    say(member, discussed, "Troisième, une réponse", "c1", parent=first)
    hidden = say(other_member, discussed, "Insulte cachée", "c1")
    hide(facilitator, hidden, "Hors sujet")
    say(member, discussed, "Sur les causes", "c2")
    say(member, discussed, "Sur tout le cycle")
    client.force_login(member)
    page.refresh_from_db()
    html = client.get(page.url).content.decode()
    stocks = under_chart(html, "c1")
    assert three in stocks  # the hidden comment is not counted
    assert "Troisième, une réponse" in stocks and "Deuxième sur" in stocks
    assert "Premier sur" not in stocks  # only the two latest
    assert "Insulte cachée" not in html
    assert f'href="{page.url}?chart=c1#discussion"' in stocks
    causes = under_chart(html, "c2")
    assert one in causes and "Sur les causes" in causes
    assert "Sur tout le cycle" not in stocks + causes


def test_under_a_pseudonymised_chart_comments_name_districts_by_pseudonym(
    client, discussed, member, other_member, other_district
):
    publish_results(discussed, [PER_DISTRICT], mode=DisplayMode.PSEUDONYMS)
    say(other_member, discussed, "Chez nous aussi", "c1")
    client.force_login(member)
    stocks = under_chart(client.get(discussed.url).content.decode(), "c1")
    assert "Chez nous aussi" in stocks
    assert other_district.name not in stocks and other_member.username not in stocks
    assert re.search(r"un membre du District [A-Z]|un membre de District [A-Z]", stocks)


def test_no_comments_under_charts_for_a_reader_who_may_not_read_the_discussion(
    client, discussed, member, facilitator
):
    """Results not yet published: the facilitator sees the charts and their
    comments, a member neither."""
    publish_results(discussed, [PER_DISTRICT], published=False)
    say(facilitator, discussed, "Note de préparation", "c1")
    client.force_login(facilitator)
    assert "Note de préparation" in under_chart(
        client.get(discussed.url).content.decode(), "c1"
    )
    client.force_login(member)
    html = client.get(discussed.url).content.decode()
    assert "Note de préparation" not in html
    assert 'class="chart-comments"' not in html


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("fr", "2 déc. 2026 à 21:52 (heure de Porto-Novo)"),
        ("en", "2 Dec. 2026 at 21:52 (Porto-Novo time)"),
    ],
)
def test_qa_comment_dates_under_a_chart_read_as_everywhere_else(
    client, discussed, home_page_en, member, language, shown
):
    """QA: under a chart "2 Déc 2026, 21:52" / "2 Dec 2026, 21:52" (no zone),
    while the thread says "2 déc. 2026 à 21:52 (heure de Porto-Novo)"."""
    import datetime as dt

    from django_comments_xtd.models import XtdComment

    publish_results(discussed, [PER_DISTRICT])
    page = discussed
    if language == "en":
        page = ensure_translation(discussed, "en")
        page.results = discussed.results
        page.save_revision().publish()
        refresh_page_charts(page)
        page.refresh_from_db()
    comment = say(member, discussed, "Une date lisible", "c1")
    XtdComment.objects.filter(pk=comment.pk).update(
        submit_date=dt.datetime(2026, 12, 2, 20, 52, tzinfo=dt.UTC)  # 21:52 in Benin
    )
    client.force_login(member)
    stocks = under_chart(client.get(page.url).content.decode(), "c1")
    assert f'<time datetime="2026-12-02T21:52:00+01:00">{shown}</time>' in stocks
    assert "Déc 2026" not in stocks and "Dec 2026," not in stocks
