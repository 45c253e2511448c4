"""The moderators' decisions on a comment (facilitators and admins only: the hooks
register this view through ``facilitators_only``); the queue is
``moderation_listing.ModerationIndexView``."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_comments_xtd.models import XtdComment

from discussions import services


@require_POST
def act(request, comment_id):
    comment = get_object_or_404(
        XtdComment.objects.select_related("user"), pk=comment_id
    )
    action = request.POST.get("action")
    reason = request.POST.get("reason", "")
    try:
        if action in ("approve", "restore"):
            services.approve(request.user, comment)
        elif action == "hide":
            services.hide(request.user, comment, reason)
        elif action == "remove":
            services.remove(request.user, comment, reason)
        else:
            raise ValidationError(_("Choose an action."))
        messages.success(request, _("Done."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    back = reverse("discussions_moderation")
    if request.POST.get("show") == "hidden":
        back += "?show=hidden"
    return redirect(back)
