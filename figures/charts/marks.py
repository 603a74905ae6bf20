"""The parts every chart is made of: the one look, the party colours and shapes, the
marks of a claim (filled if exact, hollow if a bound or estimate, faded if not reviewed),
their rows and labels, and the export width."""

from __future__ import annotations

import pandas as pd

from figures import compare, schema
from figures.charts.lines import chart_title, has_proposed
from figures.vegalite import ChartSpec, Spec, chart_spec, encoded, view

EXPORT_WIDTH = 1200  # pixels; the width every chart is drawn and exported at
ROW_STEP = 54  # pixels per claim row: room for a two- or three-line row label
# Closed shapes drawn in a unit square, for parties beyond Vega-Lite's distinct built-ins.
STAR = ("M0,-1L0.26,-0.36L0.95,-0.31L0.43,0.14L0.59,0.81L0,0.45L-0.59,0.81L-0.43,0.14"
        "L-0.95,-0.31L-0.26,-0.36Z")
SALTIRE = ("M0.56,-1L1,-0.56L0.44,0L1,0.56L0.56,1L0,0.44L-0.56,1L-1,0.56L-0.44,0L-1,-0.56"
           "L-0.56,-1L0,-0.44Z")

# One shape per party, in the order of schema.PARTY_COLOURS; all closed shapes, so each
# can be drawn filled (exact figure) or hollow (bound or estimate).
PARTY_SHAPES: dict[str, str] = dict(
    zip(
        schema.PARTY_COLOURS,
        ("circle", "square", "diamond", "triangle-up", "triangle-down", "cross",
         "triangle-right", STAR, SALTIRE, "triangle-left"),
        strict=True,
    )
)
EXACTNESS_OPACITY: dict[str, float] = {compare.EXACT: 1.0, compare.INEXACT: 0.0}
PROPOSED_OPACITY = 0.45
SPLIT_LINES = "split(datum.label, '\\n')"  # a row label's lines (compare.ROW_BREAK)


def styled(rows: pd.DataFrame, **properties: object) -> ChartSpec:
    """A top-level chart of `rows` in the one look of every chart (`vegalite.theme`)."""
    return chart_spec(list(schema.PARTY_COLOURS.values()), charted(rows), **properties)


# The columns of a claim a chart draws, labels or shows in its tooltip, and those that say
# which claims a mark stands for; a chart carries these and no other, so its data stays
# small and quick to convert.
CHARTED_COLUMNS: frozenset[str] = frozenset({
    "claim_id", "claimant_id", "article_id", "claimant", "claimant_org", "claimant_label",
    "party", "outlet", "published", "published_label", "published_basis", "period_text",
    "period_from", "period_to", "place", "relayed_by", "notes", "quote", "review",
    "exactness", "comparison", "unit", "unit_label", "value", "value_max", "value_label",
    "plot_value", "plot_value_max", "row_label", "line", "slot", "mark_text", "label_left",
    "claims", "claimants", "by_claimant", "by_party", "panel", "range_low", "range_high",
})


def charted(frame: pd.DataFrame) -> pd.DataFrame:
    """The columns of `frame` a chart uses."""
    return frame[[column for column in frame.columns if column in CHARTED_COLUMNS]]


def parties_in(source: pd.DataFrame) -> list[str]:
    """The parties of `source` in the schema's order (any unknown party after them)."""
    present = set(source["party"].unique()) if "party" in source.columns else set()
    return [party for party in schema.PARTIES if party in present] + sorted(
        present - set(schema.PARTIES))


def party_scale() -> Spec:
    """All parties, each with its Okabe-Ito colour: the same scale in every chart."""
    return {"domain": list(schema.PARTY_COLOURS), "range": list(schema.PARTY_COLOURS.values())}


def party_legend(parties: list[str] | None) -> Spec | None:
    """The party legend, listing only `parties` when given (the scale still holds all);
    none when there are no parties to list."""
    if parties is None:
        return {"title": "Party"}
    return {"title": "Party", "values": parties} if parties else None


def party_color(parties: list[str] | None = None) -> Spec:
    """The party colour: one Okabe-Ito colour per party, the same scale in every chart.

    `parties` only narrows which parties the legend lists; the scale always holds all.
    """
    return encoded("party", "nominal", scale=party_scale(), legend=party_legend(parties))


def party_stroke(parties: list[str] | None = None) -> Spec:
    """The party colour for outlines, so a hollow mark keeps its party's colour."""
    return party_color(parties)


def party_shape(parties: list[str] | None = None) -> Spec:
    """The party shape, so that a party is told by shape as well as by colour."""
    return encoded("party", "nominal",
                   scale={"domain": list(PARTY_SHAPES), "range": list(PARTY_SHAPES.values())},
                   legend=party_legend(parties))


def exactness_fill() -> Spec:
    """Filled marks for exact figures, hollow marks for bounds and estimates.

    Vega-Lite draws no legend for fill opacity, so KEY_LINES say it in the subtitle.
    """
    return encoded("exactness", "nominal", scale={
        "domain": list(EXACTNESS_OPACITY), "range": list(EXACTNESS_OPACITY.values())},
        legend=None)


def review_opacity(source: pd.DataFrame) -> Spec:
    """Checked claims drawn solid, proposals faded, named in a legend of their own; solid
    with no legend when every claim shown is checked."""
    if not has_proposed(source):
        return {"value": 1}
    labels = [compare.CHECKED_LABEL, compare.PROPOSED_LABEL]
    return encoded("review", "nominal", scale={"domain": labels, "range": [1, PROPOSED_OPACITY]},
                   legend={"title": "Review", "values": labels})


def claim_tooltip() -> list[Spec]:
    """Everything a reader needs to check one claim against its article."""
    fields = [
        ("value_label", "Figure"), ("quote", "Quote"), ("claimant", "Claimant"),
        ("claimant_org", "Organisation"), ("party", "Party"), ("outlet", "Outlet"),
        ("published", "Published"), ("published_basis", "Date basis"),
        ("period_text", "Period"), ("place", "Place"), ("relayed_by", "Relayed by"),
        ("notes", "Notes"), ("review", "Review"),
    ]
    return [encoded(field, "nominal", title=title) for field, title in fields]


def claim_marks(base: Spec, parties: list[str], source: pd.DataFrame,
                filters: tuple[str, ...] = ()) -> Spec:
    """One point per claim: party by colour and shape, exactness by fill, proposals faded.
    `base` is the encoding every layer of the chart shares (its axes)."""
    return view({"type": "point", "filled": True}, {
        **base,
        "color": party_color(parties),
        "stroke": party_stroke(parties),
        "shape": party_shape(parties),
        "fillOpacity": exactness_fill(),
        "opacity": review_opacity(source),
        "tooltip": claim_tooltip(),
    }, filters)


def range_rules(base: Spec, parties: list[str], filters: tuple[str, ...] = ()) -> Spec:
    """A line from the low to the high figure of claims that give a range."""
    return view({"type": "rule", "strokeWidth": 2}, {
        **base, "x2": {"field": "plot_value_max"}, "color": party_color(parties)},
        (*filters, "isValid(datum.plot_value_max)"))


def value_labels(base: Spec, filters: tuple[str, ...] = ()) -> Spec:
    """The figure in the article's words beside each mark."""
    return view({"type": "text", "align": "left", "baseline": "middle", "dx": 13,
                 "fontWeight": "bold"}, {**base, "text": encoded("value_label", "nominal")},
                filters)


def row_axis(order: list[str], **axis: object) -> Spec:
    """Rows of claims, each labelled with its claimant and, below, what, where and when."""
    return encoded("row_label", "nominal", sort=order, title=None, axis={
        "labelExpr": SPLIT_LINES, "labelLimit": 0, "labelPadding": 12, "labelFontSize": 12,
        "labelLineHeight": 16, "ticks": False, "domain": False, "grid": True,
        "gridDash": [2, 3], **axis})


def fitted(chart: ChartSpec, width: int = EXPORT_WIDTH) -> ChartSpec:
    """A single or layered chart drawn exactly `width` pixels wide, labels and all."""
    return chart.with_properties(width=width, autosize={"type": "fit-x", "contains": "padding"})


def empty_chart(heading: str, subtitle: list[str]) -> ChartSpec:
    """A chart with a title and subtitle but no marks, for a selection with no claims."""
    return fitted(styled(pd.DataFrame({"x": []}), mark={"type": "point"},
                         encoding={"x": encoded("x", "quantitative", axis=None)},
                         title=chart_title(heading, subtitle), height=10))
