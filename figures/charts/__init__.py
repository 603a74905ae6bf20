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

from figures.charts.marks import EXPORT_WIDTH, fitted
from figures.charts.overview import overview
from figures.charts.side_by_side import side_by_side
from figures.charts.timeline import timeline

__all__ = ["EXPORT_WIDTH", "fitted", "overview", "side_by_side", "timeline"]
