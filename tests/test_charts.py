"""Charts as specs: fields, encodings, the party scale, titles and provenance lines."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pandas as pd
import pytest

from figures import charts, compare, schema, vegalite
from figures.charts import lines as chart_lines
from figures.charts import marks
from figures.table import Figures
from figures.vegalite import ChartSpec

MADE_ON = date(2025, 1, 15)
PARTY_SCALE = {"domain": list(schema.PARTY_COLOURS), "range": list(schema.PARTY_COLOURS.values())}
TOOLTIP_FIELDS = {"quote", "claimant", "claimant_org", "party", "outlet", "published",
                  "published_basis", "period_text", "place", "relayed_by", "notes"}

SECONDARY_CHANNELS = {"x2", "y2"}  # Vega-Lite allows no type on these

Spec = dict[str, Any]


def walk(node: object) -> Iterator[dict[str, Any]]:
    """Every mapping inside a spec, depth first."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def encodings(spec: Spec) -> list[dict[str, Any]]:
    """Every encoding block of every view in a spec."""
    return [node["encoding"] for node in walk(spec) if isinstance(node.get("encoding"), dict)]


def channels(spec: Spec, name: str) -> list[dict[str, Any]]:
    """Every definition of one channel (e.g. "color") across the spec's views."""
    return [encoding[name] for encoding in encodings(spec) if name in encoding]


def subtitle(spec: Spec) -> list[str]:
    """The subtitle lines of a chart's title."""
    return list(spec["title"]["subtitle"])


def data_rows(spec: Spec) -> list[dict[str, Any]]:
    """The rows of the spec's inline data."""
    return [row for rows in spec.get("datasets", {}).values() for row in rows]


def comparison_chart(figures: Figures, label: str) -> Spec:
    """The side-by-side spec of one comparison of the shipped table."""
    frame = compare.comparison_frame(figures.table, label)
    return charts.side_by_side(frame, label, MADE_ON).to_dict()


@pytest.fixture(scope="module")
def all_specs(shipped: Figures) -> dict[str, Spec]:
    """The three kinds of chart, drawn from the shipped table."""
    return {
        "side_by_side": comparison_chart(shipped, "Children killed"),
        "timeline": charts.timeline(shipped.table, MADE_ON).to_dict(),
        "overview": charts.overview(shipped.table, MADE_ON).to_dict(),
    }


def test_every_chart_has_the_one_theme(all_specs: dict[str, Spec]) -> None:
    """Every chart takes its fonts, colours and padding from the one theme."""
    look = vegalite.theme(list(schema.PARTY_COLOURS.values()))
    for spec in all_specs.values():
        assert spec["config"]["font"] == vegalite.FONT
        assert {key: spec[key] for key in look} == look


def test_every_encoding_states_its_type(all_specs: dict[str, Spec]) -> None:
    """No field is left for Altair to guess the type of (x2 takes its type from x)."""
    for spec in all_specs.values():
        for encoding in encodings(spec):
            for channel, definition in encoding.items():
                if channel in SECONDARY_CHANNELS:
                    continue
                for item in definition if isinstance(definition, list) else [definition]:
                    if "field" in item:
                        assert "type" in item, (channel, item)


def test_party_colour_is_the_same_scale_in_every_chart(all_specs: dict[str, Spec]) -> None:
    """A party has the same colour in the comparison, the timeline and the overview."""
    for name, spec in all_specs.items():
        colours = channels(spec, "color") + channels(spec, "stroke")
        assert colours, name
        for colour in colours:
            assert colour["field"] == "party"
            assert colour["scale"] == PARTY_SCALE


def test_party_is_shown_by_shape_as_well_as_colour(all_specs: dict[str, Spec]) -> None:
    """Each party has its own shape, so colour is never the only cue."""
    for spec in all_specs.values():
        shapes = channels(spec, "shape")
        assert shapes
        for shape in shapes:
            assert shape["field"] == "party" and shape["type"] == "nominal"
            assert shape["scale"]["domain"] == list(schema.PARTY_COLOURS)
            assert len(set(shape["scale"]["range"])) == len(schema.PARTY_COLOURS)


def test_exact_figures_are_filled_and_bounds_hollow(all_specs: dict[str, Spec]) -> None:
    """Fill opacity is 1 for exact figures and 0 for bounds and estimates, as the key says."""
    for spec in all_specs.values():
        fills = channels(spec, "fillOpacity")
        assert fills
        for fill in fills:
            assert fill["field"] == "exactness"
            assert fill["scale"] == {"domain": ["exact", "bound or estimate"],
                                     "range": [1.0, 0.0]}
        assert set(chart_lines.KEY_LINES) <= set(subtitle(spec))


def test_side_by_side_encodes_claims_on_a_linear_axis_from_zero(shipped: Figures) -> None:
    """One mark per claim, claimants down the side, the figure along a scale from zero."""
    spec = comparison_chart(shipped, "Children killed")
    xs = [x for x in channels(spec, "x") if x.get("field") == "plot_value"]
    assert xs and all(x["type"] == "quantitative" for x in xs)
    assert xs[0]["scale"]["zero"] is True and xs[0]["scale"]["domain"][0] == 0
    assert xs[0].get("scale", {}).get("type", "linear") == "linear"
    (y,) = {y["field"] for y in channels(spec, "y")}
    assert y == "row_label"
    assert {text["field"] for text in channels(spec, "text")} == {"value_label"}


def test_side_by_side_tooltip_carries_the_provenance(shipped: Figures) -> None:
    """Hovering a mark shows the quote, who said it, where and when it was published."""
    spec = comparison_chart(shipped, "Children killed")
    (tooltip,) = channels(spec, "tooltip")
    assert TOOLTIP_FIELDS <= {item["field"] for item in tooltip}
    assert all(item["type"] == "nominal" for item in tooltip)


def test_side_by_side_data_holds_the_three_child_tolls(shipped: Figures) -> None:
    """The children-killed chart carries UNICEF's 96, the Observatory's 68 and TV's 4."""
    rows = data_rows(comparison_chart(shipped, "Children killed"))
    assert {(row["value_label"], row["claimant_label"], row["party"]) for row in rows} == {
        ("at least 96", "Anthony Lake (UNICEF)", "United Nations"),
        ("68", "Syrian Observatory for Human Rights", "independent monitor"),
        ("4", "Syrian state television", "Syrian government"),
    }


def test_side_by_side_rows_tell_places_and_periods_apart(shipped: Figures) -> None:
    """Each row label names the claimant, then the place and period of the claim."""
    rows = data_rows(comparison_chart(shipped, "Children killed"))
    assert "Anthony Lake (UNICEF)\nAleppo · this week alone" in {row["row_label"] for row in rows}


def test_side_by_side_title_subtitle_and_sources(shipped: Figures) -> None:
    """The chart names what it counts, where and when, its sources and its dataset."""
    frame = compare.comparison_frame(shipped.table, "Children killed")
    spec = charts.side_by_side(frame, "Children killed", MADE_ON).to_dict()
    assert spec["title"]["text"] == "Children killed"
    lines = subtitle(spec)
    text = " ".join(lines)
    assert compare.COUNTED["Children killed"] in lines
    assert "Places: Aleppo; western Aleppo (government-held)." in lines
    assert compare.sources_line(frame) in text
    assert lines[-1] == ("Dataset: Contested Figures: the battle of Aleppo, 2016 v0.1.0, "
                         "made 15 Jan 2025; figures as claimed, not verified.")


def test_long_subtitle_lines_are_wrapped(shipped: Figures) -> None:
    """No subtitle line is so long it would be cut off at the export width."""
    for label in compare.available_comparisons(shipped.table):
        for line in subtitle(comparison_chart(shipped, label)):
            assert len(line) <= chart_lines.SUBTITLE_CHARACTERS, line
    for line in subtitle(charts.timeline(shipped.table, MADE_ON).to_dict()):
        assert len(line) <= chart_lines.SUBTITLE_CHARACTERS, line


def test_pause_lengths_axis_is_in_hours(shipped: Figures) -> None:
    """Pause lengths share an hours axis with a tick every day, labels in the article's unit."""
    spec = comparison_chart(shipped, "Pause and truce lengths")
    x = next(x for x in channels(spec, "x") if x.get("field") == "plot_value")
    assert x["title"] == "hours"
    assert x["axis"]["values"][:3] == [0, 24, 48]
    labels = {row["value_label"]: row["plot_value"] for row in data_rows(spec)}
    assert labels == {"7 days": 168.0, "48 hours": 48.0, "3 hours": 3.0}


def test_timeline_places_claims_by_publication_date(shipped: Figures) -> None:
    """Every claim sits at its article's date, in the group of the kind of figure it gives."""
    spec = charts.timeline(shipped.table, MADE_ON).to_dict()
    xs = {(x["field"], x["type"]) for x in channels(spec, "x")}
    assert ("published", "temporal") in xs
    assert {y["field"] for y in channels(spec, "y")} == {"line"}
    rows = data_rows(spec)
    assert len(rows) == 27
    assert {row["comparison"] for row in rows} == set(
        compare.available_comparisons(shipped.table))
    assert spec["title"]["text"] == "When each figure was published"


def test_timeline_draws_the_period_a_claim_covers(shipped: Figures) -> None:
    """The daily pause from 11 August is drawn from that day to the article's date."""
    spec = charts.timeline(shipped.table, MADE_ON).to_dict()
    assert {"field": "period_to"} in channels(spec, "x2")
    row = next(row for row in data_rows(spec) if row["claim_id"] == "trt-02")
    assert (row["period_from"], row["period_to"]) == ("2016-08-11", "2016-08-16")


def test_timeline_says_which_dates_are_inferred(shipped: Figures) -> None:
    """The reader is told which articles' dates were worked out, not stated."""
    lines = subtitle(charts.timeline(shipped.table, MADE_ON).to_dict())
    assert "Publication dates inferred from the article's text: RFE/RL, TRT World, RT." in lines
    assert any(line.startswith("Sources: ") for line in lines)
    assert lines[-1].startswith(f"Dataset: {schema.DATASET_NAME} v{schema.DATASET_VERSION}")


def test_overview_gives_each_comparison_its_own_scale(shipped: Figures) -> None:
    """80,000 people and 96 children never share one linear axis."""
    spec = charts.overview(shipped.table, MADE_ON).to_dict()
    assert spec["resolve"]["scale"]["x"] == "independent"
    titles = [panel["title"]["text"] for panel in spec["vconcat"]]
    assert "Children killed (children)" in titles
    assert "Pause and truce lengths (hours)" in titles
    assert "People killed (people), log scale" in titles
    assert len(titles) == len(compare.available_comparisons(shipped.table))
    scales = {panel["title"]["text"]: panel["layer"][1]["encoding"]["x"]["scale"]
              for panel in spec["vconcat"]}
    assert scales["People killed (people), log scale"]["type"] == "log"
    assert scales["Children killed (children)"]["zero"] is True


ChartMaker = Callable[[pd.DataFrame], ChartSpec]
MAKERS: dict[str, ChartMaker] = {
    "side_by_side": lambda table: charts.side_by_side(
        compare.comparison_frame(table, "Children killed"), "Children killed", MADE_ON),
    "timeline": lambda table: charts.timeline(table, MADE_ON),
    "overview": lambda table: charts.overview(table, MADE_ON),
}


@pytest.mark.parametrize("name", MAKERS)
def test_an_empty_selection_does_not_break_a_chart(shipped: Figures, name: str) -> None:
    """With no claims selected, each chart still builds and says there is nothing to show."""
    spec = MAKERS[name](shipped.table.iloc[:0]).to_dict()
    assert chart_lines.EMPTY_TITLE.lower() in spec["title"]["text"]
    assert "Sources: none (no claims shown)." in subtitle(spec)


@pytest.mark.parametrize("name", MAKERS)
def test_a_single_claim_makes_a_chart(shipped: Figures, name: str) -> None:
    """One claim alone is drawn, with its source line."""
    one = shipped.table[shipped.table["claim_id"] == "eghtesad-04"]
    spec = MAKERS[name](one).to_dict()
    assert "Sources: UNICEF via EghtesadOnline/Bloomberg, 1 Oct 2016." in subtitle(spec)
    assert [row["value_label"] for row in data_rows(spec)] == ["at least 96"]


def test_a_bare_frame_without_columns_does_not_break_the_timeline() -> None:
    """A frame with no columns at all is treated as an empty selection."""
    spec = charts.timeline(pd.DataFrame(), MADE_ON).to_dict()
    assert chart_lines.EMPTY_TITLE.lower() in spec["title"]["text"]


def test_charts_are_drawn_at_the_export_width(all_specs: dict[str, Spec]) -> None:
    """Single and layered charts are fitted to 1200 pixels, labels and legend included."""
    for name in ("side_by_side", "timeline"):
        spec = all_specs[name]
        assert spec["width"] == charts.EXPORT_WIDTH
        assert spec["autosize"] == {"type": "fit-x", "contains": "padding"}


def test_party_shapes_cover_every_party() -> None:
    """Every party of the contract has a shape of its own."""
    assert list(marks.PARTY_SHAPES) == list(schema.PARTIES)
    assert len(set(marks.PARTY_SHAPES.values())) == len(schema.PARTIES)


def test_wrap_lines_breaks_evenly_between_words() -> None:
    """A long line becomes even lines, none over the limit, no words lost."""
    text = " ".join(["word"] * 60)
    lines = chart_lines.wrap_lines(text, 100)
    assert len(lines) == 3 and all(len(line) <= 100 for line in lines)
    assert " ".join(lines) == text


def test_sources_break_between_sources() -> None:
    """A source is never split over two lines while it fits on one."""
    parts = [f"Source number {index} via Outlet, 1 Oct 2016" for index in range(8)]
    lines = chart_lines.packed_lines(parts, "; ", 100)
    assert all(len(line) <= 100 for line in lines)
    assert " ".join(lines) == "; ".join(parts)
    assert all(line.endswith(";") for line in lines[:-1])


def test_a_share_is_drawn_against_the_whole(shipped: Figures) -> None:
    """As little as 1 percent of aid sits on an axis running to 100 percent."""
    spec = comparison_chart(shipped, "Share of aid")
    x = next(x for x in channels(spec, "x") if x.get("field") == "plot_value")
    assert x["scale"]["domain"] == [0, 100.0]
    assert x["title"] == "percent"


def test_figures_spanning_a_hundredfold_go_on_a_log_axis(shipped: Figures) -> None:
    """People killed runs from 7 to 300,000: a log axis, said so, keeps the 7 visible."""
    spec = comparison_chart(shipped, "People killed")
    (x,) = [c for c in channels(spec, "x") if c.get("field") == "plot_value"][:1]
    assert x["scale"]["type"] == "log"
    assert x["scale"]["domain"] == [1, 10_000_000]
    assert chart_lines.LOG_LINE in " ".join(subtitle(spec))
    children = comparison_chart(shipped, "Children killed")
    (linear,) = [c for c in channels(children, "x") if c.get("field") == "plot_value"][:1]
    assert "type" not in linear["scale"] and linear["scale"]["zero"] is True
