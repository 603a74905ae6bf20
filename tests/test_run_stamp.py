"""Each click looks at the data folder cheaply, yet no change goes unnoticed for long."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from figures import ui


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """A clock the test moves by hand, and no stamp remembered from other tests."""
    now = [1000.0]
    monkeypatch.setattr(ui.time, "monotonic", lambda: now[0])
    monkeypatch.setattr(ui, "_FULL_STAMPS", {})
    return now


def test_a_table_edit_or_a_new_article_is_noticed_at_once(
        data_copy: Path, clock: list[float]) -> None:
    """Within the window, an edited table or an added article still changes the stamp."""
    first = ui.stamp_this_run(data_copy)
    assert ui.stamp_this_run(data_copy) == first
    claims = data_copy / "claims.csv"
    claims.write_bytes(claims.read_bytes() + b"")
    os.utime(claims, ns=(claims.stat().st_atime_ns, claims.stat().st_mtime_ns + 1))
    second = ui.stamp_this_run(data_copy)
    assert second != first
    (data_copy / "articles" / "new.txt").write_text("Nothing counted.\n", encoding="utf-8")
    third = ui.stamp_this_run(data_copy)
    assert third != second and any(name == "articles/new.txt" for name, *_ in third)


def test_an_article_rewritten_in_place_is_noticed_within_the_window(
        data_copy: Path, clock: list[float]) -> None:
    """An article rewritten in place leaves the folder's own stamp as it was; the next
    full look, at most FULL_STAMP_EVERY seconds on, sees it."""
    first = ui.stamp_this_run(data_copy)
    article = next((data_copy / "articles").glob("*.txt"))
    with article.open("a", encoding="utf-8") as handle:
        handle.write("\n")
    clock[0] += ui.FULL_STAMP_EVERY
    assert ui.stamp_this_run(data_copy) != first
