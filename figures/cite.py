"""A citation for the view a reader is looking at, to paste under a figure they reuse.

A number taken from the dashboard is only as good as the reader's ability to say where it
came from, so the citation names the data set and its version, the filters that made the
view, how many claims it showed, the articles those claims come from (saying which
publication dates are inferred, never passing them off as stated), and when it was seen.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from figures import schema
from figures.check import parse_date
from figures.compare import INFERRED_NOTE, day_label, is_inferred
from figures.package import PROJECT


def published_text(published: str, basis: str) -> str:
    """An article's publication day in words, marked where it was inferred, not stated."""
    day = parse_date(published)
    shown = day_label(day) if day is not None else "date unknown"
    return shown + (INFERRED_NOTE if is_inferred(basis) and day is not None else "")


def sources_text(table: pd.DataFrame) -> str:
    """The outlets behind the claims shown, each with its day, earliest first."""
    articles = dict.fromkeys(zip(*(table[column].astype(str).tolist()
                                   for column in ("outlet", "published", "published_basis")),
                                 strict=True))
    listed = [f"{outlet}, {published_text(published, basis)}"
              for outlet, published, basis in sorted(
                  articles, key=lambda article: (article[1], article[0]))]
    return "; ".join(listed) if listed else "none"


def claims_text(count: int) -> str:
    """How many claims the view shows, in words that agree with the number."""
    return f"{count} claim shown" if count == 1 else f"{count} claims shown"


def unreviewed_text(table: pd.DataFrame) -> str:
    """How many of the claims shown no person has reviewed yet, or "" when none."""
    if "review_status" not in table.columns:
        return ""
    proposed = int((table["review_status"] == schema.PROPOSED).sum())
    if not proposed:
        return ""
    return (f"Not yet reviewed: {proposed} of the {len(table)} claims are figures the "
            f"extractor proposed that no person has checked against their quotes.")


def cite_view(
    selection_text: str, table: pd.DataFrame, accessed: date, url: str | None = None,
    disputes: str = "",
) -> str:
    """A plain-text citation of the view: what data set, which claims, from where, when.

    `selection_text` is `describe_selection(selection)` and `table` the rows the view
    shows. The year after the author is the year of access: the data set has no release
    date of its own yet, and the version number pins down what was cited. `disputes`
    is the view's disputes in a sentence (`disputes.frame.disputes_sentence`), if given.
    """
    lines = [
        f"{PROJECT} ({accessed.year}). {schema.DATASET_NAME}, "
        f"version {schema.DATASET_VERSION} [data set].",
        f"Selection: {selection_text.strip().rstrip('.')} ({claims_text(len(table))}).",
        f"Sources: {sources_text(table)}.",
    ]
    unreviewed = unreviewed_text(table)
    if unreviewed:
        lines.insert(2, unreviewed)
    if disputes:
        lines.append(f"Disputes: {disputes}")
    if url:
        lines.append(f"View: {url}")
    lines.append(f"Accessed {day_label(accessed)}.")
    return "\n".join(lines) + "\n"
