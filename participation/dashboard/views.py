"""Wagtail admin views of participation (facilitators and admins only: the hooks
register them through ``facilitators_only``)."""

from django.http import Http404, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from charts.figures import build_figure, figure_dict
from cycles.exports import FORMATS, to_csv, to_xlsx
from districts.models import Country
from participation.chart_sources import rate_chart
from participation.dashboard.presentation import (
    build_dashboard,
    export_rows,
    percent,
    rate_charts,
)
from participation.selectors import RATES, rates_across_cycles


def dashboard_view(request):
    dashboard = build_dashboard(
        request.GET.get("cycle", ""), request.GET.get("country", "")
    )
    rate_tables = [
        (_("By country"), dashboard.by_country),
        (_("By region"), dashboard.by_region),
    ]
    return TemplateResponse(
        request,
        "participation/admin/dashboard.html",
        {
            "dashboard": dashboard,
            "countries": Country.objects.all(),
            "rate_tables": [
                (title, [(row, [percent(r) for r in row.rates]) for row in rows])
                for title, rows in rate_tables
            ],
            "charts": rate_charts(dashboard.history),
            "header_title": _("Participation"),
        },
    )


def export_view(request, file_format: str):
    if file_format not in FORMATS:
        raise Http404
    dashboard = build_dashboard(
        request.GET.get("cycle", ""), request.GET.get("country", "")
    )
    if dashboard.cycle is None:
        raise Http404
    rows = export_rows(dashboard)
    content = to_csv(rows) if file_format == "csv" else to_xlsx(rows)
    response = HttpResponse(content, content_type=FORMATS[file_format])
    name = f"participation-{slugify(dashboard.cycle.slug)}.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def figure_view(request, rate: str):
    if rate not in RATES:
        raise Http404
    data = rate_chart(rates_across_cycles(), rate)
    return JsonResponse(figure_dict(build_figure(data, "line")))
