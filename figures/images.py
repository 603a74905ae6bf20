"""Charts as image files (PNG, SVG) for reports, drawn without a browser or a network.

vl-convert carries its own copy of Vega-Lite and the Liberation Sans font the theme asks
for, so an image looks the same on any machine. Drawing is allowed no network access
(`allowed_base_urls=[]`): every chart holds its data inline, and a spec that tried to
fetch anything would fail here rather than depend on a server.

Every exported chart is EXPORT_WIDTH pixels wide at scale 1. Single and layered charts
are fitted to that width by Vega-Lite itself; stacked panels cannot be, so their builder
(`charts.overview`) sizes them for the width it is given.
"""

from __future__ import annotations

import altair as alt
import vl_convert

from figures.charts import EXPORT_WIDTH, AnyChart, fitted

NO_NETWORK: list[str] = []


def vegalite_version() -> str:
    """The Vega-Lite version Altair writes specs for, as vl-convert names it ("6.4")."""
    major, minor = alt.SCHEMA_VERSION.lstrip("v").split(".")[:2]
    return f"{major}.{minor}"


def svg_text(chart: AnyChart) -> str:
    """The chart drawn as SVG exactly as it stands, without fitting."""
    return vl_convert.vegalite_to_svg(chart.to_dict(), vl_version=vegalite_version(),
                                      allowed_base_urls=NO_NETWORK)


def for_export(chart: AnyChart, width: int = EXPORT_WIDTH) -> AnyChart:
    """The chart sized for a report: `width` pixels wide, axes, labels and legend included."""
    if isinstance(chart, alt.Chart | alt.LayerChart):
        return fitted(chart, width)
    return chart


def chart_png(chart: AnyChart, scale: float = 2) -> bytes:
    """The chart as a PNG, `scale` device pixels per CSS pixel (2 for sharp print)."""
    return vl_convert.vegalite_to_png(for_export(chart).to_dict(), vl_version=vegalite_version(),
                                      scale=scale, allowed_base_urls=NO_NETWORK)


def chart_svg(chart: AnyChart) -> str:
    """The chart as an SVG document, its text kept as text so it can be searched."""
    return svg_text(for_export(chart))
