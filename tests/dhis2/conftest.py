import pytest
from django.utils import timezone

from dhis2.client import Dhis2Client, Dhis2Connection
from tests.dhis2.fake_dhis2 import TOKEN, FakeDhis2, RunningServer, org_unit


@pytest.fixture
def dhis2_server():
    with RunningServer(FakeDhis2()) as fake:
        yield fake


def fast_connection(url: str, token: str = TOKEN, **overrides) -> Dhis2Connection:
    """Short timeouts and back-off so that failure tests take seconds."""
    options = {
        "connect_timeout": 1.0,
        "read_timeout": 0.5,
        "retries": 2,
        "backoff": 0.05,
        "total_budget": 5.0,
    }
    options.update(overrides)
    return Dhis2Connection(base_url=url, token=token, **options)


@pytest.fixture
def dhis2_client(dhis2_server):
    return Dhis2Client(fast_connection(dhis2_server.url))


@pytest.fixture
def dhis2_settings(db, dhis2_server):
    """Stored connection settings pointing at the fake server, with fast timeouts."""
    from dhis2.models import Dhis2Settings

    settings = Dhis2Settings.load()
    settings.base_url = dhis2_server.url
    settings.auth_method = "token"
    settings.token = TOKEN
    settings.connect_timeout = 1
    settings.read_timeout = 1
    settings.save()
    return settings


@pytest.fixture
def known_server(dhis2_server):
    dhis2_server.org_units = [
        org_unit("OUbanikoar1", "Banikoara", 3),
        org_unit("OUkandi0001", "Kandi", 3),
    ]
    dhis2_server.data_elements = {"DEstockout1", "DEsupervis1", "DEhasplan01"}
    return dhis2_server


@pytest.fixture
def cycle_with_answers(home_page, home_page_en, benin, guinea):
    """A cycle with real SurveyResponse rows: three submitted (one from a district
    without a DHIS2 id) and one draft."""
    from cycles.factories import (
        CycleIndexPageFactory,
        CyclePageFactory,
        SurveyResponseFactory,
    )
    from cycles.translation import ensure_translation
    from dhis2.models import ExportMapping, ValueMapping
    from districts.factories import DistrictFactory

    index = CycleIndexPageFactory(parent=home_page)
    cycle = CyclePageFactory(parent=index, slug="ruptures-vaccins", step=5)
    english = ensure_translation(cycle, "en")
    english.slug = "vaccine-stock-outs"
    english.save_revision().publish()
    answers = {
        "Banikoara": ("OUbanikoar1", "submitted", 3, ["monthly"]),
        "Kandi": ("OUkandi0001", "submitted", 1, ["quarterly"]),
        "Boké": ("", "submitted", 7, ["monthly"]),
        "Malanville": ("OUmalanvil1", "draft", 9, ["monthly"]),
    }
    for name, (uid, status, stock_outs, supervision) in answers.items():
        district = DistrictFactory(
            name=name, dhis2_uid=uid, country=guinea if name == "Boké" else benin
        )
        SurveyResponseFactory(
            cycle=cycle,
            district=district,
            status=status,
            answers={"stock_outs": stock_outs, "supervision": supervision},
            submitted_at=timezone.now() if status == "submitted" else None,
        )
    mapping = ExportMapping.objects.create(
        cycle=cycle, period="2025Q3", data_set="DSquarterly"
    )
    ValueMapping.objects.create(
        export=mapping, source="stock_outs", data_element="DEstockout1"
    )
    ValueMapping.objects.create(
        export=mapping,
        source="supervision:monthly",
        data_element="DEsupervis1",
        category_option_combo="COCmonthly1",
    )
    return cycle
