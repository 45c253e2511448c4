"""Plotly figures from chart data, and their static SVG rendering with kaleido.

Kaleido drives Debian's Chromium (STACK.md gotchas 7–8); when no Chromium is found
there is simply no image and the page shows the table alone.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import textwrap

import plotly.graph_objects as go

from charts.data import ChartData

logger = logging.getLogger(__name__)

PALETTE = ["#0b6e4f", "#b34700", "#3a6ea5", "#8a3ffc", "#6b7b1f", "#a4161a"]
BARMODE = {"bar": "group", "grouped_bar": "group", "stacked_bar": "stack"}


# Beyond this many categories vertical bars need tiny rotated labels (33 districts:
# 6 px on a 360 px phone), so bars lie down, sorted by value, one row per category.
MANY_CATEGORIES = 12
ROW_HEIGHT = 22
# Each more bar side by side in a lying row (one per series, grouped).
BAR_HEIGHT = 14
# Shares of one whole may sum to 99.9 or 100.1 % once rounded.
WHOLE_TOLERANCE = 1.0


def _category_order(data: ChartData) -> list[str]:
    """Categories by total value, largest first (ties keep their order)."""
    totals = data.frame.groupby("category", sort=False)["value"].sum()
    return sorted(data.categories, key=lambda category: -float(totals[category]))


def _is_one_whole(data: ChartData) -> bool:
    """Each category's series add up to 100 %: parts of one whole."""
    totals = data.frame.groupby("category", sort=False)["value"].sum()
    return bool(((totals - 100).abs() <= WHOLE_TOLERANCE).all())


def barmode(data: ChartData, chart_type: str) -> str:
    """How bars of several series share a category: stacked only for parts that
    add up (counts, or shares of one group summing to 100 %). Shares of different
    groups (55 % of Benin's districts, 59 % of Guinea's) stand side by side:
    stacked, they read as 114 %."""
    mode = BARMODE.get(chart_type, "group")
    if mode == "stack" and data.unit == "%" and not _is_one_whole(data):
        return "group"
    return mode


def _tallest(data: ChartData, mode: str) -> float:
    """The highest value a bar reaches: a stack's total, else the largest bar."""
    values = data.frame["value"].fillna(0)
    if mode == "stack":
        values = values.clip(lower=0).groupby(data.frame["category"]).sum()
    return float(values.max()) if len(values) else 0.0


def _row_height(data: ChartData, mode: str) -> int:
    """A lying row holds one bar, or one bar per series side by side."""
    bars = 1 if mode == "stack" else max(1, len(data.series_names))
    return ROW_HEIGHT + BAR_HEIGHT * (bars - 1)


def build_figure(data: ChartData, chart_type: str) -> go.Figure:
    horizontal = chart_type != "line" and len(data.categories) > MANY_CATEGORIES
    mode = barmode(data, chart_type)
    figure = go.Figure()
    for position, series in enumerate(data.series_names):
        rows = data.frame[data.frame["series"] == series]
        color = PALETTE[position % len(PALETTE)]
        name = series or data.value_label
        categories, values = rows["category"].tolist(), rows["value"].tolist()
        if chart_type == "line":
            trace = go.Scatter(
                x=categories,
                y=values,
                name=name,
                mode="lines+markers",
                line={"color": color},
            )
        elif horizontal:
            trace = go.Bar(
                x=values,
                y=categories,
                orientation="h",
                name=name,
                marker={"color": color},
            )
        else:
            trace = go.Bar(x=categories, y=values, name=name, marker={"color": color})
        figure.add_trace(trace)
    value_title = data.value_label + (f" ({data.unit})" if data.unit else "")
    category_axis = {"title": {"text": data.category_label}, "automargin": True}
    value_axis = {"title": {"text": value_title}, "gridcolor": "#d5dbd8"}
    if data.unit == "%":
        # Shares are read against the whole: an axis from 0 to 100 % never
        # magnifies a small difference, nor cuts a bar (a rounded 100.1 %).
        value_axis["range"] = [0, max(100.0, _tallest(data, mode))]
    layout = {
        "barmode": mode,
        "showlegend": len(data.series_names) > 1,
        "font": {"family": "system-ui, sans-serif", "size": 13, "color": "#1b2430"},
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
    }
    if horizontal:
        # A narrow image: the value axis title, centred under a narrow plot, was
        # cut off; it goes above the bars, from the left edge, wrapped.
        lines = textwrap.wrap(value_title, 52) or [""]
        value_axis["title"]["text"] = ""
        layout["title"] = {
            "text": "<br>".join(lines),
            "x": 0,
            "xanchor": "left",
            "font": {"size": 13},
        }
        category_axis.update(
            categoryorder="array",
            categoryarray=_category_order(data),
            autorange="reversed",  # largest on top
        )
        layout.update(
            margin={"l": 10, "r": 10, "t": 20 + 18 * len(lines), "b": 30},
            width=420,
            height=80
            + 18 * len(lines)
            + _row_height(data, mode) * len(data.categories),
            xaxis=value_axis,
            yaxis=category_axis,
            legend={"orientation": "h", "y": -0.05, "yanchor": "top"},
        )
    else:
        layout.update(
            margin={"l": 60, "r": 10, "t": 10, "b": 80},
            height=360,
            width=720,
            xaxis=category_axis,
            yaxis=value_axis,
        )
    figure.update_layout(**layout)
    return figure


def figure_dict(figure: go.Figure) -> dict:
    """JSON-ready dict for plotly.js (numeric arrays as typed arrays, gotcha 7)."""
    return json.loads(figure.to_json())


def chromium_path() -> str | None:
    return os.environ.get("BROWSER_PATH") or shutil.which("chromium")


_server_started = False


# Open Graph's recommended card size: what a link preview shows in WhatsApp, Facebook,
# LinkedIn or X (none of which shows an SVG).
SHARE_IMAGE_SIZE = (1200, 630)


def _to_image(figure: go.Figure, **options) -> bytes | None:
    """The figure drawn by kaleido, or None when Chromium is absent or fails."""
    global _server_started
    if not chromium_path():
        return None
    try:
        import kaleido

        if not _server_started:
            kaleido.start_sync_server(silence_warnings=True)
            _server_started = True
        return figure.to_image(**options)
    except Exception:  # a missing or broken browser must never break publishing
        logger.exception("Static chart image could not be rendered")
        return None


def render_svg(figure: go.Figure) -> bytes | None:
    """The figure as SVG (the page's static image), or None without Chromium."""
    return _to_image(figure, format="svg")


def render_png(figure: go.Figure) -> bytes | None:
    """The figure as a 1200 × 630 PNG (the image a shared link shows), or None."""
    width, height = SHARE_IMAGE_SIZE
    return _to_image(figure, format="png", width=width, height=height)
