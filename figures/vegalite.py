"""Vega-Lite specs written as plain dicts, their rows kept as a DataFrame until drawn.

The charts were once built as Altair objects. Altair copies every object it composes
(each layer, panel and property copies the whole tree below it), so a page's three
charts took about 300 ms to build for 27 claims, which every new view of the data paid
again. Writing the same Vega-Lite by hand costs a few milliseconds. Altair still
supplies the Vega-Lite version and its JSON schema: `ChartSpec.to_dict` checks every
spec against that schema before it is drawn as an image or handed to a reader.

The rows stay a DataFrame until the chart is drawn: the page sends them to Streamlit
as Arrow bytes (`ui.streamlit_spec`), and an image or a test gets them inline as
records (`to_dict`), as Vega-Lite reads them without a server.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

Spec = dict[str, Any]

FONT = "Liberation Sans, Arial, Helvetica, sans-serif"  # vl-convert bundles Liberation Sans
TEXT_COLOUR = "#1a1a1a"
MUTED_COLOUR = "#4d4d4d"
GRID_COLOUR = "#e3e3e3"


def theme(category_colours: list[str]) -> Spec:
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
            "range": {"category": category_colours},
        },
    }


def encoded(name: str, kind: str, **properties: Any) -> Spec:
    """One encoding channel: a field of the rows, its Vega-Lite type and any properties."""
    return {"field": name, "type": kind, **properties}


def view(mark: str | Spec, encoding: Spec, filters: tuple[str, ...] = (),
         **properties: Any) -> Spec:
    """One layer of marks: the mark, its encoding and the filters that pick its rows."""
    spec: Spec = {"mark": {"type": mark} if isinstance(mark, str) else mark,
                  "encoding": encoding, **properties}
    if filters:
        spec["transform"] = [{"filter": test} for test in filters]
    return spec


def string_literal(text: str) -> str:
    """`text` as a string in a Vega expression, quotes and all escaped."""
    return json.dumps(text)


@dataclass(frozen=True, eq=False)
class ChartSpec:
    """A whole chart: its Vega-Lite spec (theme included) and the rows it draws.

    Frozen, and every change makes a new top level, so a spec kept for a view is never
    altered by another view that starts from it. The parts below the top level are
    shared between layers (one axis for all of them) and between copies: nothing
    changes them once a builder has returned."""

    spec: Spec
    rows: pd.DataFrame = field(default_factory=pd.DataFrame)

    def with_properties(self, **properties: Any) -> ChartSpec:
        """The same chart with top-level properties set (its width, say)."""
        return ChartSpec({**self.spec, **properties}, self.rows)

    def to_dict(self, validate: bool = True) -> Spec:
        """The spec as JSON-ready dicts, the rows inline; checked against the Vega-Lite
        schema unless `validate` is false."""
        values = records(self.rows)
        name = "data-" + hashlib.blake2b(json.dumps(values, sort_keys=True, default=str)
                                         .encode(), digest_size=16).hexdigest()
        spec = {**self.spec, "data": {"name": name}, "datasets": {name: values}}
        if validate:
            check_schema(spec)
        return spec


def chart_spec(category_colours: list[str], rows: pd.DataFrame, **properties: Any) -> ChartSpec:
    """A top-level chart of `rows`: the schema it follows, the theme, then `properties`."""
    return ChartSpec({"$schema": schema_url(), **theme(category_colours), **properties}, rows)


def schema_url() -> str:
    """The Vega-Lite schema the specs follow: Altair's. Altair is imported when a chart is
    first built or checked, not with this module: it takes about 0.2 s, which a restarted
    page drawing its first view from the specs kept on disk would otherwise wait for."""
    from altair import SCHEMA_URL

    return SCHEMA_URL


def plain(value: object) -> object:
    """A cell as JSON has it: missing and infinite values null (JSON has no NaN or
    infinity), numpy numbers as Python numbers, a moment as ISO 8601 text."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if hasattr(value, "item"):  # a numpy scalar
        return plain(value.item())
    return value


def records(frame: pd.DataFrame) -> list[Spec]:
    """The rows as Vega-Lite reads inline data: one dict per row, JSON types only."""
    columns = list(frame.columns)
    return [{column: plain(cell) for column, cell in zip(columns, row, strict=True)}
            for row in frame.itertuples(index=False, name=None)]


def check_schema(spec: Spec) -> None:
    """Raise if `spec` is not valid Vega-Lite, naming what is wrong (Altair's schema
    and validator, the ones it checks its own charts with)."""
    from altair import Root  # see schema_url

    Root.validate(spec)
