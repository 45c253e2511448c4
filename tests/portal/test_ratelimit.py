import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import translation

from portal.ratelimit import Rate, rate_limit

pytestmark = pytest.mark.django_db


@rate_limit("comments")
def post_comment(request):
    return HttpResponse("posted")


@rate_limit("search", methods=("GET",), rate="3/m")
def search(request):
    return HttpResponse("results")


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def _post(user, address="10.0.0.1"):
    request = RequestFactory().post("/fr/comments/", REMOTE_ADDR=address)
    request.user = user
    return post_comment(request)


def test_rates_parse():
    assert Rate.parse("5/m") == Rate(5, 60)
    assert Rate.parse("100/h") == Rate(100, 3600)
    assert Rate.parse("10/30s") == Rate(10, 30)
    with pytest.raises(ValueError):
        Rate.parse("five a minute")


def test_a_user_may_comment_five_times_a_minute_then_gets_a_french_429(member):
    assert [_post(member).status_code for _ in range(5)] == [200] * 5
    with translation.override("fr"):
        refused = _post(member)
        refused.render()
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    assert "Trop de requêtes" in refused.text


def test_the_429_page_is_in_english_for_english_readers(member):
    for _ in range(5):
        _post(member)
    with translation.override("en"):
        refused = _post(member)
        refused.render()
    assert "Too many requests" in refused.text


def test_limits_are_per_user_not_per_shared_connection(member, teammate):
    for _ in range(5):
        _post(member)
    assert _post(member).status_code == 429
    assert _post(teammate).status_code == 200  # same address, other account


def test_anonymous_visitors_are_counted_per_address():
    def get(address):
        request = RequestFactory().get("/fr/search/", REMOTE_ADDR=address)
        request.user = AnonymousUser()
        return search(request).status_code

    assert [get("10.0.0.1") for _ in range(4)] == [200, 200, 200, 429]
    assert get("10.0.0.2") == 200


def test_only_the_named_methods_are_limited(member):
    for _ in range(6):
        request = RequestFactory().get("/fr/comments/")
        request.user = member
        assert post_comment(request).status_code == 200


def test_the_limiter_can_be_switched_off(settings, member):
    settings.RATE_LIMITS_ENABLED = False
    assert all(_post(member).status_code == 200 for _ in range(10))
