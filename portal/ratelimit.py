"""A small rate limiter on Django's cache, per signed-in user or per address.

Usage in a view::

    from portal.ratelimit import rate_limit

    @rate_limit("comments")            # rate from settings.RATE_LIMITS["comments"]
    def post_comment(request): ...

    @rate_limit("search", methods=("GET",), rate="30/m")
    def search(request): ...

Over the limit, the view is not called and the reader gets a translated 429 page with a
`Retry-After` header. Counting uses a window opened by the client's first request,
kept in the shared cache (Redis in production), so every gunicorn worker sees the same
counts. Signed-in users are counted
per account (a district team often shares one mobile connection); anonymous visitors
per address, resolved as django-axes resolves it (``portal.client_ip``: the trusted
proxies of ``TRUSTED_PROXY_COUNT`` / ``TRUSTED_PROXIES``). ``is_key_rate_limited``
counts anything else, such as the e-mail address a password reset is sent to.
"""

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse

from portal.client_ip import client_ip

PERIOD_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Rate:
    limit: int
    period: int  # seconds

    @classmethod
    def parse(cls, text: str) -> "Rate":
        """'5/m', '100/h', '10/30s' → Rate(limit, period in seconds)."""
        count, _, period = text.partition("/")
        unit = period[-1:]
        multiple = int(period[:-1] or 1)
        if unit not in PERIOD_SECONDS or not count.isdigit():
            raise ValueError(f"Not a rate: {text!r} (expected e.g. '5/m').")
        return cls(int(count), multiple * PERIOD_SECONDS[unit])


def client_identity(request: HttpRequest) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    return f"ip:{client_ip(request) or 'unknown'}"


def configured_rate(scope: str) -> Rate:
    return Rate.parse(settings.RATE_LIMITS[scope])


def is_rate_limited(request: HttpRequest, scope: str, rate: Rate) -> bool:
    """Count this request against `scope`; True once the client is over the limit."""
    # The window opens at the client's first request and lasts `rate.period`
    # (incr keeps the expiry), so no count is split by a clock boundary.
    return is_key_rate_limited(scope, client_identity(request), rate)


def is_key_rate_limited(scope: str, identity: str, rate: Rate) -> bool:
    """Count one attempt by ``identity`` in ``scope``; True once over ``rate``."""
    key = f"ratelimit:{scope}:{identity}"
    cache.add(key, 0, rate.period)
    try:
        count = cache.incr(key)
    except ValueError:  # the window expired between add() and incr()
        cache.set(key, 1, rate.period + 1)
        count = 1
    return count > rate.limit


def rate_limited_response(
    request: HttpRequest, rate: Rate, json_message: str | None = None
) -> HttpResponse:
    if json_message is not None:
        response = JsonResponse({"message": str(json_message)}, status=429)
    else:
        response = TemplateResponse(request, "429.html", status=429)
    response["Retry-After"] = str(rate.period)
    return response


def rate_limit(
    scope: str,
    *,
    methods: Iterable[str] = ("POST",),
    rate: str | None = None,
    json_message: str | None = None,
) -> Callable:
    """Decorate a view so that each client may call it `rate` times per period.

    JSON endpoints pass `json_message` (translated, lazily): the 429 is then
    ``{"message": ...}`` instead of the HTML page."""
    limited_methods = {method.upper() for method in methods}

    def decorator(view: Callable) -> Callable:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs):
            if settings.RATE_LIMITS_ENABLED and request.method in limited_methods:
                current = Rate.parse(rate) if rate else configured_rate(scope)
                if is_rate_limited(request, scope, current):
                    return rate_limited_response(request, current, json_message)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
