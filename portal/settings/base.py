"""Settings shared by every environment. Secrets and deployment knobs come from the
environment (see portal/env.py and the README); DEBUG is off unless dev turns it on."""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from portal.env import (
    cache_settings,
    env_bool,
    env_int,
    env_list,
    env_str,
    machine_translator_settings,
    search_backend_settings,
)

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
BASE_URL = env_str("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = BASE_URL

INSTALLED_APPS = [
    # Project apps, one per domain.
    "portal",
    "home",
    "districts",
    "cycles",
    "search",
    "dhis2",
    "charts",
    "discussions",
    "participation",
    "sms",
    # Comments (django-comments-xtd on django-contrib-comments, which needs sites).
    "django_comments_xtd",
    "django_comments",
    "django.contrib.sites",
    "lessons",
    "followup",
    "demo",  # seed_demo: the demo site, from the test factories
    # Wagtail and translation.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # The database task backend (its queue table) and its db_worker command.
    "django_tasks_db",
    # Inbound e-mail webhooks (replies by e-mail); its URLs only when ANYMAIL is set.
    "anymail",
    # Security.
    "axes",
    "csp",
    # Django.
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything reads a cookie or a field: PostgreSQL cannot store NUL bytes.
    "portal.nul_bytes.StripNulBytesMiddleware",
    # A preview of a draft neither reads nor keeps the live site's cached pieces.
    "portal.chrome.DraftRenderMiddleware",
    # Pages are gzipped for slow, costly connections; Django pads each compressed
    # response with random bytes against BREACH, and CSRF tokens are masked per request.
    "django.middleware.gzip.GZipMiddleware",
    # Anonymous readers' Wagtail pages from the cache (portal/pagecache.py): inside
    # gzip (pages are stored uncompressed), outside sessions, CSRF and CSP (it sees
    # their cookies and headers, and serves a hit before a session is read).
    "portal.pagecache.PageCacheMiddleware",
    # Marks pages for the service worker (portal/offline.py): sees the cookies set inside.
    "portal.offline.OfflineHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.locale_middleware.PortalLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Times in the signed-in reader's zone (their own, else their country's).
    "districts.middleware.ReaderTimeZoneMiddleware",
    "participation.dashboard.middleware.LastVisitMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "portal.admin_csp.AdminCSPMiddleware",  # the admin's own policy (after csp)
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # django-axes must come last (STACK.md gotcha 11).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
CSRF_FAILURE_VIEW = "portal.views.csrf_failure"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "csp.context_processors.nonce",
                "portal.context_processors.site_chrome",
            ],
        },
    },
]

# --- Database: SQLite file by default, anything dj-database-url reads otherwise.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The embedded default under concurrency (docs/decisions.md): readers never wait
    # for a writer (WAL), a write transaction takes its lock when it begins instead of
    # failing to upgrade a read lock ("database is locked"), and waits its turn.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": env_int("SQLITE_BUSY_TIMEOUT", 20),
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache: Redis when REDIS_URL is set, local memory otherwise.
REDIS_URL = env_str("REDIS_URL")
CACHES = cache_settings(REDIS_URL)
# Anonymous readers' pages are kept this long (0: no page cache); any publication,
# comment, survey answer or chart refresh forgets them all at once.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
# The menu, the site roots and the view restrictions, kept until the site changes
# (portal/chrome.py); only where every worker shares the cache (see production.py).
CHROME_CACHE = env_bool("CHROME_CACHE", True)

# --- Authentication.
AUTHENTICATION_BACKENDS = [
    # django-axes first (STACK.md gotcha 11).
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"

# wagtail-localize's "Translate" button in the translation editor (off by default).
_machine_translator = machine_translator_settings(
    env_str("MACHINE_TRANSLATOR"),
    url=env_str("LIBRETRANSLATE_URL"),
    api_key=env_str("MACHINE_TRANSLATOR_API_KEY"),
    timeout=env_int("MACHINE_TRANSLATOR_TIMEOUT", 10),
)
if _machine_translator:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = _machine_translator
LOGOUT_REDIRECT_URL = "/"

# django-axes: lock a username *from one address* after repeated failures, so a
# stranger cannot lock a whole district's shared connection nor a colleague's account.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_HOURS", 1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# Client addresses (portal/client_ip.py), for axes and the rate limiter alike:
# REMOTE_ADDR unless proxies are trusted, by number or by address/network.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", env_int("AXES_PROXY_COUNT", 0))
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", [])
AXES_CLIENT_IP_CALLABLE = "portal.client_ip.client_ip"

# --- Languages: French first, English second.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Africa/Porto-Novo"
USE_I18N = True
USE_TZ = True

# --- Static and media files.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # The basic plotly.js bundle from npm (package.json), served from our own host.
    ("vendor/plotly", BASE_DIR / "node_modules" / "plotly.js-basic-dist-min"),
]
MEDIA_URL = "/media/"
MEDIA_ORIGINS: list[str] = []  # other origins media is read from (production, S3)
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- E-mail, SMS and replies by e-mail: portal/settings/channels.py.
from portal.settings.channels import *  # noqa: E402, F403

# --- Slow work off the request path (django-tasks, brought by Wagtail).
# Immediate here (make run, dev, tests): a task runs inside the call that enqueues it.
# Production queues tasks in the database for `manage.py db_worker` (see production.py).
IMMEDIATE_TASKS_BACKEND = "django_tasks.backends.immediate.ImmediateBackend"
DATABASE_TASKS_BACKEND = "django_tasks_db.DatabaseBackend"
TASKS = {"default": {"BACKEND": IMMEDIATE_TASKS_BACKEND}}

# --- Wagtail.
WAGTAIL_SITE_NAME = "District.Team"
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Avatars from this site only: no image from gravatar.com under the admin's CSP.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "xls", "xlsx"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAILSEARCH_BACKENDS = search_backend_settings(env_str("ELASTICSEARCH_URL"))
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = True

# --- Security headers, content security policy, rate limits: portal/settings/security.py.
from portal.settings.security import *  # noqa: E402, F403

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# django-contrib-comments warns about a Django 6 removal from its forms module; keep
# every other warning visible (STACK.md gotcha 5).
import warnings  # noqa: E402

warnings.filterwarnings(
    "ignore", message=r".*RemovedInDjango60Warning.*", module=r"django_comments\.forms"
)

# --- Discussions (django-comments-xtd). Posting goes through discussions.services;
# xtd gives the threaded storage (three levels: 0, 1, 2) and likes.
SITE_ID = 1
COMMENTS_APP = "django_comments_xtd"
COMMENTS_XTD_MAX_THREAD_LEVEL = 2
COMMENTS_XTD_CONFIRM_EMAIL = False
COMMENTS_XTD_THREADED_EMAILS = False
COMMENTS_XTD_APP_MODEL_OPTIONS = {
    "default": {
        "who_can_post": "users",
        "allow_flagging": True,
        "allow_feedback": True,
        "show_feedback": True,
    }
}
DISCUSSIONS_EDIT_WINDOW_MINUTES = 15
DISCUSSIONS_PAGE_SIZE = 20  # top-level threads per screenful

# --- Invitations: how long a link e-mailed to a new HDMT member stays valid.
INVITATION_MAX_AGE_DAYS = env_int("INVITATION_MAX_AGE_DAYS", 14)

DEMO_PASSWORD = env_str("DEMO_PASSWORD", "district-team-demo")
SITE_TAGLINE = _("Health district teams learning together")
