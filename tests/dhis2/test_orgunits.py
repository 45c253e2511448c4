"""``dhis2_sync orgunits``: matching, creation, idempotence, failures."""

import pytest
from django.core.management import CommandError, call_command

from districts.factories import CountryFactory, DistrictFactory
from districts.models import District
from tests.dhis2.fake_dhis2 import TOKEN, org_unit

BENIN = ("BJ000000001", "Benin")
ALIBORI = ("RGALIBORI01", "Alibori")
BORGOU = ("RGBORGOU001", "Borgou")


def _benin_units():
    def unit(uid, name, region, code=None):
        return org_unit(
            uid, name, 3, parent=region, ancestors=(BENIN, region), code=code
        )

    return [
        unit("DSBANIKOAR1", "Banikoara", ALIBORI),
        unit("DSKANDI0001", "Kandi-Gogounou-Ségbana", ALIBORI, code="bj-kandi"),
        unit("DSMALANVIL1", "MALANVILLE", ALIBORI),
        unit("DSPARAKOU01", "Parakou-N'Dali", BORGOU),
        unit("DSNIKKI0001", "Nikki-Kalalé-Pèrèrè", BORGOU),
        unit("DSTCHAOUR01", "Tchaourou", BORGOU),
        # Same name as a district of another region: must not be confused.
        unit("DSBANIKBOR1", "Banikoara", BORGOU),
    ]


def run(server, *args):
    from io import StringIO

    out = StringIO()
    call_command(
        "dhis2_sync",
        "orgunits",
        *args,
        "--url",
        server.url,
        "--token",
        TOKEN,
        stdout=out,
    )
    return out.getvalue()


@pytest.fixture
def benin_districts(db):
    benin = CountryFactory(code="BJ", name="Bénin", dhis2_uid="")
    return {
        "banikoara": DistrictFactory(country=benin, name="Banikoara", region="Alibori"),
        "kandi": DistrictFactory(
            country=benin, name="Kandi", region="Alibori", code="bj-kandi"
        ),
        "malanville": DistrictFactory(
            country=benin, name="Malanville", region="ALIBORI"
        ),
        "parakou": DistrictFactory(
            country=benin, name="Parakou-N’Dali", region="Borgou", code="bj-parakou"
        ),
        "tied": DistrictFactory(
            country=benin,
            name="Nikki-Kalale-Perere",
            region="Borgou",
            code="bj-nikki",
            dhis2_uid="DSNIKKI0001",
        ),
    }


def test_matches_by_uid_code_and_name_then_creates_and_is_idempotent(
    dhis2_server, benin_districts
):
    dhis2_server.org_units = _benin_units()
    output = run(dhis2_server, "--level", "3", "--country", "BJ", "--page-size", "3")
    assert "created: 2, updated: 4, unchanged: 1" in output
    assert len(dhis2_server.requests_to("organisationUnits")) == 3  # 3 pages

    d = {k: District.objects.get(pk=v.pk) for k, v in benin_districts.items()}
    assert d["banikoara"].dhis2_uid == "DSBANIKOAR1"  # name, same region
    assert d["kandi"].dhis2_uid == "DSKANDI0001"  # code
    assert d["malanville"].dhis2_uid == "DSMALANVIL1"  # accents/case-insensitive
    assert d["parakou"].dhis2_uid == "DSPARAKOU01"  # ’ and ' are both separators
    created = District.objects.filter(dhis2_uid__in=["DSTCHAOUR01", "DSBANIKBOR1"])
    assert sorted(c.region for c in created) == ["Borgou", "Borgou"]
    assert {c.code for c in created} >= {"bj-tchaourou"}
    banikoara_borgou = District.objects.get(dhis2_uid="DSBANIKBOR1")
    assert banikoara_borgou.code != "bj-banikoara"  # slug taken: made unique

    before = list(District.objects.order_by("pk").values())
    again = run(dhis2_server, "--level", "3", "--country", "BJ", "--page-size", "3")
    assert "created: 0, updated: 0, unchanged: 7" in again
    assert list(District.objects.order_by("pk").values()) == before


def test_country_comes_from_the_ancestors(dhis2_server, db):
    CountryFactory(code="BJ", name="Bénin", dhis2_uid=BENIN[0])
    dhis2_server.org_units = _benin_units()[:2]
    output = run(dhis2_server, "--level", "3", "--root", BENIN[0])
    assert "created: 2" in output
    assert set(District.objects.values_list("country__code", flat=True)) == {"BJ"}
    query = dhis2_server.requests_to("organisationUnits")[0]["query"]
    assert "path:like:BJ000000001" in query["filter"]
    assert "level:eq:3" in query["filter"]


def test_unknown_country_fails_without_writing(dhis2_server, db):
    CountryFactory(code="GN", name="Guinée")
    dhis2_server.org_units = _benin_units()
    with pytest.raises(CommandError, match="country"):
        run(dhis2_server, "--level", "3")
    assert District.objects.count() == 0


@pytest.mark.parametrize(
    ("failure", "words"),
    [
        (401, "401"),
        (500, "500"),
        ("truncated", "incomplète"),
        ("not_json", "JSON"),
    ],
)
def test_failures_exit_with_one_line_and_leave_the_database(
    dhis2_server, benin_districts, failure, words
):
    dhis2_server.org_units = _benin_units()
    dhis2_server.failures["organisationUnits"] = failure
    before = list(District.objects.order_by("pk").values())
    with pytest.raises(CommandError) as caught:
        run(dhis2_server, "--level", "3", "--country", "BJ")
    assert words in str(caught.value)
    assert "\n" not in str(caught.value)
    assert list(District.objects.order_by("pk").values()) == before


def test_a_failure_on_a_later_page_writes_nothing(dhis2_server, benin_districts):
    """Page 1 arrives, page 2 is refused: no district is half-synchronised."""
    dhis2_server.org_units = _benin_units()
    before = list(District.objects.order_by("pk").values())
    original = dhis2_server.organisation_units

    def second_page_fails(query):
        if query.get("page") == ["2"]:
            dhis2_server.failures["organisationUnits"] = 500
        return original(query)

    dhis2_server.organisation_units = second_page_fails
    with pytest.raises(CommandError, match="500"):
        run(dhis2_server, "--level", "3", "--country", "BJ", "--page-size", "3")
    assert list(District.objects.order_by("pk").values()) == before


def test_the_command_exit_code_is_non_zero(dhis2_server, db):
    import subprocess
    import sys

    dhis2_server.failures["organisationUnits"] = 401
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "dhis2_sync",
            "orgunits",
            "--level",
            "2",
            "--url",
            dhis2_server.url,
            "--token",
            "wrong",
        ],
        capture_output=True,
        text=True,
        env={
            **__import__("os").environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        },
        check=False,
    )
    assert result.returncode != 0
    assert "401" in result.stderr
    assert "Traceback" not in result.stderr
