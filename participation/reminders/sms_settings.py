"""The SMS part of the reminder settings page (the form lives in sms/forms.py)."""

from sms import selectors as sms_selectors
from sms import services as sms_services


def sms_initial(user) -> dict:
    subscription = sms_selectors.subscription_of(user)
    if subscription is None:
        return {"sms_reminders": False, "phone": ""}
    return {"sms_reminders": subscription.opted_in, "phone": subscription.phone}


def save_sms_settings(user, form) -> None:
    phone = form.cleaned_data["phone"]
    if not phone and sms_selectors.subscription_of(user) is None:
        return  # never asked for SMS: no row
    sms_services.save_subscription(user, phone, form.cleaned_data["sms_reminders"])
