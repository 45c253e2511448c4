from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from charts.selectors import chart_view, page_snapshots
from districts.roles import user_district
from portal import fragments

register = template.Library()


@register.simple_tag(takes_context=True)
def chart(context, block):
    """Render one ChartBlock (a StreamField child) from its stored snapshot.

    The page's snapshots are read once (one query) and kept on the request,
    so a page with many charts still makes a single query for all of them.
    """
    page = context.get("page")
    request = context.get("request")
    snapshots = page_snapshots(page, request) if page else {}
    snapshot = snapshots.get(block.id)
    user = getattr(request, "user", None)
    district = user_district(user) if user is not None and snapshot else None
    district_id = district.pk if district else None
    save_data = bool(request) and request.headers.get("Save-Data", "").lower() == "on"
    # The small loader script goes with the first chart of the page only.
    include_script = not context.dicts[0].get("_charts_script")
    context.dicts[0]["_charts_script"] = True
    template = block.block.meta.template

    def render(_csrf_token):
        view = None
        if snapshot is not None:
            view = chart_view(snapshot, district_id, save_data, request)
        return render_to_string(
            template,
            {
                "value": block.value,
                "chart": view,
                "block_id": block.id,
                "include_script": include_script,
            },
            request=request,
        )

    if snapshot is None or snapshot.pk is None:
        return mark_safe(render(""))  # noqa: S308 - a template's output
    # Everything the chart's HTML is made of: the block (title, caption), the
    # snapshot's version (any save of it changes `computed_at`, charts/selectors.py),
    # the reader's district (their row), Save-Data, the loader script and the
    # embed code's address.
    value = block.value
    return fragments.html(
        request,
        "chart",
        render,
        template,
        block.id,
        str(value.get("title", "")),
        str(value.get("caption", "")),
        snapshot.pk,
        snapshot.computed_at,
        district_id,
        save_data,
        include_script,
        request.scheme if request else "",
        request.get_host() if request else "",
        counted=True,
    )
