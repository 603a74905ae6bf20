"""Bytes for downloads: the figure table as CSV and JSON, with its provenance columns.

The command line and the dashboard both call these, so a table written to stdout and a
table downloaded from the page hold the same rows and columns, byte for byte, but for
the byte-order mark that the download's CSV starts with so that Excel reads it as UTF-8.
"""

from __future__ import annotations

import json

import pandas as pd

from figures import schema

UTF8_BOM = "\ufeff"


def plain_number(value: float) -> str | int | float:
    """A figure as a CSV or JSON cell: whole numbers without a decimal point."""
    if pd.isna(value):
        return ""
    return int(value) if float(value).is_integer() else float(value)


def export_frame(table: pd.DataFrame,
                 columns: tuple[str, ...] = schema.TABLE_COLUMNS) -> pd.DataFrame:
    """The table with the given columns in order and its figures written plainly."""
    frame = table[list(columns)].copy()
    for column in schema.NUMBER_COLUMNS[schema.CLAIMS_FILE]:
        frame[column] = frame[column].map(plain_number).astype(object)
    return frame


def table_csv(table: pd.DataFrame, *, excel: bool = False,
              columns: tuple[str, ...] = schema.TABLE_COLUMNS) -> bytes:
    """The table as UTF-8 CSV; with `excel`, starting with a byte-order mark."""
    text = export_frame(table, columns).to_csv(index=False,
                                               lineterminator="\r\n" if excel else "\n")
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
