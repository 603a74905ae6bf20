"""Chart specs written as plain dicts: checked against the Vega-Lite schema, their rows
the same whether inline (images) or Arrow bytes (the page, `ui.streamlit_spec`)."""

from __future__ import annotations

import io
import json
from datetime import date

import jsonschema
import pandas as pd
import pyarrow as pa
import pytest

from figures import charts, compare, ui, vegalite
from figures.table import Figures
from figures.vegalite import ChartSpec

MADE_ON = date(2025, 1, 15)


def arrow_rows(data: bytes) -> list[dict[str, object]]:
    """The rows of Arrow IPC bytes, as Vega-Lite would read them."""
    return pa.ipc.open_stream(io.BytesIO(data)).read_all().to_pylist()


def test_a_spec_that_is_not_vega_lite_is_refused() -> None:
    """`to_dict` checks the spec against the schema: a mark Vega-Lite lacks is an error."""
    chart = ChartSpec({"mark": {"type": "pointy"}, "encoding": {}}, pd.DataFrame({"x": [1]}))
    with pytest.raises(jsonschema.ValidationError):
        chart.to_dict()
    assert chart.to_dict(validate=False)["mark"] == {"type": "pointy"}


def test_the_page_and_an_image_get_the_same_rows(shipped: Figures) -> None:
    """The Arrow rows the page sends are the rows an image holds inline, missing values
    null in both (a range's missing upper figure is what the range rules filter on)."""
    chart = charts.overview(compare.label_frame(shipped.table), MADE_ON)
    inline = chart.to_dict()
    sent = ui.streamlit_spec(chart)
    (inline_name, inline_rows), = inline["datasets"].items()
    (sent_name, sent_bytes), = sent["datasets"].items()
    assert inline["data"] == {"name": inline_name} and sent["data"] == {"name": sent_name}
    rows = arrow_rows(sent_bytes)
    assert rows == inline_rows
    assert len(rows) == len(shipped.table)
    assert any(row["plot_value_max"] is None for row in rows)
    assert {key: value for key, value in sent.items() if key not in ("data", "datasets")} \
        == {key: value for key, value in inline.items() if key not in ("data", "datasets")}


def test_a_dataset_is_named_by_its_rows() -> None:
    """Rows that change get a new dataset name, so the browser never takes new rows for
    more of the old; the same rows keep their name."""
    def named(values: list[int]) -> tuple[str, str]:
        chart = ChartSpec({"mark": {"type": "point"}}, pd.DataFrame({"x": values}))
        return chart.to_dict()["data"]["name"], ui.streamlit_spec(chart)["data"]["name"]

    assert named([1, 2]) == named([1, 2])
    assert named([1, 2])[0] != named([1, 3])[0]
    assert named([1, 2])[1] != named([1, 3])[1]


def test_setting_a_property_leaves_the_chart_it_came_from_alone() -> None:
    """A chart kept for one view is never altered by fitting it for an image."""
    chart = ChartSpec({"mark": {"type": "point"}, "width": 300}, pd.DataFrame({"x": [1]}))
    wider = charts.fitted(chart, 1200)
    assert chart.spec["width"] == 300 and "autosize" not in chart.spec
    assert wider.spec["width"] == 1200


def test_a_text_in_an_expression_keeps_its_quotes() -> None:
    """A panel named with quotes of either kind is still one string to Vega."""
    name = "People 'freed' (\"people\")"
    assert json.loads(vegalite.string_literal(name)) == name


def test_inline_rows_are_plain_json() -> None:
    """Missing and infinite numbers become null and moments ISO text, so an image's spec
    is JSON any reader parses (the standard has no NaN or infinity)."""
    rows = pd.DataFrame({"value": [1.5, float("nan"), float("inf")],
                         "count": pd.array([1, None, 3], dtype="Int64"),
                         "day": pd.to_datetime(["2016-12-13", None, "2016-12-15"])})
    values = ChartSpec({"mark": {"type": "point"}}, rows).to_dict()["datasets"]
    (inline,) = values.values()
    assert inline == [{"value": 1.5, "count": 1, "day": "2016-12-13T00:00:00"},
                      {"value": None, "count": None, "day": None},
                      {"value": None, "count": 3, "day": "2016-12-15T00:00:00"}]
    json.dumps(inline, allow_nan=False)
