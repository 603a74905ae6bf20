"""Old or hand-edited links: dates outside the data, or the wrong way round, open a page."""

from __future__ import annotations

from datetime import date

import pytest

from figures.filters import Selection, fit_dates, selection_from_params
from tests.conftest import shown
from tests.test_dashboard import claims_table, run_app, url_values

OPTIONS = {"party": ["Russia", "Turkey"]}

BOUNDS = (date(2016, 7, 29), date(2016, 11, 30))


@pytest.mark.parametrize(
    ("date_from", "date_to", "fitted", "warnings"),
    [
        (None, None, BOUNDS, []),
        (date(2016, 8, 1), date(2016, 10, 1), (date(2016, 8, 1), date(2016, 10, 1)), []),
        (date(2016, 1, 1), None, BOUNDS,
         ["The link's from 2016-01-01 is before the first article (2016-07-29); "
          "showing from 2016-07-29"]),
        (None, date(2017, 6, 1), BOUNDS,
         ["The link's to 2017-06-01 is after the last article (2016-11-30); "
          "showing up to 2016-11-30"]),
        (date(2017, 1, 1), None, (BOUNDS[1], BOUNDS[1]),
         ["The link's from 2017-01-01 is after the last article (2016-11-30); "
          "showing from 2016-11-30"]),
        (None, date(2016, 1, 1), (BOUNDS[0], BOUNDS[0]),
         ["The link's to 2016-01-01 is before the first article (2016-07-29); "
          "showing up to 2016-07-29"]),
        (date(2016, 11, 1), date(2016, 8, 1), (date(2016, 8, 1), date(2016, 11, 1)),
         ["The link's from 2016-11-01 is later than its to 2016-08-01, so nothing could "
          "match; showing 2016-08-01 to 2016-11-01 instead"]),
    ],
)
def test_link_dates_are_fitted_to_the_data(date_from: date | None, date_to: date | None,
                                          fitted: tuple[date, date],
                                          warnings: list[str]) -> None:
    """A link's days are kept inside the data's span and in order, saying what changed."""
    assert fit_dates(date_from, date_to, BOUNDS) == (fitted, warnings)


@pytest.mark.parametrize("query", [{"from": "2016-01-01"}, {"to": "2017-06-01"},
                                   {"from": "2016-01-01", "to": "2017-06-01"}])
def test_an_old_link_with_dates_outside_the_data_opens(query: dict[str, str]) -> None:
    """A link whose days lie outside the data opens every claim, saying the days were fitted."""
    at = run_app(query)
    assert not at.exception
    assert at.session_state["more_filters"] is False  # the days fitted narrow nothing
    assert len(claims_table(at)) == 27
    assert any("showing" in shown(warning.value) for warning in at.warning)


@pytest.mark.parametrize("query", [{"from": "2016-10-01"}, {"to": "2016-10-13"}])
def test_a_link_with_dates_opens_more_filters(query: dict[str, str]) -> None:
    """A link narrowed by its days alone opens "More filters", where the days are shown."""
    at = run_app(query)
    assert not at.exception
    assert at.session_state["more_filters"] is True
    assert len(at.date_input(key="filter_dates").value) == 2


def test_a_link_with_from_after_to_says_why() -> None:
    """A link with from later than to explains itself and shows the days between."""
    at = run_app({"from": "2016-10-13", "to": "2016-10-01"})
    assert not at.exception
    assert set(claims_table(at)["article_id"]) == {"eghtesad", "ahram"}
    assert any("is later than its to" in shown(warning.value) for warning in at.warning)


def test_many_unknown_values_make_one_short_warning() -> None:
    """A link naming hundreds of unknown parties gives one warning, not hundreds."""
    params = {"party": [f"p{number}" for number in range(300)]}
    assert selection_from_params(params, OPTIONS) == (Selection(), [
        "Ignored party 'p0', 'p1', 'p2', 'p3', 'p4' and 295 more: not in the data"])


def test_an_emptied_filter_is_no_filter() -> None:
    """A link with an emptied party box (?party=) opens with no party chosen, and no warning."""
    assert selection_from_params({"party": ["", "Russia"], "q": ""}, OPTIONS) == (
        Selection(parties=("Russia",)), [])


def test_an_unknown_comparison_is_named_in_a_warning() -> None:
    """A link naming a comparison the data does not offer says so, and opens the default."""
    at = run_app({"compare": "Unicorns counted"})
    assert not at.exception
    assert [shown(warning.value) for warning in at.warning] == [
        "Ignored compare 'Unicorns counted': not a comparison these claims offer"]
    assert url_values(at, "compare") == [at.selectbox(key="comparison").value]
