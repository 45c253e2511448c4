"""Fixtures shared by every test module: the two home pages, districts, role users."""

import pytest
from wagtail.models import Locale, Page, Site

from districts.factories import (
    CountryFactory,
    DistrictFactory,
    FacilitatorFactory,
    HdmtMemberFactory,
    PolicymakerFactory,
    UserFactory,
)
from districts.roles import Role
from home.factories import HomePageFactory


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Keep the rows that migrations made available to serialized rollbacks.

    Browser tests flush the database and restore those rows (locales, roles, the root
    page) from the copy Django serialised at set-up. Playwright's greenlets give the test
    a fresh connection object that lacks that copy, so keep it on the connection class.
    """
    from django.db import connections

    for alias in connections:
        contents = getattr(connections[alias], "_test_serialized_contents", None)
        if contents is not None:
            type(connections[alias])._test_serialized_contents = contents


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit counters live in the cache: each test starts with none (nor with
    this worker's copies of what an earlier test read, portal/localcopy.py)."""
    from django.core.cache import caches

    from search import postings

    for alias in caches:
        caches[alias].clear()
    postings.forget()  # its version counter lives in the cache just cleared


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in French: a request to /en/ leaves English active in the
    thread (LocaleMiddleware does not reset it), which would leak to the next test."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def locales(db):
    return {
        "fr": Locale.objects.get(language_code="fr"),
        "en": Locale.objects.get(language_code="en"),
    }


@pytest.fixture
def home_page(locales):
    """The French home page as the default site's root."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, title="Accueil District.Team", slug="accueil")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "root_page": home,
            "site_name": "District.Team",
        },
    )
    Page.objects.filter(depth=2, content_type__model="page").delete()
    return home


@pytest.fixture
def home_page_en(home_page, locales):
    from portal.localize import translate_fields

    return translate_fields(
        home_page, locales["en"], {"title": "District.Team home", "slug": "home"}
    )


@pytest.fixture
def benin(db):
    return CountryFactory(code="BJ", name="Bénin")


@pytest.fixture
def guinea(db):
    return CountryFactory(code="GN", name="Guinée")


@pytest.fixture
def district(benin):
    return DistrictFactory(country=benin, name="Banikoara", region="Alibori")


@pytest.fixture
def other_district(guinea):
    return DistrictFactory(country=guinea, name="Boké", region="Boké")


@pytest.fixture
def member(district):
    return HdmtMemberFactory(username="member-a", district=district)


@pytest.fixture
def teammate(district):
    return HdmtMemberFactory(username="member-a2", district=district)


@pytest.fixture
def other_member(other_district):
    return HdmtMemberFactory(username="member-b", district=other_district)


@pytest.fixture
def facilitator(db):
    return FacilitatorFactory(username="facilitator-1")


@pytest.fixture
def policymaker(db):
    return PolicymakerFactory(username="policymaker-1")


@pytest.fixture
def platform_admin(db):
    return UserFactory(username="admin-1", roles=[Role.ADMIN])
