"""System checks for settings the portal cannot work without in production."""

import ipaddress
import os
import tempfile
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0", ""}  # noqa: S104


@register(Tags.security, deploy=True)
def check_base_url(app_configs=None, **kwargs):
    """E-mails and the admin build absolute links from BASE_URL: in production it must
    be the public HTTPS address, not the development default."""
    parts = urlsplit(settings.BASE_URL)
    if parts.hostname in LOCAL_HOSTS or parts.hostname is None:
        return [
            Warning(
                f"BASE_URL is {settings.BASE_URL!r}: e-mails (invitations, password "
                "resets, notifications) would link to this machine.",
                hint="Set BASE_URL to the site's public address, e.g. "
                "https://district.team.",
                id="portal.W001",
            )
        ]
    if parts.scheme != "https":
        return [
            Warning(
                f"BASE_URL {settings.BASE_URL!r} is not HTTPS: links in e-mails "
                "would send readers to the site unencrypted.",
                hint="Use the https:// address the TLS proxy serves.",
                id="portal.W002",
            )
        ]
    return []


@register(Tags.security)
def check_trusted_proxies(app_configs=None, **kwargs):
    """TRUSTED_PROXIES must be addresses or networks (portal/client_ip.py)."""
    errors = []
    for proxy in getattr(settings, "TRUSTED_PROXIES", ()) or ():
        try:
            ipaddress.ip_network(proxy, strict=False)
        except ValueError:
            errors.append(
                Error(
                    f"TRUSTED_PROXIES has {proxy!r}, which is not an IP address or "
                    "network.",
                    hint="e.g. TRUSTED_PROXIES=10.0.0.0/8,192.0.2.4",
                    id="portal.E001",
                )
            )
    if getattr(settings, "TRUSTED_PROXY_COUNT", 0) and getattr(
        settings, "TRUSTED_PROXIES", ()
    ):
        errors.append(
            Warning(
                "Both TRUSTED_PROXY_COUNT and TRUSTED_PROXIES are set; the count wins.",
                hint="Set one of them.",
                id="portal.W003",
            )
        )
    if getattr(settings, "TRUSTED_PROXY_COUNT", 0) < 0:
        errors.append(
            Error("TRUSTED_PROXY_COUNT cannot be negative.", id="portal.E002")
        )
    return errors


@register(Tags.caches, deploy=True)
def check_page_cache_is_shared(app_configs=None, **kwargs):
    """The page cache purges by replacing a token in the cache (portal/pagecache.py): in
    a local-memory cache each worker has its own token, so a purge reaches only the
    worker that made the change, and the others keep serving, for instance, a comment a
    facilitator has just hidden."""
    backend = settings.CACHES["default"]["BACKEND"]
    if getattr(settings, "PAGE_CACHE_SECONDS", 0) and backend.endswith("LocMemCache"):
        return [
            Warning(
                "PAGE_CACHE_SECONDS is on with a local-memory cache: each worker "
                "would keep its own pages, and a comment hidden or a page unpublished "
                "through one worker would stay visible through the others until it "
                "expires.",
                hint="Set REDIS_URL (a cache all workers share), or leave "
                "PAGE_CACHE_SECONDS unset (off without Redis).",
                id="portal.W004",
            )
        ]
    if getattr(settings, "CHROME_CACHE", False) and backend.endswith("LocMemCache"):
        return [
            Warning(
                "CHROME_CACHE is on with a local-memory cache: a page made private or "
                "unpublished through one worker would stay in the others' menus for "
                "up to 5 minutes.",
                hint="Set REDIS_URL, or leave CHROME_CACHE unset (off without Redis).",
                id="portal.W005",
            )
        ]
    return []


@register(Tags.caches)
def check_cache_directory_is_writable(app_configs=None, **kwargs):
    """The file-based cache (one server without Redis) writes in CACHE_DIR: a directory
    the workers cannot write would fail every page that stores something."""
    cache = settings.CACHES["default"]
    if not cache["BACKEND"].endswith("FileBasedCache"):
        return []
    directory = cache["LOCATION"]
    try:
        os.makedirs(directory, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=directory):
            pass
    except OSError as exc:
        return [
            Error(
                f"The cache directory {directory} cannot be written: {exc.strerror}.",
                hint="Set CACHE_DIR to a directory the application may write, or "
                "REDIS_URL.",
                id="portal.E003",
            )
        ]
    return []
