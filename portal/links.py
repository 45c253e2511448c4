"""Absolute links, all on ``settings.BASE_URL``: the portal's one public address.

E-mails, feeds, the sitemap, the API and the share tags of every page build their
absolute links here, whatever host a request came through (a proxy's, "testserver",
"localhost") and whatever ``django.contrib.sites`` says ("example.com").

Wagtail builds its own absolute links (``page.full_url``, the API's ``html_url`` and
``detail_url``, the sitemap's ``<loc>``) from the default ``Site``'s hostname and port,
so :func:`sync_sites_with_base_url` makes that Site (and Django's, read by feeds and
comments) say what BASE_URL says; it runs after every ``migrate`` (see
docs/decisions.md, "Absolute links follow BASE_URL").
"""

from urllib.parse import urlsplit

from django.conf import settings


def base_url() -> str:
    """ "https://district.example.org", without a trailing slash."""
    return settings.BASE_URL.rstrip("/")


def absolute_url(path_or_url: str) -> str:
    """A path on BASE_URL; an absolute http(s) URL (another site's) is kept as is.

    >>> absolute_url("/fr/cycles/")  # with BASE_URL = "https://district.example.org"
    'https://district.example.org/fr/cycles/'
    """
    if path_or_url.startswith(("http://", "https://")):
        return path_or_url
    return base_url() + "/" + (path_or_url or "/").lstrip("/")


def page_url(page, fallback: str = "/") -> str:
    """A page's absolute address on BASE_URL (a page of no site: ``fallback``)."""
    return absolute_url(page.get_url() or fallback)


def site_address() -> tuple[str, int]:
    """BASE_URL's host name and port, as Wagtail's ``Site`` stores them (Wagtail writes
    https for port 443, http for any other port)."""
    parts = urlsplit(base_url())
    default_port = 443 if parts.scheme == "https" else 80
    return parts.hostname or "localhost", parts.port or default_port


def sync_sites_with_base_url(**_kwargs) -> None:
    """Point the default Wagtail ``Site`` and Django's current ``Site`` at BASE_URL
    (a ``post_migrate`` receiver; the demo seed calls it too)."""
    from django.contrib.sites.models import Site as DjangoSite
    from wagtail.models import Site

    hostname, port = site_address()
    site = Site.objects.filter(is_default_site=True).first()
    taken = Site.objects.filter(hostname=hostname, port=port).exclude(
        is_default_site=True
    )
    if site and (site.hostname, site.port) != (hostname, port) and not taken.exists():
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])
    domain = urlsplit(base_url()).netloc
    DjangoSite.objects.filter(pk=settings.SITE_ID).exclude(domain=domain).update(
        domain=domain
    )
    DjangoSite.objects.clear_cache()
