"""The cycle page's results section, kept whole in the fragment cache."""

from django import template
from django.utils.safestring import mark_safe

from districts.roles import viewer_key
from portal import chrome, fragments

register = template.Library()

RESULTS_TEMPLATE = "cycles/_results.html"
_CHARTS_SCRIPT = "_charts_script"  # charts/templatetags/charts_tags.py


@register.simple_tag(takes_context=True)
def results_section(context):
    """``cycles/_results.html`` (each chart and the latest comments under it), kept
    as one fragment per view of it until the site changes: the site's version (a
    publication, a chart recomputed, a comment posted or moderated replaces it), the
    page, what the reader's roles and district let them see (their district's row,
    how authors are named), the step, the gate's state, Save-Data and whether the
    charts' loader script was already on the page (a preview keeps nothing:
    ``chrome.site_version`` is None while a draft is rendered)."""
    request = context["request"]
    page = context["page"]
    results_template = context.template.engine.get_template(RESULTS_TEMPLATE)
    script_before = bool(context.dicts[0].get(_CHARTS_SCRIPT))

    def render(csrf_token):
        with context.push(csrf_token=csrf_token):
            return results_template.render(context)

    version = chrome.site_version(request)
    if version is None:
        return mark_safe(render(context.get("csrf_token", "")))  # noqa: S308
    visible = bool(context.get("results_visible"))
    html = fragments.html(
        request,
        "cycle-results",
        render,
        version,
        page.pk,
        viewer_key(request.user),
        visible,
        page.results_published,
        page.current_step,
        page.shows_discussion,
        context.get("results_login_url", ""),
        request.headers.get("Save-Data", "").lower() == "on",
        script_before,
        request.scheme,
        request.get_host(),
        counted=True,
    )
    # The charts of the section took the loader script, read from the cache or not.
    if visible and len(page.results):
        context.dicts[0][_CHARTS_SCRIPT] = True
    return html
