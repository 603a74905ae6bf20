"""A large corpus's first load is faster, and what it loads is exactly what it was: the
same table, problems, labels and disputes on the shipped data and on a grown corpus."""

from __future__ import annotations

import csv
import gc
import io
import os
import pickle
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.grow_corpus import grow
from figures import cache, check, check_pool, collector, load, numbers, schema, stamps
from figures.check import parse_value
from figures.load import DEFAULT_DATA_DIR, LINE, Dataset, read_dataset
from figures.problems import Problem
from figures.table import build_and_derive, build_figures, join_claims, merged_rows
from tests.test_check_pool import edit_rows, force_pool


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """A grown corpus of about 2,000 claims, read."""
    folder = tmp_path_factory.mktemp("grown") / "data"
    grow(2_000, folder)
    return read_dataset(folder)


def join_cell_by_cell(claims: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    """The join as it was written before: every cell cleaned on its own through pandas."""
    joined = merged_rows(claims, dataset)
    for column in schema.TABLE_COLUMNS:
        joined[column] = joined[column].astype(object).map(
            lambda cell: "" if pd.isna(cell) else str(cell).strip())
    for column in schema.NUMBER_COLUMNS[schema.CLAIMS_FILE]:
        joined[column] = joined[column].map(parse_value).astype("float64")
    return joined.reset_index(drop=True)


def assert_same_frame(found: pd.DataFrame, expected: pd.DataFrame) -> None:
    """Two frames equal in values, columns, index and every column's type."""
    assert list(found.columns) == list(expected.columns)
    assert list(found.dtypes) == list(expected.dtypes)
    assert found.index.equals(expected.index)
    assert found.equals(expected)


def claim_selections(dataset: Dataset) -> dict[str, pd.DataFrame]:
    """Every claim, none, some, and some naming an article or claimant no row lists."""
    claims = dataset.claims
    orphans = claims.iloc[:6].copy()
    orphans.loc[orphans.index[:3], "article_id"] = "nowhere"
    orphans.loc[orphans.index[3:], "claimant_id"] = "nobody"
    orphans.loc[orphans.index[0], "quote"] = "  spaces around it  "
    return {"all": claims, "none": claims.iloc[0:0], "every other": claims.iloc[::2],
            "orphans": orphans}


@pytest.mark.parametrize("selection", ["all", "none", "every other", "orphans"])
def test_the_join_gives_the_table_it_gave_cell_by_cell(grown: Dataset, selection: str) -> None:
    """The figure table is the same table, cell for cell and type for type, as before."""
    for dataset in (read_dataset(DEFAULT_DATA_DIR), grown):
        claims = claim_selections(dataset)[selection]
        assert_same_frame(join_claims(claims, dataset), join_cell_by_cell(claims, dataset))


def test_a_build_leaves_the_collector_as_it_found_it() -> None:
    """Reading and checking pause the cycle collector, and only while they run."""
    assert gc.isenabled()
    build_figures(DEFAULT_DATA_DIR)
    assert gc.isenabled()
    gc.disable()
    try:
        build_figures(DEFAULT_DATA_DIR)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_comes_back_after_a_failure() -> None:
    """A build that fails half way does not leave the collector paused."""
    with pytest.raises(RuntimeError), collector.paused():
        assert not gc.isenabled()
        raise RuntimeError("the folder vanished")
    assert gc.isenabled()


def plain_starts(text: str) -> list[int]:
    """Possible starts as the words side by side in one alternation find them."""
    pattern = re.compile(
        r"\d+|\b(?:" + "|".join(numbers._SEARCHED_WORDS)
        + r"|a(?=(?:[^\S\n]+|-)(?:" + "|".join([*numbers._PARTS, "pair"]) + r")))")
    return [match.start() for match in pattern.finditer(text.lower())]


WORDY = st.lists(st.sampled_from(
    ["one", "ones", "often", "ten", "tent", "thirteen", "thirty", "third", "three", "six",
     "sixty", "a half", "a-pair", "a\nthird", "fifteen", "fiftyfive", "zero", " ", "-",
     "7", "x", "_", "é", "\u00a0", "\n", "million", "hundreds"]), max_size=25).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), WORDY))
def test_the_searched_first_words_start_at_the_same_places(text: str) -> None:
    """Digits, first words and "a" searched apart start where one pattern of all three
    starts, whatever the text."""
    assert numbers._possible_starts(text.lower()) == plain_starts(text)


def test_the_searched_first_words_agree_on_shipped_and_grown_articles(
        grown: Dataset) -> None:
    """On real articles the possible starts are the same as the plain alternation's."""
    texts = [*read_dataset(DEFAULT_DATA_DIR).articles.values(),
             *list(grown.articles.values())[:50]]
    for text in texts:
        assert numbers._possible_starts(text.lower()) == plain_starts(text)


@pytest.fixture(scope="module")
def grown_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clean corpus of eight copies of the shipped articles (40 articles), on disk."""
    folder = tmp_path_factory.mktemp("grown-folder") / "data"
    grow(len(read_dataset(DEFAULT_DATA_DIR).claims) * 8, folder)
    return folder


@pytest.fixture(scope="module")
def quote_broken(grown_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The grown corpus with one quote its article does not hold: only the article rules
    find it, so the claim is rejected after the table was joined ahead."""
    folder = tmp_path_factory.mktemp("quote-broken") / "data"
    shutil.copytree(grown_folder, folder)
    edit_rows(folder, schema.CLAIMS_FILE, {
        30: {"quote": "a sentence the article never had, 250,000 of them"}})
    return folder


def checked_in_one_process(folder: Path, monkeypatch: pytest.MonkeyPatch) -> cache.Checked:
    """The folder checked, labelled and compared without any worker process."""
    with monkeypatch.context() as patch:
        patch.setattr(check_pool, "process_count", lambda: 1)
        return cache.check_and_compare(folder)


def assert_same_checked(found: cache.Checked, expected: cache.Checked) -> None:
    """The same table, rejections, problems (in order), labels and disputes."""
    assert_same_frame(found.figures.table, expected.figures.table)
    assert_same_frame(found.figures.rejected, expected.figures.rejected)
    assert found.figures.problems == expected.figures.problems
    assert_same_frame(found.labelled, expected.labelled)
    assert found.disputes == expected.disputes


@pytest.mark.parametrize("which", ["clean", "a quote not in its article"])
def test_labels_and_disputes_found_ahead_equal_those_of_one_process(
        which: str, grown_folder: Path, quote_broken: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """While a worker checks the articles, the page labels the claims and finds their
    disputes; what it loads is what one process, doing each in turn, loads."""
    folder = grown_folder if which == "clean" else quote_broken
    expected = checked_in_one_process(folder, monkeypatch)
    force_pool(monkeypatch)
    assert_same_checked(cache.check_and_compare(folder), expected)
    if which != "clean":
        assert len(expected.figures.rejected) == 1


def test_the_guess_is_kept_only_when_no_article_rule_rejects_a_claim(
        grown_folder: Path, quote_broken: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A table joined ahead is used when it holds exactly the claims the check keeps, and
    joined again when an article rule rejects one of them."""
    force_pool(monkeypatch)
    derived = []

    def derive(table: pd.DataFrame, dataset: Dataset) -> int:
        derived.append(len(table))
        return len(table)

    figures, ahead = build_and_derive(grown_folder, derive=derive)
    assert ahead == len(figures.table) == derived[0]
    figures, ahead = build_and_derive(quote_broken, derive=derive)
    assert ahead is None
    assert len(figures.table) == derived[1] - 1


def test_without_workers_nothing_is_derived_ahead(grown_folder: Path) -> None:
    """A corpus too small for worker processes is checked, then derived, in turn."""
    figures, ahead = build_and_derive(grown_folder, derive=lambda table, dataset: 1)
    assert ahead is None
    assert len(figures.table) > 0


def parse_row_by_row(text: str, name: str, columns: tuple[str, ...]
                     ) -> tuple[pd.DataFrame, list]:
    """The table reader as it was written before: a dict per row, then a frame of them."""
    load.allow_long_cells(len(text))
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        return load.parse_csv(text, name, columns)
    header = [cell.strip() for cell in header]
    if load.other_separator(header, columns):
        return load.parse_csv(text, name, columns)
    problems = [Problem(name, 1, column, "missing column") for column in columns
                if column not in header]
    problems += [Problem(name, 1, column, f"unknown column (expected: {', '.join(columns)})")
                 for column in header if column not in columns]
    twice = load.repeated_columns(header, columns)
    problems += [Problem(name, 1, column, f"the header names this column twice (columns "
                         f"{' and '.join(str(index + 1) for index in places)}); the first is "
                         f"read, delete the other") for column, places in twice.items()]
    records = []
    line = reader.line_num + 1
    for row in reader:
        if any(cell.strip() for cell in row):
            if len(row) > len(header):
                problems.append(Problem(name, line, "-",
                                        f"{len(row)} cells but the header has {len(header)}"))
            problems += load.long_cells(name, line, header, row)
            problems += load.disagreeing_cells(name, line, twice, row)
            cells: dict[str, str] = {}
            for column, cell in zip(header, row, strict=False):
                cells.setdefault(column, cell)
            for key in schema.KEY_COLUMNS.get(name, ()):
                if key in cells:
                    cells[key] = cells[key].strip()
            records.append({**{c: cells.get(c, "") for c in columns}, LINE: line})
        line = reader.line_num + 1
    if not records:
        return load.empty_table(columns), problems
    return pd.DataFrame.from_records(records, columns=[*columns, LINE]).astype(
        {c: object for c in columns}), problems


def assert_same_parse(text: str, name: str) -> None:
    """The reader gives the same rows, lines, types and located problems as before."""
    columns = load.TABLE_FILES[name]
    found, found_problems = load.parse_csv(text, name, columns)
    expected, expected_problems = parse_row_by_row(text, name, columns)
    assert_same_frame(found, expected)
    assert found_problems == expected_problems


@pytest.mark.parametrize("name", list(load.TABLE_FILES))
def test_tables_read_as_they_were_row_by_row(name: str, grown_folder: Path) -> None:
    """The shipped and a grown corpus's tables read into the same frames as before."""
    for folder in (DEFAULT_DATA_DIR, grown_folder):
        assert_same_parse((folder / name).read_text(encoding="utf-8-sig"), name)


CELLS = st.sampled_from(["", " ", "x", " id-1 ", "a,b", 'say "so"', "two\nlines", "12",
                         "\t", "long" * 5])
HEADERS = st.lists(st.sampled_from([*schema.CLAIMANT_COLUMNS, "extra", "", " name "]),
                   min_size=1, max_size=10)


@settings(max_examples=200, deadline=None)
@given(HEADERS, st.lists(st.lists(CELLS, max_size=12), max_size=8))
def test_any_table_reads_as_it_did_row_by_row(header: list[str],
                                              rows: list[list[str]]) -> None:
    """Short and long rows, blank rows, repeated, unknown and missing columns, cells over
    the limit and cells over several lines: the same rows and problems as before."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(load, "MAX_CELL_CHARS", 12)
        assert_same_parse(out.getvalue(), schema.CLAIMANTS_FILE)


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of the test's own."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_DIR_VARIABLE, str(folder))
    return folder


@pytest.mark.parametrize("which", ["clean", "a quote not in its article"])
def test_a_restart_reads_back_exactly_what_the_first_load_found(
        which: str, grown_folder: Path, quote_broken: Path, own_cache: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The stored table reads back as the table, problems, labels and disputes one
    process finds, and nothing is left half written."""
    folder = grown_folder if which == "clean" else quote_broken
    expected = checked_in_one_process(folder, monkeypatch)
    force_pool(monkeypatch)
    first = cache.load_checked(folder)
    again = cache.load_checked(folder, on_build=lambda: pytest.fail("checked again"))
    assert_same_checked(first, expected)
    assert_same_checked(again, expected)
    assert again.key == first.key != ""
    assert [path.suffix for path in own_cache.iterdir()] == [".pickle"]


@pytest.fixture
def page_run() -> Iterator[tuple[threading.Thread, threading.Event]]:
    """A thread standing for the page's run that loads a folder: it ends when told."""
    ended = threading.Event()
    run = threading.Thread(target=ended.wait, daemon=True)
    run.start()
    yield run, ended
    ended.set()


def assert_kept_whole(own_cache: Path) -> None:
    """Wait (30 s at most) for a kept table to appear; then the cache folder holds it
    alone, whole, with no part file left beside it."""
    waited = time.monotonic()
    while not list(own_cache.glob("*.pickle")) and time.monotonic() - waited < 30:
        time.sleep(cache.PENDING_POLL)
    time.sleep(3 * cache.PENDING_POLL)
    assert [path.suffix for path in own_cache.iterdir()] == [".pickle"]


def test_a_table_is_kept_once_the_pages_run_has_ended(
        data_copy: Path, own_cache: Path,
        page_run: tuple[threading.Thread, threading.Event]) -> None:
    """While the page that loaded a folder is still being drawn nothing is written; once
    its run ends the table is kept whole, and a restart reads back what it loaded."""
    run, ended = page_run
    first = cache.load_checked(data_copy, store_after=run)
    time.sleep(3 * cache.PENDING_POLL)
    assert not own_cache.exists() or list(own_cache.iterdir()) == []
    ended.set()
    assert_kept_whole(own_cache)
    again = cache.load_checked(data_copy, on_build=lambda: pytest.fail("checked again"))
    assert_same_checked(again, first)


def test_a_table_waits_while_another_run_of_the_page_goes_on(
        data_copy: Path, own_cache: Path) -> None:
    """A click's run that begins before the table is written is not slowed by the
    writing: the table waits until no run of the page goes on, then is kept whole."""
    loaded, clicked = threading.Event(), threading.Event()
    run = threading.Thread(target=loaded.wait, name="page run", daemon=True)
    click = threading.Thread(target=clicked.wait, name="page run", daemon=True)
    run.start()
    click.start()
    try:
        cache.load_checked(data_copy, store_after=run)
        loaded.set()
        run.join()
        time.sleep(5 * cache.PENDING_POLL)
        assert not own_cache.exists() or list(own_cache.iterdir()) == []
    finally:
        loaded.set()
        clicked.set()
    assert_kept_whole(own_cache)


def test_a_load_has_a_table_still_waiting_to_be_kept_written_first(
        data_copy: Path, own_cache: Path,
        page_run: tuple[threading.Thread, threading.Event]) -> None:
    """A second load of the folder while the first page's run goes on (another session,
    a restart within the process) reads the table the first one loaded, written there
    and then, rather than checking the folder again."""
    run, _ = page_run
    first = cache.load_checked(data_copy, store_after=run)
    again = cache.load_checked(data_copy, on_build=lambda: pytest.fail("checked again"))
    assert_same_checked(again, first)
    assert run.is_alive()


def test_a_file_edited_before_the_table_is_kept_is_never_served_the_old_table(
        data_copy: Path, own_cache: Path,
        page_run: tuple[threading.Thread, threading.Event]) -> None:
    """A table kept after its page's run is kept under the files it was read from: a
    claim edited meanwhile is read again and shown, never the table kept."""
    run, ended = page_run
    cache.load_checked(data_copy, store_after=run)
    claims = data_copy / schema.CLAIMS_FILE
    claims.write_text(claims.read_text(encoding="utf-8").replace(
        "an estimated 250,000 civilians", "an estimated 250,001 civilians"),
        encoding="utf-8")
    ended.set()
    builds: list[int] = []
    edited = cache.load_checked(data_copy, on_build=lambda: builds.append(1))
    assert builds == [1]
    assert "an estimated 250,001 civilians" in " ".join(edited.figures.dataset.claims["quote"])
    assert [path.suffix for path in own_cache.iterdir()] == [".pickle"]


def test_a_table_that_fails_to_be_written_leaves_nothing_behind(
        own_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A store that fails half way (its first parts written) leaves no file, and the
    next load checks the folder again."""
    def fail(checked: cache.Checked) -> list[str]:
        raise pickle.PicklingError("cannot be written")

    monkeypatch.setattr(cache, "table_or_columns", fail)
    cache.load_checked(DEFAULT_DATA_DIR)
    assert list(own_cache.iterdir()) == []
    monkeypatch.undo()
    monkeypatch.setenv(cache.CACHE_DIR_VARIABLE, str(own_cache))
    builds: list[int] = []
    cache.load_checked(DEFAULT_DATA_DIR, on_build=lambda: builds.append(1))
    assert builds == [1]


def test_the_stored_table_is_the_labelled_tables_columns(own_cache: Path) -> None:
    """The figure table is not stored twice: it is the labelled table's own columns."""
    checked = cache.load_checked(DEFAULT_DATA_DIR)
    assert cache.table_or_columns(checked) == list(checked.figures.table.columns)
    again = cache.read_stored(cache.stored_path(DEFAULT_DATA_DIR, checked.key), checked.key)
    assert again is not None
    assert_same_frame(again.figures.table, checked.figures.table)


def test_a_table_the_labels_do_not_hold_is_stored_whole(own_cache: Path) -> None:
    """Were the labelled columns ever not the table, the table itself is stored."""
    checked = cache.load_checked(DEFAULT_DATA_DIR)
    labelled = checked.labelled.assign(outlet="another outlet")
    odd = cache.Checked(checked.figures, labelled, checked.disputes, checked.key)
    assert cache.table_or_columns(odd) is checked.figures.table
    path = own_cache / "odd.pickle"
    cache.store(path, checked.key, odd)
    again = cache.read_stored(path, checked.key)
    assert again is not None
    assert_same_frame(again.figures.table, checked.figures.table)
    assert_same_frame(again.labelled, labelled)


def test_a_store_of_another_form_cut_short_or_for_another_key_is_refused(
        own_cache: Path) -> None:
    """The old single pickle, a file cut off half way and another key's file all read as
    no stored table, so the folder is checked afresh."""
    checked = cache.load_checked(DEFAULT_DATA_DIR)
    path = cache.stored_path(DEFAULT_DATA_DIR, checked.key)
    whole = path.read_bytes()
    assert cache.read_stored(path, checked.key) is not None
    assert cache.read_stored(path, "another key") is None
    path.write_bytes(whole[: len(whole) // 2])
    assert cache.read_stored(path, checked.key) is None
    path.write_bytes(pickle.dumps((checked.key, checked)))
    assert cache.read_stored(path, checked.key) is None


def test_a_check_that_fails_leaves_no_file_behind(
        grown_folder: Path, own_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A load that fails half way through the check keeps no table."""
    force_pool(monkeypatch)

    def fail(*args: object) -> list[Problem]:
        raise RuntimeError("a rule failed")

    finish = check_pool.PooledCheck.finish
    monkeypatch.setattr(check_pool.PooledCheck, "finish",
                        lambda self, *args: (finish(self, *args), fail())[0])
    with pytest.raises(RuntimeError):
        cache.load_checked(grown_folder)
    assert not own_cache.exists() or list(own_cache.iterdir()) == []


def test_a_stamp_taken_before_a_write_keeps_the_table_from_being_stored(
        data_copy: Path, own_cache: Path) -> None:
    """The page's own stamp of the run serves as the stamp before the load; a file
    written since then means the table read may not be the one the key names."""
    before = cache.files_stamp(data_copy)
    claims = data_copy / schema.CLAIMS_FILE
    claims.write_bytes(claims.read_bytes())
    cache.load_checked(data_copy, before=before)
    assert not own_cache.exists() or list(own_cache.iterdir()) == []
    cache.load_checked(data_copy, before=cache.files_stamp(data_copy))
    assert [path.suffix for path in own_cache.iterdir()] == [".pickle"]


def test_no_background_look_is_taken_while_a_load_runs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The background looks at a large folder wait while the page loads it."""
    looks: list[Path] = []
    monkeypatch.setattr(stamps, "FULL_STAMP_EVERY", 0.02)
    monkeypatch.setattr(stamps, "LOOKED_AFTER_FILES", 0)
    monkeypatch.setattr(stamps, "full_look", looks.append)
    try:
        with stamps.looks_paused():
            stamps.look_after(tmp_path, (("claims.csv", 1, 1, 1),))
            time.sleep(0.2)
            assert looks == []
        time.sleep(0.2)
        assert looks
    finally:
        monkeypatch.setattr(stamps, "IDLE_AFTER", 0.0)  # the looking thread stops


def test_the_worker_starts_before_the_dataset_is_cut(
        grown_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The worker process loads Python and the checker while this one cuts the dataset
    into parts, and the problems are still those one process finds."""
    dataset = read_dataset(grown_folder)
    with monkeypatch.context() as patch:
        patch.setattr(check_pool, "process_count", lambda: 1)
        expected = check.check(dataset)
    force_pool(monkeypatch)
    events: list[str] = []

    class NotedWorker(check_pool.WorkerProcess):
        def __init__(self) -> None:
            events.append("worker started")
            super().__init__()

    cut = check_pool.partition
    monkeypatch.setattr(check_pool, "WorkerProcess", NotedWorker)
    monkeypatch.setattr(check_pool, "partition",
                        lambda *args: events.append("dataset cut") or cut(*args))
    assert check.check(dataset) == expected
    assert events == ["worker started", "dataset cut"]


def articles_by_glob(data_dir: Path) -> tuple[dict[str, str], list[Problem]]:
    """The articles as read before: each *.txt path looked at again before it is read."""
    folder = data_dir / schema.ARTICLES_DIR
    articles: dict[str, str] = {}
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.txt")):
        name = f"{schema.ARTICLES_DIR}/{path.name}"
        odd = load.entry_problem(path, name)
        if odd is not None:
            problems.append(odd)
            continue
        text, read_problems = load.read_text(path, name)
        problems += read_problems
        if text is not None:
            articles[path.name] = text
    return articles, problems


def test_articles_read_from_the_listing_as_they_were_one_by_one(data_copy: Path) -> None:
    """Links, folders, pipes, wide text, hidden and upper-case names: the same articles,
    in the same order, and the same problems as when each path was looked at again."""
    folder = data_copy / schema.ARTICLES_DIR
    (folder / "link.txt").symlink_to(data_copy / schema.CLAIMS_FILE)
    (folder / "broken.txt").symlink_to(data_copy / "nowhere")
    (folder / "folder.txt").mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "wide.txt").write_bytes(b"\xff\xfeA\x00")
    (folder / ".hidden.txt").write_text("Hidden, 12 of them.\n", encoding="utf-8")
    (folder / "UPPER.TXT").write_text("Not read.\n", encoding="utf-8")
    found = load.read_articles(data_copy)
    assert found == articles_by_glob(data_copy)
    assert list(found[0]) == list(articles_by_glob(data_copy)[0])
    assert len(found[1]) == 5


def test_a_first_load_keeps_its_table_under_the_key_worked_out_in_another_process(
        data_copy: Path, own_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With no table kept, the key is worked out by a process of its own while this one
    reads the folder: it is the key this process works out, and a restart finds it."""
    expected = cache.content_key(data_copy)
    elsewhere: list[Path] = []
    started = cache.content_key_elsewhere
    monkeypatch.setattr(cache, "content_key_elsewhere",
                        lambda folder: elsewhere.append(folder) or started(folder))
    monkeypatch.setattr(cache, "content_key",
                        lambda folder: pytest.fail("worked out in this process"))
    first = cache.load_checked(data_copy)
    assert elsewhere == [data_copy] and first.key == expected
    monkeypatch.undo()
    monkeypatch.setenv(cache.CACHE_DIR_VARIABLE, str(own_cache))
    cache.load_checked(data_copy, on_build=lambda: pytest.fail("checked again"))


@pytest.mark.parametrize("program", ["/nonexistent/python", "/bin/false", "/bin/echo"])
def test_a_key_process_that_fails_leaves_the_key_to_this_one(
        program: str, data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A key process that cannot start, fails or answers nonsense: the key is worked out
    here, the same key."""
    monkeypatch.setattr(cache.sys, "executable", program)
    assert cache.content_key_elsewhere(data_copy)() == cache.content_key(data_copy)


def test_a_process_ending_before_the_pages_run_keeps_its_table_and_ends(
        data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A server stopped while the page's run that loaded a folder still goes on does not
    hang waiting for it: the table is written whole as the process ends."""
    folder = tmp_path / "kept"
    script = (
        "import sys, threading, time\n"
        "from figures import cache\n"
        "run = threading.Thread(target=time.sleep, args=(3600,), daemon=True)\n"
        "run.start()\n"
        f"cache.load_checked({str(data_copy)!r}, store_after=run)\n")
    done = subprocess.run([sys.executable, "-c", script], timeout=120, check=False,
                          env={**os.environ, cache.CACHE_DIR_VARIABLE: str(folder)},
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == 0
    assert [path.suffix for path in folder.iterdir()] == [".pickle"]
    monkeypatch.setenv(cache.CACHE_DIR_VARIABLE, str(folder))
    cache.load_checked(data_copy, on_build=lambda: pytest.fail("checked again"))


def test_claims_quoting_one_sentence_share_its_scan_and_are_each_checked(
        data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two claims of one article quoting the same words have the quote scanned once,
    and a figure the quote does not hold is still reported on its own row alone."""
    claims = read_dataset(data_copy).claims
    first = claims.iloc[0]
    twin = {column: str(first[column]) for column in claims.columns if column != LINE}
    twin.update(claim_id="twin-of-the-first", value="987654")
    with (data_copy / schema.CLAIMS_FILE).open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(
            [twin[column] for column in load.TABLE_FILES[schema.CLAIMS_FILE]])
    dataset = read_dataset(data_copy)
    scanned: list[str] = []
    find = check.find_numbers
    monkeypatch.setattr(check, "find_numbers", lambda text: scanned.append(text) or find(text))
    with check.memo():
        problems = check.check_quotes(dataset)
    assert scanned.count(first["quote"]) == 1
    assert [(problem.line, problem.column) for problem in problems] == [
        (int(dataset.claims[LINE].iloc[-1]), "value")]
    assert "987654 is not written in the quote" in problems[0].message
