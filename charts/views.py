"""Downloads, interactive figure and embed of one chart, as its page allows."""

import json

from csp.decorators import csp_replace
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET

from charts.models import ChartSnapshot
from charts.selectors import chart_view, shown_data
from districts.roles import user_district
from portal import spreadsheets


def _visible_snapshot(request, translation_key, language, block_id) -> ChartSnapshot:
    """The snapshot, if the reader may see its page's results; 404 otherwise (no
    hint that hidden results exist)."""
    snapshot = (
        ChartSnapshot.objects.select_related("page")
        .filter(translation_key=translation_key, language=language, block_id=block_id)
        .first()
    )
    if snapshot is None or not snapshot.page.live:
        raise Http404
    page = snapshot.page.specific
    if hasattr(page, "results_visible_to"):
        allowed = page.results_visible_to(request.user)
    else:
        allowed = all(r.accept_request(request) for r in page.get_view_restrictions())
    if not allowed or not snapshot.data:
        raise Http404
    return snapshot


def _metadata(snapshot, data) -> dict:
    return {
        "title": snapshot.title,
        "source": data.metadata.get("source", snapshot.source_note),
        "cycle": data.metadata.get("cycle", ""),
        "question": data.metadata.get("question", ""),
        "n": data.metadata.get("n", ""),
        "N": data.metadata.get("N", ""),
        "date": data.metadata.get("date", ""),
        "language": snapshot.language,
    }


def _filename(snapshot, extension) -> str:
    return f"{slugify(snapshot.title) or 'chart'}.{extension}"


@require_GET
def data_csv(request, translation_key, language, block_id):
    snapshot = _visible_snapshot(request, translation_key, language, block_id)
    data = shown_data(snapshot)
    rows = [[f"# {key}", value] for key, value in _metadata(snapshot, data).items()]
    wide = data.wide()
    rows.append([data.category_label, *[c or data.value_label for c in wide.columns]])
    for category, row in zip(wide.index, wide.itertuples(index=False), strict=True):
        rows.append([category, *["" if v != v else v for v in row]])
    return spreadsheets.download(rows, _filename(snapshot, "csv").removesuffix(".csv"))


@require_GET
def data_json(request, translation_key, language, block_id):
    snapshot = _visible_snapshot(request, translation_key, language, block_id)
    data = shown_data(snapshot)
    payload = {
        "metadata": {
            **_metadata(snapshot, data),
            "category_label": data.category_label,
            "value_label": data.value_label,
            "unit": data.unit,
        },
        "data": [
            {"category": r.category, "series": r.series, "value": r.value}
            for r in data.frame.itertuples()
        ],
    }
    response = HttpResponse(
        json.dumps(payload, ensure_ascii=False, indent=1, default=str),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{_filename(snapshot, "json")}"'
    )
    return response


@require_GET
def figure(request, translation_key, language, block_id):
    snapshot = _visible_snapshot(request, translation_key, language, block_id)
    response = JsonResponse(snapshot.figure)
    response["Cache-Control"] = "private, max-age=300"
    return response


@require_GET
@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})
def embed(request, translation_key, language, block_id):
    snapshot = _visible_snapshot(request, translation_key, language, block_id)
    return render(
        request,
        "charts/embed.html",
        {
            "snapshot": snapshot,
            "chart": chart_view(snapshot),
            "page_url": snapshot.page.full_url or "/",
        },
    )


@require_GET
def chart_page(request, translation_key, language, block_id):
    """A chart on a page of its own (to link to, or to share in a discussion)."""
    snapshot = _visible_snapshot(request, translation_key, language, block_id)
    district = user_district(request.user)
    save_data = request.headers.get("Save-Data", "").lower() == "on"
    return render(
        request,
        "charts/chart_page.html",
        {
            "snapshot": snapshot,
            "value": {"title": snapshot.title, "caption": snapshot.caption},
            "chart": chart_view(
                snapshot, district.pk if district else None, save_data, request
            ),
            "block_id": snapshot.block_id,
            "include_script": True,
            "back_url": snapshot.page.url,
        },
    )
