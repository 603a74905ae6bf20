"""The Add articles page of the real dashboard: uploads and pasted text go through the same
batch path as `python -m figures add`; bad files are named and change nothing."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from figures import pages, schema
from figures.table import build_figures
from tests.test_dashboard import APP, TIMEOUT

NEW_ARTICLE = (
    "Aleppo clinic hit as evacuation talks stall\n\n"
    "At least 15 civilians were killed in shelling of the Bustan al-Qasr district on Sunday, "
    "the Syrian Civil Defence said. Some 2,000 families fled towards the west of the city "
    "over the past three days, according to the Norwegian Refugee Council.\n"
)
SECOND_ARTICLE = (
    "Convoy reaches besieged town\n\n"
    "At least 9 people were killed in an air strike on the market on Tuesday, the Red "
    "Crescent said.\n"
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


def add(at: AppTest) -> AppTest:
    """Press 'Add and propose figures'."""
    return at.button(key="add_go").click().run()


def new_sources(folder: Path, shipped_ids: set[str]) -> list[str]:
    """The article ids the folder holds beyond those shipped."""
    ids = build_figures(folder).dataset.sources["article_id"]
    return [article_id for article_id in ids if article_id not in shipped_ids]


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
    """An empty, binary, non-UTF-8 or oversized file is refused, named, with the reason."""
    before = folder_digest(data_copy)
    at = app_on_copy
    at.file_uploader(key="add_upload").set_value(upload).run()
    add(at)
    assert not at.exception
    report = " ".join(code.value for code in at.code)
    file_name, problem = message
    assert f"{file_name}: " in report
    assert problem.lower() in report.lower()
    assert at.error and "Added 0 articles" in at.error[0].value
    assert folder_digest(data_copy) == before


def test_article_already_stored_is_skipped_naming_it(app_on_copy: AppTest,
                                                     data_copy: Path) -> None:
    """Pasting the text of a stored article (quotes curled differently) names that file."""
    before = folder_digest(data_copy)
    stored = (data_copy / "articles" / "002_7bc8ab39567d527b.txt").read_text(encoding="utf-8")
    at = app_on_copy
    at.text_area(key="add_paste").set_value(stored.replace("'", "\u2019")).run()
    add(at)
    assert not at.exception
    assert any("002_7bc8ab39567d527b.txt" in code.value for code in at.code)
    assert folder_digest(data_copy) == before


def test_uploaded_files_and_pasted_text_are_added_as_proposals(
    app_on_copy: AppTest, data_copy: Path, shipped_ids: set[str]
) -> None:
    """A reader uploads a file with its articles.csv and pastes another; both go in,
    described, their figures proposed, and the folder still checks clean."""
    sidecar = (b"file,url,outlet,published,title\n"
               b"clinic.txt,https://example.org/clinic,Aleppo Today,2016-11-28,"
               b"Aleppo clinic hit\n")
    at = app_on_copy
    at.file_uploader(key="add_upload").set_value([
        ("clinic.txt", NEW_ARTICLE.encode(), "text/plain"),
        ("articles.csv", sidecar, "text/csv")]).run()
    at.text_area(key="add_paste").set_value(SECOND_ARTICLE)
    at.text_input(key="add_outlet").set_value("Northtown Herald")
    at.date_input(key="add_published").set_value(date(2016, 12, 1))
    add(at.run())
    assert not at.exception
    assert at.success and at.success[0].value.startswith("Added 2 articles")
    figures = build_figures(data_copy)
    assert figures.problems == ()
    sources = figures.dataset.sources.set_index("outlet")
    assert (sources.loc["Aleppo Today", "published"],
            sources.loc["Aleppo Today", "published_basis"],
            sources.loc["Aleppo Today", "url"]) == (
        "2016-11-28", schema.PUBLISHED_IN_SIDECAR, "https://example.org/clinic")
    assert (sources.loc["Northtown Herald", "published"],
            sources.loc["Northtown Herald", "published_basis"]) == (
        "2016-12-01", schema.PUBLISHED_IN_FORM)
    added = figures.table[~figures.table["article_id"].isin(shipped_ids)]
    assert sorted(added["value"]) == [9.0, 15.0, 2000.0]
    assert set(added["review_status"]) == {schema.PROPOSED}


def test_first_article_of_an_empty_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new corpus starts from empty tables: Explore points to Add articles, and the first
    add works."""
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
    at.text_area(key="add_paste").set_value(NEW_ARTICLE)
    at.text_input(key="add_outlet").set_value("Aleppo Today")
    add(at.run())
    assert not at.exception
    figures = build_figures(folder)
    assert figures.problems == ()
    assert len(figures.table) == 2
    assert figures.dataset.sources["published_basis"].tolist() == [schema.PUBLISHED_UNKNOWN]
