"""Old or hand-edited links: dates outside the data, or the wrong way round, open a page."""

from __future__ import annotations

from datetime import date

import pytest

from figures.filters import fit_dates
from tests.conftest import shown
from tests.test_dashboard import claims_table, run_app

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
    assert len(claims_table(at)) == 27
    assert any("showing" in shown(warning.value) for warning in at.warning)


def test_a_link_with_from_after_to_says_why() -> None:
    """A link with from later than to explains itself and shows the days between."""
    at = run_app({"from": "2016-10-13", "to": "2016-10-01"})
    assert not at.exception
    assert set(claims_table(at)["article_id"]) == {"eghtesad", "ahram"}
    assert any("is later than its to" in shown(warning.value) for warning in at.warning)
