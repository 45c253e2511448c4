import pytest
from django.core.cache import cache

from discussions.factories import ForumPageFactory
from discussions.services import Draft, post_comment


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def forum(home_page):
    return ForumPageFactory(parent=home_page)


@pytest.fixture
def say():
    def _say(user, page, text, parent=None, **fields):
        cache.clear()  # the rate limit is tested on its own
        return post_comment(
            user, page, Draft(text, parent.pk if parent else None, **fields)
        )

    return _say
