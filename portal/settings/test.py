from .base import *  # noqa: F403

SECRET_KEY = "test-only-insecure-key-0123456789-abcdefghijklmnopqrstuvwxyz"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "tmp" / "test-media"  # noqa: F405
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
STATIC_ROOT = BASE_DIR / "tmp" / "test-static"  # noqa: F405
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_AUTOREFRESH = True
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    # A file, not memory: the live server of the browser tests runs in another thread.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "tmp" / "test-db.sqlite3")}  # noqa: F405
# Off in tests unless a test turns it on (tests/portal/test_page_cache.py): a cached page
# would hide what a test just changed by hand in the database.
PAGE_CACHE_SECONDS = 0
# Replies by e-mail on, with the webhooks' secrets (tests/discussions/test_reply_*.py).
DISCUSSIONS_REPLY_DOMAIN = "reply.district.test"
ANYMAIL = {
    "WEBHOOK_SECRET": "esp-user:esp-password",
    "MAILGUN_WEBHOOK_SIGNING_KEY": "key-test-mailgun-signing",
}
