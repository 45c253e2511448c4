"""The links of a discussion thread (sort, chart filter, pages, log in), built once
in Python for ``discussions/thread.html``, which only shows them.

Each link keeps the thread's sort and chart filter, as the reader chose them.
"""

from dataclasses import dataclass
from urllib.parse import quote

from django.urls import reverse

from discussions.selectors import Thread


@dataclass(frozen=True)
class ChartLink:
    """The comments on one chart: its label, how many, and whether shown now."""

    url: str
    label: str
    count: int
    current: bool


@dataclass(frozen=True)
class ThreadLinks:
    newest: str
    liked: str
    all_comments: str  # "" unless the thread is filtered to one chart
    newer: str  # "" on the first page
    more: str  # "" on the last page
    log_in: str
    charts: list[ChartLink]


def _query(sort: str, anchor: str = "", page_number: int | None = None) -> str:
    chart = f"&chart={anchor}" if anchor else ""
    page = f"&p={page_number}" if page_number is not None else ""
    return f"?sort={sort}{chart}{page}#discussion"


def thread_links(thread: Thread, path: str, counts: dict[str, int]) -> ThreadLinks:
    """``path``: the page's path (where the reader comes back after logging in);
    ``counts``: comments per chart anchor."""
    sort, anchor = thread.sort, thread.anchor
    return ThreadLinks(
        newest=_query("newest", anchor),
        liked=_query("liked", anchor),
        all_comments=_query(sort) if anchor else "",
        newer=_query(sort, anchor, thread.page_number - 1)
        if thread.page_number > 1
        else "",
        more=_query(sort, anchor, thread.page_number + 1) if thread.has_next else "",
        log_in=f"{reverse('login')}?next={quote(path, safe='/')}",
        charts=[
            ChartLink(_query(sort, chart), label, counts.get(chart, 0), chart == anchor)
            for chart, label in thread.anchors
        ],
    )
