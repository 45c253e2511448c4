"""Display modes of results: real district names, stable pseudonyms, or countries only.

Pseudonyms are derived from a per-cycle secret seed and the district id (an HMAC),
never from list order: "District C" is the same district in every chart, table,
image and download of a cycle, and different cycles give different letters so they
cannot be cross-referenced. Everything leaving the server goes through
``for_display``, which drops the district ids and every real name unless the mode
shows names.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from charts.data import ChartData


class DisplayMode(models.TextChoices):
    NAMES = "names", _("Show district names")
    PSEUDONYMS = (
        "pseudonyms",
        _("Replace district names by pseudonyms (District A, B…)"),
    )
    COUNTRIES = "countries", _("Show country-level aggregates only")


def letters(position: int) -> str:
    """0 → A, 25 → Z, 26 → AA, 27 → AB … (spreadsheet column style)."""
    label = ""
    position += 1
    while position:
        position, remainder = divmod(position - 1, 26)
        label = chr(65 + remainder) + label
    return label


def _rank_key(seed: str, district_id: int) -> bytes:
    return hmac.new(seed.encode(), str(district_id).encode(), hashlib.sha256).digest()


def pseudonyms(seed: str, district_ids: Iterable[int]) -> dict[int, str]:
    """District id → "District A", … ranked by HMAC(seed, id): independent of the
    order the ids come in. Pass the cycle's whole set of districts (all that
    responded), the same for every chart, so letters never differ between charts."""
    ranked = sorted(set(district_ids), key=lambda d: _rank_key(seed, d))
    return {
        district_id: gettext("District %(letter)s") % {"letter": letters(position)}
        for position, district_id in enumerate(ranked)
    }


@dataclass(frozen=True)
class DisplayOptions:
    """How one cycle's results are shown (from the cycle's publication options)."""

    mode: str = DisplayMode.NAMES
    seed: str = ""
    # The cycle's districts that pseudonyms are ranked among (None: those in the data).
    universe: frozenset[int] | None = None


def district_labels(options: DisplayOptions) -> dict[int, str] | None:
    """How text beside the results (comments) should name districts under
    ``options``: None for real names, the cycle's pseudonyms (district id →
    "District C", the same letters as the charts), or an empty dict when only
    countries are shown."""
    mode = DisplayMode(options.mode)
    if mode is DisplayMode.NAMES:
        return None
    if mode is DisplayMode.COUNTRIES or not options.universe:
        return {}
    return pseudonyms(options.seed, options.universe)


def for_display(
    data: ChartData,
    options: DisplayOptions,
    viewer_district_id: int | None = None,
) -> ChartData:
    """A copy of ``data`` safe to show or download under ``options``.

    The result never carries district ids. With ``viewer_district_id`` (an HTML
    table for a signed-in team member), the frame gains an ``is_viewer`` column
    marking that district's row; nothing else about other districts is revealed.
    """
    frame = data.frame.copy()
    if not data.district_level:
        frame["is_viewer"] = False
        return _copy(data, frame[["category", "series", "value", "is_viewer"]])
    mode = DisplayMode(options.mode)
    if mode is DisplayMode.COUNTRIES:
        aggregated = (
            frame.groupby(["country", "series"], sort=True)["value"]
            .mean()
            .reset_index()
            .rename(columns={"country": "category"})
        )
        aggregated["is_viewer"] = False
        result = _copy(data, aggregated[["category", "series", "value", "is_viewer"]])
        result.category_label = gettext("Country")
        result.value_label = gettext("%(label)s (mean of districts)") % {
            "label": data.value_label
        }
        return result
    frame["is_viewer"] = frame["district_id"] == viewer_district_id
    if mode is DisplayMode.PSEUDONYMS:
        universe = options.universe or frozenset(frame["district_id"])
        names = pseudonyms(options.seed, universe | set(frame["district_id"]))
        frame["category"] = frame["district_id"].map(names)
        # District B before District AA: by length, then alphabetically.
        frame = (
            frame.assign(_length=frame["category"].str.len())
            .sort_values(["_length", "category"], kind="stable")
            .drop(columns="_length")
        )
    return _copy(data, frame[["category", "series", "value", "is_viewer"]])


def _copy(data: ChartData, frame: pd.DataFrame) -> ChartData:
    return ChartData(
        frame=frame.reset_index(drop=True),
        category_label=data.category_label,
        value_label=data.value_label,
        unit=data.unit,
        metadata=dict(data.metadata),
    )
