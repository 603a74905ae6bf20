"""Every comparison in its own panel, each on its own scale: small multiples, so one
axis never sets a percentage beside hundreds of thousands of people."""

from __future__ import annotations

from datetime import date

import pandas as pd

from figures import compare, summary
from figures.charts.lines import EMPTY_TITLE, chart_title, footer_lines, key_lines, wrap_lines
from figures.charts.marks import (
    EXPORT_WIDTH,
    ROW_STEP,
    claim_marks,
    empty_chart,
    parties_in,
    range_rules,
    row_axis,
    styled,
    value_labels,
)
from figures.charts.scales import needs_log_scale, value_axis, value_scale, x_room
from figures.vegalite import ChartSpec, Spec, encoded, string_literal


def overview_frame(source: pd.DataFrame) -> pd.DataFrame:
    """The claims of every comparison, each comparison labelled with its unit and given
    room beside its largest figure for the figure's label."""
    claims = compare.label_frame(source) if len(source) else source
    labels = compare.available_comparisons(claims) if len(source) else []
    # A panel of many claims draws one mark per claimant, as the side-by-side does; it is
    # summed from the few columns the summary reads, so a large corpus's other columns
    # are never copied panel by panel.
    narrow = claims[[column for column in claims.columns
                     if column in summary.SUMMARY_COLUMNS]] if len(source) else claims
    # Each comparison's rows found in one pass, not by comparing every row once a panel.
    positions = claims.groupby("comparison", sort=False).indices if len(source) else {}
    # A panel of more claimants than rows can be read draws one mark per party.
    framed = []
    for label in labels:
        if label not in positions:
            continue
        many = len(positions[label]) > summary.CLAIMANT_MARKS_ABOVE
        part = (narrow if many else claims).iloc[positions[label]]
        parties = many and summary.needs_parties(part)
        rows = (summary.by_party(part) if parties else summary.by_claimant(part) if many
                else compare.comparison_frame(part, label))
        units = " or ".join(part["unit_label"].unique())
        framed.append(rows.assign(panel=f"{label} ({units})", x_room=x_room(part),
                                  by_claimant=many and not parties, by_party=parties))
    if not framed:
        empty = compare.label_frame(source.iloc[:0] if len(source.columns) else source)
        return empty.assign(panel="", x_room=pd.Series(dtype="float64"), by_claimant=False,
                            by_party=False)
    return pd.concat(framed, ignore_index=True)


def label_width(labels: list[str]) -> int:
    """A generous estimate of the pixels the longest line of a row label takes at 12 px."""
    lines = [line for label in labels for line in label.split(compare.ROW_BREAK)]
    return round(max((len(line) for line in lines), default=10) * 6.4) + 16


def overview_panel(part: pd.DataFrame, parties: list[str], plot_width: int,
                   label_room: int, whole: pd.DataFrame) -> Spec:
    """One comparison's panel: its claims on its own axis, linear from zero or, when its
    figures span more than LOG_RATIO, logarithmic, said so in the panel's title. Marks
    are faded for proposals alike in every panel (`whole` is the stacked chart's data)."""
    units = " or ".join(part["unit_label"].unique())
    heading = f"{part['comparison'].iloc[0]} ({units})"
    if needs_log_scale(part):
        heading += ", log scale"
    if part["by_claimant"].iloc[0]:
        heading += f", one mark per claimant ({int(part['claims'].sum()):,} claims)"
    elif part["by_party"].iloc[0]:
        heading += (f", one mark per party ({int(part['claims'].sum()):,} claims by "
                    f"{int(part['claimants'].sum()):,} claimants)")
    rows = list(part["row_label"])
    # The panel reads the stacked chart's one dataset, so the data is held once.
    panel = (f"datum.panel === {string_literal(str(part['panel'].iloc[0]))}",)
    base = {"x": encoded("plot_value", "quantitative", title=None, scale=value_scale(part),
                         axis=value_axis(part)),
            "y": row_axis(rows, minExtent=label_room, maxExtent=label_room)}
    return {"layer": [range_rules(base, parties, panel),
                      claim_marks(base, parties, whole, panel), value_labels(base, panel)],
            "width": plot_width, "height": {"step": ROW_STEP},
            "title": {"text": heading, "fontSize": 15, "anchor": "start", "frame": "bounds",
                      "offset": 8}}


def overview(source: pd.DataFrame, made_on: date, width: int = EXPORT_WIDTH) -> ChartSpec:
    """Every comparison in its own panel, each on its own scale.

    Small multiples rather than one log axis for everything: one axis would still set
    1 percent beside 300,000 people as if they were one kind of thing. Each panel compares
    like with like, linear from zero, except where its own figures span more than a
    hundredfold; that panel goes on a log axis and says so, so no figure hides at zero.
    The subtitle warns that scales differ between panels.
    """
    frame = overview_frame(source)
    heading = "Every figure, by what it counts"
    lines = [
        "One panel per kind of figure, each on its own scale: compare marks within a panel, "
        "not across panels. Panels marked 'log scale' have gridlines ten times apart.",
        *key_lines(frame, bool(len(frame) and frame["by_claimant"].any()),
                   bool(len(frame) and frame["by_party"].any())),
    ]
    subtitle = [part for line in lines for part in wrap_lines(line)]
    if frame.empty:
        return empty_chart(f"{heading}: {EMPTY_TITLE.lower()}",
                           [*subtitle, *footer_lines(frame, made_on)])
    parties = parties_in(frame)
    label_room = label_width(list(frame["row_label"]))
    plot_width = max(width - 2 * 16 - label_room, 200)
    panels = [overview_panel(part, parties, plot_width, label_room, frame)
              for _, part in frame.groupby("panel", sort=False)]
    claims = compare.label_frame(source)
    return styled(frame, vconcat=panels, spacing=26, resolve={"scale": {
        "x": "independent", "y": "independent", "color": "shared", "shape": "shared"}},
        title=chart_title(heading, [*subtitle, *footer_lines(claims, made_on)]))
