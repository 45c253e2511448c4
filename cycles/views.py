"""Thin views behind the cycle page's routes; reads in selectors, writes in services."""

import json
import uuid
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseForbidden, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from cycles import exports, selectors, services
from cycles.models import CyclePage
from cycles.presentation import (
    answer_link_label,
    answer_rows,
    receipt_number,
    shows_results_box,
    survey_box,
    survey_items,
)
from cycles.questionnaire import Question
from districts.models import District
from districts.roles import user_district
from portal.ratelimit import rate_limit
from portal.times import time_with_zone


def shown_questions(form, declared) -> list[str]:
    """The questions a save may change: those the reader's page showed (`declared`,
    sent back by the form and the script) that the questionnaire still has. A client
    that declares nothing changes every question of the form."""
    if declared is None:
        return list(form.fields)
    if isinstance(declared, str):
        declared = declared.split(",")
    if not isinstance(declared, list):
        return []
    return [name for name in declared if isinstance(name, str) and name in form.fields]


def _survey_form(page: CyclePage, data=None, initial=None, enforce_required=True):
    return page.get_form(
        data, page=page, initial=initial, enforce_required=enforce_required
    )


def _conflict_message(questions: list[Question], names: list[str]) -> str:
    labels = [q.label for q in questions if q.name in names]
    return _(
        "A teammate changed the same questions while you were typing: %(questions)s. "
        "Your answers are kept below; check them and save again to keep yours."
    ) % {"questions": "; ".join(labels)}


def _refused_message(questions: list[Question], names) -> str:
    labels = [q.label for q in questions if q.name in names]
    return _(
        "Your other answers are saved. These answers were not saved because they "
        "are not valid; the previous answer is kept until you correct them: "
        "%(questions)s."
    ) % {"questions": "; ".join(labels)}


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
        form = _survey_form(page, initial=response.answers if response else None)
    return _render(request, page, cycle, district, response, form)


def _results_login_url(request, page: CyclePage) -> str:
    """Published for participants only and read anonymously: where to log in (the
    reader is told the results are for participants, not that none exist)."""
    if request.user.is_authenticated or not page.results_published:
        return ""
    return f"{reverse('login')}?{urlencode({'next': page.url + '#results'})}"


def _render(request, page, cycle, district, response, form, status=200, **extra):
    questions = selectors.questions_for_cycle(cycle)
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
        answer_rows=answer_rows(questions, response.answers) if response else [],
        survey=survey_box(
            page, request, district=district, response=response, form=form
        ),
        receipt=receipt_number(response) if response and response.is_submitted else "",
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
    form = _survey_form(page, data=request.POST, enforce_required=submitting)
    base_version = _int(request.POST.get("version"))
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
            result.response,
            form,
            status=409,
            conflict=_conflict_message(questions, result.conflicts),
        )
    if not valid:
        current = result.response if result else response
        extra = {}
        if result is not None and form.refused_names:
            extra["refused"] = _refused_message(
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


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _as_form_data(answers: dict) -> dict:
    """Autosaved answers as form data; NUL bytes dropped, as the middleware does for
    form posts (portal/nul_bytes.py)."""

    def text(value) -> str:
        return str(value).replace("\x00", "")

    data = {}
    for name, value in answers.items():
        data[name] = (
            [text(v) for v in value] if isinstance(value, list) else text(value)
        )
    return data


class _ListDict(dict):
    """A dict that answers `getlist`, as Django's multiple-choice widgets expect."""

    def getlist(self, key):
        value = self.get(key, [])
        return value if isinstance(value, list) else [value]


@require_POST
@rate_limit(
    "autosave",
    json_message=gettext_lazy(
        "Too many saves in a short time: your answers are kept on this device "
        "and will be saved in a minute."
    ),
)
def save_draft_json(request, page: CyclePage):
    district = user_district(request.user)
    if not selectors.can_edit_response(request.user, page, district):
        return JsonResponse(
            {"message": _("You cannot change these answers.")}, status=403
        )
    try:
        payload = json.loads(request.body or b"{}")
        answers = payload.get("answers") or {}
        if not isinstance(answers, dict):
            raise ValueError
    except (ValueError, AttributeError):
        return JsonResponse({"message": _("The draft could not be read.")}, status=400)
    form = _survey_form(
        page, data=_ListDict(_as_form_data(answers)), enforce_required=False
    )
    form.is_valid()
    clean_answers = form.answers_from(form.cleaned_data)
    try:
        result = services.save_draft(
            page,
            district,
            request.user,
            clean_answers,
            _int(payload.get("version")),
            shown=shown_questions(form, payload.get("shown")),
            invalid=form.refused_names,
        )
    except services.AnswersClosed:
        return JsonResponse(
            {"message": _("The answers are closed for this cycle.")}, status=409
        )
    except services.AlreadySubmitted:
        return JsonResponse(
            {
                "message": _(
                    "These answers are already submitted: use the form's button to "
                    "update them."
                )
            },
            status=409,
        )
    response = result.response
    body = {
        "version": response.version,
        "status": response.status,
        "answers": response.answers,
        "merged": result.merged,
        "errors": {name: [str(e) for e in errs] for name, errs in form.errors.items()},
        "message": _("Draft saved"),
        # The server's save time in the reader's zone, not the device's clock.
        "saved_message": _("Draft saved at %(time)s")
        % {"time": time_with_zone(response.updated_at)},
    }
    if form.refused_names:
        questions = selectors.questions_for_cycle(page)
        body["message"] = _refused_message(questions, form.refused_names)
    if result.conflicts:
        questions = selectors.questions_for_cycle(page)
        body.update(
            conflicts=result.conflicts,
            message=_conflict_message(questions, result.conflicts),
        )
        return JsonResponse(body, status=409)
    return JsonResponse(body)


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
