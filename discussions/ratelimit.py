"""At most N comments per period per user, counted by the shared ``portal/ratelimit.py``.

The shared decorator answers over-limit requests with its generic 429 page; comments
instead raise ``services.RateLimited`` so that the view can answer with a translated
429 that keeps the typed text. Only the counting is shared (scope "comments" in
``settings.RATE_LIMITS``, switched off with ``RATE_LIMITS_ENABLED``)."""

from typing import NamedTuple

from django.conf import settings

from portal.ratelimit import Rate, configured_rate, is_rate_limited

SCOPE = "comments"


class _Requester(NamedTuple):
    """What the shared limiter reads from a request: the signed-in user."""

    user: object


def comment_rate() -> Rate:
    return configured_rate(SCOPE)


def allow_comment(user) -> bool:
    """Count this attempt; False once the user has posted the allowed number."""
    if not settings.RATE_LIMITS_ENABLED:
        return True
    return not is_rate_limited(_Requester(user), SCOPE, comment_rate())
