"""A large corpus's articles are checked in parts, in several processes at once, and the
problems found are exactly those one process finds."""

from __future__ import annotations

import csv
import os
import shutil
import sys
import time
import types
from pathlib import Path

import pytest

from bench.grow_corpus import grow
from figures import check, check_pool, schema
from figures.load import DEFAULT_DATA_DIR, LINE, Dataset, read_dataset

PART_TABLES = (schema.SOURCES_FILE, schema.CLAIMS_FILE, schema.NOT_CLAIMS_FILE)
SHIPPED_CLAIMS = len(read_dataset(DEFAULT_DATA_DIR).claims)


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clean corpus of eight copies of the shipped articles (40 articles)."""
    folder = tmp_path_factory.mktemp("grown") / "data"
    grow(SHIPPED_CLAIMS * 8, folder)
    return folder


def edit_rows(folder: Path, name: str, edits: dict[int, dict[str, str]]) -> None:
    """Change some cells of a table, its rows counted from 0 after the header."""
    path = folder / name
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        columns, table = reader.fieldnames, list(reader)
    for index, cells in edits.items():
        table[index].update(cells)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(table)


@pytest.fixture(scope="module")
def broken(grown: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The grown corpus with one problem of each kind the article rules find, spread over
    copies so that they fall in different parts."""
    folder = tmp_path_factory.mktemp("broken") / "data"
    shutil.copytree(grown, folder)
    copy = SHIPPED_CLAIMS  # rows per copy in claims.csv
    edit_rows(folder, schema.CLAIMS_FILE, {
        7 * copy: {"quote": "a sentence the article never had, 250,000 of them"},
        6 * copy + 1: {"value": "49"},
        3 * copy + 2: {"article_id": "nowhere"},
        2 * copy + 4: {"qualifier": "exact", "qualifier_text": ""},
        1 * copy + 10: {"article_id": "nowhere-else", "qualifier": "exact",
                        "qualifier_text": ""},
    })
    edit_rows(folder, schema.NOT_CLAIMS_FILE, {4 * 32: {"context": "no such context, 28"}})
    article = next((folder / schema.ARTICLES_DIR).glob("c000005_*.txt"))
    article.write_text(article.read_text(encoding="utf-8") + "\nThe count rose to 4321.\n",
                       encoding="utf-8")
    return folder


def force_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    """Check in two processes whatever the corpus's size and the machine's cores."""
    monkeypatch.setattr(check_pool, "ARTICLES_PER_PROCESS", 1)
    monkeypatch.setattr(check_pool, "process_count", lambda: 2)


def pools_started(monkeypatch: pytest.MonkeyPatch) -> list[check_pool.PooledCheck | None]:
    """Each pooled check `check_pool.start` begins from now on (None: checked in process)."""
    started: list[check_pool.PooledCheck | None] = []
    start = check_pool.start
    monkeypatch.setattr(check_pool, "start", lambda *args: started.append(start(*args))
                        or started[-1])
    return started


def in_one_process(dataset: Dataset, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The checker's report with every rule run in this process."""
    with monkeypatch.context() as patched:
        patched.setattr(check_pool, "process_count", lambda: 1)
        return [str(problem) for problem in check.check(dataset)]


def checked_by_workers(dataset: Dataset) -> list[check_pool.PartChecked]:
    """Every part's problems, the worker having taken all parts but the caller's first."""
    pooled = check_pool.start(dataset, check.check_articles, processes=2)
    assert pooled is not None
    waited = time.monotonic()
    while pooled.waiting and time.monotonic() - waited < 60:
        time.sleep(0.02)
    return pooled.finish()


@pytest.mark.parametrize("count", [1, 3, 16])
def test_parts_hold_every_row_and_article_once(grown: Path, count: int) -> None:
    """Cut into parts, the grown corpus's rows and articles are each in exactly one part,
    every row keeping its line, and there are as many parts as asked."""
    dataset = read_dataset(grown)
    parts = check_pool.partition(dataset, count)
    assert len(parts) == count
    for name in PART_TABLES:
        lines = [line for part in parts for line in part.tables[name][LINE]]
        assert sorted(lines) == sorted(dataset.tables[name][LINE]) and len(set(lines)) == len(lines)
    files = [file for part in parts for file in part.articles]
    assert sorted(files) == sorted(dataset.articles)
    assert all(part.articles[file] is dataset.articles[file]
               for part in parts for file in part.articles)


def test_shipped_data_in_parts_holds_every_row_once() -> None:
    """The shipped five articles, cut as finely as they go, make one part per article."""
    dataset = read_dataset(DEFAULT_DATA_DIR)
    parts = check_pool.partition(dataset, 16)
    assert [len(part.articles) for part in parts] == [1] * len(dataset.articles)
    for name in PART_TABLES:
        assert sum(len(part.tables[name]) for part in parts) == len(dataset.tables[name])


def test_rows_naming_no_listed_article_go_in_the_first_part(broken: Path) -> None:
    """A claim naming an unknown article is in the first part, where the rules that read
    only its quote still check it."""
    dataset = read_dataset(broken)
    first = check_pool.partition(dataset, 16)[0]
    assert {"nowhere", "nowhere-else"} <= set(first.claims["article_id"])


def test_without_a_sources_table_every_row_is_in_the_one_part(
        broken: Path, tmp_path: Path) -> None:
    """A folder whose sources.csv is missing lists no article: its one part holds every
    claim and non-claim, and finds what the whole does."""
    folder = tmp_path / "data"
    shutil.copytree(broken, folder)
    (folder / schema.SOURCES_FILE).unlink()
    dataset = read_dataset(folder)
    (part,) = check_pool.partition(dataset, 16)
    assert len(part.claims) == len(dataset.claims) and part.articles == {}
    assert sorted(check.check_articles(part)) == sorted(check.check_articles(dataset))


@pytest.mark.parametrize("folder", ["shipped", "broken"])
def test_workers_find_what_one_process_finds(folder: str, broken: Path) -> None:
    """Parts checked by a real worker process give the very problems the article rules
    find in this one."""
    dataset = read_dataset(DEFAULT_DATA_DIR if folder == "shipped" else broken)
    parts = checked_by_workers(dataset)
    assert parts[0].pid == os.getpid()
    assert {part.pid for part in parts[1:]} - {os.getpid()}
    pooled = sorted(problem for part in parts for problem in part.problems)
    assert pooled == sorted(check.check_articles(dataset))


def test_pooled_check_reports_each_kind_of_problem_as_one_process_does(
        broken: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole check of a broken corpus, its articles checked in two processes, names the
    same problems in the same order as one process."""
    dataset = read_dataset(broken)
    expected = in_one_process(dataset, monkeypatch)
    force_pool(monkeypatch)
    started = pools_started(monkeypatch)
    assert [str(problem) for problem in check.check(dataset)] == expected
    assert started[0] is not None
    for message in ("quote: not found verbatim", "value: 49 is not written in the quote",
                    "'4321' is in no claim", "context: not found verbatim",
                    "'nowhere' is not in sources.csv",
                    "qualifier: is 'exact' but the quote says 'At least' before 96"):
        assert any(message in problem for problem in expected), message
    assert sum("is 'exact' but the quote says" in problem for problem in expected) == 2


def test_pooled_check_reports_its_progress_in_order(
        grown: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Checked in parts, the check still tells its progress from the start, in order,
    ending with the articles' parts all done."""
    force_pool(monkeypatch)
    reported: list[tuple[float, str]] = []
    dataset = read_dataset(grown)
    check.check(dataset, lambda share, text: reported.append((share, text)))
    shares = [share for share, _ in reported]
    assert shares[0] == 0.0 and shares == sorted(shares) and shares[-1] == pytest.approx(1.0)
    parts = len(check_pool.partition(dataset, 2 * check_pool.PARTS_PER_PROCESS))
    assert parts > 16 and reported[-1][1].endswith(f"{parts} of {parts} parts done")


class DyingWorker(check_pool.WorkerProcess):
    """A real worker process that is killed before it is sent its first part."""

    def send(self, work: check_pool.Work, part: Dataset) -> None:
        self.process.kill()
        self.process.wait()
        super().send(work, part)


class DyingLaterWorker(check_pool.WorkerProcess):
    """A real worker process killed after its first answer, with its next part sent."""

    answered = 0

    def receive(self) -> check_pool.PartChecked:
        found = super().receive()
        self.answered += 1
        if self.answered == 2:
            self.process.kill()
            self.process.wait()
        return found if self.answered < 2 else super().receive()


class UnstartableWorker:
    """A worker the system cannot start (no processes left)."""

    def __init__(self) -> None:
        raise OSError(11, "Resource temporarily unavailable")


@pytest.mark.parametrize("worker", [DyingWorker, DyingLaterWorker, UnstartableWorker])
def test_a_pool_that_fails_loses_no_problem(
        worker: type, broken: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the worker processes cannot start or die, this process checks their parts."""
    dataset = read_dataset(broken)
    expected = in_one_process(dataset, monkeypatch)
    force_pool(monkeypatch)
    monkeypatch.setattr(check_pool, "WorkerProcess", worker)
    assert [str(problem) for problem in check.check(dataset)] == expected


def test_a_reader_leaving_stops_the_workers(
        grown: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the check ends early (the page stops it while it reports progress), no more
    parts are handed to the workers."""
    force_pool(monkeypatch)
    started = pools_started(monkeypatch)

    def leave(share: float, text: str) -> None:
        if "parts done" in text:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        check.check(read_dataset(grown), leave)
    assert started[0] is not None and not started[0].waiting


class SlowToAnswerWorker(check_pool.WorkerProcess):
    """A real worker whose first answer is read only once no part is left to take and
    none is queued: the caller has taken every part but the worker's first."""

    pools: list[check_pool.PooledCheck] = []

    def receive(self) -> check_pool.PartChecked:
        waited = time.monotonic()
        while (not self.pools or self.pools[0].waiting or self.pools[0].queued) \
                and time.monotonic() - waited < 120:
            time.sleep(0.01)
        return super().receive()


def test_the_caller_checks_a_part_sent_to_a_busy_worker(
        grown: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A part sent to a worker still checking the one before is checked here once none
    is left to take, rather than waited for; every part is found, and the problems are
    those one process finds."""
    dataset = read_dataset(grown)
    monkeypatch.setattr(check_pool, "WorkerProcess", SlowToAnswerWorker)
    pooled = check_pool.start(dataset, check.check_articles, processes=2)
    assert pooled is not None
    monkeypatch.setattr(SlowToAnswerWorker, "pools", [pooled])
    found = pooled.finish()
    assert [number for number, part in enumerate(found) if part.pid != os.getpid()] == [1]
    assert sorted(p for part in found for p in part.problems) == sorted(
        check.check_articles(dataset))


def test_small_corpora_and_single_cores_are_checked_in_process(
        grown: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Under two thousand articles, or on one core, no worker is started."""
    assert check_pool.start(read_dataset(grown), check.check_articles) is None
    monkeypatch.setattr(check_pool, "ARTICLES_PER_PROCESS", 1)
    monkeypatch.setattr(check_pool, "process_count", lambda: 1)
    assert check_pool.start(read_dataset(grown), check.check_articles) is None


def test_workers_never_run_the_callers_main_script(
        grown: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Under Streamlit the main module is the page's own script; a worker that ran it
    again would load the whole corpus in every worker. The workers run the checker only:
    a main script that leaves a mark when run leaves none, and the workers did check."""
    mark = tmp_path / "ran"
    script = tmp_path / "page.py"
    script.write_text(f"open({str(mark)!r}, 'w').close()\n", encoding="utf-8")
    page = types.ModuleType("__main__")
    page.__file__ = str(script)
    monkeypatch.setitem(sys.modules, "__main__", page)
    found = checked_by_workers(read_dataset(grown))
    assert {part.pid for part in found} - {os.getpid()}
    assert not mark.exists()


def test_a_part_that_cannot_be_sent_is_checked_here(grown: Path) -> None:
    """Work a worker cannot be sent (a function defined inside another cannot be
    pickled) is done by this process, part by part, instead of waiting for ever."""
    dataset = read_dataset(grown)

    def local_work(part: Dataset) -> list:
        return check.check_articles(part)

    pooled = check_pool.start(dataset, local_work, processes=2)
    assert pooled is not None
    found = pooled.finish()
    assert {part.pid for part in found} == {os.getpid()}
    assert sorted(p for part in found for p in part.problems) == sorted(
        check.check_articles(dataset))
