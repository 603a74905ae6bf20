"""Adding an article through the real dashboard: bad uploads change nothing, a good one
is reviewed and saved in a few clicks, and the folder still checks clean."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from figures import pages
from figures.table import build_figures
from tests.test_dashboard import APP, TIMEOUT

NEW_ARTICLE = (
    "Aleppo clinic hit as evacuation talks stall\n\n"
    "At least 15 civilians were killed in shelling of the Bustan al-Qasr district on Sunday, "
    "the Syrian Civil Defence said. Some 2,000 families fled towards the west of the city "
    "over the past three days, according to the Norwegian Refugee Council.\n"
)


def folder_digest(folder: Path) -> dict[str, str]:
    """A hash of every file of a data folder, to prove nothing changed."""
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture
def app_on_copy(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """The Add articles page reading a copy of the shipped data that the test may change."""
    monkeypatch.setenv("FIGURES_DATA_DIR", str(data_copy))
    return AppTest.from_file(APP, default_timeout=TIMEOUT).run().switch_page(
        pages.ADD_ARTICLES).run()


def find_figures(at: AppTest) -> AppTest:
    """Press 'Find the figures'."""
    return at.button(key="add_find").click().run()


def paste_new_article(at: AppTest) -> AppTest:
    """Paste the new article, give its outlet, title and date, and find its figures."""
    at.text_area(key="add_paste").set_value(NEW_ARTICLE)
    at.text_input(key="add_outlet").set_value("Aleppo Today")
    at.text_input(key="add_title").set_value("Aleppo clinic hit as evacuation talks stall")
    at.date_input(key="add_published").set_value(date(2016, 11, 28))
    return find_figures(at.run())


def review_and_save(at: AppTest, places: tuple[str, str]) -> AppTest:
    """Fill in the two new claimants and each figure's claimant and place, then save."""
    names = ["Syrian Civil Defence", "Norwegian Refugee Council"]
    at.session_state["add_claimants"] = {
        "edited_rows": {index: {"organisation": name, "claimant_type": "NGO",
                                "party": "humanitarian NGO"} for index, name in enumerate(names)},
        "added_rows": [], "deleted_rows": []}
    at.session_state["add_editor"] = {
        "edited_rows": {index: {"claimant_id": name, "place": place}
                        for index, (name, place) in enumerate(zip(names, places, strict=True))},
        "added_rows": [], "deleted_rows": []}
    return at.run().button(key="add_save").click().run()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (("empty.txt", b"", "text/plain"), ("empty.txt", "empty")),
        (("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "text/plain"),
         ("photo.txt", "binary")),
        (("latin.txt", "Caf\u00e9 killed 12".encode("latin-1"), "text/plain"),
         ("latin.txt", "UTF-8")),
        (("big.txt", b"a" * (2 * 1024 * 1024 + 1), "text/plain"), ("big.txt", "2 MB")),
    ],
    ids=["empty", "binary", "not-utf8", "too-large"],
)
def test_bad_upload_gets_a_message_and_changes_nothing(
    app_on_copy: AppTest, data_copy: Path, upload: tuple[str, bytes, str],
    message: tuple[str, str],
) -> None:
    """An empty, binary, non-UTF-8 or oversized file is refused with a clear message."""
    before = folder_digest(data_copy)
    at = app_on_copy
    at.file_uploader(key="add_upload").set_value(upload).run()
    find_figures(at)
    assert not at.exception
    errors = " ".join(error.value for error in at.error)
    file_name, problem = message
    assert errors.startswith(f"{file_name}:")
    assert problem.lower() in errors.lower()
    assert folder_digest(data_copy) == before


def test_article_already_stored_is_refused(app_on_copy: AppTest, data_copy: Path) -> None:
    """Pasting the text of an article already stored is refused and changes nothing."""
    before = folder_digest(data_copy)
    stored = (data_copy / "articles" / "002_7bc8ab39567d527b.txt").read_text(encoding="utf-8")
    at = app_on_copy
    at.text_area(key="add_paste").set_value(stored).run()
    find_figures(at)
    assert any("002_7bc8ab39567d527b.txt" in error.value for error in at.error)
    assert folder_digest(data_copy) == before


def test_new_article_is_reviewed_and_saved(app_on_copy: AppTest, data_copy: Path) -> None:
    """A reader pastes a new article, fills in two claimants, and saves its figures."""
    at = paste_new_article(app_on_copy)
    review = at.session_state["add_review"]
    assert list(review["value"]) == [15.0, 2000.0]
    assert list(review["claimant"]) == ["Syrian Civil Defence", "Norwegian Refugee Council"]
    review_and_save(at, ("Aleppo", "western Aleppo"))
    assert not at.exception
    assert not at.error, [error.value for error in at.error]
    assert "Saved" in at.success[0].value
    figures = build_figures(data_copy)
    assert figures.problems == ()
    added = figures.table[figures.table["outlet"] == "Aleppo Today"]
    assert sorted(zip(added["claimant"], added["value"], added["qualifier"], strict=True)) == [
        ("Norwegian Refugee Council", 2000.0, "about"),
        ("Syrian Civil Defence", 15.0, "at_least"),
    ]
    assert len(figures.table) == 29


def test_save_with_missing_cells_is_refused(app_on_copy: AppTest, data_copy: Path) -> None:
    """Saving before the claimants are filled in says what is missing and writes nothing."""
    before = folder_digest(data_copy)
    at = app_on_copy
    at.text_area(key="add_paste").set_value(NEW_ARTICLE)
    at.text_input(key="add_outlet").set_value("Aleppo Today")
    at.text_input(key="add_title").set_value("Aleppo clinic hit")
    at.run()
    find_figures(at)
    at.button(key="add_save").click().run()
    assert not at.exception
    refusal = next(error.value for error in at.error if "Not saved" in error.value)
    assert "published is empty" in refusal
    assert folder_digest(data_copy) == before


def test_first_article_of_an_empty_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new corpus starts from empty tables: the panel is there and the first save works."""
    from figures import schema
    from tests.conftest import COLUMNS, write_table

    folder = tmp_path / "new"
    (folder / schema.ARTICLES_DIR).mkdir(parents=True)
    for name, columns in COLUMNS.items():
        write_table(folder / name, columns, [])
    monkeypatch.setenv("FIGURES_DATA_DIR", str(folder))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert any("No claim could be read" in error.value for error in at.error)
    at.switch_page(pages.ADD_ARTICLES).run()
    review_and_save(paste_new_article(at), ("Aleppo", "Aleppo"))
    assert not at.exception
    figures = build_figures(folder)
    assert figures.problems == ()
    assert len(figures.table) == 2
