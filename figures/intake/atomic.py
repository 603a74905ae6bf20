"""Writing changed files into the data folder whole or not at all, under its lock.

Every save holds the folder's lock (`folder_lock`) from reading the folder to the last
file replaced. `commit` writes each changed file to a temporary file beside it, then
renames each over its target with `os.replace`, so a reader never sees half a file, and
puts back what it replaced if anything fails.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from filelock import FileLock

from figures import schema

# What `write_temporary` names a file before it is renamed into place.
LEFTOVER = re.compile(r"\..+\.(?:csv|txt)\.[a-z0-9_]{8}\.tmp")
LOCK_TIMEOUT = 120.0  # seconds to wait for another save before giving up
# Files in the order `commit` replaces them: each only after everything it refers to.
COMMIT_ORDER: tuple[str, ...] = (
    schema.ARTICLES_DIR, schema.CLAIMANTS_FILE, schema.SOURCES_FILE, schema.NOT_CLAIMS_FILE,
    schema.PLACES_FILE, schema.CLAIMS_FILE,
)  # fmt: skip


def folder_lock(data_dir: Path | str) -> FileLock:
    """The data folder's lock: every save holds it from reading the folder to the last
    file replaced, so two saves at once run one after the other and neither is lost.

    The lock file lives in the system's temporary folder, named after the data folder's
    full path, so that the data folder itself holds only data.
    """
    key = hashlib.sha256(str(Path(data_dir).resolve()).encode("utf-8")).hexdigest()[:16]
    lock_path = Path(tempfile.gettempdir()) / f"contested-figures-{key}.lock"
    return FileLock(str(lock_path), timeout=LOCK_TIMEOUT)


class FolderChanged(Exception):
    """The data folder changed between reading it and writing it (another save, an edit)."""


def csv_header(existing: bytes) -> list[str]:
    """The column names of a CSV file's first row, as the loader reads them."""
    text = existing.decode("utf-8-sig", errors="replace")
    header = next(csv.reader(io.StringIO(text, newline="")), None)
    return [name.strip() for name in header] if header else []


def appended_csv(existing: bytes, columns: Sequence[str], rows: Sequence[Mapping[str, str]]
                 ) -> bytes:
    """The file's bytes with `rows` added at the end, the bytes before them untouched.

    The rows follow the file's own header order and line ending ("\\r\\n" if it uses
    them, else "\\n"); a missing final line break is added first; an empty file gets the
    contract's header.
    """
    if not rows:
        return existing
    newline = "\r\n" if b"\r\n" in existing else "\n"
    header = csv_header(existing)
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=header or list(columns), restval="",
                            extrasaction="ignore", lineterminator=newline)
    prefix = existing
    if not header:
        writer.writeheader()
    elif not existing.endswith(b"\n"):
        prefix += newline.encode()
    writer.writerows(rows)
    return prefix + buffer.getvalue().encode("utf-8")


def remove_leftovers(folder: Path) -> list[Path]:
    """Delete the temporary files a save killed half way left behind; return them.

    Only names `write_temporary` makes (`.<file>.<8 random characters>.tmp`, beside a
    table or an article), and only with the folder's lock held, when no save can be
    writing one.
    """
    found = [path for directory in (folder, folder / schema.ARTICLES_DIR) if directory.is_dir()
             for path in directory.glob(".*.tmp") if LEFTOVER.fullmatch(path.name)
             and path.is_file() and not path.is_symlink()]
    for path in found:
        path.unlink(missing_ok=True)
    return found


def file_mode(target: Path) -> int:
    """The permissions a replacement keeps: the file's own, else a sibling's, else 0o644."""
    for path in (target, *sorted(target.parent.glob(f"*{target.suffix}"))):
        if path.is_file():
            return path.stat().st_mode & 0o777
    return 0o644


def write_temporary(target: Path, data: bytes) -> Path:
    """Write `data` to a new hidden file beside `target`, flushed to disk, and return it.

    Beside the target, so that `os.replace` is a rename within one file system; named
    `.<name>.<random>.tmp`, so a leftover is never read as an article or a table.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, file_mode(target))
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def commit_order(changes: Mapping[str, bytes]) -> list[str]:
    """The changed files in the order they are replaced (see `COMMIT_ORDER`): each file
    goes in only after everything it refers to, so even a commit cut off half way never
    leaves a claim pointing at a missing article, source or claimant; replacing claims.csv
    is the moment the new claims appear."""
    def rank(relative: str) -> int:
        top = relative.split("/", 1)[0]
        return COMMIT_ORDER.index(top) if top in COMMIT_ORDER else len(COMMIT_ORDER)
    return sorted(changes, key=rank)


def _ensure_unchanged(folder: Path, originals: Mapping[str, bytes], relatives: Iterable[str]
                      ) -> None:
    """Refuse to write over a file that changed since the save read it."""
    for relative in relatives:
        path = folder / relative
        current = path.read_bytes() if path.exists() else None
        if current != originals.get(relative):
            raise FolderChanged(relative)


def _restore(folder: Path, originals: Mapping[str, bytes], replaced: Iterable[str]) -> None:
    """Put back the files already replaced, newest first, after a failed commit."""
    for relative in reversed(list(replaced)):
        target = folder / relative
        if relative in originals:
            os.replace(write_temporary(target, originals[relative]), target)
        else:
            target.unlink(missing_ok=True)


def commit(folder: Path, originals: Mapping[str, bytes], changes: Mapping[str, bytes]) -> None:
    """Write every changed file into the real folder, or leave the folder as it was.

    All temporary files are written first; only then is each renamed over its target,
    in `commit_order`. If anything fails, the temporaries are removed and the files
    already replaced are put back, and the error is raised again.
    """
    order = commit_order(changes)
    temporaries: dict[str, Path] = {}
    replaced: list[str] = []
    try:
        for relative in order:
            temporaries[relative] = write_temporary(folder / relative, changes[relative])
        _ensure_unchanged(folder, originals, order)
        for relative in order:
            os.replace(temporaries[relative], folder / relative)
            del temporaries[relative]
            replaced.append(relative)
    except BaseException:
        for temporary in temporaries.values():
            temporary.unlink(missing_ok=True)
        _restore(folder, originals, replaced)
        raise
