"""One screenful of a thread, built with a fixed number of queries."""

import hashlib
from dataclasses import dataclass, field, fields, replace
from datetime import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language
from django_comments.models import CommentFlag as XtdFlag
from django_comments_xtd.models import LIKEDIT_FLAG, XtdComment

from discussions import translation
from discussions.models import (
    CommentStatus,
    Follow,
)
from discussions.pages import protocol, thread_page_id
from discussions.permissions import can_change, can_post
from discussions.selectors.attribution import attributor_for, lang_attribute, role_label
from discussions.selectors.forums import forum_country_name
from districts.roles import viewer_key
from portal import chrome

CACHED_PAGES = 20
SORTS = {"newest": "-submit_date", "liked": "-details__like_count"}


@dataclass
class CommentView:
    pk: int
    level: int
    author: str
    role: str
    district: str
    submitted: datetime
    body_html: str
    status: str
    anchor: str
    anchor_label: str
    topic: str
    likes: int
    liked: bool
    edited: bool
    can_change: bool
    can_reply: bool
    own_text: str = ""  # the author's typed text, for their edit form only
    lang: str = ""  # its language when not the page's (lang_attribute)
    can_translate: bool = False  # signed in, other language, translator configured
    replies: list["CommentView"] = field(default_factory=list)

    @property
    def visible(self) -> bool:
        return self.status == CommentStatus.PUBLISHED

    def parts(self) -> tuple:
        """Every value the comment's HTML shows, its replies' too (a fragment's key):
        ``asdict`` without its deep copies."""
        return tuple(
            [reply.parts() for reply in self.replies]
            if name == "replies"
            else getattr(self, name)
            for name in _VIEW_FIELDS
        )


_VIEW_FIELDS = tuple(f.name for f in fields(CommentView))


@dataclass
class Thread:
    page_id: int
    comments: list[CommentView]
    total_threads: int
    page_number: int
    has_next: bool
    sort: str
    anchor: str
    anchors: list[tuple[str, str]]
    can_post: bool
    is_open: bool
    following: bool
    attribution: str
    is_forum: bool
    visible: bool = True
    country: str = ""  # a country's forum: where members of other countries only read


def readable_comment(user, comment, target) -> bool:
    """A comment may be shown to ``user``: published, on a page they may read."""
    return (
        comment.details.status == CommentStatus.PUBLISHED
        and target.discussion_visible_to(user)
    )


def reader_thread(page, request) -> Thread:
    """``thread_for`` this request's reader. An anonymous reader's is the same for
    every anonymous reader of the language, so it is kept in the site's cache (a
    comment posted, edited, liked or moderated purges the page cache, whose
    generation the key carries; so does the page's publication), keyed by what of
    the query string it reads; only whether the discussion is still open, which may
    change with the clock, is worked out again. Signed-in readers see their own
    likes, follows and edit links: theirs is built each time, over the screenful's
    rows from the cache."""
    user, params = request.user, request.GET
    if user.is_authenticated:
        return thread_for(page, user, params, request)
    sort = params.get("sort") if params.get("sort") in SORTS else "newest"
    thread = chrome.cached(
        request,
        "anonymous-thread",
        lambda: thread_for(page, user, params, request),
        page.pk,
        sort,
        params.get("chart", ""),
        _page_number(params),
        settings.DISCUSSIONS_PAGE_SIZE,
        get_language(),
    )
    if not thread.visible:
        return thread
    return replace(
        thread, is_open=bool(protocol(page).discussion_is_open(timezone.now()))
    )


def _page_number(params) -> int:
    try:
        return max(1, int(params.get("p", 1)))
    except (TypeError, ValueError):
        return 1


def _screenful(request, page_id: int, anchor: str, sort: str, page_number: int):
    """The thread's count of top-level comments, the ids of this screenful's and
    their rows with replies: the same for every reader (what each may do with them
    is worked out after), so kept in the site's cache until a comment changes."""

    def compute():
        roots = XtdComment.objects.filter(object_pk=str(page_id), level=0)
        if anchor:
            roots = roots.filter(details__anchor=anchor)
        total = roots.count()
        root_ids = list(
            roots.order_by(SORTS[sort], "-pk").values_list("pk", flat=True)[
                (page_number - 1) * size : page_number * size
            ]
        )
        rows = list(
            XtdComment.objects.filter(thread_id__in=root_ids)
            .select_related("user", "details__district__country")
            .defer("user__password")  # the rows are kept in the site's cache
            .order_by("thread_id", "order")
        )
        return total, root_ids, rows

    size = settings.DISCUSSIONS_PAGE_SIZE
    if page_number > CACHED_PAGES:  # never one entry per number a reader types
        return compute()
    return chrome.cached(
        request, "thread-rows", compute, page_id, anchor, sort, page_number, size
    )


def _screenful_index(request, page_id: int, anchor: str, sort: str, page_number: int):
    """Of the screenful's rows, what decides the reader's own part of them: each
    row's id, author, time and status (a few bytes kept beside the rows, read
    without them)."""

    def compute():
        _total, _root_ids, rows = _screenful(
            request, page_id, anchor, sort, page_number
        )
        return [
            (row.pk, row.user_id, row.submit_date, row.details.status) for row in rows
        ]

    return chrome.cached(
        request,
        "thread-index",
        compute,
        page_id,
        anchor,
        sort,
        page_number,
        settings.DISCUSSIONS_PAGE_SIZE,
    )


@dataclass(frozen=True)
class _Row:
    """What ``can_change`` reads of a comment."""

    user_id: int | None
    submit_date: datetime


def _editable(user, comment, status: str, is_open: bool, now) -> bool:
    """The reader may still edit or delete ``comment`` (``thread_for`` shows the
    forms, ``thread_key`` keys them)."""
    return (
        is_open and status == CommentStatus.PUBLISHED and can_change(user, comment, now)
    )


def thread_key(page, request) -> tuple | None:
    """Everything the thread section shows that is not the site's own state (which
    ``chrome.site_version`` names): the page, the query string's sort, chart and
    screenful, what the reader's roles and district let them see and do
    (``viewer_key``), whether the thread is open now, and the reader's own part —
    whether they follow it, which comments of the screenful they liked and which
    they may still edit (for a few minutes). None where the section is not kept:
    no shared version, a screenful past the first ``CACHED_PAGES``."""
    version = chrome.site_version(request)
    page_number = _page_number(request.GET)
    if version is None or page_number > CACHED_PAGES:
        return None
    user, params = request.user, request.GET
    target = protocol(page)
    page_id = thread_page_id(page)
    sort = params.get("sort") if params.get("sort") in SORTS else "newest"
    visible = target.discussion_visible_to(user)
    anchors = dict(target.discussion_anchors()) if visible else {}
    anchor = params.get("chart") if params.get("chart") in anchors else ""
    now = timezone.now()
    is_open = bool(target.discussion_is_open(now))
    liked, changeable, following = (), (), False
    if visible and user.is_authenticated:
        index = _screenful_index(request, page_id, anchor, sort, page_number)
        ids = [pk for pk, _user_id, _submitted, _status in index]
        liked = tuple(sorted(_liked_by(user, ids))) if ids else ()
        changeable = tuple(
            pk
            for pk, user_id, submitted, status in index
            if _editable(user, _Row(user_id, submitted), status, is_open, now)
        )
        following = Follow.objects.filter(user=user, page_id=page_id).exists()
    return (
        version,
        page.pk,
        page_id,
        sort,
        anchor,
        page_number,
        settings.DISCUSSIONS_PAGE_SIZE,
        viewer_key(user),
        visible,
        is_open,
        bool(user.is_authenticated and translation.available()),
        following,
        liked,
        changeable,
    )


def thread_for(page, user, params, request=None) -> Thread:
    target = protocol(page)
    page_id = thread_page_id(page)
    if not target.discussion_visible_to(user):
        return _hidden_thread(page, target, page_id)
    sort = params.get("sort") if params.get("sort") in SORTS else "newest"
    anchors = list(target.discussion_anchors())
    anchor_labels = dict(anchors)
    anchor = params.get("chart") if params.get("chart") in anchor_labels else ""
    page_number = _page_number(params)
    size = settings.DISCUSSIONS_PAGE_SIZE
    total, root_ids, rows = _screenful(request, page_id, anchor, sort, page_number)
    liked = set()
    if user.is_authenticated and rows:
        liked = _liked_by(user, [row.pk for row in rows])
    attributor = attributor_for(target, user)
    attribution = target.discussion_attribution
    user_can_post = can_post(user, target)
    now = timezone.now()
    is_open = bool(target.discussion_is_open(now))
    translatable = bool(rows) and user.is_authenticated and translation.available()
    views: dict[int, CommentView] = {}
    for row in rows:
        details = row.details
        views[row.pk] = CommentView(
            pk=row.pk,
            level=row.level,
            author=attributor.author(row),
            role=role_label(details.role),
            district=attributor.district(row),
            submitted=row.submit_date,
            body_html=details.body_html,
            status=details.status,
            anchor=details.anchor,
            anchor_label=anchor_labels.get(details.anchor, ""),
            topic=details.topic,
            likes=details.like_count,
            liked=row.pk in liked,
            edited=details.edited_at is not None,
            can_change=_editable(user, row, details.status, is_open, now),
            can_reply=user_can_post and row.level < 2,
            lang=lang_attribute(details.language),
        )
        views[row.pk].can_translate = translatable and bool(views[row.pk].lang)
        if views[row.pk].can_change:
            views[row.pk].own_text = row.comment
    top = []
    for row in rows:
        view = views[row.pk]
        if row.level == 0:
            top.append(view)
        elif row.parent_id in views:
            views[row.parent_id].replies.append(view)
    order = {pk: index for index, pk in enumerate(root_ids)}
    top.sort(key=lambda view: order.get(view.pk, 0))
    following = (
        user.is_authenticated
        and Follow.objects.filter(user=user, page_id=page_id).exists()
    )
    return Thread(
        page_id=page_id,
        comments=top,
        total_threads=total,
        page_number=page_number,
        has_next=page_number * size < total,
        sort=sort,
        anchor=anchor,
        anchors=anchors,
        can_post=user_can_post,
        is_open=is_open,
        following=following,
        attribution=attribution,
        is_forum=page.specific_class.__name__ == "ForumPage",
        country=forum_country_name(target),
    )


def _liked_by(user, ids: list[int]) -> set[int]:
    """Which of the comments ``ids`` the reader liked; kept in the site's cache
    under the reader and the comments (every like renews it)."""
    digest = hashlib.sha256(",".join(map(str, ids)).encode()).hexdigest()[:32]
    return chrome.cached(
        None,
        "liked",
        lambda: set(
            XtdFlag.objects.filter(
                user=user, flag=LIKEDIT_FLAG, comment_id__in=ids
            ).values_list("comment_id", flat=True)
        ),
        user.pk,
        digest,
    )


def _hidden_thread(page, target, page_id) -> Thread:
    """What a reader who may not see the results gets: the section, no comment."""
    return Thread(
        page_id=page_id,
        comments=[],
        total_threads=0,
        page_number=1,
        has_next=False,
        sort="newest",
        anchor="",
        anchors=[],
        can_post=False,
        is_open=False,
        following=False,
        attribution=target.discussion_attribution,
        is_forum=False,
        visible=False,
    )
