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


def _committee_by_country(answers: list[str] | None = None) -> ChartData:
    """QA, "Comité d'audit actif, par pays": the share of each country's districts
    per answer (Benin 55.2 % / 44.8 %, Guinea 59.3 % / 40.7 %)."""
    answers = answers or ["Oui", "Non"]
    shares = {"Bénin": [55.2, 44.8], "Guinée": [59.3, 40.7]}
    rows = [
        (answer, country, values[position % 2])
        for country, values in shares.items()
        for position, answer in enumerate(answers)
    ]
    return ChartData(
        pd.DataFrame(rows, columns=["category", "series", "value"]),
        category_label="Réponse",
        value_label="% des districts ayant répondu",
        unit="%",
    )


def _tallest_bar(figure) -> float:
    """The highest value a bar reaches: a stack's total, else the largest bar."""
    horizontal = figure.data[0].orientation == "h"
    heights: dict = {}
    for trace in figure.data:
        categories, values = (trace.y, trace.x) if horizontal else (trace.x, trace.y)
        for category, value in zip(categories, values, strict=True):
            if figure.layout.barmode == "stack":
                heights[category] = heights.get(category, 0) + value
            else:
                heights[category] = max(heights.get(category, 0), value)
    return max(heights.values())


def test_qa_committee_shares_of_two_countries_stand_side_by_side_not_stacked():
    """QA: "Oui" was drawn as Bénin 55,2 % + Guinée 59,3 % = 114,5 %, cut at 100."""
    figure = build_figure(_committee_by_country(), "stacked_bar")
    assert figure.layout.barmode == "group"
    oui = {trace.name: list(trace.y)[0] for trace in figure.data}
    assert oui == {"Bénin": 55.2, "Guinée": 59.3}  # each bar its own share
    assert _tallest_bar(figure) == 59.3  # not 114.5
    low, high = figure.layout.yaxis.range
    assert low == 0 and high >= 100  # the whole axis, nothing cut


def test_qa_many_answers_by_country_lie_down_side_by_side_with_room_per_bar():
    """The horizontal variant: 14 answers by two countries, grouped, the axis not
    cut, and each answer's row tall enough for its two bars."""
    answers = [f"Pratique {n:02d}" for n in range(14)]
    figure = build_figure(_committee_by_country(answers), "stacked_bar")
    assert figure.data[0].orientation == "h"
    assert figure.layout.barmode == "group"
    low, high = figure.layout.xaxis.range
    assert low == 0 and high >= _tallest_bar(figure)
    one_country = _committee_by_country(answers)
    one_country.frame = one_country.frame[one_country.frame["series"] == "Bénin"]
    single = build_figure(one_country, "bar")
    assert figure.layout.height > single.layout.height + 14 * 10


def test_parts_of_one_whole_still_stack():
    """Stacking stays right for what adds up: counts, or the shares of one group
    (each country's answers summing to 100 %)."""
    counts = ChartData(
        pd.DataFrame(
            [("Bénin", "Oui", 16), ("Bénin", "Non", 13), ("Guinée", "Oui", 16)]
            + [("Guinée", "Non", 11)],
            columns=["category", "series", "value"],
        ),
        value_label="Districts",
    )
    figure = build_figure(counts, "stacked_bar")
    assert figure.layout.barmode == "stack"
    assert figure.layout.yaxis.range is None  # plotly fits 29 and 27
    one_whole = ChartData(
        pd.DataFrame(
            [("Bénin", "Oui", 55.2), ("Bénin", "Non", 44.8), ("Guinée", "Oui", 59.3)]
            + [("Guinée", "Non", 40.7)],
            columns=["category", "series", "value"],
        ),
        unit="%",
    )
    figure = build_figure(one_whole, "stacked_bar")
    assert figure.layout.barmode == "stack"
    assert figure.layout.yaxis.range[1] >= _tallest_bar(figure)
