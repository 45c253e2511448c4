from django.core.exceptions import ImproperlyConfigured

from portal.env import (
    cache_settings,
    env_bool,
    env_int,
    env_str,
    media_origin,
    shared_cache,
)

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

# Persistent database connections: opening one per request (and, on SQLite, setting its
# WAL pragmas) cost ~3 ms of a ~10 ms page. Each is checked at the start of a request
# (CONN_HEALTH_CHECKS), so after a database restart the next request reconnects.
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60)  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

# Object storage (S3-compatible) for media when configured, so every app server
# sees the same images, documents, chart images and PDF briefs; media URLs then
# point at the bucket (signed, unless AWS_QUERYSTRING_AUTH=false for a public one).
# Without a bucket, media files live in MEDIA_ROOT: the proxy serves them at /media/,
# or the app does when SERVE_MEDIA is on (one server, small sites).
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}  # noqa: F405
    AWS_S3_ENDPOINT_URL = env_str("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = env_str("AWS_S3_REGION_NAME") or None
    AWS_S3_ACCESS_KEY_ID = env_str("AWS_ACCESS_KEY_ID") or None
    AWS_S3_SECRET_ACCESS_KEY = env_str("AWS_SECRET_ACCESS_KEY") or None
    AWS_S3_CUSTOM_DOMAIN = env_str("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_QUERYSTRING_AUTH = env_bool("AWS_QUERYSTRING_AUTH", True)
    AWS_S3_FILE_OVERWRITE = False
    AWS_DEFAULT_ACL = None
    MEDIA_ORIGINS = [media_origin(AWS_S3_CUSTOM_DOMAIN, AWS_S3_ENDPOINT_URL)]
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"] += MEDIA_ORIGINS  # noqa: F405
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)

# Chart images, PDF briefs, e-mail batches and DHIS2 calls leave the request: on
# PostgreSQL they queue in the database for `manage.py db_worker` (README, "Background
# worker"); pages render meanwhile. SQLite (one small server) keeps running them
# immediately. TASKS_BACKEND (a dotted backend path) overrides either choice.
_on_postgres = "postgresql" in DATABASES["default"]["ENGINE"]  # noqa: F405
TASKS = {
    "default": {
        "BACKEND": env_str(
            "TASKS_BACKEND",
            DATABASE_TASKS_BACKEND if _on_postgres else IMMEDIATE_TASKS_BACKEND,  # noqa: F405
        )
    }
}

# The page cache and the site's cache (portal/chrome.py) purge through a token in the
# cache, so they need a cache every worker shares: Redis (REDIS_URL, needed once there
# is more than one server) or, on one server, Django's file-based cache in CACHE_DIR.
# CACHE_DIR="" without Redis leaves each worker its own memory: both are then off
# (portal.W004, portal.W005 if forced on).
CACHE_DIR = env_str("CACHE_DIR", str(BASE_DIR / "var" / "cache"))  # noqa: F405
CACHES = cache_settings(REDIS_URL, CACHE_DIR)  # noqa: F405
_shared = shared_cache(CACHES)
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300 if _shared else 0)  # noqa: F405
CHROME_CACHE = env_bool("CHROME_CACHE", _shared)  # noqa: F405

LOGGING["root"]["level"] = env_str("LOG_LEVEL", "INFO")  # noqa: F405
