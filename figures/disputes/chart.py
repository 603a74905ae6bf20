"""One small chart per dispute, that can go straight into a report.

Each claim of the dispute is one row: a bar over the values its qualifier allows (to the
axis's end for "at least" and "more than"; give or take the codebook's tolerance for
"about"), and a mark at its figure, coloured and shaped by party as in every chart. The
broken rule is the subtitle, then each claim's quote with who said it, then the key, the
sources and the dataset, so the image stands alone.
"""

from __future__ import annotations

import math
from datetime import date

import pandas as pd

from figures import compare, schema
from figures.charts.lines import chart_title, footer_lines, wrap_lines
from figures.charts.marks import (
    claim_marks,
    fitted,
    parties_in,
    party_color,
    row_axis,
    styled,
    value_labels,
)
from figures.disputes.found import Dispute
from figures.disputes.ranges import allowed
from figures.disputes.words import span_text
from figures.vegalite import ChartSpec, encoded, view

RANGE_LINE = ("Bars: the values each claim allows. 'At least' and 'more than' run on to "
              "the axis's end; 'about', 'some' and 'estimated' reach "
              f"{round(schema.APPROXIMATE_TOLERANCE * 100)}% either side.")
MARK_LINE = ("Marks: the figure as stated; filled if exact, hollow if a bound or estimate; "
             "colour and shape show the claimant's party.")
ROW_STEP_DISPUTE = 66  # pixels per claim row: room for a three-line row label
QUOTE_CHARACTERS = 220  # a quote longer than this is cut, with an ellipsis, in the image
LISTED_REPEATS = 3  # claims named where a claimant gives a disputed figure again


def dispute_frame(table: pd.DataFrame, dispute: Dispute) -> pd.DataFrame:
    """The dispute's claims, labelled, each with the range it allows on the plotted axis."""
    chosen = table[table["claim_id"].isin(dispute.claim_ids)]
    frame = compare.label_frame(chosen)
    frame["row_label"] = [row_label(row) for row in frame.to_dict("records")]
    order = {claim_id: position for position, claim_id in enumerate(dispute.claim_ids)}
    frame = frame.assign(_order=frame["claim_id"].map(order)).sort_values("_order")
    lows, highs = [], []
    for row in frame.to_dict("records"):
        top = None if pd.isna(row["value_max"]) else float(row["value_max"])
        found = allowed(float(row["value"]), top, str(row["qualifier"]),
                        schema.common_factor(str(row["unit"])))
        lows.append(found.low)
        highs.append(found.high)
    finite = [value for value in [*lows, *highs] if math.isfinite(value)]
    axis_end = max(finite, default=1.0) * 1.35 or 1.0
    return frame.drop(columns="_order").assign(
        range_low=lows, range_high=[min(high, axis_end) for high in highs],
        axis_end=axis_end).reset_index(drop=True)


def row_label(row: dict[str, object]) -> str:
    """Who, then where and when (the period's words and days), then the cause named."""
    start, end = compare.parse_date(str(row["period_start"])), compare.parse_date(
        str(row["period_end"]))
    days = span_text(start, end) if start or end else ""
    words = str(row["period_text"]).strip()
    period = f"{words} ({days})" if words and days else words or days or "no period stated"
    cause = str(row["blamed_on"]).strip()
    lines = [str(row["claimant_label"]), f"{row['place']} \u00b7 {period}",
             f"blamed on {cause}" if cause else "no cause named"]
    return compare.ROW_BREAK.join(compare.wrapped(line) for line in lines)


def short_quote(quote: str) -> str:
    """A quote short enough for a chart line, cut between words."""
    text = " ".join(quote.split())
    if len(text) <= QUOTE_CHARACTERS:
        return text
    return text[:QUOTE_CHARACTERS].rsplit(" ", 1)[0] + " …"


def quote_lines(frame: pd.DataFrame) -> list[str]:
    """Each claim's quote, after who said it, wrapped to the subtitle's width."""
    lines = []
    for row in frame.to_dict("records"):
        lines += wrap_lines(f"{row['claimant_label']} ({row['party']}): "
                            f"\u201c{short_quote(str(row['quote']))}\u201d")
    return lines


def dispute_title(dispute: Dispute, frame: pd.DataFrame) -> str:
    """ "Dispute D1, a tension: children killed"."""
    what = " vs ".join(dict.fromkeys(frame["what"])) if len(frame) else ""
    return f"Dispute {dispute.dispute_id}, a {dispute.strength}: {what}"


def repeats_line(dispute: Dispute, frame: pd.DataFrame) -> str:
    """Where each claimant gives the same figure again ("" when neither does)."""
    who = dict(zip(frame["claim_id"], frame["claimant_label"], strict=True))
    said = []
    for side in dispute.sides:
        if len(side) > 1:
            named = ", ".join(side[1:1 + LISTED_REPEATS])
            more = len(side) - 1 - LISTED_REPEATS
            said.append(f"{who.get(side[0], side[0])} gives the same figure in {len(side) - 1:,} "
                        f"more claim{'s' if len(side) > 2 else ''} ({named}"
                        f"{f' and {more:,} more' if more > 0 else ''})")
    return "; ".join(said) + "." if said else ""


def dispute_subtitle(dispute: Dispute, frame: pd.DataFrame, made_on: date) -> list[str]:
    """The broken rule, the parties, the quotes, where the figures are given again, the
    key, the sources and the dataset."""
    repeats = repeats_line(dispute, frame)
    lines = [*wrap_lines(dispute.sentence), *wrap_lines(f"Claimants: {dispute.parties}."),
             *quote_lines(frame), *(wrap_lines(repeats) if repeats else []),
             *wrap_lines(RANGE_LINE), *wrap_lines(MARK_LINE)]
    return [*lines, *footer_lines(frame, made_on)]


def dispute_chart(table: pd.DataFrame, dispute: Dispute, made_on: date) -> ChartSpec:
    """The dispute's claims side by side on one axis, each with the range it allows."""
    frame = dispute_frame(table, dispute)
    parties = parties_in(frame)
    units = " or ".join(dict.fromkeys(frame["unit_label"]))
    base = {"x": encoded("plot_value", "quantitative", title=units,
                         axis={"format": ",~f", "tickCount": 6},
                         scale={"domain": [0, float(frame["axis_end"].iloc[0])], "nice": False}),
            "y": row_axis(list(frame["row_label"]))}
    bars = view({"type": "bar", "height": 14, "opacity": 0.3}, {
        **base, "x": encoded("range_low", "quantitative"), "x2": {"field": "range_high"},
        "color": party_color(parties)})
    layers = [bars, claim_marks(base, parties, frame), value_labels(base)]
    title = chart_title(dispute_title(dispute, frame), dispute_subtitle(dispute, frame,
                                                                        made_on))
    return fitted(styled(frame, layer=layers, title=title, height={"step": ROW_STEP_DISPUTE}))
