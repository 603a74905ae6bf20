"""Charts that stand on their own as images: every one names what it counts, where and
when, who said each figure, where it was published, and which dataset it comes from.

One chart, one function: a DataFrame `source` in, a chart out (a `vegalite.ChartSpec`:
Vega-Lite written as plain dicts, with its rows). Fonts, sizes and colours live in one
theme (`vegalite.theme`); each party keeps one colour and one shape in every chart
(`party_color`, `party_shape`), so a party is never told by colour alone. Exact figures
are filled marks, bounds and estimates hollow ones, and the chart says so.

The subtitle carries the source and dataset lines rather than a footer: a single or
layered view can then be fitted to an exact width (Vega-Lite cannot fit concatenated
views), and the lines are wrapped so that nothing is cut off at the export width.
"""

from __future__ import annotations

import math
import textwrap
from datetime import date, timedelta

import pandas as pd

from figures import compare, schema, summary
from figures.vegalite import ChartSpec, Spec, chart_spec, encoded, string_literal, view

EXPORT_WIDTH = 1200  # pixels; the width every chart is drawn and exported at
SUBTITLE_CHARACTERS = 130  # per subtitle line at 13 px: fits a 900 px page column too
LOG_RATIO = 100  # figures spanning more than this factor go on a log axis, so none hides
LOG_LINE = ("Log scale: these figures span more than a hundredfold, so each gridline is ten "
            "times the one before and small figures stay visible.")
ROW_STEP = 54  # pixels per claim row: room for a two- or three-line row label
TIMELINE_STEP = 22  # pixels per claim line on the timeline
MIN_DAYS = 40  # the shortest span a timeline shows, so its axis has dates to read
LINE_MARK = "#"  # between a comparison and a claim's place in it, in a timeline line key

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
KEY_LINES = (
    "Each mark is one claim; colour and shape show the claimant's party.",
    "\u25cf Filled: an exact figure.   \u25cb Hollow: a bound or estimate "
    "(at least, more than, some, an estimated).",
)
PROPOSED_LINE = ("Faded marks labelled '(not reviewed)': figures the extractor proposed that no "
                 "person has checked against the article yet.")
PROPOSED_OPACITY = 0.45
DIFFER_LINE = ("The claims cover different places or periods: they are set side by side, "
               "not added up or reconciled.")

UNVERIFIED = "figures as claimed, not verified."
EMPTY_TITLE = "No claims to show"
SPLIT_LINES = "split(datum.label, '\\n')"  # a row label's lines (compare.ROW_BREAK)


def styled(rows: pd.DataFrame, **properties: object) -> ChartSpec:
    """A top-level chart of `rows` in the one look of every chart (`vegalite.theme`)."""
    return chart_spec(list(schema.PARTY_COLOURS.values()), charted(rows), **properties)


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


def has_proposed(source: pd.DataFrame) -> bool:
    """Whether any claim shown is a proposal no person has reviewed."""
    return "review" in source.columns and bool((source["review"] ==
                                                 compare.PROPOSED_LABEL).any())


def review_opacity(source: pd.DataFrame) -> Spec:
    """Checked claims drawn solid, proposals faded, named in a legend of their own; solid
    with no legend when every claim shown is checked."""
    if not has_proposed(source):
        return {"value": 1}
    labels = [compare.CHECKED_LABEL, compare.PROPOSED_LABEL]
    return encoded("review", "nominal", scale={"domain": labels, "range": [1, PROPOSED_OPACITY]},
                   legend={"title": "Review", "values": labels})


def key_lines(source: pd.DataFrame, by_claimant: bool = False,
              by_party: bool = False) -> tuple[str, ...]:
    """The key under a title: marks, fill and, where proposals are shown, their fading;
    for marks that stand for claimants or parties, what such a mark shows."""
    lines = (*KEY_LINES, PROPOSED_LINE) if has_proposed(source) else KEY_LINES
    summaries = ((summary.BY_CLAIMANT_LINE,) if by_claimant else ()) + (
        (summary.BY_PARTY_LINE,) if by_party else ())
    return (*summaries, *lines)


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


def needs_log_scale(source: pd.DataFrame) -> bool:
    """Whether a linear axis would crush the small figures against zero."""
    values = source["plot_value"][source["plot_value"] > 0] if len(source) else source
    return len(values) > 1 and float(values.max()) / float(values.min()) > LOG_RATIO


def comparison_subtitle(source: pd.DataFrame, label: str, made_on: date) -> list[str]:
    """Subtitle lines: what is counted, where and when, the key, the sources, the dataset."""
    lines = [counted_line(source, label), *where_when_lines(source),
             *key_lines(source, summary.needs_claimants(source))]
    if needs_log_scale(source):
        lines.append(LOG_LINE)
    wrapped = [part for line in lines if line for part in wrap_lines(line)]
    return [*wrapped, *footer_lines(source, made_on)]


def value_axis(source: pd.DataFrame) -> Spec:
    """The value axis; durations get a tick every 24 hours, so whole days read off it."""
    room = x_room(source)
    if needs_log_scale(source):
        domain = value_scale(source)["domain"]
        exponents = range(round(math.log10(domain[0])), round(math.log10(domain[1])) + 1)
        return {"format": ",~f", "values": [10**power for power in exponents]}
    if set(source["unit_label"].unique()) == {compare.DURATION_LABEL} and room > 48:
        return {"format": ",~f", "values": list(range(0, int(room) + 24, 24))}
    return {"format": ",~f", "tickCount": 8}


def x_room(source: pd.DataFrame, column: str = "plot_value") -> float:
    """The largest value with room beside it for its label, so labels are not cut off;
    for shares, at least 100 percent, so a small share looks small."""
    values = pd.concat([source[column], source.get("plot_value_max", source[column])])
    largest = float(values.max()) if len(values) and values.notna().any() else 0.0
    if "unit_label" in source.columns and \
            set(source["unit_label"].unique()) == {compare.PERCENT_LABEL}:
        return max(largest * 1.3, 100.0)  # a share is read against the whole
    return largest * 1.3 if largest > 0 else 1.0


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


def value_scale(source: pd.DataFrame) -> Spec:
    """Linear from zero, or a log scale when the figures span more than LOG_RATIO."""
    if needs_log_scale(source):
        positive = source["plot_value"][source["plot_value"] > 0]
        low = 10 ** math.floor(math.log10(float(positive.min())))
        # A decade of room past the largest figure, for its label in words.
        high = 10 ** (math.ceil(math.log10(float(positive.max()))) + 1)
        return {"type": "log", "domain": [low, high], "nice": False}
    return {"zero": True, "domain": [0, x_room(source)], "nice": True}


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
    frame["mark_text"] = [mark_text(row) for row in frame.to_dict("records")]
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


def overview_frame(source: pd.DataFrame) -> pd.DataFrame:
    """The claims of every comparison, each comparison labelled with its unit and given
    room beside its largest figure for the figure's label."""
    claims = compare.label_frame(source) if len(source) else source
    labels = compare.available_comparisons(claims) if len(source) else []
    # A panel of many claims draws one mark per claimant, as the side-by-side does; it is
    # summed from the few columns the summary reads, so a large corpus's other columns
    # are never copied panel by panel.
    sizes = claims["comparison"].value_counts() if len(source) else pd.Series(dtype="int64")
    narrow = claims[[column for column in claims.columns
                     if column in summary.SUMMARY_COLUMNS]] if len(source) else claims
    # A panel of more claimants than rows can be read draws one mark per party.
    framed = []
    for label in labels:
        many = int(sizes.get(label, 0)) > summary.CLAIMANT_MARKS_ABOVE
        whole = narrow if many else claims
        part = whole[whole["comparison"] == label]
        if part.empty:
            continue
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
