from dataclasses import dataclass

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe

from discussions import markup, translation
from discussions.selectors import (
    anchor_counts,
    chart_comments,
    forum_links,
    reader_thread,
    thread_key,
)
from discussions.thread_links import thread_links
from districts.roles import viewer_key
from portal import chrome, fragments
from portal.privacy import reader_key

register = template.Library()


@register.simple_tag(takes_context=True)
def discussion_thread(context, page):
    """The thread section (``discussions/thread.html``), kept as one fragment per
    ``thread_key`` (what the reader may see and do, their likes, follow and
    editable comments) and the address it is read at, until the site changes; the
    reader's CSRF token put in per request."""
    request = context["request"]

    def render(csrf_token):
        return render_to_string(
            "discussions/thread.html", _thread_context(request, page, csrf_token)
        )

    key = thread_key(page, request)
    if key is None:
        return mark_safe(render(context.get("csrf_token", "")))  # noqa: S308
    return fragments.html(request, "thread", render, *key, request.path)


def _thread_context(request, page, csrf_token) -> dict:
    thread = reader_thread(page, request)
    counts = _anchor_counts(request, page) if thread.anchors else {}
    post_url = reverse("discussions:post", args=[page.pk])
    return {
        "thread": thread,
        "links": thread_links(thread, request.path, counts),
        "request": request,
        "user": request.user,
        "page": page,
        "post_url": post_url,
        "follow_url": reverse("discussions:follow", args=[page.pk]),
        "next": request.path,
        "csrf_token": csrf_token,
        "comments_html": [
            comment_html_for(request, comment, post_url, request.path)
            for comment in thread.comments
        ],
    }


@dataclass(frozen=True)
class _Reader:
    """All a comment's HTML knows of its reader (besides what its view holds)."""

    is_authenticated: bool


def comment_html_for(request, comment, post_url: str, next_url: str):
    """One comment and its replies (``discussions/comment.html``), rendered once per
    distinct view of it: its ``CommentView`` (text, author as this reader sees it,
    likes, what this reader may do with it), whether the reader is signed in, the
    addresses its forms post to and come back to, the language and time zone; the
    reader's CSRF token put in per request."""
    reader = _Reader(is_authenticated=bool(request.user.is_authenticated))

    def render(csrf_token):
        return render_to_string(
            "discussions/comment.html",
            {
                "comment": comment,
                "user": reader,
                "post_url": post_url,
                "next": next_url,
                "csrf_token": csrf_token,
            },
        )

    return fragments.html(
        request,
        "comment",
        render,
        comment.parts(),
        reader.is_authenticated,
        post_url,
        next_url,
    )


@register.inclusion_tag(
    "discussions/chart_comments.html", takes_context=True, name="chart_comments"
)
def comments_under_chart(context, page, block_id):
    """Under a chart: its comment count, the latest comments and the link to its
    thread. The comments of every chart of the page are read once per request."""
    request = context["request"]
    cache = request.__dict__.setdefault("_chart_comments", {})
    if page.pk not in cache:
        cache[page.pk] = chart_comments(page, request.user)
    return {"comments": cache[page.pk].get(str(block_id))}


def _anchor_counts(request, page) -> dict[str, int]:
    """Comments per chart, read once per page and request."""
    cache = request.__dict__.setdefault("_discussion_anchor_counts", {})
    if page.pk not in cache:
        cache[page.pk] = anchor_counts(page)
    return cache[page.pk]


@register.simple_tag(takes_context=True)
def forum_list(context, current=None):
    """Links to every forum (the shared one, then each country's), kept as one
    fragment per view of them until the site changes: the pages the reader may
    see listed (``reader_key``), their roles and district (where they may post),
    the current forum and the host the links are made for."""
    request = context["request"]

    def render(_csrf_token):
        return render_to_string(
            "discussions/forum_links.html",
            {"forums": forum_links(request, current), "request": request},
        )

    version = chrome.site_version(request)
    if version is None:
        return mark_safe(render(""))  # noqa: S308 - a template's output
    return fragments.html(
        request,
        "forum-links",
        render,
        version,
        reader_key(request),
        viewer_key(request.user),
        current.pk if current is not None else None,
        request.scheme,
        request.get_host(),
    )


@register.filter
def comment_html(html: str) -> str:
    """A comment's stored HTML, cleaned again with nh3's allow-list before it is
    marked safe (it was cleaned on write; the allow-list here is the guarantee)."""
    return mark_safe(markup.clean(html or ""))  # noqa: S308 - cleaned by nh3 just now


@register.filter
def safe_rich_translation(html: str) -> str:
    """A stored synthesis translation, cleaned again before it is marked safe."""
    return mark_safe(translation.clean_rich_text(html or ""))  # noqa: S308 - nh3


@register.inclusion_tag("discussions/_translate_form.html", takes_context=True)
def synthesis_translation(context, page):
    """The "Translate" form under a synthesis shown in another language: for
    signed-in readers (a form token would keep the page out of the page cache),
    when a machine translator is configured."""
    request = context["request"]
    offered = (
        request.user.is_authenticated
        and getattr(page, "synthesis_in_other_language", False)
        and translation.available()
    )
    return {
        "action": reverse("discussions:translate_synthesis", args=[page.pk])
        if offered
        else "",
        "next": request.path,
        "request": request,
    }
