"""Thin views behind the cycle page's routes; reads in selectors, writes in services.
The routes reach every view through this module."""

import uuid
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from cycles import selectors, services
from cycles.draft_views import save_draft_json
from cycles.facilitator_views import district_response, export
from cycles.models import CyclePage
from cycles.presentation import (
    answer_link_label,
    answer_rows,
    receipt_number,
    shows_results_box,
    survey_box,
    survey_items,
    timeline_html,
)
from cycles.sections import CYCLE_SECTIONS
from cycles.survey_views import (
    conflict_message,
    parse_int,
    refused_message,
    shown_questions,
    survey_form,
)
from districts.roles import user_district
from portal.offline import mark_offline, member_id
from portal.ratelimit import rate_limit

__all__ = ["cycle_page", "district_response", "export", "save_draft_json"]


@rate_limit("submit")
def cycle_page(request, page: CyclePage):
    cycle = selectors.canonical_cycle(page)
    district = user_district(request.user)
    can_edit = selectors.can_edit_response(request.user, page, district)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_edit:
            return HttpResponseForbidden(_("You cannot change these answers."))
        return _post_survey(request, page, cycle, district)
    response = selectors.district_response(cycle, district) if district else None
    form = None
    if can_edit:
        form = survey_form(page, initial=response.answers if response else None)
        mark_offline(request)  # the member's service worker keeps it for offline use
    return _render(request, page, cycle, district, response, form)


def _results_login_url(request, page: CyclePage) -> str:
    """Published for participants only and read anonymously: where to log in (the
    reader is told the results are for participants, not that none exist)."""
    if request.user.is_authenticated or not page.results_published:
        return ""
    return f"{reverse('login')}?{urlencode({'next': page.url + '#results'})}"


def _render(request, page, cycle, district, response, form, status=200, **extra):
    questions = selectors.shown_questions(request, cycle)
    results_visible = page.results_visible_to(request.user)
    results_login_url = _results_login_url(request, page)
    context = page.get_context(request)
    context.update(
        cycle=cycle,
        district=district,
        response=response,
        form=form,
        items=survey_items(form, questions) if form is not None else [],
        shown_questions=",".join(form.fields) if form is not None else "",
        version=(response.version if response else 0),
        submission_token=uuid.uuid4().hex,
        server_answers=response.answers if response else {},
        draft_url=page.url + page.reverse_subpage("draft_view"),
        offline_member=member_id(request.user),
        answer_rows=answer_rows(questions, response.answers) if response else [],
        survey=survey_box(
            page, request, district=district, response=response, form=form
        ),
        receipt=receipt_number(response) if response and response.is_submitted else "",
        timeline_html=timeline_html(page),
        results_visible=results_visible,
        results_login_url=results_login_url,
        shows_results=shows_results_box(page, results_visible, results_login_url),
        answer_link=answer_link_label(form is not None, response),
        # What went wrong with a save, gathered where a refused save lands (the
        # form's action ends in #survey-errors).
        survey_problems=bool(
            extra.get("conflict")
            or extra.get("refused")
            or (form is not None and form.is_bound and form.errors)
        ),
        answered_by_country=(
            selectors.answered_by_country(cycle) if page.current_step >= 3 else []
        ),
        extra_sections=CYCLE_SECTIONS.sections(
            request=request, page=page, cycle=cycle, district=district
        ),
        **extra,
    )
    if selectors.can_export(request.user):
        rows = selectors.participation(cycle)
        context.update(
            participation=rows,
            participation_counts=selectors.participation_counts(rows),
            export_csv_url=page.url + page.reverse_subpage("export_view", args=["csv"]),
            export_xlsx_url=page.url
            + page.reverse_subpage("export_view", args=["xlsx"]),
        )
    return TemplateResponse(request, page.get_template(request), context, status=status)


def _post_survey(request, page, cycle, district):
    submitting = "submit" in request.POST
    form = survey_form(page, data=request.POST, enforce_required=submitting)
    base_version = parse_int(request.POST.get("version"))
    token = request.POST.get("submission_token", "")[:64]
    response = selectors.district_response(cycle, district)
    valid = form.is_valid()
    answers = form.answers() if valid else form.answers_from(form.cleaned_data)
    try:
        if valid and submitting:
            result = services.submit_response(
                page,
                district,
                request.user,
                answers,
                base_version,
                token,
                shown=shown_questions(form, request.POST.get("shown")),
            )
        elif not (response and response.is_submitted):
            result = services.save_draft(
                page,
                district,
                request.user,
                answers,
                base_version,
                shown=shown_questions(form, request.POST.get("shown")),
                invalid=form.refused_names,
            )
        else:
            result = None
    except services.AnswersClosed:
        messages.error(request, _("The answers are closed for this cycle."))
        return redirect(page.url)
    except services.AlreadySubmitted:
        result = None
    if result is not None and result.conflicts:
        questions = selectors.questions_for_cycle(cycle)
        return _render(
            request,
            page,
            cycle,
            district,
            result.record,
            form,
            status=409,
            conflict=conflict_message(questions, result.conflicts),
        )
    if not valid:
        current = result.record if result else response
        extra = {}
        if result is not None and form.refused_names:
            extra["refused"] = refused_message(
                selectors.questions_for_cycle(cycle), form.refused_names
            )
        return _render(
            request, page, cycle, district, current, form, status=200, **extra
        )
    if submitting:
        messages.success(
            request, _("Thank you: your district's answers are submitted.")
        )
        return redirect(page.url + "#receipt")
    messages.success(request, _("Draft saved. Your teammates see it too."))
    return redirect(page.url + "#survey")
