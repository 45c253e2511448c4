import pandas as pd
import pytest
from django.utils import translation

from charts.anonymise import (
    DisplayMode,
    DisplayOptions,
    for_display,
    letters,
    pseudonyms,
)
from charts.data import ChartData

DISTRICTS = {11: ("Banikoara", "Bénin"), 12: ("Kandi", "Bénin"), 21: ("Boké", "Guinée")}


def district_data(ids=(11, 12, 21)):
    frame = pd.DataFrame(
        [
            {
                "category": DISTRICTS[i][0],
                "series": "Stock-outs",
                "value": float(i),
                "district_id": i,
                "country": DISTRICTS[i][1],
            }
            for i in ids
        ]
    )
    return ChartData(frame=frame, value_label="Stock-outs", district_level=True)


def test_letters_go_on_after_z():
    assert [letters(i) for i in (0, 1, 25, 26, 27, 701, 702)] == [
        "A",
        "B",
        "Z",
        "AA",
        "AB",
        "ZZ",
        "AAA",
    ]


def test_pseudonyms_do_not_depend_on_list_order():
    forward = pseudonyms("seed-1", [11, 12, 21])
    backward = pseudonyms("seed-1", [21, 12, 11])
    assert forward == backward
    assert sorted(forward.values()) == ["District A", "District B", "District C"]


def test_pseudonyms_differ_between_cycles():
    ids = list(range(1, 30))
    assert pseudonyms("cycle-1", ids) != pseudonyms("cycle-2", ids)


def test_a_district_keeps_its_pseudonym_in_a_chart_with_fewer_districts():
    options = DisplayOptions(DisplayMode.PSEUDONYMS, "s", frozenset({11, 12, 21}))
    full = for_display(district_data(), options).frame
    partial = for_display(district_data(ids=(21,)), options).frame
    boke_label = full.loc[full["value"] == 21.0, "category"].iloc[0]
    assert partial["category"].tolist() == [boke_label]


@pytest.mark.parametrize("mode", [DisplayMode.PSEUDONYMS, DisplayMode.COUNTRIES])
def test_no_real_name_and_no_id_survives(mode):
    shown = for_display(district_data(), DisplayOptions(mode, "seed"), 11)
    text = shown.frame.to_csv() + str(shown.to_dict())
    for name, _country in DISTRICTS.values():
        assert name not in text
    assert "district_id" not in shown.frame.columns


def test_viewer_sees_which_row_is_theirs():
    options = DisplayOptions(DisplayMode.PSEUDONYMS, "seed")
    frame = for_display(district_data(), options, viewer_district_id=12).frame
    mine = frame[frame["is_viewer"]]
    assert mine["value"].tolist() == [12.0]
    assert mine["category"].iloc[0].startswith("District ")


def test_names_mode_keeps_names():
    frame = for_display(district_data(), DisplayOptions()).frame
    assert frame["category"].tolist() == ["Banikoara", "Kandi", "Boké"]


def test_countries_mode_aggregates_to_country_means():
    with translation.override("en"):
        shown = for_display(district_data(), DisplayOptions(DisplayMode.COUNTRIES))
    values = shown.frame.set_index("category")["value"].to_dict()
    assert values == {"Bénin": 11.5, "Guinée": 21.0}
    assert shown.category_label == "Country"
