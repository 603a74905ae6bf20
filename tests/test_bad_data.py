"""Deliberately broken data folders: each is reported at its place, and never raises."""

from __future__ import annotations

from pathlib import Path

import pytest

from figures import schema
from figures.__main__ import main
from figures.check import parse_value
from figures.load import DEFAULT_DATA_DIR, MAX_CELL_CHARS
from figures.table import build_figures
from tests.conftest import TinyFolder, edited


def report(folder: Path) -> list[str]:
    """The checker's whole report on a folder, as the command line prints it."""
    return [str(problem) for problem in build_figures(folder).problems]


def test_a_megabyte_of_notes_is_read_and_shown(tiny_folder: TinyFolder,
                                               capsys: pytest.CaptureFixture) -> None:
    """A claim whose notes run to a megabyte checks clean and shows with all its notes."""
    notes = "A long note. " * 80_000
    folder = tiny_folder(claims=edited("claims.csv", 1, notes=notes))
    assert main(["--data-dir", str(folder), "check"]) == 0
    capsys.readouterr()
    table = build_figures(folder).table
    assert table.loc[table["claim_id"] == "tiny-02", "notes"].item() == notes.strip()


def test_a_cell_over_the_maximum_is_a_located_problem(tiny_folder: TinyFolder) -> None:
    """A cell longer than the documented maximum is reported at its line and column."""
    folder = tiny_folder(claims=edited("claims.csv", 1, notes="x" * (MAX_CELL_CHARS + 1)))
    figures = build_figures(folder)
    assert report(folder) == [
        f"claims.csv:3: notes: is {MAX_CELL_CHARS + 1:,} characters long, over the "
        f"maximum of {MAX_CELL_CHARS:,} for a cell",
    ]
    assert figures.table["claim_id"].tolist() == ["tiny-01"]


def test_the_codebook_states_the_longest_cell() -> None:
    """The codebook tells a person editing the tables how long a cell may be."""
    codebook = (DEFAULT_DATA_DIR / "README.md").read_text(encoding="utf-8")
    assert f"up to {MAX_CELL_CHARS:,} characters" in codebook


@pytest.mark.parametrize(
    ("tables", "spaced"),
    [
        ({"claims": edited("claims.csv", 0, claimant_id=" monitor ")}, "a claim's claimant_id"),
        ({"claimants": edited("claimants.csv", 0, claimant_id=" monitor ")},
         "a claimant's own id"),
        ({"sources": edited("sources.csv", 0, article_id=" tiny ")}, "an article's own id"),
        ({"claims": edited("claims.csv", 0, article_id="tiny\t")}, "a claim's article_id"),
    ],
)
def test_ids_with_spaces_around_them_join_as_written_without(
    tiny_folder: TinyFolder, tables: dict, spaced: str
) -> None:
    """An id with spaces around it still names its article and its claimant."""
    figures = build_figures(tiny_folder(**tables))
    assert not figures.problems, spaced
    row = figures.table.set_index("claim_id").loc["tiny-01"]
    assert (row["article_id"], row["claimant_id"]) == ("tiny", "monitor")
    assert (row["claimant"], row["party"], row["outlet"]) == (
        "Northtown Monitor", "independent monitor", "Daily Example")
    assert figures.dataset.sources["article_id"].tolist() == ["tiny"]
    assert figures.dataset.claimants["claimant_id"].tolist() == ["monitor", "army"]


def test_an_id_holding_a_nul_byte_is_refused(tiny_folder: TinyFolder) -> None:
    """An id with a NUL or another control character inside it is a located problem."""
    folder = tiny_folder(claims=edited("claims.csv", 1, claim_id="tiny\x00-02"),
                         claimants=edited("claimants.csv", 1, claimant_id="army"))
    assert report(folder) == [
        "claims.csv:3: claim_id: 'tiny\\x00-02' holds a control character (U+0000); "
        "an id is plain text on one line",
    ]


def with_second_column(folder: Path, column: str, values: list[str]) -> Path:
    """Add to claims.csv a second column named `column`, holding `values` row by row."""
    claims = folder / "claims.csv"
    lines = claims.read_text(encoding="utf-8").splitlines()
    cells = [column, *[f'"{value}"' for value in values]]
    claims.write_text("".join(f"{line},{cell}\n" for line, cell in zip(lines, cells,
                                                                       strict=True)),
                      encoding="utf-8")
    return folder


def test_a_duplicate_column_is_a_header_problem(tiny_folder: TinyFolder) -> None:
    """Two notes columns are reported in the header; the rows keep their first notes."""
    folder = tiny_folder(claims=edited("claims.csv", 0, notes="read with care"))
    figures = build_figures(with_second_column(folder, "notes", ["", ""]))
    assert [str(problem) for problem in figures.problems] == [
        f"claims.csv:1: notes: the header names this column twice (columns "
        f"{schema.CLAIM_COLUMNS.index('notes') + 1} and {len(schema.CLAIM_COLUMNS) + 1}); "
        "the first is read, delete the other",
    ]
    assert figures.table["notes"].tolist() == ["read with care", ""]


def test_a_duplicate_column_that_disagrees_rejects_its_row(tiny_folder: TinyFolder) -> None:
    """Two value columns giving different figures: the row says which, not 'is empty'."""
    folder = with_second_column(tiny_folder(), "value", ["12", "41"])
    last = len(schema.CLAIM_COLUMNS) + 1
    figures = build_figures(folder)
    assert [str(problem) for problem in figures.problems] == [
        f"claims.csv:1: value: the header names this column twice (columns 4 and {last}); "
        "the first is read, delete the other",
        f"claims.csv:3: value: '40' in column 4 but '41' in column {last}, under the same name",
    ]
    assert figures.table["claim_id"].tolist() == ["tiny-01"]


@pytest.mark.parametrize("written", ["4_8", "1e3", "+12", "\u0661\u0662", "12.", "1,2",
                                     "0x0C", "12\u200b"])
def test_a_figure_must_be_written_in_plain_digits(tiny_folder: TinyFolder, written: str) -> None:
    """Underscores, exponents, signs and other scripts' digits are not read as a figure."""
    folder = tiny_folder(claims=edited("claims.csv", 0, value=written))
    assert f"claims.csv:2: value: '{written}' is not a number" in report(folder)


@pytest.mark.parametrize(("written", "value"), [("12", 12.0), ("250,000", 250000.0),
                                                ("5.5", 5.5), ("1,234.5", 1234.5)])
def test_plain_figures_still_read(written: str, value: float) -> None:
    """Figures written as the codebook asks are read as before."""
    assert parse_value(written) == value


@pytest.mark.parametrize(
    ("tables", "expected"),
    [
        ({"sources": edited("sources.csv", 0, published="2150-06-01")},
         "sources.csv:2: published: 2150-06-01 is after today; an article cannot be "
         "published in the future"),
        ({"sources": edited("sources.csv", 0, published="0001-01-01")},
         "sources.csv:2: published: 0001-01-01 is outside the dates the data can hold "
         "(1800-01-01 to 2199-12-31)"),
        ({"claims": edited("claims.csv", 0, period_start="0001-01-01")},
         "claims.csv:2: period_start: 0001-01-01 is outside the dates the data can hold "
         "(1800-01-01 to 2199-12-31)"),
    ],
)
def test_a_date_far_outside_any_news_is_a_problem(tiny_folder: TinyFolder, tables: dict,
                                                 expected: str) -> None:
    """A publication date in the future, or a date in year 1 or 9999, is located."""
    assert expected in report(tiny_folder(**tables))


def test_the_page_opens_with_a_date_in_year_one(
    tiny_folder: TinyFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A date in year 1 no longer breaks the timeline: its row is listed as rejected."""
    from streamlit.testing.v1 import AppTest

    from tests.test_dashboard import APP, TIMEOUT

    folder = tiny_folder(claims=edited("claims.csv", 0, period_start="0001-01-01"))
    monkeypatch.setenv("FIGURES_DATA_DIR", str(folder))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    rejected = next(frame.value for frame in at.dataframe if "reason" in frame.value.columns)
    assert rejected["claim_id"].tolist() == ["tiny-01"]


@pytest.mark.parametrize("separator", [";", "\t"])
def test_a_table_saved_with_another_separator_says_so(tiny_folder: TinyFolder,
                                                     separator: str) -> None:
    """A table a spreadsheet saved with semicolons or tabs gets one problem naming that."""
    folder = tiny_folder()
    claimants = folder / "claimants.csv"
    claimants.write_text(claimants.read_text(encoding="utf-8").replace(",", separator),
                         encoding="utf-8")
    name = "semicolons" if separator == ";" else "tabs"
    problems = report(folder)
    assert f"claimants.csv:1: -: the columns are separated by {name}, not commas; save the " \
        "file again as comma-separated CSV" in problems
    assert not [problem for problem in problems if problem.startswith("claimants.csv:1: claim")]
