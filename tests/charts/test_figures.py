"""The static chart is readable on a 360 px phone (issue 20: 33 vertical bars had
6 px rotated labels)."""

import pandas as pd

from charts.data import ChartData
from charts.figures import build_figure


def _per_district(count: int) -> ChartData:
    frame = pd.DataFrame(
        {
            "category": [f"District {n:02d}" for n in range(count)],
            "value": [(n * 7) % 23 for n in range(count)],
        }
    )
    return ChartData(frame, category_label="District", value_label="Ruptures")


def test_thirty_three_districts_lie_down_sorted_with_one_row_each():
    figure = build_figure(_per_district(33), "bar")
    bar = figure.data[0]
    assert bar.orientation == "h"
    assert list(bar.y)[:2] == ["District 00", "District 01"]  # data order kept
    order = list(figure.layout.yaxis.categoryarray)
    values = dict(zip(bar.y, bar.x, strict=True))
    assert [values[c] for c in order] == sorted(values.values(), reverse=True)
    assert figure.layout.yaxis.autorange == "reversed"  # the largest on top
    # Narrow enough to be shown near its size on a phone, tall enough for a
    # readable label per district.
    assert figure.layout.width <= 420
    assert figure.layout.height >= 33 * 20


def test_few_categories_stay_vertical():
    figure = build_figure(_per_district(6), "bar")
    assert figure.data[0].orientation in (None, "v")
    assert figure.layout.width == 720


def test_shares_keep_their_whole_axis_when_lying_down():
    data = _per_district(20)
    data.unit = "%"
    figure = build_figure(data, "stacked_bar")
    assert tuple(figure.layout.xaxis.range) == (0, 100)


def test_a_long_value_title_wraps_in_the_narrow_image_instead_of_being_cut():
    data = _per_district(40)
    data.value_label = (
        "Nombre de ces décès ayant fait l'objet d'une revue en comité d'audit"
    )
    title = build_figure(data, "bar").layout.title
    assert title.x == 0 and title.xanchor == "left"  # from the image's left edge
    assert "<br>" in title.text
    assert all(len(line) <= 52 for line in title.text.split("<br>"))
    assert title.text.replace("<br>", " ") == data.value_label
