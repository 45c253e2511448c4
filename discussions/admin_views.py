"""The facilitators' moderation queue in the Wagtail admin (facilitators and admins
only: the hooks register these views through ``facilitators_only``)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_comments_xtd.models import XtdComment

from discussions import services
from discussions.selectors import (
    comment_location,
    moderated_comments,
    moderation_queue,
)


def queue(request):
    """Reported comments (default), or those hidden or removed (``?show=hidden``)."""
    showing_hidden = request.GET.get("show") == "hidden"
    comments = list(
        (moderated_comments() if showing_hidden else moderation_queue())[:100]
    )
    for comment in comments:
        comment.page_title, comment.page_link = comment_location(comment, request)
    return TemplateResponse(
        request,
        "discussions/admin/queue.html",
        {
            "comments": comments,
            "showing_hidden": showing_hidden,
            "reported_count": moderation_queue().count(),
            "hidden_count": moderated_comments().count(),
            "header_title": _("Moderation"),
        },
    )


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
