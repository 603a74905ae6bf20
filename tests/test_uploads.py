"""Uploads in encodings other than UTF-8, and very long articles."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from figures.intake import read_upload
from figures.table import build_figures
from tests.test_add_article import add, app_on_copy
from tests.test_intake import NEW_ARTICLE

__all__ = ["app_on_copy"]  # a fixture, used by name


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


def long_article(numbers: int) -> str:
    """An invented report holding `numbers` number phrases, three to a line."""
    return "Long report\n\n" + "".join(
        f"On day {n} at least {n * 3 + 1} civilians were killed, the monitor said, and "
        f"{n * 7 + 2} people left.\n" for n in range(1, numbers // 3 + 1))


def test_a_long_article_is_added_through_the_page(app_on_copy: AppTest,
                                                  data_copy: Path) -> None:
    """A long article pasted into the page is stored and its figures proposed, whole."""
    at = app_on_copy
    at.text_area(key="add_paste").set_value(long_article(300))
    at.text_input(key="add_outlet").set_value("Long Report")
    at.date_input(key="add_published").set_value(date(2016, 12, 1))
    add(at.run())
    assert not at.exception
    summary = at.session_state["add_summary"]
    assert (len(summary.added), summary.refused) == (1, [])
    assert summary.claims_proposed == 200  # the days are dates, not figures
    assert not build_figures(data_copy).problems
