"""Thin views: each validates input, calls a service and redirects back."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_comments_xtd.models import XtdComment

from discussions import services
from discussions.models import CommentStatus, Frequency
from discussions.notifications import user_from_token
from discussions.pages import readable_page
from discussions.ratelimit import comment_rate


def _back(request, page, fragment="discussion"):
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}):
        target = page.url or "/"
    return redirect(f"{target.split('#')[0]}#{fragment}")


def _page_or_404(request, page_id):
    page = readable_page(request, page_id)
    if page is None:
        raise Http404
    return page


@require_POST
@login_required
def post(request, page_id):
    page = _page_or_404(request, page_id)
    draft = services.Draft(
        text=request.POST.get("text", ""),
        parent_id=int(request.POST["parent"])
        if request.POST.get("parent", "").isdigit()
        else None,
        anchor=request.POST.get("chart", ""),
        topic=request.POST.get("topic", ""),
    )
    try:
        comment = services.post_comment(request.user, page, draft, get_language())
    except services.RateLimited:
        response = render(
            request,
            "discussions/retry.html",
            {"page": page, "draft": draft, "next": request.POST.get("next", "")},
            status=429,
        )
        response["Retry-After"] = str(comment_rate().period)
        return response
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _back(request, page)
    return _back(request, page, f"c{comment.pk}")


def comment_action(action):
    """A POST about one comment: run the action, show its outcome, go back to it."""

    @require_POST
    @login_required
    @wraps(action)
    def view(request, comment_id):
        comment = get_object_or_404(
            XtdComment.objects.select_related("details"), pk=comment_id
        )
        page = _page_or_404(request, comment.details.page_id)
        if comment.details.status != CommentStatus.PUBLISHED and not (
            comment.user_id == request.user.pk
        ):
            raise Http404
        try:
            outcome = action(request, comment)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            outcome = None
        if outcome:
            messages.success(request, outcome)
        return _back(request, page, f"c{comment.pk}")

    return view


@comment_action
def edit(request, comment):
    services.edit_comment(
        request.user, comment, request.POST.get("text", ""), get_language()
    )


@comment_action
def delete(request, comment):
    services.delete_comment(request.user, comment)
    return _("Your comment was deleted.")


@comment_action
def like(request, comment):
    services.toggle_like(request.user, comment)


@comment_action
def flag(request, comment):
    services.flag_comment(request.user, comment, request.POST.get("reason", ""))
    return _("Thank you: a facilitator will review it.")


@require_POST
@login_required
def follow(request, page_id):
    page = _page_or_404(request, page_id)
    if request.POST.get("action") == "unfollow":
        services.unfollow(request.user, page)
        messages.success(request, _("You no longer follow this discussion."))
    else:
        services.follow(request.user, page)
        messages.success(request, _("You follow this discussion."))
    return _back(request, page)


@login_required
def preferences(request):
    if request.method == "POST" and request.POST.get("frequency") in Frequency.values:
        services.set_frequency(request.user, request.POST["frequency"])
        messages.success(request, _("Your choice is saved."))
        return redirect("discussions:preferences")
    current = getattr(request.user, "discussion_settings", None)
    return render(
        request,
        "discussions/preferences.html",
        {
            "choices": Frequency.choices,
            "current": current.frequency if current else Frequency.IMMEDIATE,
        },
    )


def unsubscribe(request, token):
    user = user_from_token(token)
    if user is None:
        raise PermissionDenied
    done = False
    if request.method == "POST":
        services.set_frequency(user, Frequency.NEVER)
        done = True
    return render(request, "discussions/unsubscribe.html", {"done": done})
