from portal.env import env_bool, env_str

from .base import *  # noqa: F403

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str(
    "SECRET_KEY", "dev-only-insecure-key-change-me-in-production-0123456789"
)
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
WHITENOISE_AUTOREFRESH = True
