"""Each click looks at the data folder cheaply, yet no change goes unnoticed for long."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from figures import stamps


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """A clock the test moves by hand, and no stamp remembered from other tests."""
    now = [1000.0]
    monkeypatch.setattr(stamps, "monotonic", lambda: now[0])
    monkeypatch.setattr(stamps, "_FULL_STAMPS", {})
    return now


def test_a_table_edit_or_a_new_article_is_noticed_at_once(
        data_copy: Path, clock: list[float]) -> None:
    """Within the window, an edited table or an added article still changes the stamp."""
    first = stamps.stamp_this_run(data_copy)
    assert stamps.stamp_this_run(data_copy) == first
    claims = data_copy / "claims.csv"
    claims.write_bytes(claims.read_bytes() + b"")
    os.utime(claims, ns=(claims.stat().st_atime_ns, claims.stat().st_mtime_ns + 1))
    second = stamps.stamp_this_run(data_copy)
    assert second != first
    (data_copy / "articles" / "new.txt").write_text("Nothing counted.\n", encoding="utf-8")
    third = stamps.stamp_this_run(data_copy)
    assert third != second and any(name == "articles/new.txt" for name, *_ in third)


def test_an_article_rewritten_in_place_is_noticed_within_the_window(
        data_copy: Path, clock: list[float]) -> None:
    """An article rewritten in place leaves the folder's own stamp as it was; the next
    full look, at most FULL_STAMP_EVERY seconds on, sees it."""
    first = stamps.stamp_this_run(data_copy)
    article = next((data_copy / "articles").glob("*.txt"))
    with article.open("a", encoding="utf-8") as handle:
        handle.write("\n")
    clock[0] += stamps.FULL_STAMP_EVERY
    assert stamps.stamp_this_run(data_copy) != first


def test_a_look_begun_earlier_never_replaces_one_begun_later(
        data_copy: Path, clock: list[float]) -> None:
    """Two looks that overlap (a run's and the thread's) keep the one begun later, and a
    stamp's age counts from when its look began."""
    later = stamps.full_look(data_copy)
    kept = stamps._FULL_STAMPS[str(data_copy)]
    clock[0] -= 1  # a look that began a second before the one kept, and ends after it
    stamps.full_look(data_copy)
    assert stamps._FULL_STAMPS[str(data_copy)] == kept and kept[2] == 1000.0
    assert stamps._FULL_STAMPS[str(data_copy)][1] is later


def test_a_large_folder_is_looked_at_in_the_background(
        data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """For a large folder a thread takes the full looks: an article rewritten in place
    is seen by a later run, though no run took a full look itself after the first; the
    thread stops once no run asks."""
    monkeypatch.setattr(stamps, "_FULL_STAMPS", {})
    monkeypatch.setattr(stamps, "LOOKED_AFTER_FILES", 3)
    monkeypatch.setattr(stamps, "IDLE_AFTER", 3.0)
    # The thread looks every two seconds and a run takes its look for four, so the
    # thread can fall two seconds behind on a busy machine before a run looks itself.
    monkeypatch.setattr(stamps, "FULL_STAMP_EVERY", 4.0)
    looked_from: list[str] = []
    real_look = stamps.files_stamp

    def look(folder: Path) -> stamps.FileStamp:
        looked_from.append(threading.current_thread().name)
        return real_look(folder)

    monkeypatch.setattr(stamps, "files_stamp", look)
    first = stamps.stamp_this_run(data_copy)
    assert looked_from == [threading.current_thread().name]
    article = next((data_copy / "articles").glob("*.txt"))
    with article.open("a", encoding="utf-8") as handle:
        handle.write("\n")
    deadline = time.monotonic() + 20
    seen = first
    while seen == first and time.monotonic() < deadline:
        time.sleep(0.05)
        seen = stamps.stamp_this_run(data_copy)
    assert seen != first
    assert looked_from.count(threading.current_thread().name) == 1
    assert any(name.startswith("stamps ") for name in looked_from)
    watcher = next(thread for thread in threading.enumerate()
                   if thread.name == f"stamps {data_copy.name}")
    watcher.join(timeout=20)
    assert not watcher.is_alive()
