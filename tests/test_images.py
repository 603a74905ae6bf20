"""Charts as image files: PNG bytes of the right size, SVG text a reader can search."""

from __future__ import annotations

import html
import re
import struct
from datetime import date

import pandas as pd
import pytest

from figures import charts, compare, images
from figures.table import Figures
from figures.vegalite import ChartSpec

MADE_ON = date(2025, 1, 15)
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk, which always comes first."""
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def svg_width(svg: str) -> float:
    """The width an SVG document declares."""
    match = re.search(r'<svg[^>]*?\swidth="([\d.]+)"', svg)
    assert match is not None
    return float(match.group(1))


@pytest.fixture(scope="module")
def children_killed(shipped: Figures) -> ChartSpec:
    """The children-killed comparison of the shipped table."""
    frame = compare.comparison_frame(shipped.table, "Children killed")
    return charts.side_by_side(frame, "Children killed", MADE_ON)


def test_png_is_a_png_twice_the_export_width(children_killed: ChartSpec) -> None:
    """At scale 2 the comparison is a PNG at least 2,400 pixels wide, sharp enough to print."""
    data = images.chart_png(children_killed, scale=2)
    assert data.startswith(PNG_MAGIC)
    width, height = png_size(data)
    assert width >= 2 * charts.EXPORT_WIDTH
    assert height > 400


def test_timeline_png_is_twice_the_export_width(shipped: Figures) -> None:
    """The timeline exports at the same width as every other chart."""
    data = images.chart_png(charts.timeline(shipped.table, MADE_ON), scale=2)
    assert data.startswith(PNG_MAGIC)
    assert png_size(data)[0] >= 2 * charts.EXPORT_WIDTH


def test_overview_is_fitted_to_the_export_width(shipped: Figures) -> None:
    """The stacked overview, which Vega-Lite cannot fit itself, is drawn 1200 pixels wide."""
    svg = images.chart_svg(charts.overview(shipped.table, MADE_ON))
    assert abs(svg_width(svg) - charts.EXPORT_WIDTH) <= 1


def test_svg_carries_title_and_source_line(
    shipped: Figures, children_killed: ChartSpec,
) -> None:
    """The SVG is text, with the chart's title and its source line in it."""
    svg = images.chart_svg(children_killed)
    assert svg.startswith("<svg")
    assert svg_width(svg) == charts.EXPORT_WIDTH
    frame = compare.comparison_frame(shipped.table, "Children killed")
    assert ">Children killed<" in svg
    assert html.escape(compare.sources_line(frame), quote=False) in svg
    assert "figures as claimed, not verified." in svg


def test_empty_chart_exports(shipped: Figures) -> None:
    """A chart of an empty selection still exports, at full width."""
    chart = charts.timeline(shipped.table.iloc[:0], MADE_ON)
    assert png_size(images.chart_png(chart, scale=1))[0] == charts.EXPORT_WIDTH


def test_export_never_fetches_data_from_the_network() -> None:
    """A spec that points at data on the web is refused instead of fetched."""
    chart = ChartSpec({"layer": [{
        "data": {"url": "https://example.com/figures.csv"}, "mark": {"type": "point"},
        "encoding": {"x": {"field": "value", "type": "quantitative"}}}]})
    with pytest.raises(ValueError, match="not allowed"):
        images.chart_svg(chart)


def test_for_export_fits_a_plain_chart_to_the_width() -> None:
    """Any single chart is given the export width, labels and legend included."""
    chart = ChartSpec({"mark": {"type": "point"},
                       "encoding": {"x": {"field": "value", "type": "quantitative"}}},
                      pd.DataFrame({"value": [1.0, 2.0]}))
    spec = images.for_export(chart).to_dict()
    assert spec["width"] == charts.EXPORT_WIDTH
    assert spec["autosize"]["type"] == "fit-x"
