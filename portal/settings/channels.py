"""How the portal reaches people outside the site: outgoing e-mail, SMS, and replies
that come back by e-mail. Imported by base.py."""

from portal.env import env_bool, env_int, env_str

# --- E-mail: console by default, SMTP when EMAIL_HOST is set.
EMAIL_HOST = env_str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_str(
    "DEFAULT_FROM_EMAIL", "District.Team <noreply@district.team>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- SMS: console by default; RapidPro or Africa's Talking (README, "SMS").
SMS_BACKEND = env_str("SMS_BACKEND", "sms.backends.console.SmsBackend")
RAPIDPRO_URL = env_str("RAPIDPRO_URL")
RAPIDPRO_TOKEN = env_str("RAPIDPRO_TOKEN")
RAPIDPRO_URN_SCHEME = env_str("RAPIDPRO_URN_SCHEME", "tel")  # or "whatsapp"
AFRICASTALKING_USERNAME = env_str("AFRICASTALKING_USERNAME")
AFRICASTALKING_API_KEY = env_str("AFRICASTALKING_API_KEY")
AFRICASTALKING_SENDER_ID = env_str("AFRICASTALKING_SENDER_ID")
AFRICASTALKING_URL = env_str("AFRICASTALKING_URL")  # empty: live, or sandbox
SMS_WEBHOOK_SECRET = env_str("SMS_WEBHOOK_SECRET")  # empty: inbound webhooks refuse
SMS_MAX_ATTEMPTS = env_int("SMS_MAX_ATTEMPTS", 5)
SMS_RETRY_SECONDS = env_int("SMS_RETRY_SECONDS", 300)  # doubled at each attempt
SMS_TIMEOUT_SECONDS = env_int("SMS_TIMEOUT_SECONDS", 20)

# --- Replies by e-mail (README "Replies by e-mail"): off without REPLY_DOMAIN.
DISCUSSIONS_REPLY_DOMAIN = env_str("REPLY_DOMAIN")
DISCUSSIONS_REPLY_MAX_AGE_DAYS = env_int("REPLY_MAX_AGE_DAYS", 60)
# django-anymail's inbound webhooks (/anymail/<esp>/inbound/): basic auth with
# ANYMAIL_WEBHOOK_SECRET on every ESP (and Mailgun's signature with its key). The
# URLs exist only when the secret is set: without it anymail would accept anyone.
ANYMAIL = {
    name: value
    for name, value in {
        "WEBHOOK_SECRET": env_str("ANYMAIL_WEBHOOK_SECRET"),
        "MAILGUN_WEBHOOK_SIGNING_KEY": env_str("MAILGUN_WEBHOOK_SIGNING_KEY"),
    }.items()
    if value
}
# A plain mailbox read by `manage.py receive_reply_mail` (cron).
REPLY_IMAP = {
    "HOST": env_str("REPLY_IMAP_HOST"),
    "PORT": env_int("REPLY_IMAP_PORT", 993),
    "USER": env_str("REPLY_IMAP_USER"),
    "PASSWORD": env_str("REPLY_IMAP_PASSWORD"),
    "SSL": env_bool("REPLY_IMAP_SSL", True),
    "FOLDER": env_str("REPLY_IMAP_FOLDER", "INBOX"),
}
