"""What the page keeps per view is bounded by count and by the rows of its tables."""

from __future__ import annotations

import sys
import threading

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


def test_the_table_itself_kept_as_a_view_costs_no_rows(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole corpus as a view is the loaded table, not a copy: it leaves the row
    budget to the views that are copies."""
    monkeypatch.setattr(ui, "_DERIVED", type(ui._DERIVED)())
    monkeypatch.setattr(ui, "DERIVED_ROWS_KEPT", 150)
    whole = pd.DataFrame({"x": range(100)})
    assert ui.derived(whole, ("shown", "all"), lambda: whole) is whole
    part = ui.derived(whole, ("shown", "some"), lambda: whole.iloc[:100].copy())
    assert ui.derived(whole, ("shown", "all"), lambda: pd.DataFrame()) is whole
    assert ui.derived(whole, ("shown", "some"), lambda: pd.DataFrame()) is part


def test_sessions_keeping_views_at_once_do_not_break_each_other(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Every session's run keeps views in the one store at the same time; none of them
    fails while others add, use and drop views."""
    monkeypatch.setattr(ui, "_DERIVED", type(ui._DERIVED)())
    monkeypatch.setattr(ui, "DERIVED_KEPT", 64)
    monkeypatch.setattr(ui, "DERIVED_ROWS_KEPT", 200)
    switching = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads take turns as often as they can
    owner = object()
    failures: list[BaseException] = []

    def session(offset: int) -> None:
        try:
            for step in range(3000):
                key = (step * 7 + offset) % 97
                value = ui.derived(owner, (key,), lambda key=key: pd.DataFrame(
                    {"x": range(key % 7)}) if key % 2 else key)
                assert (len(value) if isinstance(value, pd.DataFrame) else value) in (
                    key % 7, key)
        except BaseException as error:  # noqa: BLE001 - reported to the test's thread
            failures.append(error)

    threads = [threading.Thread(target=session, args=(offset,)) for offset in range(4)]
    for thread in threads:
        thread.start()
    try:
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(switching)
    assert failures == []
