"""Pure translations between DHIS2 payloads and our data (no database, no network)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from dhis2.client import conflict_lines


@dataclass(frozen=True)
class ValueRule:
    """``source`` is a question name or ``"question:choice"``."""

    source: str
    data_element: str
    category_option_combo: str = ""


@dataclass(frozen=True)
class ExportPlan:
    rules: tuple[ValueRule, ...]
    data_set: str = ""
    attribute_option_combo: str = ""


@dataclass
class ImportSummary:
    status: str = ""
    imported: int = 0
    updated: int = 0
    ignored: int = 0
    deleted: int = 0
    conflicts: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status != "ERROR" and not self.conflicts


def _number(value) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return value
    return None


def rule_value(rule: ValueRule, answers: Mapping) -> float | int | None:
    """The value of one rule for one district's answers, or None when not answered."""
    question, _sep, choice = rule.source.partition(":")
    answer = answers.get(question)
    if answer in (None, "", []):
        return None
    if choice:
        chosen = answer if isinstance(answer, list) else [answer]
        return 1 if choice in [str(c) for c in chosen] else 0
    if answer in ("yes", "no"):
        return 1 if answer == "yes" else 0
    return _number(answer)


def _format(value: float | int) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def build_data_value_set(
    rows: Iterable[Mapping], mapping: ExportPlan, period: str
) -> dict:
    """A DHIS2 ``dataValueSets`` JSON payload from submitted answers.

    ``rows`` are ``{"org_unit": uid, "answers": {...}}``; rows without an org unit
    and answers that are missing or not numeric are left out. Two rows of the same
    org unit add up.
    """
    totals: dict[tuple[str, str, str], float | int] = {}
    for row in rows:
        org_unit = row.get("org_unit") or ""
        if not org_unit:
            continue
        for rule in mapping.rules:
            value = rule_value(rule, row.get("answers") or {})
            if value is None:
                continue
            key = (rule.data_element, rule.category_option_combo, org_unit)
            totals[key] = totals.get(key, 0) + value
    data_values = []
    for (data_element, combo, org_unit), value in sorted(totals.items()):
        item = {
            "dataElement": data_element,
            "period": period,
            "orgUnit": org_unit,
            "value": _format(value),
        }
        if combo:
            item["categoryOptionCombo"] = combo
        if mapping.attribute_option_combo:
            item["attributeOptionCombo"] = mapping.attribute_option_combo
        data_values.append(item)
    payload: dict = {"dataValues": data_values}
    if mapping.data_set:
        payload = {"dataSet": mapping.data_set, **payload}
    return payload


def parse_import_summary(body: Mapping) -> ImportSummary:
    """Read a dataValueSets import summary, old (bare) or new (``response``) shape."""
    summary = (
        body.get("response") if isinstance(body.get("response"), Mapping) else body
    )
    counts = summary.get("importCount") or {}
    conflicts = conflict_lines(summary.get("conflicts") or [])
    return ImportSummary(
        status=str(summary.get("status") or body.get("status") or ""),
        imported=int(counts.get("imported", 0)),
        updated=int(counts.get("updated", 0)),
        ignored=int(counts.get("ignored", 0)),
        deleted=int(counts.get("deleted", 0)),
        conflicts=conflicts,
    )


def is_import_summary(body) -> bool:
    if not isinstance(body, Mapping):
        return False
    inner = body.get("response")
    return "importCount" in body or (
        isinstance(inner, Mapping) and "importCount" in inner
    )


def tidy_analytics(body: Mapping) -> list[dict]:
    """Analytics ``headers``/``rows``/``metaData`` → rows of dx, pe, ou, value + names."""
    headers = [header.get("name") for header in body.get("headers") or []]
    meta = body.get("metaData") or {}
    items = meta.get("items") or {}
    legacy_names = meta.get("names") or {}

    def name_of(uid: str) -> str:
        item = items.get(uid)
        if isinstance(item, Mapping) and item.get("name"):
            return str(item["name"])
        return str(legacy_names.get(uid, uid))

    tidy = []
    for row in body.get("rows") or []:
        record = dict(zip(headers, row, strict=False))
        entry: dict = {}
        for dimension in ("dx", "pe", "ou"):
            uid = record.get(dimension, "")
            entry[dimension] = uid
            entry[f"{dimension}_name"] = name_of(uid) if uid else ""
        raw = record.get("value")
        try:
            entry["value"] = float(raw) if raw not in (None, "") else None
        except (TypeError, ValueError):
            entry["value"] = None
        tidy.append(entry)
    return tidy
