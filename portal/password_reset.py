"""Password reset, throttled per client and per e-mail address.

Per client (scope ``password_reset``): over the limit the reader gets the 429 page.
Per address (scope ``password_reset_email``): over the limit the form answers as
usual ("if an account exists, an e-mail is on its way") but sends nothing, so the
throttle neither floods an inbox nor tells anyone whether the address has an account.
"""

import hashlib

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.utils.decorators import method_decorator

from portal.links import base_url
from portal.ratelimit import configured_rate, is_key_rate_limited, rate_limit

EMAIL_SCOPE = "password_reset_email"


def _address_key(email: str) -> str:
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()


class ThrottledPasswordResetForm(PasswordResetForm):
    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        if settings.RATE_LIMITS_ENABLED and is_key_rate_limited(
            EMAIL_SCOPE, _address_key(to_email), configured_rate(EMAIL_SCOPE)
        ):
            return
        super().send_mail(
            subject_template_name,
            email_template_name,
            context,
            from_email,
            to_email,
            html_email_template_name,
        )


@method_decorator(rate_limit("password_reset"), name="post")
class PasswordResetView(auth_views.PasswordResetView):
    form_class = ThrottledPasswordResetForm
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"

    @property
    def extra_email_context(self):
        """The link is on BASE_URL, not on the request's or Django Site's host."""
        return {"base_url": base_url()}
