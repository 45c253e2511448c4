"""The one shape every chart's data takes, whatever its source.

A tidy frame with columns ``category`` (x axis / table rows), ``series`` (legend /
table columns; one value when there is a single series) and ``value``. When the
categories are districts the frame also carries ``district_id`` and ``country`` so
that the display mode (names, pseudonyms, countries only) can be applied late, at
rendering time, from one stored copy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

COLUMNS = ["category", "series", "value"]
DISTRICT_COLUMNS = ["district_id", "country"]


@dataclass
class ChartData:
    frame: pd.DataFrame
    category_label: str = ""
    value_label: str = ""
    unit: str = ""  # "%" for shares, "" otherwise
    district_level: bool = False
    # source, cycle, question, n, N, date: shown under the chart and in downloads.
    metadata: dict[str, str] = field(default_factory=dict)

    def __post_init__(self):
        if "series" not in self.frame.columns:
            self.frame = self.frame.assign(series="")
        missing = set(COLUMNS) - set(self.frame.columns)
        if missing:
            raise ValueError(f"chart data lacks columns {sorted(missing)}")
        if self.district_level and not set(DISTRICT_COLUMNS) <= set(self.frame):
            raise ValueError("district-level chart data needs district_id and country")

    @property
    def series_names(self) -> list[str]:
        return list(dict.fromkeys(self.frame["series"]))

    @property
    def categories(self) -> list[str]:
        return list(dict.fromkeys(self.frame["category"]))

    def wide(self) -> pd.DataFrame:
        """Categories as rows, series as columns (the HTML table and the CSV)."""
        table = self.frame.pivot_table(
            index="category",
            columns="series",
            values="value",
            aggfunc="first",
            sort=False,
        )
        return table.reindex(index=self.categories, columns=self.series_names)

    def to_dict(self) -> dict[str, Any]:
        columns = COLUMNS + (DISTRICT_COLUMNS if self.district_level else [])
        return {
            "rows": self.frame[columns]
            .astype(object)
            .where(self.frame[columns].notna(), None)
            .values.tolist(),
            "columns": columns,
            "category_label": self.category_label,
            "value_label": self.value_label,
            "unit": self.unit,
            "district_level": self.district_level,
            "metadata": self.metadata,
        }

    @classmethod
    def from_dict(cls, stored: dict[str, Any]) -> ChartData:
        return cls(
            frame=pd.DataFrame(stored["rows"], columns=stored["columns"]),
            category_label=stored.get("category_label", ""),
            value_label=stored.get("value_label", ""),
            unit=stored.get("unit", ""),
            district_level=stored.get("district_level", False),
            metadata=dict(stored.get("metadata", {})),
        )
