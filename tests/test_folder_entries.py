"""Odd entries in a data folder (folders, links, pipes, leftovers): reported, never a crash.

Saving an article and building the dataset zip read the same files the checker reads,
so each odd entry is tried against all three.
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest

from figures import schema
from figures.intake import read_upload, stored_articles
from figures.load import DEFAULT_DATA_DIR
from figures.package import dataset_zip
from figures.table import build_figures
from tests.test_intake import ARTICLE_ID, NEW_ARTICLE, add_article

MADE_ON = date(2024, 1, 2)


def problems_of(folder: Path) -> list[str]:
    """The checker's report on a folder."""
    return [str(problem) for problem in build_figures(folder).problems]


def zip_names(folder: Path) -> list[str]:
    """The files the dataset zip of a folder holds."""
    archive = dataset_zip(folder, build_figures(folder).table, MADE_ON)
    return zipfile.ZipFile(io.BytesIO(archive)).namelist()


def make_folder_entry(articles: Path) -> str:
    """A folder named like an article."""
    (articles / "x.txt").mkdir()
    return "articles/x.txt:0: -: is a folder, not a file; only plain files are read"


def make_link_loop(articles: Path) -> str:
    """A symbolic link that points at itself, which no one can read."""
    (articles / "loop.txt").symlink_to(articles / "loop.txt")
    return ("articles/loop.txt:0: -: is a symbolic link; only plain files inside the "
            "data folder are read")


def make_pipe(articles: Path) -> str:
    """A named pipe, which would block a reader for ever."""
    os.mkfifo(articles / "pipe.txt")
    return ("articles/pipe.txt:0: -: is not a plain file (a pipe, socket or device); only "
            "plain files are read")


ODD_ENTRIES = [make_folder_entry, make_link_loop, make_pipe]


@pytest.mark.parametrize("make", ODD_ENTRIES)
def test_an_odd_entry_in_articles_is_reported(data_copy: Path, make) -> None:
    """A folder, a link that cannot be read or a pipe named *.txt is one located problem."""
    expected = make(data_copy / schema.ARTICLES_DIR)
    figures = build_figures(data_copy)
    assert [str(problem) for problem in figures.problems] == [expected]
    assert len(figures.table) == 27


@pytest.mark.parametrize("make", ODD_ENTRIES)
def test_an_article_saves_beside_an_odd_entry(data_copy: Path, make) -> None:
    """With an odd entry in articles/, a new article still saves, and the entry stays."""
    expected = make(data_copy / schema.ARTICLES_DIR)
    summary = add_article(data_copy)
    assert summary.refused == []
    assert ARTICLE_ID in set(build_figures(data_copy).table["article_id"])
    assert problems_of(data_copy) == [expected]


@pytest.mark.parametrize("make", ODD_ENTRIES)
def test_the_zip_leaves_an_odd_entry_out(data_copy: Path, make) -> None:
    """The dataset zip is built beside an odd entry and holds only the real articles."""
    make(data_copy / schema.ARTICLES_DIR)
    articles = [name for name in zip_names(data_copy) if name.startswith("articles/")]
    assert len(articles) == 5


def test_the_zip_never_carries_a_file_from_outside_the_folder(data_copy: Path) -> None:
    """An article linked to /etc/passwd is reported, and the zip does not carry it."""
    (data_copy / schema.ARTICLES_DIR / "passwd.txt").symlink_to("/etc/passwd")
    assert problems_of(data_copy) == [
        "articles/passwd.txt:0: -: is a symbolic link; only plain files inside the data "
        "folder are read"]
    names = zip_names(data_copy)
    assert "articles/passwd.txt" not in names
    archive = zipfile.ZipFile(io.BytesIO(dataset_zip(data_copy, build_figures(data_copy).table,
                                                     MADE_ON)))
    assert not any(b"root:" in archive.read(name) for name in archive.namelist())


def test_a_linked_table_is_not_followed(data_copy: Path) -> None:
    """A table that is a link is reported, its claims are not shown, and the zip leaves it out."""
    real = data_copy.parent / "elsewhere.csv"
    (data_copy / schema.NOT_CLAIMS_FILE).rename(real)
    (data_copy / schema.NOT_CLAIMS_FILE).symlink_to(real)
    assert "not_claims.csv:0: -: is a symbolic link; only plain files inside the data " \
        "folder are read" in problems_of(data_copy)
    assert schema.NOT_CLAIMS_FILE not in zip_names(data_copy)


KILL_MID_SAVE = """
import os, signal, sys
from pathlib import Path
from tests.test_intake import add_article

real_replace = os.replace

def replace_then_die(source, target):
    real_replace(source, target)
    os.kill(os.getpid(), signal.SIGKILL)  # the power goes after the first file is in

os.replace = replace_then_die
add_article(Path(sys.argv[1]))
"""


def hidden_temporaries(folder: Path) -> list[str]:
    """The temporary files a save writes before renaming them into place."""
    return sorted(path.name for path in folder.rglob(".*.tmp"))


def test_a_save_killed_half_way_can_be_run_again(data_copy: Path) -> None:
    """After a save is killed, the same article can be added again: it is finished under its
    first id, and nothing is left over."""
    project = Path(__file__).resolve().parent.parent
    killed = subprocess.run([sys.executable, "-c", KILL_MID_SAVE, str(data_copy)], cwd=project,
                            capture_output=True, timeout=120)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert f"articles/{ARTICLE_ID}.txt:0: -: not listed in sources.csv" in (
        problems_of(data_copy))
    assert len(hidden_temporaries(data_copy)) == 4
    text, errors = read_upload(NEW_ARTICLE.encode("utf-8"), "again.txt",
                               stored_articles(data_copy))
    assert (text, errors) == (NEW_ARTICLE, [])
    summary = add_article(data_copy, name="again.txt")
    assert (summary.duplicates, summary.refused) == ([], [])
    assert [added.file for added in summary.added] == [f"{ARTICLE_ID}.txt"]
    assert problems_of(data_copy) == []
    assert hidden_temporaries(data_copy) == []
    assert sorted(path.name for path in (data_copy / "articles").iterdir()) == [
        *sorted(path.name for path in (DEFAULT_DATA_DIR / "articles").iterdir()),
        f"{ARTICLE_ID}.txt"]


def test_a_linked_codebook_is_left_out_of_the_zip(data_copy: Path) -> None:
    """A codebook that is a link to a file elsewhere is not packed in the zip."""
    (data_copy / "README.md").unlink()
    (data_copy / "README.md").symlink_to("/etc/passwd")
    archive = zipfile.ZipFile(io.BytesIO(dataset_zip(data_copy, build_figures(data_copy).table,
                                                     MADE_ON)))
    assert "README.md" not in archive.namelist()
    assert not any(b"root:" in archive.read(name) for name in archive.namelist())
