"""The page an invited member opens from their e-mail to choose a password."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from participation.invitations import services as service
from participation.invitations.links import LinkState, check_token
from portal.ratelimit import rate_limit
from portal.typography import elide

# django-axes comes first in AUTHENTICATION_BACKENDS and only guards logins by
# password; the member has just proven who they are with the signed link.
LOGIN_BACKEND = "django.contrib.auth.backends.ModelBackend"

UNUSABLE_STATUS = {LinkState.INVALID: 404, LinkState.EXPIRED: 410, LinkState.USED: 200}


@never_cache
@sensitive_post_parameters("new_password1", "new_password2")
@rate_limit("invitation")
def accept_invitation(request, token: str):
    check = check_token(token)
    if check.state != LinkState.VALID:
        return TemplateResponse(
            request,
            "participation/invitation_unusable.html",
            {"state": check.state.value},
            status=UNUSABLE_STATUS[check.state],
        )
    invitation = check.invitation
    form = SetPasswordForm(invitation.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = service.accept(invitation, form.cleaned_data["new_password1"])
        except ValidationError:
            return TemplateResponse(
                request,
                "participation/invitation_unusable.html",
                {"state": LinkState.USED.value},
            )
        login(request, user, backend=LOGIN_BACKEND)
        place = invitation.district.name
        welcome = _(
            "Welcome to the %(district)s team! Your password is saved. "
            "Next time, log in with the username %(username)s."
        ) % {"district": place, "username": user.get_username()}
        messages.success(request, elide(welcome, place))
        return redirect(reverse("wagtail_serve", args=[""]))
    return TemplateResponse(
        request,
        "participation/invitation_accept.html",
        {"invitation": invitation, "form": form},
    )
