"""Charts that stand on their own as images: every one names what it counts, where and
when, who said each figure, where it was published, and which dataset it comes from.

One chart, one function: a DataFrame `source` in, a chart out. Fonts, sizes and colours
live in one registered theme; each party keeps one colour and one shape in every chart
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

import altair as alt
import pandas as pd

from figures import compare, schema, summary

EXPORT_WIDTH = 1200  # pixels; the width every chart is drawn and exported at
FONT = "Liberation Sans, Arial, Helvetica, sans-serif"  # vl-convert bundles Liberation Sans
TEXT_COLOUR = "#1a1a1a"
MUTED_COLOUR = "#4d4d4d"
GRID_COLOUR = "#e3e3e3"
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

AnyChart = alt.Chart | alt.LayerChart | alt.VConcatChart


@alt.theme.register("contested_figures", enable=True)
def contested_figures_theme() -> alt.theme.ThemeConfig:
    """The one look of every chart: plain fonts, quiet axes, a title that reads first."""
    return {
        "background": "white",
        "padding": {"left": 16, "right": 16, "top": 16, "bottom": 16},
        "config": {
            "font": FONT,
            "view": {"stroke": None},
            "title": {
                "font": FONT, "fontSize": 22, "fontWeight": "bold", "color": TEXT_COLOUR,
                "anchor": "start", "offset": 18, "subtitleFont": FONT, "subtitleFontSize": 13,
                "subtitleColor": MUTED_COLOUR, "subtitlePadding": 8,
                "subtitleLineHeight": 19,
            },
            "axis": {
                "labelFont": FONT, "titleFont": FONT, "labelFontSize": 12, "titleFontSize": 13,
                "labelColor": TEXT_COLOUR, "titleColor": TEXT_COLOUR, "gridColor": GRID_COLOUR,
                "domainColor": "#888888", "tickColor": "#888888", "titleFontWeight": "bold",
            },
            "legend": {
                "labelFont": FONT, "titleFont": FONT, "labelFontSize": 12, "titleFontSize": 12,
                "labelColor": TEXT_COLOUR, "titleColor": TEXT_COLOUR, "orient": "top",
                "direction": "horizontal", "symbolSize": 140, "symbolStrokeWidth": 2,
                "columnPadding": 14, "labelLimit": 200, "columns": 3, "rowPadding": 6,
            },
            "header": {"labelFont": FONT, "titleFont": FONT, "labelColor": TEXT_COLOUR},
            "text": {"font": FONT, "fontSize": 13, "color": TEXT_COLOUR},
            "point": {"size": 170, "strokeWidth": 2.2},
            "range": {"category": list(schema.PARTY_COLOURS.values())},
        },
    }


def parties_in(source: pd.DataFrame) -> list[str]:
    """The parties of `source` in the schema's order (any unknown party after them)."""
    present = set(source["party"].unique()) if "party" in source.columns else set()
    return [party for party in schema.PARTIES if party in present] + sorted(
        present - set(schema.PARTIES))


def party_scale() -> alt.Scale:
    """All parties, each with its Okabe-Ito colour: the same scale in every chart."""
    return alt.Scale(domain=list(schema.PARTY_COLOURS), range=list(schema.PARTY_COLOURS.values()))


def party_legend(parties: list[str] | None) -> alt.Legend | None:
    """The party legend, listing only `parties` when given (the scale still holds all);
    none when there are no parties to list."""
    if parties is None:
        return alt.Legend(title="Party")
    return alt.Legend(title="Party", values=parties) if parties else None


def party_color(parties: list[str] | None = None) -> alt.Color:
    """The party colour: one Okabe-Ito colour per party, the same scale in every chart.

    `parties` only narrows which parties the legend lists; the scale always holds all.
    """
    return alt.Color("party:N", scale=party_scale(), legend=party_legend(parties))


def party_stroke(parties: list[str] | None = None) -> alt.Stroke:
    """The party colour for outlines, so a hollow mark keeps its party's colour."""
    return alt.Stroke("party:N", scale=party_scale(), legend=party_legend(parties))


def party_shape(parties: list[str] | None = None) -> alt.Shape:
    """The party shape, so that a party is told by shape as well as by colour."""
    return alt.Shape(
        "party:N",
        scale=alt.Scale(domain=list(PARTY_SHAPES), range=list(PARTY_SHAPES.values())),
        legend=party_legend(parties),
    )


def exactness_fill() -> alt.FillOpacity:
    """Filled marks for exact figures, hollow marks for bounds and estimates.

    Vega-Lite draws no legend for fill opacity, so KEY_LINES say it in the subtitle.
    """
    return alt.FillOpacity(
        "exactness:N",
        scale=alt.Scale(domain=list(EXACTNESS_OPACITY), range=list(EXACTNESS_OPACITY.values())),
        legend=None,
    )


def has_proposed(source: pd.DataFrame) -> bool:
    """Whether any claim shown is a proposal no person has reviewed."""
    return "review" in source.columns and bool((source["review"] ==
                                                 compare.PROPOSED_LABEL).any())


def review_opacity(source: pd.DataFrame) -> alt.Opacity | alt.OpacityValue:
    """Checked claims drawn solid, proposals faded, named in a legend of their own; solid
    with no legend when every claim shown is checked."""
    if not has_proposed(source):
        return alt.OpacityValue(1)
    return alt.Opacity("review:N", scale=alt.Scale(
        domain=[compare.CHECKED_LABEL, compare.PROPOSED_LABEL], range=[1, PROPOSED_OPACITY]),
        legend=alt.Legend(title="Review", values=[compare.CHECKED_LABEL,
                                                  compare.PROPOSED_LABEL]))


def key_lines(source: pd.DataFrame, by_claimant: bool = False,
              by_party: bool = False) -> tuple[str, ...]:
    """The key under a title: marks, fill and, where proposals are shown, their fading;
    for marks that stand for claimants or parties, what such a mark shows."""
    lines = (*KEY_LINES, PROPOSED_LINE) if has_proposed(source) else KEY_LINES
    summaries = ((summary.BY_CLAIMANT_LINE,) if by_claimant else ()) + (
        (summary.BY_PARTY_LINE,) if by_party else ())
    return (*summaries, *lines)


def claim_tooltip() -> list[alt.Tooltip]:
    """Everything a reader needs to check one claim against its article."""
    fields = [
        ("value_label", "Figure"), ("quote", "Quote"), ("claimant", "Claimant"),
        ("claimant_org", "Organisation"), ("party", "Party"), ("outlet", "Outlet"),
        ("published", "Published"), ("published_basis", "Date basis"),
        ("period_text", "Period"), ("place", "Place"), ("relayed_by", "Relayed by"),
        ("notes", "Notes"), ("review", "Review"),
    ]
    return [alt.Tooltip(f"{field}:N", title=title) for field, title in fields]


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


def chart_title(text: str, lines: list[str]) -> alt.Title:
    """A title with its subtitle lines, each already short enough to fit."""
    return alt.Title(text=text, subtitle=lines)


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
    return "Counted: " + joined(list(source["what"])) + "." if len(source) else ""


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


def value_axis(source: pd.DataFrame) -> alt.Axis:
    """The value axis; durations get a tick every 24 hours, so whole days read off it."""
    room = x_room(source)
    if needs_log_scale(source):
        domain = value_scale(source).domain
        exponents = range(round(math.log10(domain[0])), round(math.log10(domain[1])) + 1)
        return alt.Axis(format=",~f", values=[10**power for power in exponents])
    if set(source["unit_label"].unique()) == {compare.DURATION_LABEL} and room > 48:
        ticks = list(range(0, int(room) + 24, 24))
        return alt.Axis(format=",~f", values=ticks)
    return alt.Axis(format=",~f", tickCount=8)


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


def claim_marks(base: alt.Chart, parties: list[str], source: pd.DataFrame) -> alt.Chart:
    """One point per claim: party by colour and shape, exactness by fill, proposals faded."""
    return base.mark_point(filled=True).encode(
        color=party_color(parties),
        stroke=party_stroke(parties),
        shape=party_shape(parties),
        fillOpacity=exactness_fill(),
        opacity=review_opacity(source),
        tooltip=claim_tooltip(),
    )


def range_rules(base: alt.Chart, parties: list[str]) -> alt.Chart:
    """A line from the low to the high figure of claims that give a range."""
    return base.transform_filter("isValid(datum.plot_value_max)").mark_rule(
        strokeWidth=2).encode(x2=alt.X2("plot_value_max:Q"), color=party_color(parties))


def value_labels(base: alt.Chart) -> alt.Chart:
    """The figure in the article's words beside each mark."""
    return base.mark_text(align="left", baseline="middle", dx=13, fontWeight="bold").encode(
        text=alt.Text("value_label:N"))


def row_axis(order: list[str]) -> alt.Y:
    """Rows of claims, each labelled with its claimant and, below, what, where and when."""
    return alt.Y(
        "row_label:N",
        sort=order,
        title=None,
        axis=alt.Axis(labelExpr=SPLIT_LINES,
                      labelLimit=0, labelPadding=12, labelFontSize=12, labelLineHeight=16,
                      ticks=False, domain=False, grid=True, gridDash=[2, 3]),
    )


def fitted(chart: AnyChart, width: int = EXPORT_WIDTH) -> AnyChart:
    """A single or layered chart drawn exactly `width` pixels wide, labels and all."""
    return chart.properties(width=width, autosize=alt.AutoSizeParams(
        type="fit-x", contains="padding"))


def empty_chart(heading: str, subtitle: list[str]) -> alt.Chart:
    """A chart with a title and subtitle but no marks, for a selection with no claims."""
    chart = alt.Chart(pd.DataFrame({"x": []})).mark_point().encode(
        x=alt.X("x:Q", axis=None)).properties(title=chart_title(heading, subtitle), height=10)
    return fitted(chart)


def value_scale(source: pd.DataFrame) -> alt.Scale:
    """Linear from zero, or a log scale when the figures span more than LOG_RATIO."""
    if needs_log_scale(source):
        positive = source["plot_value"][source["plot_value"] > 0]
        low = 10 ** math.floor(math.log10(float(positive.min())))
        # A decade of room past the largest figure, for its label in words.
        high = 10 ** (math.ceil(math.log10(float(positive.max()))) + 1)
        return alt.Scale(type="log", domain=[low, high], nice=False)
    return alt.Scale(zero=True, domain=[0, x_room(source)], nice=True)


def side_by_side(source: pd.DataFrame, label: str, made_on: date) -> AnyChart:
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
    base = alt.Chart().encode(
        x=alt.X("plot_value:Q", title=units,
                scale=value_scale(source), axis=value_axis(source)),
        y=row_axis(list(rows["row_label"])),
    )
    layers = alt.layer(range_rules(base, parties), claim_marks(base, parties, rows),
                       value_labels(base), data=charted(rows))
    title = chart_title(label, comparison_subtitle(source, label, made_on))
    chart = layers.properties(title=title, height=alt.Step(ROW_STEP))
    return fitted(chart)


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


def side_labels(base: alt.Chart) -> alt.LayerChart:
    """Each claim's figure and claimant beside its mark, on the side with room."""
    right = base.transform_filter("!datum.label_left").mark_text(
        align="left", baseline="middle", dx=12, fontSize=12)
    left = base.transform_filter("datum.label_left").mark_text(
        align="right", baseline="middle", dx=-12, fontSize=12)
    return alt.layer(right.encode(text=alt.Text("mark_text:N")),
                     left.encode(text=alt.Text("mark_text:N")))


def line_axis(order: list[str]) -> alt.Y:
    """One line per claim, the comparison named at the first line of its group."""
    first_line = f"split(datum.label, '{LINE_MARK}')"
    return alt.Y("line:N", sort=order, title=None, axis=alt.Axis(
        labelExpr=f"{first_line}[1] == '000' ? {first_line}[0] : ''",
        labelLimit=0, labelFontSize=13, labelFontWeight="bold", labelPadding=12,
        ticks=False, domain=False, grid=False))


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


def timeline(source: pd.DataFrame, made_on: date) -> AnyChart:
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
    base = alt.Chart().encode(
        x=alt.X("published:T", title="Date the article was published",
                scale=alt.Scale(domain=domain) if domain else alt.Scale(),
                axis=alt.Axis(format="%-d %b %Y", tickCount="month", grid=True)),
        y=line_axis(list(frame["line"])),
    )
    separators = alt.Chart().transform_filter("datum.slot == 0").mark_rule(
        yOffset=-TIMELINE_STEP / 2, color="#b0b0b0", strokeWidth=1).encode(
        y=line_axis(list(frame["line"])))
    periods = base.transform_filter("datum.period_from != ''").mark_rule(
        strokeWidth=2, strokeDash=[4, 3]).encode(
        x=alt.X("period_from:T"), x2=alt.X2("period_to:T"), color=party_color(parties),
        tooltip=claim_tooltip())
    title = chart_title(heading, timeline_subtitle(every, made_on))
    chart = alt.layer(separators, periods, claim_marks(base, parties, frame),
                      side_labels(base), data=charted(frame)).properties(
        title=title, height=alt.Step(TIMELINE_STEP))
    return fitted(chart)


def timeline_by_day(source: pd.DataFrame, made_on: date) -> AnyChart:
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
    chart = alt.Chart(frame).mark_point(filled=True).encode(
        x=alt.X("published:T", title="Date the article was published",
                scale=alt.Scale(domain=domain) if domain else alt.Scale(),
                axis=alt.Axis(format="%-d %b %Y", tickCount="month", grid=True)),
        y=alt.Y("comparison:N", sort=order, title=None,
                axis=alt.Axis(labelLimit=0, labelFontSize=13, labelFontWeight="bold",
                              labelPadding=12, ticks=False, domain=False)),
        size=alt.Size("claims:Q", title="Claims that day",
                      scale=alt.Scale(range=[60, 900])),
        color=party_color(parties), stroke=party_stroke(parties),
        shape=party_shape(parties), fillOpacity=exactness_fill(),
        opacity=review_opacity(frame),
        tooltip=[alt.Tooltip("comparison:N", title="Kind of figure"),
                 alt.Tooltip("published_label:N", title="Published"),
                 alt.Tooltip("party:N", title="Party"),
                 alt.Tooltip("claims:Q", title="Claims", format=",")],
    ).properties(title=chart_title(heading, subtitle), height=alt.Step(48))
    return fitted(chart)


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
                   label_room: int, whole: pd.DataFrame) -> alt.LayerChart:
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
    base = alt.Chart().transform_filter(alt.datum.panel == part["panel"].iloc[0]).encode(
        x=alt.X("plot_value:Q", title=None, scale=value_scale(part), axis=value_axis(part)),
        y=alt.Y("row_label:N", sort=rows, title=None,
                axis=alt.Axis(labelExpr=SPLIT_LINES, labelLimit=0, labelPadding=12,
                              labelFontSize=12, labelLineHeight=16, ticks=False,
                              domain=False, grid=True, gridDash=[2, 3],
                              minExtent=label_room, maxExtent=label_room)),
    )
    return alt.layer(range_rules(base, parties), claim_marks(base, parties, whole),
                     value_labels(base)).properties(
        width=plot_width, height=alt.Step(ROW_STEP),
        title=alt.Title(heading, fontSize=15, anchor="start", frame="bounds", offset=8))


def overview(source: pd.DataFrame, made_on: date, width: int = EXPORT_WIDTH) -> AnyChart:
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
    return alt.vconcat(*panels, spacing=26, data=charted(frame)).resolve_scale(
        x="independent", y="independent", color="shared", shape="shared",
    ).properties(title=chart_title(heading, [*subtitle, *footer_lines(claims, made_on)]))
