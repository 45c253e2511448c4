"""At most N comments per window per user. One small function, so that the shared
``portal/ratelimit.py`` can replace it without touching the callers."""

from django.conf import settings
from django.core.cache import cache


def allow_comment(user_id: int) -> bool:
    """Count this attempt; False once the user has posted the allowed number."""
    limit, window = settings.DISCUSSIONS_RATE_LIMIT
    key = f"discussions:rate:{user_id}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count <= limit
