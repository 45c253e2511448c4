"""Reads: one screenful of threads, built with a fixed number of queries."""

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_comments.models import CommentFlag as XtdFlag
from django_comments_xtd.models import LIKEDIT_FLAG, XtdComment

from discussions.models import (
    Attribution,
    CommentDetails,
    CommentFlag,
    CommentStatus,
    Follow,
    ForumPage,
)
from discussions.pages import DefaultRules, SourceRules, protocol, thread_page_id
from discussions.permissions import can_change, can_post, can_read_authors
from districts.models import Country
from districts.roles import ROLE_LABELS, Role, user_district
from portal.privacy import listable
from portal.text import strip_bidi_controls
from portal.translations import active_locale, remember_sources
from portal.typography import elide

SORTS = {"newest": "-submit_date", "liked": "-details__like_count"}


def lang_attribute(language: str) -> str:
    """The ``lang`` a comment's text needs on the page being read: its language
    when that differs from the page's (the active language), else nothing."""
    language = (language or "")[:2]
    page_language = (get_language() or settings.LANGUAGE_CODE)[:2]
    return language if language and language != page_language else ""


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
    replies: list["CommentView"] = field(default_factory=list)

    @property
    def visible(self) -> bool:
        return self.status == CommentStatus.PUBLISHED


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


@dataclass(frozen=True)
class Attributor:
    """How one reader sees who wrote each comment of one thread.

    ``labels`` comes from the page (``discussion_district_labels``): None when its
    results show district names; otherwise the pseudonyms its charts use, and any
    district without one (or every district, with an empty dict) is shown by its
    country. A pseudonymised thread never shows a person's name from another
    district (a name gives the district away); the reader's own team keeps its
    names, and facilitators see everything."""

    attribution: str
    sees_names: bool = False
    viewer_district_id: int | None = None
    labels: dict[int, str] | None = None

    def _masked(self, details) -> bool:
        return (
            self.labels is not None
            and details.district_id is not None
            and details.district_id != self.viewer_district_id
        )

    def author(self, comment) -> str:
        details = comment.details
        user = comment.user
        name = (
            strip_bidi_controls(user.get_full_name() or user.get_username())
            if user
            else _("Someone")
        )
        if self.sees_names:
            return name
        district = details.district
        if self._masked(details):
            label = self.labels.get(details.district_id)
            if label and self.attribution != Attribution.COUNTRY:
                return member_of(label)
            return _("a participant from %(country)s") % {
                "country": district.country.localized_name
            }
        if self.attribution == Attribution.NAMED:
            return name
        if self.attribution == Attribution.DISTRICT and district is not None:
            return member_of(district.name)
        if district is not None:
            return _("a participant from %(country)s") % {
                "country": district.country.localized_name
            }
        return _("a participant")

    def district(self, comment) -> str:
        details = comment.details
        if details.district is None:
            return ""
        if self.sees_names:
            return details.district.name
        if self.attribution == Attribution.COUNTRY:
            return ""
        if self._masked(details):
            return self.labels.get(details.district_id, "")
        return details.district.name


def attributor_for(target, user) -> Attributor:
    """``target`` is the page's discussion protocol (``pages.protocol``)."""
    sees_names = can_read_authors(user)
    district = user_district(user)
    return Attributor(
        attribution=target.discussion_attribution,
        sees_names=sees_names,
        viewer_district_id=district.pk if district else None,
        labels=None if sees_names else _district_labels(target),
    )


def _district_labels(target):
    """The page's district labels, read once per page object: the comments under
    the charts and the thread below them name districts alike, for one cost."""
    page = target.page if isinstance(target, (SourceRules, DefaultRules)) else target
    if "_discussion_district_labels" not in page.__dict__:
        page.__dict__["_discussion_district_labels"] = (
            target.discussion_district_labels()
        )
    return page.__dict__["_discussion_district_labels"]


def readable_comment(user, comment, target) -> bool:
    """A comment may be shown to ``user``: published, on a page they may read."""
    return (
        comment.details.status == CommentStatus.PUBLISHED
        and target.discussion_visible_to(user)
    )


def _role_label(role: str) -> str:
    try:
        return str(ROLE_LABELS[Role(role)])
    except ValueError:
        return ""


def thread_for(page, user, params) -> Thread:
    target = protocol(page)
    page_id = thread_page_id(page)
    if not target.discussion_visible_to(user):
        return _hidden_thread(page, target, page_id)
    sort = params.get("sort") if params.get("sort") in SORTS else "newest"
    anchors = list(target.discussion_anchors())
    anchor_labels = dict(anchors)
    anchor = params.get("chart") if params.get("chart") in anchor_labels else ""
    try:
        page_number = max(1, int(params.get("p", 1)))
    except (TypeError, ValueError):
        page_number = 1
    size = settings.DISCUSSIONS_PAGE_SIZE
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
        .order_by("thread_id", "order")
    )
    liked = set()
    if user.is_authenticated and rows:
        liked = set(
            XtdFlag.objects.filter(
                user=user, flag=LIKEDIT_FLAG, comment_id__in=[r.pk for r in rows]
            ).values_list("comment_id", flat=True)
        )
    attributor = attributor_for(target, user)
    attribution = target.discussion_attribution
    user_can_post = can_post(user, target)
    is_open = bool(target.discussion_is_open(timezone.now()))
    views: dict[int, CommentView] = {}
    for row in rows:
        details = row.details
        views[row.pk] = CommentView(
            pk=row.pk,
            level=row.level,
            author=attributor.author(row),
            role=_role_label(details.role),
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
            can_change=is_open
            and details.status == CommentStatus.PUBLISHED
            and can_change(user, row),
            can_reply=user_can_post and row.level < 2,
            lang=lang_attribute(details.language),
        )
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
        country=_forum_country_name(target),
    )


def _forum_country_name(target) -> str:
    country_id = getattr(target, "discussion_country_id", None)
    if country_id is None:
        return ""
    country = Country.objects.filter(pk=country_id).first()
    return country.name if country else ""


@dataclass(frozen=True)
class ForumLink:
    title: str
    url: str
    is_current: bool
    yours: bool  # the reader may post there


def forum_links(request, current=None) -> list[ForumLink]:
    """The live forums in the reader's language: the shared one first, then the
    reader's country's, then the others; each says whether the reader may post."""
    forums = list(
        listable(ForumPage.objects.live(), request)
        .filter(locale=active_locale())
        .select_related("country")
        .order_by("title")
    )
    remember_sources(forums)
    user = request.user
    district = user_district(user)
    own_country = district.country_id if district else None
    forums.sort(
        key=lambda forum: (
            forum.country_id is not None,
            forum.country_id != own_country,
        )
    )
    links = []
    for forum in forums:
        url = forum.get_url(request)
        if not url:
            continue
        links.append(
            ForumLink(
                title=forum.title,
                url=url,
                is_current=current is not None and forum.pk == current.pk,
                yours=can_post(user, protocol(forum)),
            )
        )
    return links


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
    if page_id in memo:
        return memo[page_id]
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
    memo[page_id] = found
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


def moderation_queue():
    """Comments with at least one open report, most reported first."""
    open_flags = CommentFlag.objects.filter(
        comment=OuterRef("pk"), resolved_at__isnull=True
    )
    return (
        XtdComment.objects.filter(Exists(open_flags))
        .annotate(
            flag_count=Count(
                "portal_flags", filter=Q(portal_flags__resolved_at__isnull=True)
            )
        )
        .select_related("user", "details__page")
        .prefetch_related(
            Prefetch(
                "portal_flags",
                queryset=CommentFlag.objects.filter(resolved_at__isnull=True),
                to_attr="open_flags",
            )
        )
        .order_by("-flag_count", "-submit_date")
    )


def moderated_comments():
    """Comments a facilitator hid or removed, latest first: they can be restored."""
    return (
        XtdComment.objects.filter(
            details__status__in=[CommentStatus.HIDDEN, CommentStatus.REMOVED]
        )
        .select_related("user", "details__page")
        .order_by("-submit_date")
    )


def comment_location(comment, request) -> tuple[str, str]:
    """(page title, link to the comment) for the moderation screens."""
    page = comment.details.page
    url = page.get_url(request) if page.live else ""
    return page.title, f"{url}#c{comment.pk}" if url else ""


# --- Quotations of comments in a synthesis ----------------------------------------
@dataclass(frozen=True)
class Quotation:
    body_html: str
    author: str
    submitted: datetime
    lang: str = ""  # its language when not the page's (lang_attribute)


def public_attributor(target) -> Attributor:
    """How a published text names authors: the thread's rule for a reader who is
    nobody in particular (no names beyond the rule, pseudonyms respected), so that
    every reader, and the page cache, gets the same page."""
    return Attributor(
        attribution=target.discussion_attribution,
        labels=target.discussion_district_labels(),
    )


def quotable_comments(thread_id):
    """The published comments of one thread (a page's source id), newest first: what
    a facilitator may quote in the page's synthesis. Nothing without a thread."""
    try:
        thread_id = int(thread_id)
    except (TypeError, ValueError):
        return CommentDetails.objects.none()
    return (
        CommentDetails.objects.filter(page_id=thread_id, status=CommentStatus.PUBLISHED)
        .select_related("comment__user", "district__country")
        .order_by("-comment__submit_date", "-pk")
    )


def quotation(details, page) -> Quotation | None:
    """A quoted comment as ``page``'s readers see it, attributed by the page's rule
    at the time of reading; None once the comment is no longer published (hidden,
    removed by a facilitator, deleted by its author) or belongs to another thread."""
    if details is None or details.status != CommentStatus.PUBLISHED:
        return None
    if details.page_id != thread_page_id(page):
        return None
    comment = details.comment
    return Quotation(
        body_html=details.body_html,
        author=public_attributor(protocol(page)).author(comment),
        submitted=comment.submit_date,
        lang=lang_attribute(details.language),
    )


def member_of(district: str) -> str:
    """ "un membre de Banikoara", "un membre d’Abomey", "a member of Abomey"."""
    return elide(_("a member of %(district)s") % {"district": district}, district)
