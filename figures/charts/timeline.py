"""Every claim at the date its article was published, grouped by kind of figure; past
many claims, one mark per kind, party and day."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pandas as pd

from figures import compare, summary
from figures.charts.lines import (
    EMPTY_TITLE,
    KEY_LINES,
    PROPOSED_LINE,
    chart_title,
    footer_lines,
    has_proposed,
    joined,
    key_lines,
    wrap_lines,
)
from figures.charts.marks import (
    claim_marks,
    claim_tooltip,
    empty_chart,
    exactness_fill,
    fitted,
    parties_in,
    party_color,
    party_shape,
    party_stroke,
    review_opacity,
    styled,
)
from figures.vegalite import ChartSpec, Spec, encoded, view

TIMELINE_STEP = 22  # pixels per claim line on the timeline
MIN_DAYS = 40  # the shortest span a timeline shows, so its axis has dates to read
LINE_MARK = "#"  # between a comparison and a claim's place in it, in a timeline line key


def timeline_frame(source: pd.DataFrame) -> pd.DataFrame:
    """Every claim labelled, on its own `line` within its comparison, with the dates of
    the period it covers where the article gives them."""
    frame = compare.label_frame(source)
    if frame.empty:
        return frame.assign(slot=pd.Series(dtype="int64"), line="", period_from="",
                            period_to="", mark_text="", label_left=False)
    order = compare.comparison_order(list(frame["comparison"]))
    frame["_rank"] = frame["comparison"].map(order.index)
    frame = frame.sort_values(["_rank", "published", "claim_id"], kind="stable")
    frame["slot"] = frame.groupby("comparison").cumcount()
    frame["line"] = [f"{label}{LINE_MARK}{slot:03d}"
                     for label, slot in zip(frame["comparison"], frame["slot"], strict=True)]
    has_start = frame["period_start"] != ""
    frame["period_from"] = frame["period_start"].where(has_start, "")
    ends = frame["period_end"].where(frame["period_end"] != "", frame["published"])
    frame["period_to"] = ends.where(has_start, "")
    frame["mark_text"] = [mark_text(row) for row in
                          frame[["value_label", "what", "stance", "who"]].to_dict("records")]
    return frame.drop(columns="_rank").reset_index(drop=True)


def mark_text(row: dict[str, object]) -> str:
    """A timeline label: the figure, what it counts, how it was put, and who said it."""
    stance = f" ({row['stance']})" if row["stance"] else ""
    return f"{row['value_label']} {row['what']}{stance} \u00b7 {row['who']}"


def date_domain(frame: pd.DataFrame) -> list[str]:
    """The dates a timeline spans, with a little room either side."""
    days = [compare.parse_date(text) for text in
            [*frame["published"], *frame.get("period_from", [])]]
    known = [day for day in days if day]
    if not known:
        return []
    first, last = min(known), max(known)
    span = (last - first).days
    room = timedelta(days=max(round(span * 0.04), math.ceil((MIN_DAYS - span) / 2), 3))
    return [(first - room).isoformat(), (last + room).isoformat()]


def label_on_left(frame: pd.DataFrame, domain: list[str]) -> pd.Series:
    """Whether each mark's label goes to its left: marks in the later half of the time
    span are labelled on the left so that no label runs off the chart."""
    if frame.empty or not domain:
        return pd.Series(False, index=frame.index, dtype=bool)
    first, last = (date.fromisoformat(day) for day in domain)
    middle = first + (last - first) / 2
    return frame["published"].map(lambda text: (compare.parse_date(text) or first) > middle)


def undated_line(frame: pd.DataFrame) -> str:
    """How many claims are left off the timeline because their article has no date."""
    if frame.empty:
        return ""
    published = frame["published"]
    unknown = [text for text in published.unique() if compare.parse_date(text) is None]
    undated = int(published.isin(unknown).sum())
    if not undated:
        return ""
    return (f"Not placed: {undated} of {len(frame)} claims, whose articles' dates of "
            f"publication are not known.")


def inferred_line(frame: pd.DataFrame) -> str:
    """Which outlets' dates were inferred from the text rather than stated."""
    if frame.empty:
        return ""
    basis = frame["published_basis"]
    inferred = basis.isin([text for text in basis.unique() if compare.is_inferred(text)])
    outlets = joined(list(frame["outlet"][inferred].unique())).replace(";", ",")
    return f"Publication dates inferred from the article's text: {outlets}." if outlets else ""


def side_labels(base: Spec) -> Spec:
    """Each claim's figure and claimant beside its mark, on the side with room."""
    encoding = {**base, "text": encoded("mark_text", "nominal")}
    sides = (("left", 12, "!datum.label_left"), ("right", -12, "datum.label_left"))
    return {"layer": [view({"type": "text", "align": align, "baseline": "middle", "dx": dx,
                            "fontSize": 12}, encoding, (test,))
                      for align, dx, test in sides]}


def line_axis(order: list[str]) -> Spec:
    """One line per claim, the comparison named at the first line of its group."""
    first_line = f"split(datum.label, '{LINE_MARK}')"
    return encoded("line", "nominal", sort=order, title=None, axis={
        "labelExpr": f"{first_line}[1] == '000' ? {first_line}[0] : ''",
        "labelLimit": 0, "labelFontSize": 13, "labelFontWeight": "bold", "labelPadding": 12,
        "ticks": False, "domain": False, "grid": False})


def published_axis(domain: list[str]) -> Spec:
    """Time across: the day each article was published."""
    return encoded("published", "temporal", title="Date the article was published",
                   scale={"domain": domain} if domain else {},
                   axis={"format": "%-d %b %Y", "tickCount": "month", "grid": True})


def timeline_subtitle(frame: pd.DataFrame, made_on: date) -> list[str]:
    """What the timeline shows, which dates are inferred, the key, sources and dataset."""
    lines = [
        "Each claim at the date its article was published, in the group of the kind of "
        "figure it gives; figures in different groups count different things.",
        "A dashed line before a mark: the period the claim covers, where the article dates it.",
        inferred_line(frame), undated_line(frame), *key_lines(frame),
    ]
    subtitle = [part for line in lines if line for part in wrap_lines(line)]
    return [*subtitle, *footer_lines(frame, made_on)]


def timeline(source: pd.DataFrame, made_on: date) -> ChartSpec:
    """Every claim at the date its article was published, grouped by comparison.

    Different kinds of figure never share a group, each claim has its own line, and a
    dashed line before a mark shows the period a claim covers where the article dates it.
    """
    if summary.needs_days(source):
        return timeline_by_day(source, made_on)
    source = compare.with_columns(source)
    every = timeline_frame(source)
    heading = "When each figure was published"
    # Claims whose article has no known date are counted in the subtitle, not placed.
    frame = every
    if len(source):
        dated = source["published"].map(lambda text: compare.parse_date(str(text)) is not None)
        frame = every if dated.all() else timeline_frame(source[dated])
    if frame.empty:
        return empty_chart(f"{heading}: {EMPTY_TITLE.lower()}", timeline_subtitle(every, made_on))
    domain = date_domain(frame)
    frame = frame.assign(label_left=label_on_left(frame, domain))
    parties = parties_in(frame)
    lines = line_axis(list(frame["line"]))
    base = {"x": published_axis(domain), "y": lines}
    separators = view({"type": "rule", "yOffset": -TIMELINE_STEP / 2, "color": "#b0b0b0",
                       "strokeWidth": 1}, {"y": lines}, ("datum.slot == 0",))
    periods = view({"type": "rule", "strokeWidth": 2, "strokeDash": [4, 3]}, {
        **base, "x": encoded("period_from", "temporal"), "x2": {"field": "period_to"},
        "color": party_color(parties), "tooltip": claim_tooltip()},
        ("datum.period_from != ''",))
    title = chart_title(heading, timeline_subtitle(every, made_on))
    layers = [separators, periods, claim_marks(base, parties, frame), side_labels(base)]
    return fitted(styled(frame, layer=layers, title=title, height={"step": TIMELINE_STEP}))


def timeline_by_day(source: pd.DataFrame, made_on: date) -> ChartSpec:
    """The timeline of many claims: one mark per kind of figure, party and day of
    publication, sized by how many claims it holds; each kind of figure on a line."""
    claims = compare.label_frame(source)
    frame = summary.by_day(claims)
    heading = "When each figure was published"
    lines = [summary.BY_DAY_LINE, inferred_line(claims), undated_line(claims),
             *KEY_LINES[1:], *([PROPOSED_LINE] if has_proposed(claims) else [])]
    subtitle = [part for line in lines if line for part in wrap_lines(line)]
    subtitle += footer_lines(claims, made_on)
    if frame.empty:
        return empty_chart(f"{heading}: {EMPTY_TITLE.lower()}", subtitle)
    parties = parties_in(frame)
    order = compare.comparison_order(list(frame["comparison"].unique()))
    domain = date_domain(frame)
    marks = view({"type": "point", "filled": True}, {
        "x": published_axis(domain),
        "y": encoded("comparison", "nominal", sort=order, title=None, axis={
            "labelLimit": 0, "labelFontSize": 13, "labelFontWeight": "bold",
            "labelPadding": 12, "ticks": False, "domain": False}),
        "size": encoded("claims", "quantitative", title="Claims that day",
                        scale={"range": [60, 900]}),
        "color": party_color(parties), "stroke": party_stroke(parties),
        "shape": party_shape(parties), "fillOpacity": exactness_fill(),
        "opacity": review_opacity(frame),
        "tooltip": [encoded("comparison", "nominal", title="Kind of figure"),
                    encoded("published_label", "nominal", title="Published"),
                    encoded("party", "nominal", title="Party"),
                    encoded("claims", "quantitative", title="Claims", format=",")],
    })
    return fitted(styled(frame, **marks, title=chart_title(heading, subtitle),
                         height={"step": 48}))
