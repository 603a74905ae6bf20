"""Read a data folder into plain string tables, remembering each row's line in its file.

Nothing here judges the data: every cell is kept as the text the file holds, so that the
checker can report a bad value at its file and line instead of a parser failing on it.
Problems that stop a file being read at all (missing, not UTF-8, no header) are returned
as located problems too, never raised.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from figures import schema
from figures.problems import Problem

DATA_DIR_VARIABLE = "FIGURES_DATA_DIR"
DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
LINE = "line"  # the column holding each row's first line number in its CSV file
# The longest cell a table may hold, in characters: as long as the longest article an
# upload may be (2 MB), so a quote or note can hold a whole article. The codebook says so.
MAX_CELL_CHARS = 2_097_152

TABLE_FILES: dict[str, tuple[str, ...]] = {
    schema.SOURCES_FILE: schema.SOURCE_COLUMNS,
    schema.CLAIMANTS_FILE: schema.CLAIMANT_COLUMNS,
    schema.CLAIMS_FILE: schema.CLAIM_COLUMNS,
    schema.NOT_CLAIMS_FILE: schema.NOT_CLAIM_COLUMNS,
    schema.PLACES_FILE: schema.PLACE_COLUMNS,
}


@dataclass
class Dataset:
    """The raw contents of a data folder: five tables as text, and the articles."""

    data_dir: Path
    tables: dict[str, pd.DataFrame]
    articles: dict[str, str]
    problems: list[Problem] = field(default_factory=list)

    @property
    def sources(self) -> pd.DataFrame:
        return self.tables[schema.SOURCES_FILE]

    @property
    def claimants(self) -> pd.DataFrame:
        return self.tables[schema.CLAIMANTS_FILE]

    @property
    def claims(self) -> pd.DataFrame:
        return self.tables[schema.CLAIMS_FILE]

    @property
    def not_claims(self) -> pd.DataFrame:
        return self.tables[schema.NOT_CLAIMS_FILE]

    @property
    def places(self) -> pd.DataFrame:
        return self.tables[schema.PLACES_FILE]


def data_dir_from_env() -> Path:
    """The data folder to use: `FIGURES_DATA_DIR` if set, else the project's `data/`."""
    configured = os.environ.get(DATA_DIR_VARIABLE, "").strip()
    return Path(configured) if configured else DEFAULT_DATA_DIR


def empty_table(columns: tuple[str, ...]) -> pd.DataFrame:
    """A table with the contract's columns and no rows."""
    return pd.DataFrame({name: pd.Series(dtype=object) for name in (*columns, LINE)})


def parse_csv(text: str, name: str, columns: tuple[str, ...]) -> tuple[pd.DataFrame, list[Problem]]:
    """Rows of a CSV text as strings, each with the line it starts on; header problems.

    Ids (`schema.KEY_COLUMNS`) are the one kind of cell judged here: they are read without
    the spaces around them, so that every reader of the table joins on the same id.
    """
    allow_long_cells(len(text))
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        return empty_table(columns), [Problem(name, 1, "-", "the file is empty (no header row)")]
    header = [cell.strip() for cell in header]
    separator = other_separator(header, columns)
    if separator:
        return empty_table(columns), [Problem(
            name, 1, "-", f"the columns are separated by {separator}, not commas; save the "
            f"file again as comma-separated CSV")]
    problems = [
        Problem(name, 1, column, "missing column") for column in columns if column not in header
    ]
    problems += [
        Problem(name, 1, column, f"unknown column (expected: {', '.join(columns)})")
        for column in header
        if column not in columns
    ]
    twice = repeated_columns(header, columns)
    problems += [
        Problem(name, 1, column, f"the header names this column twice (columns "
                f"{' and '.join(str(index + 1) for index in places)}); the first is read, "
                f"delete the other")
        for column, places in twice.items()
    ]
    width = len(header)
    kept: list[list[str]] = []  # each row read, cut or padded to the header's width
    lines: list[int] = []
    line = reader.line_num + 1
    for row in reader:
        text = "".join(row)
        if text.strip():  # not a blank row
            if len(row) > width:
                problems.append(
                    Problem(name, line, "-", f"{len(row)} cells but the header has {width}")
                )
            if len(text) > MAX_CELL_CHARS:  # else no cell can be
                problems += long_cells(name, line, header, row)
            if twice:
                problems += disagreeing_cells(name, line, twice, row)
            kept.append(row[:width] if len(row) >= width else row + [""] * (width - len(row)))
            lines.append(line)
        line = reader.line_num + 1
    if not kept:
        return empty_table(columns), problems
    return table_of(name, columns, header, kept, lines), problems


def table_of(name: str, columns: tuple[str, ...], header: list[str], kept: list[list[str]],
             lines: list[int]) -> pd.DataFrame:
    """The contract's columns of the rows kept, as text, each from the first header cell
    that names it ("" where none does), ids without the spaces around them, and each
    row's line."""
    by_position = list(zip(*kept, strict=True))
    keys = schema.KEY_COLUMNS.get(name, ())
    cells: dict[str, object] = {}
    for column in columns:
        if column not in header:
            values = [""] * len(kept)
        elif column in keys:
            values = [cell.strip() for cell in by_position[header.index(column)]]
        else:
            values = list(by_position[header.index(column)])
        cells[column] = pd.Series(values, dtype=object)
    cells[LINE] = pd.Series(lines, dtype="int64")
    return pd.DataFrame(cells)


def allow_long_cells(size: int) -> None:
    """Let the csv module read a cell as long as the whole text, so that a long cell is
    measured and reported by `long_cells` instead of stopping the reader with an error."""
    if csv.field_size_limit() <= size:
        csv.field_size_limit(size + 1)


OTHER_SEPARATORS = {";": "semicolons", "\t": "tabs"}


def other_separator(header: list[str], columns: tuple[str, ...]) -> str:
    """The name of the separator a spreadsheet used instead of commas, if the header's
    one cell splits on it into the contract's columns ("" otherwise)."""
    if len(header) != 1:
        return ""
    for mark, name in OTHER_SEPARATORS.items():
        if set(columns) & {cell.strip() for cell in header[0].split(mark)} and mark in header[0]:
            return name
    return ""


def repeated_columns(header: list[str], columns: tuple[str, ...]) -> dict[str, list[int]]:
    """The contract's columns a header names more than once, each with its positions."""
    places: dict[str, list[int]] = {}
    for index, column in enumerate(header):
        if column in columns:
            places.setdefault(column, []).append(index)
    return {column: found for column, found in places.items() if len(found) > 1}


def disagreeing_cells(name: str, line: int, twice: dict[str, list[int]], row: list[str]
                      ) -> list[Problem]:
    """Where a row gives a twice-named column two different values: which one is meant?"""
    problems = []
    for column, (first, *others) in twice.items():
        kept = row[first].strip() if first < len(row) else ""
        for other in others:
            given = row[other].strip() if other < len(row) else ""
            if given and given != kept:
                problems.append(Problem(name, line, column, f"'{kept}' in column {first + 1} "
                                        f"but '{given}' in column {other + 1}, under the same "
                                        f"name"))
    return problems


def long_cells(name: str, line: int, header: list[str], row: list[str]) -> list[Problem]:
    """A problem for each cell of a row longer than `MAX_CELL_CHARS`."""
    return [
        Problem(name, line, header[index] if index < len(header) else "-",
                f"is {len(cell):,} characters long, over the maximum of {MAX_CELL_CHARS:,} "
                f"for a cell")
        for index, cell in enumerate(row)
        if len(cell) > MAX_CELL_CHARS
    ]


# Byte-order marks of the wide encodings Windows calls "Unicode", longest first.
WIDE_UNICODE_MARKS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def wide_unicode(raw: bytes) -> str | None:
    """'utf-16' or 'utf-32' if the bytes start with that encoding's byte-order mark."""
    return next((codec for mark, codec in WIDE_UNICODE_MARKS if raw.startswith(mark)), None)


def read_text(path: Path, name: str) -> tuple[str | None, list[Problem]]:
    """A file's text as UTF-8, or a located problem saying why it could not be read."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem(name, 0, "-", f"file not found in {path.parent}")]
    except OSError as error:
        return None, [Problem(name, 0, "-", f"cannot be read: {error.strerror}")]
    codec = wide_unicode(raw)
    if codec is not None:
        kind = " CSV" if name.endswith(".csv") else ""
        return None, [Problem(name, 0, "-", f"is {codec.upper()}, not UTF-8; save it again "
                              f"as UTF-8{kind}")]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(name, line, "-", f"not UTF-8 (byte {error.start})")]


def is_plain_file(path: Path) -> bool:
    """Whether `path` is a regular file of its own: not a folder, link, pipe or device."""
    return path.is_file() and not path.is_symlink()


def entry_problem(path: Path, name: str) -> Problem | None:
    """Why an entry of the data folder is not read, if it is there but not a plain file.

    A link could lead out of the folder (to a private file, which the dataset zip would
    then carry away) and a pipe would block its reader for ever, so neither is followed.
    """
    if path.is_symlink():
        return Problem(name, 0, "-", "is a symbolic link; only plain files inside the data "
                       "folder are read")
    if path.is_dir():
        return Problem(name, 0, "-", "is a folder, not a file; only plain files are read")
    if path.exists() and not path.is_file():
        return Problem(name, 0, "-", "is not a plain file (a pipe, socket or device); only "
                       "plain files are read")
    return None


def read_table(data_dir: Path, name: str) -> tuple[pd.DataFrame, list[Problem]]:
    """One of the CSV tables of a data folder."""
    columns = TABLE_FILES[name]
    odd = entry_problem(data_dir / name, name)
    if odd is not None:
        return empty_table(columns), [odd]
    text, problems = read_text(data_dir / name, name)
    if text is None:
        return empty_table(columns), problems
    table, parse_problems = parse_csv(text, name, columns)
    return table, problems + parse_problems


def read_articles(data_dir: Path) -> tuple[dict[str, str], list[Problem]]:
    """Every `.txt` file under the articles folder, by file name."""
    folder = data_dir / schema.ARTICLES_DIR
    articles: dict[str, str] = {}
    problems: list[Problem] = []
    if not folder.is_dir():
        return articles, [Problem(schema.ARTICLES_DIR, 0, "-", "articles folder not found")]
    for entry in article_entries(folder):
        path, name = Path(entry.path), f"{schema.ARTICLES_DIR}/{entry.name}"
        # The folder's listing says a plain file is one without looking at it again.
        odd = None if entry.is_file(follow_symlinks=False) else entry_problem(path, name)
        if odd is not None:
            problems.append(odd)
            continue
        text, read_problems = read_text(path, name)
        problems += read_problems
        if text is not None:
            articles[path.name] = text
    return articles, problems


def article_entries(folder: Path) -> list[os.DirEntry[str]]:
    """The articles folder's entries named *.txt, by name (as `folder.glob("*.txt")`)."""
    with os.scandir(folder) as found:
        return sorted((entry for entry in found if entry.name.endswith(".txt")),
                      key=lambda entry: entry.name)


def read_dataset(data_dir: Path | None = None) -> Dataset:
    """Everything in a data folder, read but not yet checked."""
    folder = Path(data_dir) if data_dir is not None else data_dir_from_env()
    tables: dict[str, pd.DataFrame] = {}
    problems: list[Problem] = []
    for name in TABLE_FILES:
        tables[name], table_problems = read_table(folder, name)
        problems += table_problems
    articles, article_problems = read_articles(folder)
    return Dataset(folder, tables, articles, problems + article_problems)


def data_files(data_dir: Path) -> list[Path]:
    """The files a data folder's contents are read from, for cache keys, saves and exports:
    plain files only, so that no folder, link or pipe is ever opened (see `entry_problem`)."""
    folder = Path(data_dir)
    tables = [folder / name for name in TABLE_FILES]
    articles = sorted((folder / schema.ARTICLES_DIR).glob("*.txt"))
    return [path for path in [*tables, *articles] if is_plain_file(path)]
