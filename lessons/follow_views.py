"""The reader's "What I follow" page and the one-click unsubscribe of lesson alerts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

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


def unsubscribe(request, token):
    """GET asks (mail scanners follow links); only the POST of its form (CSRF-checked
    like every form here, so no RFC 8058 List-Unsubscribe-Post) stops every alert."""
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
