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

from figures import corpus, schema
from figures.intake import read_upload, save, stored_articles
from figures.load import DEFAULT_DATA_DIR
from figures.package import dataset_zip
from figures.table import build_figures
from tests.test_intake import NEW_ARTICLE, plan_for, reviewed_frame

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
    make(data_copy / schema.ARTICLES_DIR)
    result = save(data_copy, plan_for(data_copy, reviewed_frame(data_copy)))
    assert result.ok, result.messages
    assert "aleppo_daily_20161103" in set(build_figures(data_copy).table["article_id"])


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
from figures import intake
from tests.test_intake import NEW_ARTICLE, plan_for, reviewed_frame

folder = Path(sys.argv[1])
plan = plan_for(folder, reviewed_frame(folder))
real_replace = os.replace

def replace_then_die(source, target):
    real_replace(source, target)
    os.kill(os.getpid(), signal.SIGKILL)  # the power goes after the first file is in

intake.os.replace = replace_then_die
intake.save(folder, plan)
"""


def hidden_temporaries(folder: Path) -> list[str]:
    """The temporary files a save writes before renaming them into place."""
    return sorted(path.name for path in folder.rglob(".*.tmp"))


def test_a_save_killed_half_way_can_be_run_again(data_copy: Path) -> None:
    """After a save is killed, the same article can be added again, and nothing is left over."""
    project = Path(__file__).resolve().parent.parent
    killed = subprocess.run([sys.executable, "-c", KILL_MID_SAVE, str(data_copy)], cwd=project,
                            capture_output=True, timeout=120)
    assert killed.returncode == -signal.SIGKILL
    assert "articles/aleppo_daily_20161103.txt:0: -: not listed in sources.csv" in (
        problems_of(data_copy))
    assert len(hidden_temporaries(data_copy)) == 4
    text, errors = read_upload(NEW_ARTICLE.encode("utf-8"), "again.txt",
                               stored_articles(data_copy))
    assert (text, errors) == (NEW_ARTICLE, [])
    result = save(data_copy, plan_for(data_copy, reviewed_frame(data_copy)))
    assert result.ok, result.messages
    assert result.article_id == "aleppo_daily_20161103"
    assert problems_of(data_copy) == []
    assert hidden_temporaries(data_copy) == []
    assert sorted(path.name for path in (data_copy / "articles").iterdir()) == [
        *sorted(path.name for path in (DEFAULT_DATA_DIR / "articles").iterdir()),
        "aleppo_daily_20161103.txt"]


def test_a_linked_codebook_is_left_out_of_the_zip(data_copy: Path) -> None:
    """A codebook that is a link to a file elsewhere is not packed in the zip."""
    (data_copy / "README.md").unlink()
    (data_copy / "README.md").symlink_to("/etc/passwd")
    archive = zipfile.ZipFile(io.BytesIO(dataset_zip(data_copy, build_figures(data_copy).table,
                                                     MADE_ON)))
    assert "README.md" not in archive.namelist()
    assert not any(b"root:" in archive.read(name) for name in archive.namelist())


def test_a_killed_save_can_be_added_again_as_a_batch(data_copy: Path) -> None:
    """After a save is killed, adding the same text through the batch path (the page's and
    `figures add`'s) finishes it under its first id and leaves nothing over."""
    project = Path(__file__).resolve().parent.parent
    killed = subprocess.run([sys.executable, "-c", KILL_MID_SAVE, str(data_copy)], cwd=project,
                            capture_output=True, timeout=120)
    assert killed.returncode == -signal.SIGKILL
    summary = corpus.add_items(data_copy, [corpus.Item("again.txt", NEW_ARTICLE.encode())],
                               corpus.Options(outlet="Aleppo Daily", published="2016-11-03"))
    assert (summary.duplicates, summary.refused) == ([], [])
    assert [added.file for added in summary.added] == ["aleppo_daily_20161103.txt"]
    assert hidden_temporaries(data_copy) == []
    assert not [problem for problem in problems_of(data_copy) if "not listed" in problem]
