"""The demo site, seeded once for every test of this package.

``seed_demo`` takes half a minute; the demo's tests used to run it each. Here it runs
once, inside a transaction opened before the first test of ``tests/demo/`` and rolled
back after the last: every test (plain ``django_db``) runs in a savepoint of it, so
what one test changes (a second ``seed_demo``, a login) is undone before the next,
and no test outside this package ever sees the demo. Tests with
``transaction=True`` cannot run inside it: keep them out of this package.
"""

import io

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import translation


@pytest.fixture(scope="package", autouse=True)
def demo_site(django_db_setup, django_db_blocker, tmp_path_factory):
    from search import postings

    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("demo-media"))
    with (
        django_db_blocker.unblock(),
        media,
        translation.override(settings.LANGUAGE_CODE),
    ):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            cache.clear()
            postings.forget()
            call_command("seed_demo", stdout=io.StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
