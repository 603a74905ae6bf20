"""Bytes for downloads: the figure table as CSV and JSON, with its provenance columns.

The command line and the dashboard both call these, so a table written to stdout and a
table downloaded from the page hold the same rows and columns, byte for byte, but for
the byte-order mark that the download's CSV starts with so that Excel reads it as UTF-8,
and the quote it puts before a text cell that Excel would run as a formula.
"""

from __future__ import annotations

import json

import pandas as pd

from figures import schema

UTF8_BOM = "\ufeff"
# A spreadsheet reads a cell that starts with one of these as a formula (OWASP, "CSV
# Injection"); in the Excel CSV such a text cell is prefixed with a single quote.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def plain_number(value: float) -> str | int | float:
    """A figure as a CSV or JSON cell: whole numbers without a decimal point."""
    if pd.isna(value):
        return ""
    return int(value) if float(value).is_integer() else float(value)


def plain_column(values: pd.Series) -> pd.Series:
    """A column of figures written plainly, whole numbers as integers even beside
    fractions ("15" and "2.5", never "15.0")."""
    return pd.Series([plain_number(v) for v in values], index=values.index, dtype=object)


def export_frame(table: pd.DataFrame,
                 columns: tuple[str, ...] = schema.TABLE_COLUMNS) -> pd.DataFrame:
    """The table with the given columns in order and its figures written plainly."""
    frame = table[list(columns)].copy()
    for column in schema.NUMBER_COLUMNS[schema.CLAIMS_FILE]:
        frame[column] = plain_column(frame[column])
    return frame


def neutralised(cell: object) -> object:
    """A text cell a spreadsheet would run as a formula, made to show as text instead."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def table_csv(table: pd.DataFrame, *, excel: bool = False,
              columns: tuple[str, ...] = schema.TABLE_COLUMNS) -> bytes:
    """The table as UTF-8 CSV; with `excel`, starting with a byte-order mark and with
    every text cell that starts like a formula neutralised (see `FORMULA_STARTS`)."""
    frame = export_frame(table, columns)
    if excel:
        numbers = schema.NUMBER_COLUMNS[schema.CLAIMS_FILE]
        for column in frame.columns.difference(list(numbers)):
            frame[column] = frame[column].map(neutralised)
    text = frame.to_csv(index=False, lineterminator="\r\n" if excel else "\n")
    return ((UTF8_BOM if excel else "") + text).encode("utf-8")


def table_records(table: pd.DataFrame,
                  columns: tuple[str, ...] = schema.TABLE_COLUMNS) -> list[dict[str, object]]:
    """The table as a list of rows; empty cells as null, figures as numbers."""
    records = []
    for row in export_frame(table, columns).to_dict("records"):
        records.append({key: (None if value == "" else value) for key, value in row.items()})
    return records


def table_json(table: pd.DataFrame,
               columns: tuple[str, ...] = schema.TABLE_COLUMNS) -> bytes:
    """The table as a JSON array of row objects, UTF-8, readable by people too."""
    return (json.dumps(table_records(table, columns), ensure_ascii=False, indent=2)
            + "\n").encode("utf-8")



def plain_frame(frame: pd.DataFrame, number_columns: tuple[str, ...]) -> pd.DataFrame:
    """Any table with its figures written plainly, as `export_frame` writes the claims."""
    frame = frame.copy()
    for column in number_columns:
        frame[column] = plain_column(frame[column])
    return frame


def frame_csv(frame: pd.DataFrame, number_columns: tuple[str, ...]) -> bytes:
    """Any table as UTF-8 CSV the way `table_csv` writes one: figures plain, blanks empty."""
    return plain_frame(frame, number_columns).to_csv(index=False, lineterminator="\n").encode()


def frame_json(frame: pd.DataFrame, number_columns: tuple[str, ...]) -> bytes:
    """Any table as a JSON array the way `table_json` writes one: blanks as null."""
    records = [
        {key: (None if value == "" else value) for key, value in row.items()}
        for row in plain_frame(frame, number_columns).to_dict("records")
    ]
    return (json.dumps(records, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
