"""Small helpers to read deployment settings from the environment.

Every knob of a deployment is an environment variable with a safe default for the
embedded run (SQLite, local-memory cache, console e-mail).
"""

import os

from django.core.exceptions import ImproperlyConfigured

env = os.environ.copy()

TRUE_VALUES = {"1", "true", "yes", "on"}


def env_str(name: str, default: str = "") -> str:
    return env.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    value = env.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in TRUE_VALUES


def env_int(name: str, default: int) -> int:
    value = env.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"{name} must be a whole number, not {value!r}."
        ) from exc


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = env.get(name, "")
    items = [item.strip() for item in value.split(",") if item.strip()]
    return items or list(default or [])


def cache_settings(redis_url: str, directory: str = "") -> dict:
    """Django's own Redis cache when REDIS_URL is set; else, given a directory, Django's
    file-based cache there, which every worker of one server shares (so a purge made
    through one worker reaches the others); local memory otherwise (one process).
    ``local`` is each worker's own copy of what never changes under its key
    (portal/localcopy.py)."""
    return {"default": _shared_cache(redis_url, directory), "local": LOCAL_COPY}


# Fragments and chrome pieces of a few hundred pages in both languages (a few kB each:
# tens of MB at most per worker); the least recently used quarter goes past that.
LOCAL_COPY = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "districtteam-local",
    "TIMEOUT": 300,
    "OPTIONS": {"MAX_ENTRIES": 5_000, "CULL_FREQUENCY": 4},
}


def _shared_cache(redis_url: str, directory: str) -> dict:
    if redis_url:
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "districtteam",
            "TIMEOUT": 60 * 60,
        }
    if directory:
        return {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": directory,
            "KEY_PREFIX": "districtteam",
            "TIMEOUT": 60 * 60,
            # Pages, menus and chart tables of a whole site, in both languages;
            # past this a third of the files, picked at random, is removed.
            "OPTIONS": {"MAX_ENTRIES": 20_000, "CULL_FREQUENCY": 3},
        }
    return {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "districtteam",
    }


def shared_cache(caches: dict) -> bool:
    """Every worker reads the same cache (not each its own memory)."""
    return not caches["default"]["BACKEND"].endswith("LocMemCache")


def search_backend_settings(
    elasticsearch_url: str, index_prefix: str = "districtteam"
) -> dict:
    """Wagtail's database search backend unless ELASTICSEARCH_URL names a server.

    ELASTICSEARCH_VERSION selects the backend matching the server's major version
    (9 by default; 8 needs the 8.x client, see docs/search.md).
    """
    if not elasticsearch_url:
        return {"default": {"BACKEND": "wagtail.search.backends.database"}}
    major = env_str("ELASTICSEARCH_VERSION", "9")
    return {
        "default": {
            "BACKEND": f"wagtail.search.backends.elasticsearch{major}",
            "URLS": [elasticsearch_url],
            "INDEX_PREFIX": f"{index_prefix}_",
            "TIMEOUT": 5,
            "OPTIONS": {},
            # Fold accents and case so "sante" finds "santé", as on the database.
            "INDEX_SETTINGS": {
                "settings": {
                    "analysis": {
                        "analyzer": {
                            "default": {
                                "type": "custom",
                                "tokenizer": "standard",
                                "filter": ["lowercase", "asciifolding"],
                            }
                        }
                    }
                }
            },
        }
    }


MACHINE_TRANSLATORS = {
    "libretranslate": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
    "deepl": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
}


def machine_translator_settings(
    kind: str, url: str = "", api_key: str = "", timeout: int = 10
) -> dict | None:
    """wagtail-localize's WAGTAILLOCALIZE_MACHINE_TRANSLATOR from the environment:
    `MACHINE_TRANSLATOR=libretranslate` (with `LIBRETRANSLATE_URL`, optional
    `MACHINE_TRANSLATOR_API_KEY`) or `deepl` (with the key); off when unset."""
    kind = (kind or "").strip().lower()
    if kind not in MACHINE_TRANSLATORS:
        return None
    if kind == "libretranslate":
        options = {"LIBRETRANSLATE_URL": url.rstrip("/"), "API_KEY": api_key}
    else:
        options = {"AUTH_KEY": api_key}
    options["TIMEOUT"] = timeout
    return {"CLASS": MACHINE_TRANSLATORS[kind], "OPTIONS": options}


def media_origin(custom_domain: str | None, endpoint_url: str | None) -> str:
    """Where media files are read from when they live in object storage, for the
    Content-Security-Policy's img-src: the custom domain, the S3-compatible server,
    or Amazon S3 itself."""
    from urllib.parse import urlsplit

    if custom_domain:
        return f"https://{custom_domain}"
    if endpoint_url:
        parts = urlsplit(endpoint_url)
        return f"{parts.scheme}://{parts.netloc}"
    return "https://*.amazonaws.com"
