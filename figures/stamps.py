"""How the page knows, on every run, whether its data files changed: cheaply.

A full stamp (`cache.files_stamp`) looks at every file: about 60 ms for a corpus of
18,500 articles, too much for every click. A run looks at the tables and the articles
folder only (`cache.folder_stamp`), which catches every edit of a table and every
article added, removed or saved whole, and takes the last full stamp if that look began
under FULL_STAMP_EVERY seconds ago. An article rewritten in place is caught by the next
full look. For a large folder a background thread takes those looks while the page is
in use, so a click never waits for one.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from time import monotonic, sleep

from figures.cache import FileStamp, files_stamp, folder_stamp

FULL_STAMP_EVERY = 2.0  # seconds a full stamp stands while the folder stamp holds
LOOKED_AFTER_FILES = 2000  # a folder of more files is stamped in the background
IDLE_AFTER = 30.0  # seconds without a run after which the background looks stop

# The stamp of each folder for the run that took it (a run asks more than once).
_STAMPED: dict[str, tuple[object, FileStamp]] = {}
# Each folder's last full stamp: the folder stamp taken just before it, and when the
# look began (so its age counts every file it saw).
_FULL_STAMPS: dict[str, tuple[FileStamp, FileStamp, float]] = {}
# When a run last asked about each folder looked after in the background.
_LAST_ASKED: dict[str, float] = {}
_LOOKING = threading.Lock()
_PAUSES: list[int] = []  # one entry per block in which no background look is taken


@contextmanager
def looks_paused() -> Iterator[None]:
    """No background look is taken inside this block (a load, which stamps the files
    itself, would only lose processor time to them)."""
    with _LOOKING:
        _PAUSES.append(1)
    try:
        yield
    finally:
        with _LOOKING:
            _PAUSES.pop()


def full_look(data_dir: Path) -> FileStamp:
    """A full stamp of the folder, kept with the folder stamp taken just before it (a
    file written between the two leaves them unmatched, so the next run looks again),
    unless a look begun later has already been kept."""
    began = monotonic()
    quick = folder_stamp(data_dir)
    stamp = files_stamp(data_dir)
    with _LOOKING:
        last = _FULL_STAMPS.get(str(data_dir))
        if last is not None and last[1] == stamp:
            stamp = last[1]  # the same object: a run compares it with the loaded one at once
        if last is None or began >= last[2]:
            _FULL_STAMPS[str(data_dir)] = (quick, stamp, began)
    return stamp


def keep_looking(data_dir: Path) -> None:
    """Take a full look twice per FULL_STAMP_EVERY while runs keep asking, then stop."""
    key = str(data_dir)
    while True:
        sleep(FULL_STAMP_EVERY / 2)
        with _LOOKING:
            if monotonic() - _LAST_ASKED.get(key, 0.0) >= IDLE_AFTER:
                _LAST_ASKED.pop(key, None)  # the next run asking starts a new thread
                return
            paused = bool(_PAUSES)
        if not paused:
            full_look(data_dir)


def look_after(data_dir: Path, stamp: FileStamp) -> None:
    """Note that a run asked about the folder and, for a large one, make sure a thread
    is looking at it in the background."""
    if len(stamp) <= LOOKED_AFTER_FILES:
        return
    key = str(data_dir)
    with _LOOKING:
        started = key in _LAST_ASKED
        _LAST_ASKED[key] = monotonic()
    if not started:
        threading.Thread(target=keep_looking, args=(data_dir,), daemon=True,
                         name=f"stamps {data_dir.name}").start()


def stamp_this_run(data_dir: Path, run: object | None = None) -> FileStamp:
    """The data files' stamp, taken once per run of the page however often it is asked
    (`run` is the page's token for its current run; None outside the page): the last
    full stamp while the folder stamp holds and that look began under FULL_STAMP_EVERY
    seconds ago, else a full stamp now."""
    found = _STAMPED.get(str(data_dir))
    if run is not None and found is not None and found[0] is run:
        return found[1]
    quick, now = folder_stamp(data_dir), monotonic()
    last = _FULL_STAMPS.get(str(data_dir))
    if last is not None and last[0] == quick and now - last[2] < FULL_STAMP_EVERY:
        stamp = last[1]
    else:
        stamp = full_look(data_dir)
    look_after(data_dir, stamp)
    if run is not None:
        _STAMPED[str(data_dir)] = (run, stamp)
    return stamp
