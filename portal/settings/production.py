from django.core.exceptions import ImproperlyConfigured

from portal.env import env_bool, env_int, env_str

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set: production refuses to start without a secret key."
    )

# Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True

# Object storage (S3-compatible) for media when configured, so every app server
# sees the same images, documents, chart images and PDF briefs.
if env_str("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}  # noqa: F405

TASKS = {
    "default": {
        "BACKEND": env_str(
            "TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

LOGGING["root"]["level"] = env_str("LOG_LEVEL", "INFO")  # noqa: F405
