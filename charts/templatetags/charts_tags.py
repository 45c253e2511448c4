from django import template
from django.template.loader import render_to_string

from charts.selectors import chart_view, page_snapshots
from districts.roles import user_district

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
    view = None
    if snapshot is not None:
        user = getattr(request, "user", None)
        district = user_district(user) if user is not None else None
        save_data = (
            bool(request) and request.headers.get("Save-Data", "").lower() == "on"
        )
        view = chart_view(
            snapshot, district.pk if district else None, save_data, request
        )
    # The small loader script goes with the first chart of the page only.
    include_script = not context.dicts[0].get("_charts_script")
    context.dicts[0]["_charts_script"] = True
    return render_to_string(
        block.block.meta.template,
        {
            "value": block.value,
            "chart": view,
            "block_id": block.id,
            "include_script": include_script,
        },
        request=request,
    )
