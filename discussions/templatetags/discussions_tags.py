from django import template
from django.urls import reverse

from discussions.selectors import anchor_counts, thread_for

register = template.Library()


@register.inclusion_tag("discussions/thread.html", takes_context=True)
def discussion_thread(context, page):
    request = context["request"]
    thread = thread_for(page, request.user, request.GET)
    return {
        "thread": thread,
        "request": request,
        "user": request.user,
        "page": page,
        "post_url": reverse("discussions:post", args=[page.pk]),
        "follow_url": reverse("discussions:follow", args=[page.pk]),
        "next": request.path,
    }


@register.inclusion_tag("discussions/chart_link.html", takes_context=True)
def discuss_chart(context, page, anchor_id):
    """ "Discuss this chart (N)": counts come from one query per page and request."""
    request = context["request"]
    cache = request.__dict__.setdefault("_discussion_anchor_counts", {})
    if page.pk not in cache:
        cache[page.pk] = anchor_counts(page)
    return {
        "anchor": anchor_id,
        "count": cache[page.pk].get(anchor_id, 0),
        "url": f"{page.url}?chart={anchor_id}#discussion",
    }
