"""A member's reminder settings, and the one-click unsubscribe link of the e-mails."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from districts.middleware import forget_zone
from districts.timezones import own_zone_name
from participation.reminders import services
from participation.reminders.forms import ReminderSettingsForm
from participation.reminders.selectors import member_language
from participation.reminders.sms_settings import save_sms_settings, sms_initial
from sms.forms import SmsSettingsForm


@login_required
def reminder_settings(request):
    user = request.user
    if request.method == "POST":
        form = ReminderSettingsForm(request.POST)
        sms_form = SmsSettingsForm(request.POST, user=user)
        if form.is_valid() and sms_form.is_valid():
            services.save_preferences(
                user,
                form.cleaned_data["reminders"],
                form.cleaned_data["language"],
                form.cleaned_data["time_zone"],
            )
            save_sms_settings(user, sms_form)
            forget_zone(request)
            messages.success(request, _("Your choice is saved."))
            return redirect("reminders:settings")
    else:
        form = ReminderSettingsForm(
            initial={
                "reminders": not services.has_opted_out(user),
                "language": member_language(user),
                "time_zone": own_zone_name(user),
            }
        )
        sms_form = SmsSettingsForm(initial=sms_initial(user), user=user)
    return render(
        request,
        "participation/reminder_settings.html",
        {"form": form, "sms_form": sms_form},
    )


def unsubscribe(request, token):
    """GET asks (mail scanners follow links); only the POST of the form opts out."""
    user = services.user_from_token(token)
    if user is None:
        return render(
            request, "participation/unsubscribe.html", {"invalid": True}, status=400
        )
    done = services.has_opted_out(user)
    if request.method == "POST":
        services.opt_out(user)
        done = True
    return render(
        request, "participation/unsubscribe.html", {"done": done, "email": user.email}
    )
