from django import template

from portal import languages
from portal.form_errors import error_links as form_error_links
from portal.languages import language_links
from portal.navigation import main_navigation
from portal.social import social_card
from portal.times import datetime_with_zone
from portal.typography import elide

register = template.Library()


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context["request"]
    return {"links": language_links(request, context.get("page"))}


@register.inclusion_tag("components/alternate_links.html", takes_context=True)
def alternate_links(context):
    """<link rel="canonical"> and hreflang alternates of the page in context."""
    page = context.get("page")
    if page is None or getattr(page, "pk", None) is None:
        return {}
    return {"links": languages.alternate_links(context["request"], page)}


@register.inclusion_tag("components/main_navigation.html", takes_context=True)
def main_nav(context):
    request = context["request"]
    return {"items": main_navigation(request), "request": request}


@register.inclusion_tag("components/social_tags.html", takes_context=True)
def social_tags(context):
    """Open Graph / Twitter tags of the page in context; a page's selector may put
    `og_description`, `og_type` and `og_image_url` in the context."""
    page = context.get("page")
    if page is None:
        return {}
    card = social_card(
        page,
        context["request"],
        description=context.get("og_description", ""),
        card_type=context.get("og_type", "website"),
        image_url=context.get("og_image_url", ""),
    )
    return {"card": card, "SITE_NAME": context.get("SITE_NAME", "")}


@register.filter
def with_zone(moment):
    """{{ comment.submitted|with_zone }} → "2 déc. 2026 à 18:00 (heure de Conakry)"."""
    return datetime_with_zone(moment)


@register.filter(is_safe=True)
def elide_de(text, name):
    """{{ sentence|elide_de:district.name }}: "de Abomey" → "d’Abomey" in French."""
    return elide(str(text), str(name))


@register.filter
def error_links(form):
    """A form's errors, each with a link to its field (components/form_errors.html)."""
    return form_error_links(form)
