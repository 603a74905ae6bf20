"""Checked tables kept on disk: reused while the files are unchanged, never once stale."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from figures import cache
from figures.compare import label_frame
from figures.disputes import find_disputes
from figures.load import DEFAULT_DATA_DIR
from figures.table import Figures, build_figures


def stored_tables(folder: Path) -> list[Path]:
    """The checked tables kept for a data folder."""
    return sorted(cache.cache_dir().glob(f"{cache.folder_prefix(folder)}-*.pickle"))


def load_counting_builds(folder: Path) -> tuple[Figures, int]:
    """Load a folder's table, saying how many times it was read and checked afresh."""
    builds: list[int] = []
    checked = cache.load_checked(folder, on_build=lambda: builds.append(1))
    return checked.figures, len(builds)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped data with a cache folder of its own."""
    monkeypatch.setenv(cache.CACHE_DIR_VARIABLE, str(tmp_path / "cache"))
    target = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, target)
    return target


def test_second_load_reads_the_stored_table(folder: Path) -> None:
    """A restarted page reads the checked table from disk instead of checking again."""
    first, first_builds = load_counting_builds(folder)
    second, second_builds = load_counting_builds(folder)
    assert (first_builds, second_builds) == (1, 0)
    assert len(stored_tables(folder)) == 1
    assert second.table.equals(first.table)
    assert second.table.equals(build_figures(folder).table)


def test_the_disputes_are_stored_with_the_table(folder: Path) -> None:
    """The stored disputes and labels are those the stored table has, and a claim moved
    out of its dispute's place is compared again, not served the old dispute."""
    first = cache.load_checked(folder)
    assert [d.sides for d in first.disputes.disputes] == [
        d.sides for d in find_disputes(first.figures.table, first.figures.dataset.places)
        .disputes] and len(first.disputes.disputes) == 1
    again = cache.load_checked(folder)
    assert again.disputes.disputes == first.disputes.disputes
    assert again.labelled.equals(label_frame(again.figures.table))
    claims = folder / "claims.csv"
    lines = claims.read_text(encoding="utf-8").splitlines(keepends=True)
    moved = [line.replace(",Aleppo,", ",western Aleppo,", 1) if line.startswith("ahram-05,")
             else line for line in lines]
    assert moved != lines
    claims.write_text("".join(moved), encoding="utf-8")
    assert cache.load_checked(folder).disputes.disputes == ()


def test_an_edited_file_is_read_again(folder: Path) -> None:
    """After a claim's row is edited, the next load shows the edit, not the stored table."""
    load_counting_builds(folder)
    claims = folder / "claims.csv"
    claims.write_text(claims.read_text(encoding="utf-8").replace(
        "an estimated 250,000 civilians trapped", "an estimated 250,000 civilians  trapped"),
        encoding="utf-8")
    figures, builds = load_counting_builds(folder)
    assert builds == 1
    assert figures.table["quote"].str.contains("250,000 civilians  trapped").any()
    assert len(stored_tables(folder)) == 1  # the stale table is dropped


def test_a_file_written_while_the_folder_is_read_is_not_stored(folder: Path) -> None:
    """A claim edited while the folder is being checked may or may not be in that table,
    so the table is not stored: the next load reads the folder again and shows the edit."""
    claims = folder / "claims.csv"
    edited: list[str] = []

    def edit(share: float, text: str) -> None:
        if "quote stands verbatim" in text and not edited:
            claims.write_text(claims.read_text(encoding="utf-8").replace(
                "an estimated 250,000 civilians trapped",
                "an estimated 250,000 civilians  trapped"), encoding="utf-8")
            edited.append(text)

    cache.load_checked(folder, edit)
    assert edited and stored_tables(folder) == []
    figures, builds = load_counting_builds(folder)
    assert builds == 1
    assert figures.table["quote"].str.contains("250,000 civilians  trapped").any()


def test_same_size_same_time_edit_is_caught_by_the_content_hash(folder: Path) -> None:
    """An edit that keeps a file's size and modification time still invalidates the table."""
    load_counting_builds(folder)
    sources = folder / "sources.csv"
    before = sources.stat()
    text = sources.read_text(encoding="utf-8")
    edited = text.replace("RFE/RL,Russia Denies", "RFE/RX,Russia Denies")
    assert len(edited) == len(text) and edited != text
    sources.write_text(edited, encoding="utf-8")
    os.utime(sources, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert sources.stat().st_size == before.st_size
    assert sources.stat().st_mtime_ns == before.st_mtime_ns
    figures, builds = load_counting_builds(folder)
    assert builds == 1
    assert "RFE/RX" in set(figures.table["outlet"])


def test_an_added_article_is_read_again(folder: Path) -> None:
    """A new file in the articles folder invalidates the table: it is reported as unlisted."""
    load_counting_builds(folder)
    (folder / "articles" / "new.txt").write_text("Nothing counted here.\n", encoding="utf-8")
    figures, builds = load_counting_builds(folder)
    assert builds == 1
    assert any(problem.file == "articles/new.txt" for problem in figures.problems)


def test_a_damaged_stored_table_is_rebuilt(folder: Path) -> None:
    """A stored table that cannot be read is ignored and the folder checked again."""
    load_counting_builds(folder)
    [stored] = stored_tables(folder)
    stored.write_bytes(b"not a table")
    figures, builds = load_counting_builds(folder)
    assert builds == 1
    assert figures.table.equals(build_figures(folder).table)


def test_stamp_moves_on_any_write(folder: Path) -> None:
    """The cheap per-run stamp changes even when size and modification time are put back."""
    claims = folder / "claims.csv"
    before_stamp = cache.files_stamp(folder)
    before = claims.stat()
    claims.write_bytes(claims.read_bytes())
    os.utime(claims, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert cache.files_stamp(folder) != before_stamp


def test_first_load_reports_its_progress(folder: Path) -> None:
    """Reading and checking a folder reports its progress from start to end, in order;
    reading the stored table afterwards has nothing to report."""
    reported: list[tuple[float, str]] = []
    cache.load_checked(folder, lambda share, text: reported.append((share, text)))
    shares = [share for share, _ in reported]
    assert shares[0] == 0.0 and shares[-1] == 1.0
    assert shares == sorted(shares)
    assert any("quote stands verbatim" in text for _, text in reported)
    assert reported[-1] == (1.0, "Labelling the claims and finding disputes")
    again: list[tuple[float, str]] = []
    cache.load_checked(folder, lambda share, text: again.append((share, text)))
    assert again == []


def test_a_rule_changed_in_a_subpackage_changes_the_code_version(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A stored table is keyed by every module of the package, those in its subpackages
    too, so a changed extraction rule the checker uses is never served an old table."""
    (tmp_path / "extract").mkdir()
    (tmp_path / "check.py").write_text("RULE = 1\n", encoding="utf-8")
    (tmp_path / "extract" / "reading.py").write_text("WORDS = 'at least'\n", encoding="utf-8")
    monkeypatch.setattr(cache, "PACKAGE_DIR", tmp_path)
    cache.code_version.cache_clear()
    before = cache.code_version()
    (tmp_path / "extract" / "reading.py").write_text("WORDS = 'at most'\n", encoding="utf-8")
    cache.code_version.cache_clear()
    try:
        assert cache.code_version() != before
    finally:
        cache.code_version.cache_clear()
