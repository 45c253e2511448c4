from django import template

from lessons.selectors import lessons_from_cycle

register = template.Library()


@register.inclusion_tag("lessons/_cycle_lessons.html")
def cycle_lessons(cycle):
    """The "lessons from this cycle" section of a cycle page (empty if none)."""
    return {"lessons": lessons_from_cycle(cycle)}
