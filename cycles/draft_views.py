"""The autosave: a draft of the answers sent as JSON while the member types."""

import json

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from cycles import selectors, services
from cycles.models import CyclePage
from cycles.survey_views import (
    conflict_message,
    parse_int,
    refused_message,
    shown_questions,
    survey_form,
)
from districts.roles import user_district
from portal.ratelimit import rate_limit
from portal.times import time_with_zone


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
    form = survey_form(
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
            parse_int(payload.get("version")),
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
    response = result.record
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
        body["message"] = refused_message(questions, form.refused_names)
    if result.conflicts:
        questions = selectors.questions_for_cycle(page)
        body.update(
            conflicts=result.conflicts,
            message=conflict_message(questions, result.conflicts),
        )
        return JsonResponse(body, status=409)
    return JsonResponse(body)
