"""The claims of one comparison side by side on one axis: the heart of the product."""

from __future__ import annotations

from datetime import date

import pandas as pd

from figures import summary
from figures.charts.lines import EMPTY_TITLE, chart_title, comparison_subtitle
from figures.charts.marks import (
    ROW_STEP,
    claim_marks,
    empty_chart,
    fitted,
    parties_in,
    range_rules,
    row_axis,
    styled,
    value_labels,
)
from figures.charts.scales import value_axis, value_scale
from figures.vegalite import ChartSpec, encoded


def side_by_side(source: pd.DataFrame, label: str, made_on: date) -> ChartSpec:
    """The claims of one comparison side by side on one axis: linear from zero, or a
    log scale, said so in the subtitle, when a linear one would hide the small figures.

    `source` is compare.comparison_frame output: one row per claim, grouped by claimant.
    """
    if source.empty:
        return empty_chart(f"{label}: {EMPTY_TITLE.lower()}",
                           comparison_subtitle(source, label, made_on))
    parties = parties_in(source)
    units = " or ".join(source["unit_label"].unique())
    # Past a few dozen claims, one mark per claimant; the axis still spans every claim.
    rows = summary.by_claimant(source) if summary.needs_claimants(source) else source
    base = {"x": encoded("plot_value", "quantitative", title=units,
                         scale=value_scale(source), axis=value_axis(source)),
            "y": row_axis(list(rows["row_label"]))}
    layers = [range_rules(base, parties), claim_marks(base, parties, rows), value_labels(base)]
    title = chart_title(label, comparison_subtitle(source, label, made_on))
    return fitted(styled(rows, layer=layers, title=title, height={"step": ROW_STEP}))
