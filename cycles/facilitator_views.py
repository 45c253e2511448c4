"""Facilitators' reads of a cycle's answers: one district's, and the exports."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseForbidden
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from cycles import exports, selectors
from cycles.models import CyclePage
from cycles.presentation import (
    answer_rows,
)
from districts.models import District


def district_response(request, page: CyclePage, district_code: str):
    """One district's answers, for facilitators only (others get a 404, no hint)."""
    if not selectors.can_export(request.user):
        raise Http404
    district = District.objects.filter(code=district_code).first()
    if district is None:
        raise Http404
    cycle = selectors.canonical_cycle(page)
    response = selectors.district_response(cycle, district)
    questions = selectors.questions_for_cycle(cycle)
    return TemplateResponse(
        request,
        "cycles/district_response.html",
        {
            "page": page,
            "district": district,
            "response": response,
            "answer_rows": answer_rows(questions, response.answers) if response else [],
        },
    )


def export(request, page: CyclePage, file_format: str):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not selectors.can_export(request.user):
        return HttpResponseForbidden(_("Only facilitators can export the answers."))
    language = request.GET.get("lang") or page.locale.language_code
    if file_format not in exports.FORMATS or language not in ("fr", "en"):
        raise Http404
    return exports.export_response(
        selectors.canonical_cycle(page), file_format, language
    )
