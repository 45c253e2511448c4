"""Two members of one district submitting at the same instant, on PostgreSQL."""

import threading

import pytest
from django.conf import settings
from django.db import connections

from cycles.models import SurveyResponse
from cycles.services import submit_response
from tests.cycles.conftest import make_cycle

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="needs PostgreSQL row locks and real concurrency (set DATABASE_URL)",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_concurrent_submissions_store_one_response(
    home_page, district, member, teammate
):
    from cycles.factories import CycleIndexPageFactory

    cycle = make_cycle(CycleIndexPageFactory(parent=home_page))
    barrier = threading.Barrier(2)
    results, errors = [], []

    def submit(user, answers, token):
        try:
            barrier.wait()
            results.append(submit_response(cycle, district, user, answers, 0, token))
        except Exception as exc:  # collected and asserted below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=submit, args=(member, {"stock_outs": 1}, "a")),
        threading.Thread(target=submit, args=(teammate, {"comment": "b"}, "b")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert SurveyResponse.objects.count() == 1
    stored = SurveyResponse.objects.get()
    assert stored.status == "submitted"
    # The second writer merged (different questions) instead of overwriting.
    assert stored.answers == {"stock_outs": 1, "comment": "b"}
    assert len(results) == 2
