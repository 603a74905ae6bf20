"""Shared fixtures: the real data folder, its figure table, and a tiny data folder in code."""

from __future__ import annotations

import csv
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from figures import schema
from figures.cache import CACHE_DIR_VARIABLE
from figures.load import DEFAULT_DATA_DIR
from figures.table import Figures, build_figures

TINY_ARTICLE = (
    "Clashes in Northtown\n"
    "\n"
    "At least 12 civilians were killed on May\u00a03, the Northtown Monitor said.\n"
    "The army said 40 fighters surrendered.\n"
)

TINY_TABLES: dict[str, list[dict[str, str]]] = {
    schema.SOURCES_FILE: [
        {"article_id": "tiny", "file": "tiny.txt", "outlet": "Daily Example",
         "title": "Clashes in Northtown", "published": "2020-05-04",
         "published_basis": "stated", "credits": "", "url": "", "public_copy": ""},
    ],
    schema.CLAIMANTS_FILE: [
        {"claimant_id": "monitor", "name": "Northtown Monitor", "organisation": "Northtown Monitor",
         "claimant_type": "monitor", "party": "independent monitor"},
        {"claimant_id": "army", "name": "The army", "organisation": "Example army",
         "claimant_type": "military", "party": "Syrian government"},
    ],
    schema.CLAIMS_FILE: [
        {"claim_id": "tiny-01", "article_id": "tiny", "claimant_id": "monitor", "value": "12",
         "value_max": "", "unit": "count", "qualifier": "at_least", "qualifier_text": "At least",
         "measure": "killed", "subject": "civilians", "place": "Northtown",
         "period_start": "2020-05-03", "period_end": "2020-05-03", "period_text": "on May 3",
         "period_basis": "stated", "relayed_by": "", "blamed_on": "",
         "quote": "At least 12 civilians were killed on May 3, the Northtown Monitor said",
         "notes": "", "review_status": "checked"},
        {"claim_id": "tiny-02", "article_id": "tiny", "claimant_id": "army", "value": "40",
         "value_max": "", "unit": "count", "qualifier": "exact", "qualifier_text": "",
         "measure": "surrendered", "subject": "fighters", "place": "Northtown",
         "period_start": "", "period_end": "", "period_text": "", "period_basis": "",
         "relayed_by": "", "blamed_on": "", "quote": "The army said 40 fighters surrendered.",
         "notes": "", "review_status": "checked"},
    ],
    schema.NOT_CLAIMS_FILE: [
        {"article_id": "tiny", "text": "3", "context": "on May 3", "reason": "date"},
    ],
    schema.PLACES_FILE: [
        {"place": "Northtown", "part_of": "Example"},
        {"place": "Example", "part_of": ""},
    ],
}

COLUMNS = {
    schema.SOURCES_FILE: schema.SOURCE_COLUMNS,
    schema.CLAIMANTS_FILE: schema.CLAIMANT_COLUMNS,
    schema.CLAIMS_FILE: schema.CLAIM_COLUMNS,
    schema.NOT_CLAIMS_FILE: schema.NOT_CLAIM_COLUMNS,
    schema.PLACES_FILE: schema.PLACE_COLUMNS,
}

TinyFolder = Callable[..., Path]


def shown(markdown: str) -> str:
    """What a reader sees of Markdown whose text was escaped (see figures.markdown): the
    escapes read, and the invisible word joiners left out."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown).replace("\u2060", "")


def write_table(path: Path, columns: tuple[str, ...], rows: list[dict[str, str]]) -> None:
    """Write rows as a CSV the way a person's spreadsheet would."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture
def tiny_folder(tmp_path: Path) -> TinyFolder:
    """Make a small valid data folder; keyword arguments replace whole tables or the article."""

    def make(article: str = TINY_ARTICLE, **tables: list[dict[str, str]]) -> Path:
        folder = tmp_path / "data"
        (folder / schema.ARTICLES_DIR).mkdir(parents=True, exist_ok=True)
        (folder / schema.ARTICLES_DIR / "tiny.txt").write_text(article, encoding="utf-8")
        for name, rows in TINY_TABLES.items():
            key = name.removesuffix(".csv")
            write_table(folder / name, COLUMNS[name], tables.get(key, rows))
        return folder

    return make


def edited(name: str, index: int, **changes: str) -> list[dict[str, str]]:
    """A copy of one tiny table with one row changed."""
    rows = [dict(row) for row in TINY_TABLES[name]]
    rows[index].update(changes)
    return rows


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Checked tables go to a folder of the test run's own, never the user's cache."""
    folder = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CACHE_DIR_VARIABLE, str(folder))
        yield folder


@pytest.fixture(scope="session")
def shipped() -> Figures:
    """The figure table built from the shipped data folder."""
    return build_figures(DEFAULT_DATA_DIR)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of the shipped data folder that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, target)
    return target


@pytest.fixture(scope="session")
def shipped_ids(shipped: Figures) -> set[str]:
    """The article ids of the shipped data, to tell articles added by a test from them."""
    return set(shipped.dataset.sources["article_id"])
