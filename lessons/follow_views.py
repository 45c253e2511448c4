"""The reader's "What I follow" page and the one-click unsubscribe of lesson alerts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from lessons import services
from lessons.alerts import user_from_token
from lessons.forms import FollowForm
from lessons.selectors import followed


@login_required
def follow_page(request):
    user = request.user
    if request.method == "POST":
        form = FollowForm(request.POST)
        if form.is_valid():
            services.set_follows(
                user,
                form.cleaned_data["topics"],
                form.cleaned_data["countries"],
                get_language(),
            )
            messages.success(request, _("Your choice is saved."))
            return redirect("follow:page")
    else:
        initial = followed(user)
        # "Follow this topic" links from the library tick the box, unsaved.
        initial["topics"] += request.GET.getlist("topic")
        initial["countries"] += request.GET.getlist("country")
        form = FollowForm(initial=initial)
    return render(request, "lessons/follow.html", {"form": form, "email": user.email})


@csrf_exempt
def unsubscribe(request, token):
    """GET asks (mail scanners follow links); a POST stops every alert: the page's own
    button, or a mail program's one-click button (RFC 8058: `List-Unsubscribe=One-Click`
    with no cookie and no CSRF token). Exempt from CSRF because the signed token in the
    address, not a session, says who is unsubscribed: a forged request cannot name
    anyone without it, and it can only ever switch alerts off."""
    user = user_from_token(token)
    if user is None:
        return render(
            request, "lessons/unsubscribe.html", {"invalid": True}, status=400
        )
    done = False
    if request.method == "POST":
        services.stop_alerts(user)
        done = True
    return render(
        request, "lessons/unsubscribe.html", {"done": done, "email": user.email}
    )
