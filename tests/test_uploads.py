"""Uploads in encodings other than UTF-8, and very long articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from figures.intake import read_upload
from figures.table import build_figures
from tests.test_intake import NEW_ARTICLE


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_a_utf16_upload_with_a_byte_order_mark_is_read(encoding: str) -> None:
    """A file saved as 'Unicode' (UTF-16 or UTF-32, with its byte-order mark) reads as text."""
    bom = {"utf-16-le": "\ufeff", "utf-16-be": "\ufeff"}.get(encoding, "")
    raw = (bom + NEW_ARTICLE).encode(encoding)
    assert read_upload(raw, "unicode.txt", {}) == (NEW_ARTICLE, [])


def test_broken_utf16_says_so() -> None:
    """UTF-16 cut off in the middle of a character is refused, naming the encoding."""
    raw = NEW_ARTICLE.encode("utf-16")[:-1]
    assert read_upload(raw, "cut.txt", {}) == (None, [
        f"cut.txt: starts as UTF-16 but byte {len(raw) - 1} does not decode; save the "
        f"article as UTF-8 and upload it again"])


def test_a_utf16_table_is_named_as_such(data_copy: Path) -> None:
    """A table saved as UTF-16 by a spreadsheet is reported as UTF-16, not as bad bytes."""
    claims = data_copy / "claims.csv"
    claims.write_bytes(claims.read_text(encoding="utf-8").encode("utf-16"))
    problems = [str(problem) for problem in build_figures(data_copy).problems]
    assert "claims.csv:0: -: is UTF-16, not UTF-8; save it again as UTF-8 CSV" in problems
