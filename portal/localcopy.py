"""A worker's own copy of what it read from the shared cache, for values that never
change under their key.

A rendered fragment is kept under the digest of its inputs (portal/fragments.py) and a
piece of the site's chrome under the tokens that any change replaces
(portal/chrome.py): a key names one value for good, so a worker may keep what it read
in its own memory and skip the shared cache (a file opened and unpickled, or a Redis
round trip, for each of the fifty pieces of a member's cycle page). A purge replaces
the tokens, which every request reads from the shared cache, so no copy outlives it.

The copy lives in Django's local-memory cache ``CACHES["local"]`` (bounded, least
recently used culled first); a copy is never kept longer than the shared entry has
left to live.
"""

from __future__ import annotations

import time

from django.core.cache import cache, caches
from django.core.cache.backends.base import InvalidCacheBackendError

ALIAS = "local"
_NOTHING = object()


def _local():
    try:
        return caches[ALIAS]
    except InvalidCacheBackendError:  # settings of an older release: no copy kept
        return None


def read(key: str, compute, seconds: int, *, keep_copy: bool = True):
    """The value under ``key``: this worker's copy, else the shared cache's (copied
    here for the time it has left), else ``compute()`` stored in both for
    ``seconds`` (in the shared cache only, without ``keep_copy``)."""
    local = _local() if keep_copy else None
    if local is not None:
        found = local.get(key, _NOTHING)
        if found is not _NOTHING:
            return found[0]
    stored = cache.get(key)
    if not _well_formed(stored) or stored[1] <= time.time():
        stored = (compute(), time.time() + seconds)
        cache.set(key, stored, seconds)
    left = int(stored[1] - time.time())
    if local is not None and left >= 1:
        local.set(key, stored, left)
    return stored[0]


def _well_formed(stored) -> bool:
    """An entry written by this module: (value, the time it expires). An entry past
    that time is stale whatever the shared cache's own clock says (Redis expires it
    by the second)."""
    return isinstance(stored, tuple) and len(stored) == 2
