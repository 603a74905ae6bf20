"""Keep the checked figure table and its disputes on disk, so a restarted page opens a
large corpus at once.

Checking every quote of a large corpus and comparing its figures take a while; the
result depends only on the data files and on the code that reads, checks and compares
them. Each stored table is keyed by every
data file's name, size, modification time and content hash, and by a hash of that code,
so an edited file (even one edited to the same size and time) or a changed rule is never
served a stale table: the key no longer matches and the folder is read and checked again.

The cache lives in FIGURES_CACHE_DIR if set, else in the user's cache folder
(`$XDG_CACHE_HOME/contested-figures`, by default `~/.cache/contested-figures`). A cache
that cannot be read or written is skipped: the table is then built as if it were absent.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import IO

import pandas as pd

from figures import collector, schema
from figures.compare import label_frame
from figures.disputes import Disputes, find_disputes
from figures.load import TABLE_FILES, Dataset
from figures.table import Figures, Progress, build_and_derive

CACHE_DIR_VARIABLE = "FIGURES_CACHE_DIR"
PACKAGE_DIR = Path(__file__).resolve().parent
FileStamp = tuple[tuple[str, int, int, int], ...]


@dataclass(frozen=True)
class Checked:
    """A folder's checked figure table, the same table with every claim's chart labels
    (`compare.label_frame`), and every dispute among its claims."""

    figures: Figures
    labelled: pd.DataFrame
    disputes: Disputes
    key: str = ""  # the content key it is stored under (empty: not stored)


def check_and_compare(data_dir: Path | str, progress: Progress | None = None) -> Checked:
    """Read and check a folder, label its claims, then find the disputes among them.

    With worker processes checking the articles, the labels and disputes are found
    meanwhile (`table.build_and_derive`)."""
    def derive(table: pd.DataFrame, dataset: Dataset) -> tuple[pd.DataFrame, Disputes]:
        return labels_and_disputes(table, dataset)

    with collector.paused():
        figures, ahead = build_and_derive(data_dir, progress, derive)
        if ahead is None:
            if progress is not None:
                progress(1.0, "Labelling the claims and finding disputes")
            ahead = labels_and_disputes(figures.table, figures.dataset)
        return Checked(figures, *ahead)


def labels_and_disputes(table: pd.DataFrame, dataset: Dataset) -> tuple[pd.DataFrame, Disputes]:
    """A figure table's claims with their chart labels, and every dispute among them."""
    return label_frame(table), find_disputes(table, dataset.places)


def cache_dir() -> Path:
    """Where checked tables are kept."""
    configured = os.environ.get(CACHE_DIR_VARIABLE, "").strip()
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME", "").strip() or str(Path.home() / ".cache")
    return Path(base) / "contested-figures"


def files_stamp(data_dir: Path | str) -> FileStamp:
    """Every data file (the four tables, then the articles in name order) with its size,
    modification and change time: the change time moves on any write, even one that
    restores the size and the modification time. Built in one pass, as a large corpus's
    page takes one every few seconds."""
    folder = Path(data_dir)
    stamp = []
    for name in TABLE_FILES:
        try:
            info = (folder / name).stat()
        except OSError:
            continue
        stamp.append((name, info.st_size, info.st_mtime_ns, info.st_ctime_ns))
    articles = folder / schema.ARTICLES_DIR
    try:
        with os.scandir(articles) as found:
            names = sorted(entry.name for entry in found
                           if entry.name.endswith(".txt") and entry.is_file())
    except OSError:
        return tuple(stamp)
    where = f"{articles}{os.sep}"
    for name in names:
        try:
            info = os.stat(where + name)
        except OSError:  # removed since the folder was listed
            continue
        stamp.append((f"{schema.ARTICLES_DIR}/{name}", info.st_size, info.st_mtime_ns,
                      info.st_ctime_ns))
    return tuple(stamp)


def folder_stamp(data_dir: Path | str) -> FileStamp:
    """The tables' stamps and the articles folder's own: it moves when an article is
    added, removed or replaced whole (as every save here does), not when one is
    rewritten in place; cheap enough for every click on a corpus of thousands."""
    found = []
    for name in (*TABLE_FILES, schema.ARTICLES_DIR):
        try:
            info = (Path(data_dir) / name).stat()
        except OSError:
            continue
        found.append((name, info.st_size, info.st_mtime_ns, info.st_ctime_ns))
    return tuple(found)


@cache
def code_version() -> str:
    """A hash of the package's code, subpackages included (the checker reads a figure's
    qualifier with the extractor's rule), so a changed rule never serves an old table."""
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def content_key(data_dir: Path | str) -> str:
    """The key of a folder's checked table: every file's name, size, modification time
    and content hash, and the code's version."""
    folder = Path(data_dir)
    digest = hashlib.blake2b(digest_size=20)
    digest.update(code_version().encode())
    for name, size, modified, _changed in files_stamp(folder):
        try:
            content = hashlib.blake2b((folder / name).read_bytes(), digest_size=20).digest()
        except OSError:
            content = b"unreadable"
        digest.update(f"{name}\0{size}\0{modified}\0".encode())
        digest.update(content)
    return digest.hexdigest()


KEY_PATTERN = re.compile(r"[0-9a-f]{40}")


def content_key_elsewhere(data_dir: Path | str) -> Callable[[], str]:
    """Begin working out a folder's content key in a process of its own (`python -m
    figures.cache FOLDER`), on another core while this one reads the folder; the function
    returned waits for it (and works it out here if that process could not)."""
    try:
        process = subprocess.Popen([sys.executable, "-m", "figures.cache", str(data_dir)],
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    except OSError:
        return lambda: content_key(data_dir)

    def key() -> str:
        try:
            found = process.communicate()[0].decode("ascii", "replace").strip()
        except OSError:
            found = ""
        return found if process.returncode == 0 and KEY_PATTERN.fullmatch(found) \
            else content_key(data_dir)
    return key


def folder_prefix(data_dir: Path | str) -> str:
    """The part of a stored table's name that says which folder it is of."""
    return hashlib.blake2b(str(Path(data_dir).resolve()).encode(), digest_size=8).hexdigest()


def stored_path(data_dir: Path | str, key: str) -> Path:
    """Where the checked table of a folder with this key is kept."""
    return cache_dir() / f"{folder_prefix(data_dir)}-{key}.pickle"


# A stored table is a run of pickles: (STORE_FORMAT, key), then the dataset, the labelled
# table, the disputes, and last (the figure table, or the labelled table's columns that
# are exactly it; the rejected rows; the problems).
STORE_FORMAT = 2
UNREADABLE = (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError,
              AttributeError, ImportError, KeyError, IndexError)


def read_stored(path: Path, key: str) -> Checked | None:
    """A stored table, if there is one for exactly this key and it can be read."""
    try:
        with path.open("rb") as handle, collector.paused():
            if pickle.load(handle) != (STORE_FORMAT, key):
                return None
            dataset, labelled, disputes = (pickle.load(handle) for _ in range(3))
            table, rejected, problems = pickle.load(handle)
            if isinstance(table, list):  # the labelled table's columns are the table
                table = labelled[table]
    except UNREADABLE:
        return None
    if not (isinstance(dataset, Dataset) and isinstance(labelled, pd.DataFrame)
            and isinstance(disputes, Disputes) and isinstance(table, pd.DataFrame)
            and isinstance(rejected, pd.DataFrame) and isinstance(problems, tuple)):
        return None
    return Checked(Figures(table, rejected, problems, dataset), labelled, disputes, key)


def table_or_columns(checked: Checked) -> pd.DataFrame | list[str]:
    """What a stored table keeps of the figure table: the labelled table's columns that
    are exactly it (the labels add columns to the table and change none), else itself."""
    table, labelled = checked.figures.table, checked.labelled
    columns = list(table.columns)
    if set(columns) <= set(labelled.columns):
        same = labelled[columns]
        if (same.index.equals(table.index) and list(same.dtypes) == list(table.dtypes)
                and same.equals(table)):
            return columns
    return table


def store(path: Path, key: str, checked: Checked,
          between: Callable[[], None] | None = None) -> None:
    """Write a table to a temporary file beside its place, then put it there whole; a
    table that cannot be written is simply not kept, and no part of it is left.
    `between`, if given, is called before anything is written and between parts."""
    handle: IO[bytes] | None = None
    pause = between or (lambda: None)
    try:
        pause()
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".part",
                                         delete=False) as handle:
            figures = checked.figures
            pickle.dump((STORE_FORMAT, key), handle, protocol=pickle.HIGHEST_PROTOCOL)
            for part in (figures.dataset, checked.labelled, checked.disputes,
                         (table_or_columns(checked), figures.rejected, figures.problems)):
                pause()
                pickle.dump(part, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
    except Exception:  # noqa: BLE001 (a disk full, a folder gone: the table is not kept)
        if handle is not None:
            Path(handle.name).unlink(missing_ok=True)


# Tables being kept after the run that loaded them (`store_later`), by folder: a load of
# the same folder has them written first, so it reads what was kept rather than checking
# the folder again.
_PENDING: dict[str, list[tuple[threading.Thread, threading.Event]]] = {}
_PENDING_LOCK = threading.Lock()
PENDING_POLL = 0.05  # seconds between looks at whether the page's runs have ended
PENDING_PATIENCE = 30.0  # seconds a table waits, at most, for the page's runs to end


def store_later(path: Path, key: str, checked: Checked, after: threading.Thread) -> None:
    """Keep a table once the thread `after` (the page's run that loaded it) has ended,
    so that its first page is not kept waiting while the table is written, and each of
    its parts when no run of the page goes on (no live thread named as `after`), so a
    click is not kept waiting either; a load of the same folder has it written at once
    (`write_pending`). The process ends only when it is written."""
    now = threading.Event()
    until = time.monotonic() + PENDING_PATIENCE

    def idle() -> None:
        # The interpreter ending (its main thread done) does not wait for the runs.
        while (not now.is_set() and threading.main_thread().is_alive()
               and time.monotonic() < until
               and any(thread.name == after.name and thread.is_alive()
                       for thread in threading.enumerate())):
            now.wait(PENDING_POLL)

    def write() -> None:
        try:
            store(path, key, checked, idle)
        finally:
            with _PENDING_LOCK:
                _PENDING[folder].remove((writer, now))

    folder = path.name.split("-", 1)[0]
    writer = threading.Thread(target=write, name="figures-store", daemon=False)
    with _PENDING_LOCK:
        _PENDING.setdefault(folder, []).append((writer, now))
    writer.start()


def write_pending(data_dir: Path | str) -> None:
    """Write the tables of this folder still waiting to be kept, and wait for them."""
    with _PENDING_LOCK:
        pending = list(_PENDING.get(folder_prefix(data_dir), []))
    for writer, now in pending:
        now.set()
        writer.join()


def drop_older(path: Path, key: str) -> None:
    """Drop the folder's tables and chart specs stored under other keys: once a folder
    is checked afresh, none of them can be served again."""
    prefix = path.name.split("-", 1)[0]
    try:
        for old in [*path.parent.glob(f"{prefix}-*.pickle"),
                    *path.parent.glob(f"{prefix}-*{SPEC_SUFFIX}")]:
            if old != path and not old.name.startswith(f"{prefix}-{key}-"):
                old.unlink(missing_ok=True)
    except OSError:
        return


SPEC_SUFFIX = ".spec"


def spec_path(data_dir: Path | str, key: str, view: str) -> Path:
    """Where a chart's spec for one view of the table stored under `key` is kept."""
    name = hashlib.blake2b(view.encode(), digest_size=16).hexdigest()
    return cache_dir() / f"{folder_prefix(data_dir)}-{key}-{name}{SPEC_SUFFIX}"


def read_spec(data_dir: Path | str, key: str, view: str) -> dict | None:
    """A chart spec kept for this view of this version of the data, if there is one.

    `view` names the chart and everything it was drawn from (the selection, the day,
    the width); with the data's content key it makes the file's name, so a spec is
    only ever read back for the same data, code and view."""
    try:
        with spec_path(data_dir, key, view).open("rb") as handle:
            stored_view, spec = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError,
            AttributeError, ImportError):
        return None
    return spec if stored_view == view and isinstance(spec, dict) else None


def store_spec(data_dir: Path | str, key: str, view: str, spec: dict) -> None:
    """Keep a chart spec for this view, whole or not at all; a table stored under
    another key drops it."""
    path = spec_path(data_dir, key, view)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".part",
                                         delete=False) as handle:
            pickle.dump((view, spec), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
    except OSError:
        return


def any_stored(data_dir: Path | str) -> bool:
    """Whether a table of this folder is kept on disk, under whatever key."""
    try:
        return any(cache_dir().glob(f"{folder_prefix(data_dir)}-*.pickle"))
    except OSError:
        return False


def load_checked(data_dir: Path | str, progress: Progress | None = None,
                 on_build: Callable[[], None] | None = None,
                 before: FileStamp | None = None,
                 store_after: threading.Thread | None = None) -> Checked:
    """The checked figure table of a folder and its disputes: the stored ones when their
    key still matches, else read, checked and compared afresh (`on_build` is called
    first) and stored, once the thread `store_after` has ended if one is given (the
    page's run, so the first page is shown first), else at once. `before`: a stamp of
    the files (`files_stamp`) the caller took just now, so as not to take another."""
    if before is None:
        before = files_stamp(data_dir)
    write_pending(data_dir)
    if any_stored(data_dir):  # perhaps this very table: its key says
        key = content_key(data_dir)
        found = read_stored(stored_path(data_dir, key), key)
        if found is not None:
            return found
        later = lambda: key  # noqa: E731
    else:  # none kept: the key is needed only to keep this one
        later = content_key_elsewhere(data_dir)
    if on_build is not None:
        on_build()
    checked = check_and_compare(data_dir, progress)
    key = later()
    # No file was written from before the key was made until now (a write moves a file's
    # change time, which no one can set back), so what was read is what the key names;
    # the table is stored under that key, whenever it is written.
    if files_stamp(data_dir) == before:
        checked = replace(checked, key=key)
        path = stored_path(data_dir, key)
        drop_older(path, key)
        if store_after is None:
            store(path, key, checked)
        else:
            store_later(path, key, checked, store_after)
    return checked


if __name__ == "__main__":  # the content key of the folder named (`content_key_elsewhere`)
    print(content_key(sys.argv[1]))
