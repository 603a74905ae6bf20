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
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import pandas as pd

from figures import schema
from figures.compare import label_frame
from figures.disputes import Disputes, find_disputes
from figures.load import TABLE_FILES
from figures.table import Figures, Progress, build_figures

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
    """Read and check a folder, label its claims, then find the disputes among them."""
    figures = build_figures(data_dir, progress)
    if progress is not None:
        progress(1.0, "Labelling the claims and finding disputes")
    return Checked(figures, label_frame(figures.table),
                   find_disputes(figures.table, figures.dataset.places))


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


def folder_prefix(data_dir: Path | str) -> str:
    """The part of a stored table's name that says which folder it is of."""
    return hashlib.blake2b(str(Path(data_dir).resolve()).encode(), digest_size=8).hexdigest()


def stored_path(data_dir: Path | str, key: str) -> Path:
    """Where the checked table of a folder with this key is kept."""
    return cache_dir() / f"{folder_prefix(data_dir)}-{key}.pickle"


def read_stored(path: Path, key: str) -> Checked | None:
    """A stored table, if there is one for exactly this key and it can be read."""
    try:
        with path.open("rb") as handle:
            stored_key, checked = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError,
            AttributeError, ImportError):
        return None
    return checked if stored_key == key and isinstance(checked, Checked) else None


def store(path: Path, key: str, checked: Checked) -> None:
    """Write a table whole, then put it in place and drop the folder's older tables."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".part",
                                         delete=False) as handle:
            pickle.dump((key, checked), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
        prefix = path.name.split("-", 1)[0]
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
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".part",
                                         delete=False) as handle:
            pickle.dump((view, spec), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
    except OSError:
        return


def load_checked(data_dir: Path | str, progress: Progress | None = None,
                 on_build: Callable[[], None] | None = None) -> Checked:
    """The checked figure table of a folder and its disputes: the stored ones when their
    key still matches, else read, checked and compared afresh (`on_build` is called
    first) and stored."""
    before = files_stamp(data_dir)
    key = content_key(data_dir)
    path = stored_path(data_dir, key)
    found = read_stored(path, key)
    if found is not None:
        return found
    if on_build is not None:
        on_build()
    checked = check_and_compare(data_dir, progress)
    # No file was written from before the key was made until now (a write moves a file's
    # change time, which no one can set back), so what was read is what the key names.
    if files_stamp(data_dir) == before:
        checked = replace(checked, key=key)
        store(path, key, checked)
    return checked
