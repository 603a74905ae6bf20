"""The corpus at a glance: the few numbers the page's header shows, even for no data."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Glance:
    """Counts of what the table holds and what the filters show, and the dates it spans."""

    articles: int
    claims_total: int
    claims_shown: int
    claimants_shown: int
    parties_shown: int
    span_label: str
    span_value: str
    span_help: str


def date_span(table: pd.DataFrame) -> tuple[str, str, str]:
    """The months the articles were published in, short enough for a header metric,
    and the exact days for its help text; dashes when no date can be read."""
    dates = pd.to_datetime(table.get("published", pd.Series(dtype=object)), errors="coerce")
    dates = dates.dropna()
    if dates.empty:
        return "Published", "–", "No article with a readable date."
    first, last = dates.min(), dates.max()
    if first.year != last.year:  # months of different years would read as one year's
        label, value = "Published", f"{first:%Y}–{last:%Y}"
    else:
        label = f"Published in {first:%Y}"
        value = f"{first:%b}–{last:%b}" if first.month != last.month else f"{first:%b}"
    return (label, value,
            f"From {first.day} {first:%b %Y} to {last.day} {last:%b %Y}; dates not stated in "
            "an article are inferred, as the Sources section says.")


def glance(table: pd.DataFrame, shown: pd.DataFrame) -> Glance:
    """The header's numbers for the whole table and the rows the filters show."""
    label, value, help_text = date_span(table)
    return Glance(
        articles=int(table["article_id"].nunique()) if len(table) else 0,
        claims_total=len(table),
        claims_shown=len(shown),
        claimants_shown=int(shown["claimant_id"].nunique()) if len(shown) else 0,
        parties_shown=int(shown["party"].nunique()) if len(shown) else 0,
        span_label=label, span_value=value, span_help=help_text,
    )
