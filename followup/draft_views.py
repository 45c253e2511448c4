"""The autosave of the team's commitments: the form's fields sent as JSON while a
member types, saved through ``services.save_commitments`` with the same version and
merge rules as the form (a 409 keeps both texts), as the survey's draft path does
(``cycles/draft_views.py``)."""

import json

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from cycles.selectors import canonical_cycle
from cycles.survey_views import parse_int
from districts.roles import user_district
from followup import presentation, services
from followup.forms import CommitmentsForm
from followup.selectors import can_edit, live_cycle, team_set, version_fields
from portal.ratelimit import rate_limit
from portal.times import time_with_zone


class BadDraft(ValueError):
    """The body is not a JSON object of text fields."""


def _read(body: bytes) -> tuple[dict[str, str], list[str] | None, int | None]:
    """(fields, the names the page showed, the version it started from)."""
    try:
        payload = json.loads(body or b"{}")
    except ValueError as error:
        raise BadDraft from error
    if not isinstance(payload, dict) or not isinstance(payload.get("fields"), dict):
        raise BadDraft
    fields = {}
    for name, value in payload["fields"].items():
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise BadDraft
        fields[name] = str(value).replace("\x00", "")  # as portal/nul_bytes.py
    shown = payload.get("shown")
    if shown is not None and not (
        isinstance(shown, list) and all(isinstance(name, str) for name in shown)
    ):
        raise BadDraft
    return fields, shown, parse_int(payload.get("version"))


def _conflict(form: CommitmentsForm, result) -> JsonResponse:
    labels = [form.label_of(name) for name in result.conflicts]
    return JsonResponse(
        {
            "version": result.record.version,
            "conflicts": result.conflicts,
            "theirs": {n: result.record.fields.get(n, "") for n in result.conflicts},
            "message": _(
                "A teammate changed the same fields while you were typing: "
                "%(fields)s. Your text is kept on this page and theirs is shown "
                "beside it; check and save again to keep yours."
            )
            % {"fields": "; ".join(labels)},
        },
        status=409,
    )


@require_POST
@rate_limit(
    "autosave",
    json_message=gettext_lazy(
        "Too many saves in a short time: your text is kept on this device and will "
        "be saved in a minute."
    ),
)
def save_draft(request, page_id: int):
    page = live_cycle(page_id)
    if page is None:
        return JsonResponse({"message": _("This cycle does not exist.")}, status=404)
    cycle = canonical_cycle(page)
    district = user_district(request.user)
    if not can_edit(request.user, cycle, district):
        return JsonResponse(
            {"message": _("You cannot change these commitments.")}, status=403
        )
    try:
        fields, shown, version = _read(request.body)
    except BadDraft:
        return JsonResponse({"message": _("The draft could not be read.")}, status=400)
    current = team_set(cycle, district)
    form = presentation.team_form(cycle, district, current, fields)
    form.is_valid()
    refused = form.refused_names(version_fields(current, version))
    declared = list(form.fields) if shown is None else shown
    # A refused value keeps the stored one; a field the page did not show too.
    shown = [n for n in declared if n in form.fields and n not in refused]
    document = form.document()
    try:
        result = services.save_commitments(
            cycle,
            district,
            request.user,
            {name: document.get(name, "") for name in shown},
            version,
            shown=shown,
        )
    except services.CommitmentsClosed:
        return JsonResponse(
            {"message": _("You cannot change these commitments.")}, status=403
        )
    if result.conflicts:
        return _conflict(form, result)
    body = {
        "version": result.record.version,
        "fields": result.record.fields,
        "merged": result.merged,
        "errors": {name: [str(e) for e in form.errors[name]] for name in refused},
        "message": _("Saved at %(time)s")
        % {"time": time_with_zone(result.record.updated_at)},
    }
    if refused:
        labels = [form.label_of(name) for name in sorted(refused)]
        body["message"] = _(
            "Your other changes are saved. These fields were not saved because "
            "they are not valid; the previous value is kept until you correct "
            "them: %(fields)s."
        ) % {"fields": "; ".join(labels)}
    return JsonResponse(body)
