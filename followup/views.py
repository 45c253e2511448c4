"""Thin views: a team saving its commitments, and the public download of what
changed. Reads in selectors/presentation, writes in services."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseForbidden
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cycles.models import CyclePage
from cycles.selectors import canonical_cycle
from cycles.survey_views import parse_int
from districts.roles import user_district
from followup import presentation, services
from followup.exports import what_changed_rows
from followup.forms import CommitmentsForm
from followup.selectors import can_edit, live_cycle, team_set
from followup.visibility import Viewer
from portal.ratelimit import rate_limit
from portal.spreadsheets import download


def cycle_page(page_id: int) -> CyclePage:
    page = live_cycle(page_id)
    if page is None:
        raise Http404
    return page


@require_POST
@rate_limit("submit")
def save(request, page_id: int):
    page = cycle_page(page_id)
    if not request.user.is_authenticated:
        return redirect_to_login(page.url)
    cycle = canonical_cycle(page)
    district = user_district(request.user)
    if not can_edit(request.user, cycle, district):
        return HttpResponseForbidden(_("You cannot change these commitments."))
    form = presentation.team_form(
        cycle, district, team_set(cycle, district), data=request.POST
    )
    if not form.is_valid():
        return _again(request, page, cycle, district, form, status=400)
    try:
        result = services.save_commitments(
            cycle,
            district,
            request.user,
            form.document(),
            parse_int(request.POST.get("version")),
            shown=list(form.fields),
        )
    except services.CommitmentsClosed:
        return HttpResponseForbidden(_("You cannot change these commitments."))
    if result.conflicts:
        labels = [form.label_of(name) for name in result.conflicts]
        return _again(
            request,
            page,
            cycle,
            district,
            form,
            status=409,
            current=result.record,
            conflict=_(
                "A teammate changed the same fields while you were typing: "
                "%(fields)s. Your text is kept below and theirs is shown beside "
                "it; check and save again to keep yours."
            )
            % {"fields": "; ".join(labels)},
            theirs=_theirs(form, result.record.fields, result.conflicts),
        )
    return redirect(page.url + "#followup")


def _theirs(form: CommitmentsForm, fields: dict, names) -> list[tuple[str, str]]:
    return [(form.label_of(name), fields.get(name, "")) for name in names]


def _again(request, page, cycle, district, form, status, current=None, **extra):
    team = presentation.team_context(
        page, cycle, district, request.user, form=form, current=current
    )
    context = {"page": page, "team": team, **extra}
    return TemplateResponse(
        request, "followup/commitments_again.html", context, status=status
    )


@require_GET
def what_changed_download(request, page_id: int):
    """The commitments the reader may see, as CSV or XLSX (same rule as the page)."""
    page = cycle_page(page_id)
    if not page.results_visible_to(request.user):
        raise Http404
    file_format = "xlsx" if request.GET.get("format") == "xlsx" else "csv"
    rows = what_changed_rows(canonical_cycle(page), Viewer.of(request.user))
    return download(rows, f"commitments-{page.slug}", file_format)
