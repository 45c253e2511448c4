"""Comments under each chart of a page: counts and the latest, one query for all."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber
from django_comments_xtd.models import XtdComment

from discussions.models import (
    CommentDetails,
    CommentStatus,
)
from discussions.pages import protocol, thread_page_id
from discussions.selectors.attribution import attributor_for, lang_attribute
from portal import chrome


@dataclass(frozen=True)
class ChartComment:
    pk: int
    author: str
    district: str
    submitted: datetime
    body_html: str
    url: str
    lang: str = ""  # its language when not the page's (lang_attribute)


@dataclass(frozen=True)
class ChartComments:
    """What is shown under one chart: how many comments its thread has, the
    latest ones and where its thread is."""

    anchor: str
    count: int
    latest: list[ChartComment]
    thread_url: str


LATEST_UNDER_A_CHART = 2
_ANCHORED_KEY = "_discussion_anchored_comments"


def _anchored_comments(page) -> dict[str, tuple[int, list]]:
    """Anchor → (published comments, the latest of them), for every chart of the
    page in one query (a window per anchor); read once per page object."""
    page_id = thread_page_id(page)
    memo = page.__dict__.setdefault(_ANCHORED_KEY, {})
    if page_id not in memo:
        # Every reader's: published comments only; kept in the site's cache, which
        # every comment posted, edited or moderated renews (discussions/services.py).
        memo[page_id] = chrome.cached(
            None, "chart-comments", lambda: _read_anchored(page_id), page_id
        )
    return memo[page_id]


def _read_anchored(page_id) -> dict[str, tuple[int, list]]:
    by_anchor = F("details__anchor")
    rows = (
        XtdComment.objects.filter(
            object_pk=str(page_id), details__status=CommentStatus.PUBLISHED
        )
        .exclude(details__anchor="")
        .annotate(
            position=Window(
                RowNumber(),
                partition_by=[by_anchor],
                order_by=[F("submit_date").desc(), F("pk").desc()],
            ),
            anchor_total=Window(Count("pk"), partition_by=[by_anchor]),
        )
        .filter(position__lte=LATEST_UNDER_A_CHART)
        .select_related("user", "details__district__country")
        .order_by("details__anchor", "position")
    )
    found: dict[str, tuple[int, list]] = {}
    for row in rows:
        total, latest = found.setdefault(row.details.anchor, (row.anchor_total, []))
        latest.append(row)
    return found


def chart_comments(page, user) -> dict[str, ChartComments]:
    """Per chart of ``page`` (by block id): its comment count, its latest comments
    as ``user`` may see them (published only, the thread's attribution and
    pseudonyms) and the link to its thread; nothing when the page shows no
    discussion or ``user`` may not read it. One query for all charts."""
    target = protocol(page)
    if not (target.shows_discussion and target.discussion_visible_to(user)):
        return {}
    anchored = _anchored_comments(page)
    attributor = attributor_for(target, user) if anchored else None
    base = page.url or ""
    shown = {}
    for anchor, _label in target.discussion_anchors():
        count, rows = anchored.get(anchor, (0, []))
        thread_url = f"{base}?chart={anchor}#discussion"
        shown[anchor] = ChartComments(
            anchor=anchor,
            count=count,
            latest=[
                ChartComment(
                    pk=row.pk,
                    author=attributor.author(row),
                    district=attributor.district(row),
                    submitted=row.submit_date,
                    body_html=row.details.body_html,
                    url=f"{base}?chart={anchor}#c{row.pk}",
                    lang=lang_attribute(row.details.language),
                )
                for row in rows
            ],
            thread_url=thread_url,
        )
    return shown


def anchor_counts(page) -> dict[str, int]:
    """Published comments per chart anchor, in one query (none when the charts'
    comments were already read for this page object)."""
    memo = page.__dict__.get(_ANCHORED_KEY, {})
    if thread_page_id(page) in memo:
        return {
            anchor: count
            for anchor, (count, _rows) in memo[thread_page_id(page)].items()
        }
    rows = (
        CommentDetails.objects.filter(
            page_id=thread_page_id(page), status=CommentStatus.PUBLISHED
        )
        .exclude(anchor="")
        .values("anchor")
        .annotate(count=Count("pk"))
    )
    return {row["anchor"]: row["count"] for row in rows}
