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
    """Rows of a CSV text as strings, each with the line it starts on; header problems."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        return empty_table(columns), [Problem(name, 1, "-", "the file is empty (no header row)")]
    header = [cell.strip() for cell in header]
    problems = [
        Problem(name, 1, column, "missing column") for column in columns if column not in header
    ]
    problems += [
        Problem(name, 1, column, f"unknown column (expected: {', '.join(columns)})")
        for column in header
        if column not in columns
    ]
    records = []
    line = reader.line_num + 1
    for row in reader:
        if any(cell.strip() for cell in row):
            if len(row) > len(header):
                problems.append(
                    Problem(name, line, "-", f"{len(row)} cells but the header has {len(header)}")
                )
            cells = dict(zip(header, row, strict=False))
            records.append({**{c: cells.get(c, "") for c in columns}, LINE: line})
        line = reader.line_num + 1
    if not records:
        return empty_table(columns), problems
    return pd.DataFrame.from_records(records, columns=[*columns, LINE]).astype(
        {c: object for c in columns}
    ), problems


def read_text(path: Path, name: str) -> tuple[str | None, list[Problem]]:
    """A file's text as UTF-8, or a located problem saying why it could not be read."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem(name, 0, "-", f"file not found in {path.parent}")]
    except OSError as error:
        return None, [Problem(name, 0, "-", f"cannot be read: {error.strerror}")]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(name, line, "-", f"not UTF-8 (byte {error.start})")]


def read_table(data_dir: Path, name: str) -> tuple[pd.DataFrame, list[Problem]]:
    """One of the CSV tables of a data folder."""
    columns = TABLE_FILES[name]
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
    for path in sorted(folder.glob("*.txt")):
        name = f"{schema.ARTICLES_DIR}/{path.name}"
        text, read_problems = read_text(path, name)
        problems += read_problems
        if text is not None:
            articles[path.name] = text
    return articles, problems


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
    """The files a data folder's contents are read from, for cache keys and exports."""
    folder = Path(data_dir)
    tables = [folder / name for name in TABLE_FILES]
    articles = sorted((folder / schema.ARTICLES_DIR).glob("*.txt"))
    return [path for path in [*tables, *articles] if path.exists()]
