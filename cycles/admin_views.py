"""The XLSForm upload in the Wagtail editor (facilitators only)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cycles.models import CyclePage
from cycles.selectors import canonical_cycle, has_answers
from cycles.xlsform import AnswersExist, XLSFormError, import_xlsform
from districts.roles import is_facilitator


class XLSFormUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("XLSForm file (.xls or .xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xls,.xlsx"}),
    )
    force = forms.BooleanField(
        label=gettext_lazy(
            "Replace the questionnaire anyway (districts have already answered)"
        ),
        required=False,
    )


def import_xlsform_view(request, page_id: int):
    page = get_object_or_404(CyclePage, pk=page_id)
    if (
        not is_facilitator(request.user)
        or not page.permissions_for_user(request.user).can_edit()
    ):
        raise PermissionDenied
    cycle = canonical_cycle(page)
    report = error = None
    form = XLSFormUploadForm(request.POST or None, request.FILES or None)
    answered = has_answers(cycle)
    if not answered:
        del form.fields["force"]
    if request.method == "POST" and form.is_valid():
        try:
            report = import_xlsform(
                cycle,
                form.cleaned_data["file"],
                force=form.cleaned_data.get("force", False),
                user=request.user,
            )
        except AnswersExist as exc:
            error = f"{exc} " + _(
                "To replace it anyway, tick “Replace the questionnaire anyway” "
                "below and import the file again."
            )
        except XLSFormError as exc:
            error = str(exc)
    return TemplateResponse(
        request,
        "cycles/admin/import_xlsform.html",
        {
            "page": cycle,
            "form": form,
            "report": report,
            "error": error,
            "has_answers": answered,
            "header_title": _("Import an XLSForm"),
        },
    )
