"""The reader's selection: which claims it keeps, how it reads back from a URL, its words."""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qs, urlencode

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from figures import schema
from figures.filters import (
    Selection,
    apply_selection,
    date_bounds,
    describe_selection,
    filter_options,
    selection_from_params,
    selection_to_params,
)
from figures.load import DEFAULT_DATA_DIR
from figures.table import Figures, build_figures

RUSSIA = ["eghtesad-01", "eghtesad-02", "eghtesad-03", "rt-01", "rt-02", "rt-03", "rt-04",
          "rt-05", "rt-06", "rt-07", "rt-08", "rt-09", "trt-02"]
RT = [f"rt-0{number}" for number in range(1, 10)]
EGHTESAD = [f"eghtesad-0{number}" for number in range(1, 9)]
AHRAM = [f"ahram-0{number}" for number in range(1, 8)]

FILTER_CASES: dict[str, tuple[Selection, list[str]]] = {
    "party Russia": (Selection(parties=("Russia",)), RUSSIA),
    "two parties": (
        Selection(parties=("United Nations", "independent monitor")),
        ["eghtesad-04", "eghtesad-05", "ahram-02", "ahram-04", "ahram-05"],
    ),
    "claimant Syrian Observatory": (
        Selection(claimants=("Syrian Observatory for Human Rights",)),
        ["ahram-02", "ahram-04", "ahram-05"],
    ),
    "outlet RT": (Selection(outlets=("RT",)), RT),
    "children killed": (
        Selection(measures=("killed",), subjects=("children",)),
        ["eghtesad-04", "ahram-03", "ahram-05"],
    ),
    "people leaving eastern Aleppo": (
        Selection(measures=("left",), places=("eastern Aleppo",)),
        ["rt-07", "rt-08", "rt-09"],
    ),
    "published 1 to 13 October": (
        Selection(date_from=date(2016, 10, 1), date_to=date(2016, 10, 13)), EGHTESAD + AHRAM,
    ),
    "published from November": (Selection(date_from=date(2016, 11, 1)), RT),
    "published up to 16 August": (
        Selection(date_to=date(2016, 8, 16)), ["rferl-01", "trt-01", "trt-02"],
    ),
    "search children in capitals": (
        Selection(search="CHILDREN"),
        ["eghtesad-04", "eghtesad-05", "ahram-03", "ahram-04", "ahram-05", "rt-01", "rt-07",
         "rt-08", "rt-09"],
    ),
    "search claimant organisation": (Selection(search="unicef"), ["eghtesad-04", "eghtesad-05"]),
    "search words found in different columns": (
        Selection(search="  Ryabkov   truce "), ["eghtesad-03"],
    ),
    "search and party together": (
        Selection(parties=("Russia",), search="children"), ["rt-01", "rt-07", "rt-08", "rt-09"],
    ),
    "comparison does not filter": (Selection(outlets=("RT",), comparison="killed"), RT),
}


@pytest.fixture(scope="module")
def table(shipped: Figures) -> pd.DataFrame:
    """The real figure table."""
    return shipped.table


@pytest.mark.parametrize("selection, expected", FILTER_CASES.values(), ids=FILTER_CASES.keys())
def test_selection_keeps_exactly_these_claims(
    table: pd.DataFrame, selection: Selection, expected: list[str]
) -> None:
    """A reader's choices keep exactly the claims that match, in the table's order."""
    assert apply_selection(table, selection)["claim_id"].tolist() == expected


def test_no_selection_keeps_every_claim(table: pd.DataFrame) -> None:
    """With nothing chosen the reader sees the whole table, unchanged."""
    pd.testing.assert_frame_equal(apply_selection(table, Selection()), table)


def test_selection_matching_nothing_is_an_empty_table_with_every_column(
    table: pd.DataFrame,
) -> None:
    """A search that finds nothing gives an empty table that still has all its columns."""
    empty = apply_selection(table, Selection(parties=("Russia",), search="UNICEF"))
    assert empty.empty
    assert list(empty.columns) == list(table.columns)


def test_selection_of_a_table_with_no_rows(table: pd.DataFrame) -> None:
    """A folder whose claims were all rejected still filters, to an empty table."""
    everything = Selection(parties=("Russia",), date_from=date(2016, 1, 1), search="children")
    empty = apply_selection(table.iloc[0:0], everything)
    assert empty.empty
    assert list(empty.columns) == list(table.columns)


def test_selected_rows_are_numbered_from_zero(table: pd.DataFrame) -> None:
    """The narrowed table is numbered afresh, so row positions and labels agree."""
    assert apply_selection(table, Selection(outlets=("RT",))).index.tolist() == list(range(9))


def test_selection_accepts_lists_from_widgets() -> None:
    """A selection built from a widget's list equals the same selection built from a tuple."""
    assert Selection(parties=["Russia"]) == Selection(parties=("Russia",))  # type: ignore[arg-type]


def test_filter_options_are_the_values_in_the_table(table: pd.DataFrame) -> None:
    """Each filter offers the values the data holds: parties in chart order, others A to Z."""
    options = filter_options(table)
    assert list(options) == ["party", "claimant", "outlet", "measure", "subject", "place"]
    assert options["party"] == [party for party in schema.PARTIES if party in set(table["party"])]
    assert options["outlet"] == ["Ahram Online", "EghtesadOnline", "RFE/RL", "RT", "TRT World"]
    assert options["place"] == ["Aleppo", "Deir al-Zor", "eastern Aleppo",
                                "government-held areas of Aleppo", "Syria",
                                "western Aleppo (government-held)"]


def test_date_bounds_are_the_first_and_last_publication_days(table: pd.DataFrame) -> None:
    """The date filter spans from the earliest article to the latest."""
    assert date_bounds(table) == (date(2016, 7, 29), date(2016, 11, 30))
    assert date_bounds(table.iloc[0:0]) is None


DESCRIPTIONS: dict[str, tuple[Selection, str]] = {
    "nothing chosen": (Selection(), "all claims"),
    "comparison only": (Selection(comparison="killed"), "all claims"),
    "parties, days and search": (
        Selection(parties=("Russia", "United Nations"), date_from=date(2016, 10, 1),
                  date_to=date(2016, 10, 13), search="children"),
        "party: Russia, United Nations; published 2016-10-01 to 2016-10-13; search 'children'",
    ),
    "every list": (
        Selection(parties=("Russia",), claimants=("Moscow",), outlets=("RT",),
                  measures=("trapped",), subjects=("people",), places=("Deir al-Zor",)),
        "party: Russia; claimant: Moscow; outlet: RT; measure: trapped; subject: people; "
        "place: Deir al-Zor",
    ),
    "from a day": (Selection(date_from=date(2016, 11, 1)), "published from 2016-11-01"),
    "up to a day": (Selection(date_to=date(2016, 8, 16)), "published up to 2016-08-16"),
    "blank search": (Selection(search="   "), "all claims"),
}


@pytest.mark.parametrize("selection, expected", DESCRIPTIONS.values(), ids=DESCRIPTIONS.keys())
def test_describe_selection(selection: Selection, expected: str) -> None:
    """The filters in force read as one short line under the table."""
    assert describe_selection(selection) == expected


OPTIONS = filter_options(build_figures(DEFAULT_DATA_DIR).table)


def chosen(column: str) -> st.SearchStrategy[tuple[str, ...]]:
    """Some of the values a filter offers, each once, in any order."""
    return st.lists(st.sampled_from(OPTIONS[column]), unique=True).map(tuple)


URL_TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)))
selections = st.builds(
    Selection,
    parties=chosen("party"),
    claimants=chosen("claimant"),
    outlets=chosen("outlet"),
    measures=chosen("measure"),
    subjects=chosen("subject"),
    places=chosen("place"),
    date_from=st.none() | st.dates(min_value=date(1000, 1, 1)),
    date_to=st.none() | st.dates(min_value=date(1000, 1, 1)),
    search=URL_TEXT,
    comparison=URL_TEXT,
)


@given(selections)
def test_selection_survives_the_url(selection: Selection) -> None:
    """A view written to the page's parameters reopens exactly, with nothing to warn about."""
    assert selection_from_params(selection_to_params(selection), OPTIONS) == (selection, [])


@given(selections)
def test_selection_survives_a_shared_link(selection: Selection) -> None:
    """A view encoded into a real link and decoded again, every value a list, reopens exactly."""
    query = urlencode(selection_to_params(selection), doseq=True)
    params = parse_qs(query, keep_blank_values=True)
    assert selection_from_params(params, OPTIONS) == (selection, [])


def test_default_selection_writes_no_parameters() -> None:
    """A page left at its defaults keeps a bare URL."""
    assert selection_to_params(Selection()) == {}


def test_selection_writes_short_stable_parameters() -> None:
    """Every part of a selection has its own short key in the URL."""
    selection = Selection(
        parties=("Russia",), claimants=("Moscow",), outlets=("RT",), measures=("left",),
        subjects=("children",), places=("eastern Aleppo",), date_from=date(2016, 10, 1),
        date_to=date(2016, 12, 1), search="children", comparison="killed",
    )
    assert selection_to_params(selection) == {
        "party": ["Russia"], "claimant": ["Moscow"], "outlet": ["RT"], "measure": ["left"],
        "subject": ["children"], "place": ["eastern Aleppo"], "from": "2016-10-01",
        "to": "2016-12-01", "q": "children", "compare": "killed",
    }


def test_single_values_and_lists_read_the_same() -> None:
    """A parameter given once (a string) or repeated (a list) is read the same way."""
    as_strings = selection_from_params({"party": "Russia", "q": "children"}, OPTIONS)
    as_lists = selection_from_params({"party": ["Russia"], "q": ["children"]}, OPTIONS)
    assert as_strings == as_lists == (Selection(parties=("Russia",), search="children"), [])


def test_unknown_parts_of_a_link_are_ignored_with_warnings() -> None:
    """An old or mistyped link still opens, and the reader is told what was left out."""
    params = {
        "party": ["Mars", "Russia", "Russia"],
        "outlet": "The Onion",
        "from": "2016-13-01",
        "to": "yesterday",
        "utm_source": "newsletter",
        "q": ["first", "last"],
    }
    assert selection_from_params(params, OPTIONS) == (
        Selection(parties=("Russia",), search="last"),
        [
            "Ignored parameter 'utm_source': not a filter",
            "Ignored party 'Mars': not in the data",
            "Ignored outlet 'The Onion': not in the data",
            "Ignored from '2016-13-01': not a date (write it as YYYY-MM-DD)",
            "Ignored to 'yesterday': not a date (write it as YYYY-MM-DD)",
        ],
    )


def test_empty_date_parameters_are_no_date() -> None:
    """A link with an emptied date box opens with no date chosen, and no warning."""
    assert selection_from_params({"from": "", "to": []}, OPTIONS) == (Selection(), [])


def test_a_selection_that_keeps_every_row_does_not_copy_the_table(shipped: Figures) -> None:
    """The whole corpus is the view most often drawn; it is the table itself, while a
    filter gives a new table of its rows, the loaded one left as it was."""
    table = shipped.table.reset_index(drop=True)
    assert apply_selection(table, Selection()) is table
    russia = apply_selection(table, Selection(parties=("Russia",)))
    assert russia is not table and set(russia["party"]) == {"Russia"}
    assert list(russia.index) == list(range(len(russia)))
    shifted = table.set_axis(range(5, 5 + len(table)))
    assert list(apply_selection(shifted, Selection()).index) == list(range(len(table)))
