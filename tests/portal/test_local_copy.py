"""Each worker keeps its own copy of the fragments and site pieces it read from the
shared cache (portal/localcopy.py, issue #20). A copy must never show a reader what the
shared cache no longer holds: not after a purge (tests/portal/test_file_cache.py reads
a piece forgotten by another process), not after the shared entry's time is up (a
member renamed shows under the new name at the latest when the piece expires, as
with the shared cache alone), not after a comment (tests/cycles/test_page_fragments.py:
the second reading of a member's cycle page asks the shared cache for none of its
pieces, and a new comment shows at the next)."""

import time

import pytest
from django.core.cache import cache, caches

from portal import chrome, localcopy

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    """The time of the shared cache and of the copies (both read ``time.time``)."""
    now = [time.time()]
    monkeypatch.setattr(time, "time", lambda: now[0])
    return now


def _worker_starts():
    """Another worker: the same shared cache, no copies of its own yet."""
    caches[localcopy.ALIAS].clear()


def test_a_copy_taken_late_expires_with_the_shared_entry_not_after(clock):
    assert localcopy.read("piece", lambda: "Dr Kora", 300) == "Dr Kora"
    clock[0] += 200
    _worker_starts()  # it copies the entry, which has 100 s left
    assert localcopy.read("piece", lambda: "Dr Kora-Bio", 300) == "Dr Kora"
    clock[0] += 99
    assert localcopy.read("piece", lambda: "Dr Kora-Bio", 300) == "Dr Kora"
    clock[0] += 2  # the shared entry is gone: so is every worker's copy
    assert localcopy.read("piece", lambda: "Dr Kora-Bio", 300) == "Dr Kora-Bio"


def test_a_copy_is_read_without_the_shared_cache():
    assert localcopy.read("piece", lambda: ["menu"], 300) == ["menu"]
    cache.delete("piece")  # the shared entry culled: this worker still has its copy
    assert localcopy.read("piece", lambda: ["other"], 300) == ["menu"]


def test_a_value_changed_by_its_reader_does_not_change_the_copy():
    first = localcopy.read("piece", lambda: ["menu"], 300)
    first.append("typed by a caller")
    assert localcopy.read("piece", lambda: ["other"], 300) == ["menu"]


def test_no_copy_is_kept_when_the_shared_cache_keeps_nothing(settings):
    """A shared cache that answers nothing gives no tokens: a copy under an empty
    token would freeze the menu for good, so every reading computes it again."""
    from portal.env import LOCAL_COPY

    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
        "local": LOCAL_COPY,
    }
    settings.CHROME_CACHE = True
    menus = iter(["menu before", "menu after"])
    assert chrome.cached(None, "menu", lambda: next(menus)) == "menu before"
    assert chrome.cached(None, "menu", lambda: next(menus)) == "menu after"
