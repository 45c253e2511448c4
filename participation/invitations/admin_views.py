"""The facilitators' invitation screens in the Wagtail admin: inviting one member,
importing a file, re-sending a link. The list is ``listing.InvitationIndexView``;
the hooks let only facilitators and admins in (``facilitators_only``)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from districts.models import District
from participation.invitations import services as service
from participation.invitations.forms import InvitationImportForm, InviteForm
from participation.invitations.importing import import_csv
from participation.models import Invitation
from portal import spreadsheets


def invite_member(request):
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = service.invite(**form.cleaned_data, invited_by=request.user)
        except ValidationError as error:
            form.add_error("email", error)
        else:
            messages.success(
                request,
                _("Invitation sent to %(email)s.") % {"email": invitation.email},
            )
            return redirect("participation_invitations")
    return TemplateResponse(
        request,
        "participation/admin/invite.html",
        {"header_title": _("Invite a member"), "form": form},
    )


def import_invitations(request):
    form = InvitationImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = import_csv(form.cleaned_data["file"], request.user)
        if result.ok:
            count = len(result.invitations)
            messages.success(
                request,
                ngettext(
                    "%(count)s invitation sent.",
                    "%(count)s invitations sent.",
                    count,
                )
                % {"count": count},
            )
            if result.resent:
                messages.info(
                    request,
                    ngettext(
                        "%(count)s of them went to a member already invited: "
                        "their previous link no longer works.",
                        "%(count)s of them went to members already invited: "
                        "their previous links no longer work.",
                        result.resent,
                    )
                    % {"count": result.resent},
                )
            return redirect("participation_invitations")
    return TemplateResponse(
        request,
        "participation/admin/import.html",
        {
            "header_title": _("Import members from a CSV file"),
            "form": form,
            "result": result,
        },
    )


@require_POST
def resend_invitation(request, pk: int):
    invitation = get_object_or_404(Invitation, pk=pk)
    try:
        service.resend(invitation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("A new invitation link was sent to %(email)s.")
            % {"email": invitation.email},
        )
    return redirect("participation_invitations")


def csv_template(request):
    """A file to fill in: the header row and one example member."""
    example = District.objects.order_by("code").first()
    rows = [
        ["name", "email", "district", "language"],
        [
            "Awa Koné",
            "awa.kone@example.org",
            example.code if example else "bj-banikoara",
            "fr",
        ],
    ]
    return spreadsheets.download(rows, "invitations")
