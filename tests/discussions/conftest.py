import pytest
from django.core.cache import cache

from cycles.factories import CycleIndexPageFactory, CyclePageFactory
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


@pytest.fixture
def cycle_index(home_page):
    return CycleIndexPageFactory(parent=home_page)


@pytest.fixture
def make_cycle(cycle_index):
    def make(step=5, **fields):
        fields.setdefault("title", "Ruptures de vaccins")
        fields.setdefault("slug", f"ruptures-{step}")
        # The discussion is read by those who may see the results (see
        # test_discussion_gate.py): published to everyone here.
        fields.setdefault("results_published", True)
        fields.setdefault("results_public", True)
        return CyclePageFactory(parent=cycle_index, step=step, **fields)

    return make


@pytest.fixture
def named_member(member):
    member.first_name, member.last_name = "Aïcha", "Bio-Gado"
    member.save()
    return member
