"""Writes of the DHIS2 app: org-unit sync, analytics snapshots, data value export."""

from __future__ import annotations

from dataclasses import dataclass, field
from dataclasses import replace as dataclass_replace

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dhis2.client import Dhis2Client, Dhis2Connection, Dhis2Error
from dhis2.matching import normalise_name
from dhis2.models import AnalyticsQuery, AnalyticsSnapshot
from dhis2.payloads import (
    ImportSummary,
    is_import_summary,
    parse_import_summary,
    tidy_analytics,
)
from dhis2.selectors import stored_connection
from districts.models import Country, District
from districts.services import district_code

ORG_UNIT_FIELDS = "id,code,name,level,parent[id,name],ancestors[id,code,name,level]"


def make_client(
    url: str = "", token: str = "", connection: Dhis2Connection | None = None
) -> Dhis2Client:
    """A client on the stored settings, with ``url``/``token`` overriding them.

    With ``url`` given the stored settings are not read at all.
    """
    if url:
        connection = Dhis2Connection(base_url=url)
    connection = connection or stored_connection()
    if token:
        connection = dataclass_replace(connection, auth_method="token", token=token)
    return Dhis2Client(connection)


# --- Organisation units → districts -------------------------------------------------
@dataclass
class OrgUnitSyncReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def fetch_org_units(
    client: Dhis2Client, level: int, root: str = "", page_size: int = 50
) -> list[dict]:
    params = [("fields", ORG_UNIT_FIELDS), ("filter", f"level:eq:{level}")]
    if root:
        params.append(("filter", f"path:like:{root}"))
    return list(
        client.paged(
            "organisationUnits", "organisationUnits", params=params, page_size=page_size
        )
    )


def _country_for(unit: dict, countries: list[Country], fallback: Country | None):
    if fallback is not None:
        return fallback
    for ancestor in unit.get("ancestors") or []:
        for country in countries:
            if country.dhis2_uid and country.dhis2_uid == ancestor.get("id"):
                return country
            if normalise_name(country.name) == normalise_name(ancestor.get("name", "")):
                return country
    return None


class _DistrictIndex:
    def __init__(self, districts: list[District]):
        self.by_uid = {d.dhis2_uid: d for d in districts if d.dhis2_uid}
        self.by_code = {d.code.lower(): d for d in districts}
        self.by_name = {
            (d.country_id, normalise_name(d.region), normalise_name(d.name)): d
            for d in districts
        }
        self.codes = {d.code for d in districts}

    def match(self, unit: dict, country: Country | None) -> District | None:
        uid = unit["id"]
        if uid in self.by_uid:
            return self.by_uid[uid]
        candidates = []
        if unit.get("code"):
            candidates.append(self.by_code.get(str(unit["code"]).lower()))
        if country is not None:
            region = (unit.get("parent") or {}).get("name", "")
            key = (country.pk, normalise_name(region), normalise_name(unit["name"]))
            candidates.append(self.by_name.get(key))
        for district in candidates:
            # A district already tied to another org unit is never re-tied by name.
            if district is not None and district.dhis2_uid in ("", uid):
                return district
        return None

    def add(self, district: District) -> None:
        self.by_uid[district.dhis2_uid] = district
        self.codes.add(district.code)


def _free_code(country: Country, unit: dict, codes: set[str]) -> str:
    code = district_code(country.code, unit["name"])[:80]
    if code in codes:
        code = f"{code[:68]}-{unit['id'].lower()}"
    return code


def sync_org_units(
    client: Dhis2Client,
    level: int,
    root: str = "",
    country: Country | None = None,
    page_size: int = 50,
) -> OrgUnitSyncReport:
    """Match the org units of one level to districts; create the new ones.

    Never deletes. All or nothing: any failure leaves the database as it was.
    """
    units = fetch_org_units(client, level, root, page_size)
    with transaction.atomic():
        return _apply_org_units(units, country)


def _apply_org_units(units: list[dict], country: Country | None) -> OrgUnitSyncReport:
    countries = list(Country.objects.all())
    index = _DistrictIndex(list(District.objects.select_related("country")))
    report = OrgUnitSyncReport()
    for unit in sorted(units, key=lambda u: (u.get("name", ""), u["id"])):
        unit_country = _country_for(unit, countries, country)
        district = index.match(unit, unit_country)
        if district is not None:
            if district.dhis2_uid == unit["id"]:
                report.unchanged.append(district.name)
            else:
                district.dhis2_uid = unit["id"]
                district.save(update_fields=["dhis2_uid"])
                index.add(district)
                report.updated.append(district.name)
            continue
        if unit_country is None:
            raise Dhis2Error(
                "no_country",
                _(
                    "Cannot tell which country %(name)s belongs to: give --country "
                    "or set the country's DHIS2 id."
                )
                % {"name": unit.get("name", unit["id"])},
            )
        district = District.objects.create(
            country=unit_country,
            name=unit["name"][:150],
            region=(unit.get("parent") or {}).get("name", "")[:150],
            code=_free_code(unit_country, unit, index.codes),
            dhis2_uid=unit["id"],
        )
        index.add(district)
        report.created.append(district.name)
    return report


# --- Analytics → snapshots ----------------------------------------------------------
def refresh_snapshot(
    query: AnalyticsQuery, client: Dhis2Client | None = None
) -> AnalyticsSnapshot:
    """Fetch the query's answer; on failure keep the last good data and record why."""
    snapshot, _created = AnalyticsSnapshot.objects.get_or_create(query=query)
    now = timezone.now()
    try:
        client = client or make_client()
        body = client.get("analytics", params=query.dimensions())
        if not isinstance(body, dict) or "rows" not in body:
            raise Dhis2Error("unexpected", _("DHIS2 answered without analytics rows."))
        snapshot.data = tidy_analytics(body)
    except Dhis2Error as error:
        snapshot.last_error = error.message[:500]
        snapshot.last_error_at = now
        snapshot.save(update_fields=["last_error", "last_error_at"])
        return snapshot
    snapshot.fetched_at = now
    snapshot.last_error = ""
    snapshot.last_error_at = None
    snapshot.save()
    return snapshot


# --- Survey results → data value sets -----------------------------------------------
def post_data_value_set(
    client: Dhis2Client, payload: dict, dry_run: bool
) -> ImportSummary:
    """POST a data value set; DHIS2's import summary, even when it says 409."""
    params = {
        "dryRun": "true" if dry_run else "false",
        "importStrategy": "CREATE_AND_UPDATE",
    }
    try:
        body = client.post("dataValueSets", payload, params=params)
    except Dhis2Error as error:
        if error.kind == "conflict" and is_import_summary(error.body):
            return parse_import_summary(error.body)
        raise
    if not is_import_summary(body):
        raise Dhis2Error("unexpected", _("DHIS2 answered without an import summary."))
    return parse_import_summary(body)
