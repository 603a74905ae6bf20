"""The words every chart carries so that it stands alone as an image: what is counted,
where and when, the key to its marks, the sources and the dataset; each line wrapped so
that nothing is cut off at the export width."""

from __future__ import annotations

import math
import textwrap
from datetime import date

import pandas as pd

from figures import compare, schema, summary
from figures.charts.scales import needs_log_scale
from figures.vegalite import Spec

SUBTITLE_CHARACTERS = 130  # per subtitle line at 13 px: fits a 900 px page column too
LOG_LINE = ("Log scale: these figures span more than a hundredfold, so each gridline is ten "
            "times the one before and small figures stay visible.")
KEY_LINES = (
    "Each mark is one claim; colour and shape show the claimant's party.",
    "\u25cf Filled: an exact figure.   \u25cb Hollow: a bound or estimate "
    "(at least, more than, some, an estimated).",
)
PROPOSED_LINE = ("Faded marks labelled '(not reviewed)': figures the extractor proposed that no "
                 "person has checked against the article yet.")
DIFFER_LINE = ("The claims cover different places or periods: they are set side by side, "
               "not added up or reconciled.")

UNVERIFIED = "figures as claimed, not verified."
EMPTY_TITLE = "No claims to show"


def has_proposed(source: pd.DataFrame) -> bool:
    """Whether any claim shown is a proposal no person has reviewed."""
    return "review" in source.columns and bool((source["review"] ==
                                                 compare.PROPOSED_LABEL).any())


def key_lines(source: pd.DataFrame, by_claimant: bool = False,
              by_party: bool = False) -> tuple[str, ...]:
    """The key under a title: marks, fill and, where proposals are shown, their fading;
    for marks that stand for claimants or parties, what such a mark shows."""
    lines = (*KEY_LINES, PROPOSED_LINE) if has_proposed(source) else KEY_LINES
    summaries = ((summary.BY_CLAIMANT_LINE,) if by_claimant else ()) + (
        (summary.BY_PARTY_LINE,) if by_party else ())
    return (*summaries, *lines)


def wrap_lines(text: str, width: int = SUBTITLE_CHARACTERS) -> list[str]:
    """A long line broken between words into as few lines as fit, of even length.

    Even lines avoid a last line of one or two words, which reads as a mistake.
    """
    count = max(1, math.ceil(len(text) / width))
    for even in range(math.ceil(len(text) / count), width + 1):
        lines = textwrap.wrap(text, even)
        if len(lines) <= count:
            return lines
    return textwrap.wrap(text, width) or [text]


def dataset_line(made_on: date) -> str:
    """The dataset, its version and the day the chart was made."""
    return (f"Dataset: {schema.DATASET_NAME} v{schema.DATASET_VERSION}, "
            f"made {made_on.day} {made_on:%b %Y}; {UNVERIFIED}")


def packed_lines(parts: list[str], separator: str, width: int = SUBTITLE_CHARACTERS) -> list[str]:
    """Parts joined into lines of at most `width` characters, broken only between parts
    (so one source is never split over two lines), unless a part alone is too long."""
    lines: list[str] = []
    for part in parts:
        candidate = f"{lines[-1]}{separator}{part}" if lines else part
        if lines and len(candidate) <= width:
            lines[-1] = candidate
        else:
            if lines:
                lines[-1] += separator.rstrip()
            lines += textwrap.wrap(part, width) or [part]
    return lines


def footer_lines(source: pd.DataFrame, made_on: date) -> list[str]:
    """The source line, broken between sources, and the dataset line; sources counted
    rather than named when there are too many to read."""
    if not summary.names_sources(source):
        return [*wrap_lines(summary.sources_summary(source)), *wrap_lines(dataset_line(made_on))]
    line = compare.sources_line(source)
    head, _, rest = line.partition(": ")
    parts = rest.split("; ") if rest else [line]
    parts[0] = f"{head}: {parts[0]}" if rest else parts[0]
    return [*packed_lines(parts, "; "), *wrap_lines(dataset_line(made_on))]


def chart_title(text: str, lines: list[str]) -> Spec:
    """A title with its subtitle lines, each already short enough to fit."""
    return {"text": text, "subtitle": lines}


def joined(items: list[str]) -> str:
    """Distinct items in order, joined for a sentence."""
    return "; ".join(dict.fromkeys(item for item in items if item))


def where_when_lines(source: pd.DataFrame) -> list[str]:
    """The places and periods the claims cover, so a chart never hides that they differ."""
    if source.empty:
        return []
    periods = [str(period) for period in compare.per_distinct(
        source, ["period_text", "period_start", "period_end"],
        lambda r: compare.period_label(str(r["period_text"]), str(r["period_start"]),
                                       str(r["period_end"])))]
    unstated = sum(1 for period in periods if not period)
    period_text = joined(periods) or "not stated"
    if unstated and unstated < len(periods):
        period_text += f"; not stated for {unstated} of {len(periods)} claims"
    lines = [f"Places: {joined(list(source['place']))}.", f"Periods: {period_text}."]
    return [DIFFER_LINE, *lines] if source["context"].nunique() > 1 else lines


def counted_line(source: pd.DataFrame, label: str) -> str:
    """What the comparison counts."""
    if label in compare.COUNTED:
        return compare.COUNTED[label]
    return "Counted: " + joined(source["what"].tolist()) + "." if len(source) else ""


def comparison_subtitle(source: pd.DataFrame, label: str, made_on: date) -> list[str]:
    """Subtitle lines: what is counted, where and when, the key, the sources, the dataset."""
    lines = [counted_line(source, label), *where_when_lines(source),
             *key_lines(source, summary.needs_claimants(source))]
    if needs_log_scale(source):
        lines.append(LOG_LINE)
    wrapped = [part for line in lines if line for part in wrap_lines(line)]
    return [*wrapped, *footer_lines(source, made_on)]
