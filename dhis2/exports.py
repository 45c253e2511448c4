"""Gather one cycle's submitted answers for DHIS2 (drafts are never exported)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cycles.models import CyclePage
from cycles.selectors import canonical_cycle, submitted_responses
from dhis2.client import Dhis2Error
from dhis2.models import ExportMapping
from dhis2.payloads import ExportPlan, ValueRule, build_data_value_set


@dataclass
class CycleExport:
    cycle_title: str
    period: str
    payload: dict
    responses: int = 0
    without_org_unit: list[str] = field(default_factory=list)
    results_published: bool = False
    districts_taking_part: int = 0  # districts with a submitted response

    @property
    def digest(self) -> str:
        """Names exactly these values: an import sends what its dry run checked."""
        text = json.dumps(self.payload, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()


def export_plan(mapping: ExportMapping) -> ExportPlan:
    return ExportPlan(
        rules=tuple(
            ValueRule(v.source, v.data_element, v.category_option_combo)
            for v in mapping.values.all()
        ),
        data_set=mapping.data_set,
        attribute_option_combo=mapping.attribute_option_combo,
    )


def _find_cycle(identifier: str):
    pages = CyclePage.objects.all()
    page = (
        pages.filter(pk=int(identifier)).first()
        if identifier.isdigit()
        else pages.filter(slug=identifier).first()
    )
    if page is None:
        raise Dhis2Error("no_cycle", _("No cycle %(id)s.") % {"id": identifier})
    return canonical_cycle(page)


def prepare_cycle_export(identifier: str) -> CycleExport:
    cycle = _find_cycle(identifier)
    # The mapping may have been made on any translation of the cycle.
    mapping = ExportMapping.objects.filter(
        cycle__translation_key=cycle.translation_key
    ).first()
    if mapping is None:
        raise Dhis2Error(
            "no_mapping",
            _("Cycle %(title)s has no DHIS2 export mapping yet.")
            % {"title": cycle.title},
        )
    rows, missing, districts = [], [], set()
    for response in submitted_responses(cycle):
        districts.add(response.district_id)
        if not response.district.dhis2_uid and response.district.name not in missing:
            missing.append(response.district.name)
        rows.append(
            {"org_unit": response.district.dhis2_uid, "answers": response.answers}
        )
    return CycleExport(
        cycle_title=cycle.title,
        period=mapping.period,
        payload=build_data_value_set(rows, export_plan(mapping), mapping.period),
        responses=len(rows),
        without_org_unit=missing,
        results_published=bool(cycle.results_published),
        districts_taking_part=len(districts),
    )


def nothing_to_send(export: CycleExport) -> str:
    """Why an export has no data value: most often its districts have no DHIS2
    org unit id (then how to give them one), else nothing mapped was answered."""
    if not export.without_org_unit:
        return _("Nothing to send: no mapped, answered values.")
    missing = len(export.without_org_unit)
    return " ".join(
        (
            ngettext(
                "Nothing to send: %(missing)s of the %(total)s districts taking "
                "part has no DHIS2 organisation unit id.",
                "Nothing to send: %(missing)s of the %(total)s districts taking "
                "part have no DHIS2 organisation unit id.",
                missing,
            )
            % {"missing": missing, "total": export.districts_taking_part},
            _(
                "Run the org unit sync (manage.py dhis2_sync orgunits --level "
                "<level of the districts>) or set each district’s “DHIS2 "
                "organisation unit id” in the districts admin (Districts → "
                "Districts)."
            ),
        )
    )
