from django import template

from portal.languages import language_links
from portal.navigation import main_navigation

register = template.Library()


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context["request"]
    return {"links": language_links(request, context.get("page"))}


@register.inclusion_tag("components/main_navigation.html", takes_context=True)
def main_nav(context):
    request = context["request"]
    return {"items": main_navigation(request), "request": request}
