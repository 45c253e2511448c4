"""The client's address, the same for the login lockout (django-axes) and the
project's rate limiter.

Without a trusted proxy (the default) it is the socket's peer, ``REMOTE_ADDR``, and
``X-Forwarded-For`` is ignored: anybody can write that header. Behind proxies, say
which are trusted (``settings.TRUSTED_PROXY_COUNT`` or ``TRUSTED_PROXIES``), and the
client is the address the outermost trusted proxy saw and appended to the header:

- ``TRUSTED_PROXY_COUNT = n``: the ``n``-th address from the right of
  ``X-Forwarded-For`` (``REMOTE_ADDR`` is the nearest proxy, the ``n - 1`` last
  entries the others). A request with fewer entries did not come through them all,
  so it is counted by ``REMOTE_ADDR``.
- ``TRUSTED_PROXIES = ["10.0.0.0/8", "192.0.2.4"]``: only when ``REMOTE_ADDR`` is one
  of them is the header read, from the right, skipping trusted addresses; the first
  other address is the client.

Anything that is not an IP address ends the walk at the last address known good.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings


def _address(text: str):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]):
    return tuple(ipaddress.ip_network(p.strip(), strict=False) for p in proxies if p)


def _forwarded(request) -> list[str]:
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    return [part.strip() for part in header.split(",") if part.strip()]


def client_ip(request) -> str | None:
    """The client's IP address as text (None when the request has none)."""
    remote = request.META.get("REMOTE_ADDR") or None
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0
    proxies = tuple(getattr(settings, "TRUSTED_PROXIES", ()) or ())
    if remote is None or (not count and not proxies):
        return remote
    chain = _forwarded(request)
    if count:
        if len(chain) < count:
            return remote
        candidate = _address(chain[-count])
        return str(candidate) if candidate else remote
    networks = _networks(proxies)

    def trusted(address) -> bool:
        return any(address in network for network in networks)

    nearest = _address(remote)
    if nearest is None or not trusted(nearest):
        return remote
    known = nearest
    for entry in reversed(chain):
        address = _address(entry)
        if address is None:
            return str(known)
        if not trusted(address):
            return str(address)
        known = address
    return str(known)
