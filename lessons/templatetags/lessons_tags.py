from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from lessons.selectors import lessons_from_cycle
from portal import chrome, fragments

register = template.Library()


@register.simple_tag(takes_context=True)
def cycle_lessons(context, cycle):
    """The "lessons from this cycle" section of a cycle page (empty if none). Public
    lessons only, so the same for every reader of the language: kept as one
    fragment until the site changes."""
    request = context.get("request")

    def render(_csrf_token):
        return render_to_string(
            "lessons/_cycle_lessons.html", {"lessons": lessons_from_cycle(cycle)}
        )

    version = chrome.site_version(request)
    if version is None:
        return mark_safe(render(""))  # noqa: S308 - a template's output
    return fragments.html(
        request, "cycle-lessons", render, version, cycle.translation_key
    )
