"""What the page keeps per view is bounded by count and by the rows of its tables."""

from __future__ import annotations

import pandas as pd
import pytest

from figures import ui


def test_kept_tables_are_dropped_oldest_first_past_the_row_limit(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Past DERIVED_ROWS_KEPT rows the least recently used tables go; a small value and
    the one just made stay."""
    monkeypatch.setattr(ui, "_DERIVED", type(ui._DERIVED)())
    monkeypatch.setattr(ui, "DERIVED_ROWS_KEPT", 250)
    owner = object()
    made: list[str] = []

    def table(name: str, rows: int) -> pd.DataFrame:
        return ui.derived(owner, (name,), lambda: made.append(name) or pd.DataFrame(
            {"x": range(rows)}))

    table("first", 100)
    ui.derived(owner, ("label",), lambda: "small")
    table("second", 100)
    table("first", 100)  # used again: now the most recent
    table("third", 100)  # 300 rows kept: the least recently used table goes
    assert made == ["first", "second", "third"]
    table("first", 100)
    table("third", 100)
    assert made == ["first", "second", "third"]
    table("second", 100)
    assert made == ["first", "second", "third", "second"]
    assert ui.derived(owner, ("label",), lambda: "made again") == "small"


def test_one_table_larger_than_the_limit_is_still_kept(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A view larger than the limit is kept while it is the latest, so its reruns are
    served without rebuilding it."""
    monkeypatch.setattr(ui, "_DERIVED", type(ui._DERIVED)())
    monkeypatch.setattr(ui, "DERIVED_ROWS_KEPT", 10)
    owner = object()
    big = ui.derived(owner, ("big",), lambda: pd.DataFrame({"x": range(50)}))
    assert ui.derived(owner, ("big",), lambda: pd.DataFrame()) is big
