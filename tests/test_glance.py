"""The header's numbers: right for the shipped data, and safe for none."""

from __future__ import annotations

import pandas as pd

from figures import schema
from figures.filters import Selection, apply_selection
from figures.glance import date_span, glance
from figures.table import Figures


def test_glance_counts_the_whole_table_and_the_rows_shown(shipped: Figures) -> None:
    """Five articles; the filtered counts follow the selection."""
    shown = apply_selection(shipped.table, Selection(parties=("United Nations",)))
    numbers = glance(shipped.table, shown)
    assert (numbers.articles, numbers.claims_total, numbers.claims_shown,
            numbers.claimants_shown, numbers.parties_shown) == (5, 27, 2, 1, 1)
    assert (numbers.span_label, numbers.span_value) == ("Published in 2016", "Jul–Nov")
    assert numbers.span_help.startswith("From 29 Jul 2016 to 30 Nov 2016")


def test_glance_of_an_empty_table_does_not_fail() -> None:
    """No valid claim gives zeros and dashes, not an error."""
    empty = pd.DataFrame(columns=list(schema.TABLE_COLUMNS))
    numbers = glance(empty, empty)
    assert (numbers.articles, numbers.claims_shown, numbers.span_value) == (0, 0, "–")


def test_date_span_across_years_and_within_a_month() -> None:
    """A span across years names the years, which fit the header's narrow label (months of
    different years would read as one year's); one month is named once."""
    across = pd.DataFrame({"published": ["2016-07-29", "2024-06-08"]})
    assert date_span(across)[:2] == ("Published", "2016–2024")
    within = pd.DataFrame({"published": ["2016-10-01", "2016-10-13", "not a date"]})
    assert date_span(within)[:2] == ("Published in 2016", "Oct")
