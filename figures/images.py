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

import vl_convert

from figures.charts import EXPORT_WIDTH, fitted
from figures.vegalite import ChartSpec

NO_NETWORK: list[str] = []


def vegalite_version() -> str:
    """The Vega-Lite version the specs follow (Altair's), as vl-convert names it ("6.4")."""
    from altair import SCHEMA_VERSION  # see vegalite.schema_url

    major, minor = SCHEMA_VERSION.lstrip("v").split(".")[:2]
    return f"{major}.{minor}"


def svg_text(chart: ChartSpec) -> str:
    """The chart drawn as SVG exactly as it stands, without fitting."""
    return vl_convert.vegalite_to_svg(chart.to_dict(), vl_version=vegalite_version(),
                                      allowed_base_urls=NO_NETWORK)


def for_export(chart: ChartSpec, width: int = EXPORT_WIDTH) -> ChartSpec:
    """The chart sized for a report: `width` pixels wide, axes, labels and legend included."""
    if "vconcat" in chart.spec:
        return chart
    return fitted(chart, width)


def chart_png(chart: ChartSpec, scale: float = 2) -> bytes:
    """The chart as a PNG, `scale` device pixels per CSS pixel (2 for sharp print)."""
    return vl_convert.vegalite_to_png(for_export(chart).to_dict(), vl_version=vegalite_version(),
                                      scale=scale, allowed_base_urls=NO_NETWORK)


def chart_svg(chart: ChartSpec) -> str:
    """The chart as an SVG document, its text kept as text so it can be searched."""
    return svg_text(for_export(chart))
