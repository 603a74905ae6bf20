"""Check a large corpus's articles in several processes at once, part by part.

Most of the time a large corpus takes to check goes to the rules that read its articles
(`check.ARTICLE_RULES`): each quote stands in its article, each non-claim in its context,
every number phrase is accounted for. Each of them reads only the rows that name one
article, with that article's text, so a corpus split by article can be checked one part
per process, and the problems of the parts together are exactly those of the whole.

Each worker is a fresh Python running `figures.check_worker`, fed parts through a pipe:
never forked from the caller (the dashboard runs in a threaded server, and a process
forked while another thread holds a lock keeps that lock held for ever), and never
started by `multiprocessing`, whose workers first run the caller's main module again
(under Streamlit that is the page's own script, which would load the whole corpus in
each worker). The calling process checks parts too, so no core waits; whatever a worker
cannot do (it does not start, it dies) the caller does itself, so no problem is lost.
"""

from __future__ import annotations

import os
import pickle
import queue
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pandas as pd

from figures import schema
from figures.load import Dataset
from figures.problems import Problem

Work = Callable[[Dataset], list[Problem]]

# Each process is given at least this many articles, so a corpus needs twice as many
# (and the machine two cores) before a second process is started. The article rules
# check nearly 1,000 articles a second (18,520 in 21.6 s); starting a worker and loading
# the checker in it takes about a second, so a smaller share would save little or nothing.
ARTICLES_PER_PROCESS = 1_000
# Each process's share is cut into this many parts, handed out one at a time as
# processes finish: a process that started late or runs on a busy core simply takes
# fewer, and at the end the others wait at most for what is left of one small part.
PARTS_PER_PROCESS = 16
# What a claim or non-claim row weighs in a part, in characters of article text: rough
# (the parts are many and handed out as processes free up, so they need not be even).
ROW_WEIGHT = 500
WORKER_MODULE = "figures.check_worker"  # what each worker process runs


def process_count() -> int:
    """How many processes this machine can run at once."""
    return os.cpu_count() or 1


def processes_for(dataset: Dataset) -> int:
    """How many processes are worth checking this dataset's articles in (1: this one)."""
    return max(1, min(process_count(), len(dataset.articles) // ARTICLES_PER_PROCESS))


def stripped(table: pd.DataFrame, column: str) -> pd.Series:
    """A column's cells as the rules read them, without the spaces around (`check.rows`)."""
    return table[column].astype(str).str.strip()


def part_numbers(dataset: Dataset, count: int) -> pd.Series:
    """Each listed article_id's part (indexed by article_id): the articles, in the order
    sources.csv first lists them, cut into `count` runs of about the same weight (text
    and rows)."""
    keys = stripped(dataset.sources, "article_id").to_numpy()
    sizes = stripped(dataset.sources, "file").map(
        lambda file: len(dataset.articles.get(file, ""))).astype("int64")
    weight = sizes.groupby(keys, sort=False).sum()
    for table in (dataset.claims, dataset.not_claims):
        rows = stripped(table, "article_id").value_counts()
        weight += rows.reindex(weight.index, fill_value=0) * ROW_WEIGHT
    total = max(int(weight.sum()), 1)
    middle = weight.cumsum() - weight + weight // 2
    return (middle * count // total).clip(upper=count - 1)


def partition(dataset: Dataset, count: int) -> list[Dataset]:
    """The dataset cut by article into at most `count` parts, none empty but the first.

    Each part holds its articles' sources.csv rows, the claims and non-claims naming them
    and the texts those rows name, every row with its own line. Rows naming no listed
    article are in the first part, for the rules that read them without one (a quote's
    own qualifier). The other tables are left empty: the article rules do not read them.
    """
    numbers = part_numbers(dataset, count)
    cut = {name: dataset.tables[name].groupby(
               stripped(dataset.tables[name], "article_id").map(numbers).fillna(0)
               .astype("int64").to_numpy())
           for name in (schema.SOURCES_FILE, schema.CLAIMS_FILE, schema.NOT_CLAIMS_FILE)}
    parts = []
    for number in sorted(set(numbers) | {0}):
        tables = {name: table.iloc[0:0] for name, table in dataset.tables.items()}
        for name, groups in cut.items():
            if number in groups.groups:
                tables[name] = groups.get_group(number)
        named = dict.fromkeys(stripped(tables[schema.SOURCES_FILE], "file"))
        articles = {file: dataset.articles[file] for file in named if file in dataset.articles}
        parts.append(Dataset(dataset.data_dir, tables, articles))
    return parts


@dataclass(frozen=True)
class PartChecked:
    """The problems found in one part of a dataset, and the process that found them."""

    problems: list[Problem]
    pid: int


def check_part(work: Work, part: Dataset) -> PartChecked:
    """Run `work` on one part, in whichever process this is."""
    return PartChecked(work(part), os.getpid())


class WorkerProcess:
    """One worker process, checking the parts it is given one at a time, in order."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", WORKER_MODULE], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE)

    def send(self, work: Work, part: Dataset) -> None:
        """Give the worker `work` on `part`, to do after what it was given before.

        The part is pickled whole first, then written in one call, which waits (its
        thread not holding the interpreter) while the worker's reading thread takes it
        in. Pickled straight into the pipe, each of its many pieces would wait for this
        process's other threads to let go of the interpreter."""
        assert self.process.stdin is not None
        request = pickle.dumps((work, part), protocol=pickle.HIGHEST_PROTOCOL)
        self.process.stdin.write(request)
        self.process.stdin.flush()

    def receive(self) -> PartChecked:
        """The answer to the oldest part not yet answered (EOFError or OSError if the
        worker died)."""
        assert self.process.stdout is not None
        found = pickle.load(self.process.stdout)
        if not isinstance(found, PartChecked):
            raise EOFError("the worker answered with something else")
        return found

    def check(self, work: Work, part: Dataset) -> PartChecked:
        """Have the worker run `work` on `part` (EOFError or OSError if it died)."""
        self.send(work, part)
        return self.receive()

    def end(self) -> None:
        """End the worker now, whatever it is doing (nothing it does is wanted)."""
        if self.process.poll() is None:
            self.process.kill()

    def close(self) -> None:
        """Let the worker end (its input closes), or end it if it does not."""
        try:
            if self.process.stdin is not None:
                self.process.stdin.close()
            self.process.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()


@dataclass
class PooledCheck:
    """The parts of a dataset, being checked by worker processes while the caller does
    other work; `finish` checks the parts no worker has taken and gathers them all."""

    work: Work
    parts: list[Dataset]
    workers: list[WorkerProcess]  # started, each to be fed by a thread of its own
    waiting: deque[int] = field(default_factory=deque)  # parts no process has taken
    done: queue.Queue[tuple[int, PartChecked | None]] = field(default_factory=queue.Queue)
    lock: threading.Lock = field(default_factory=threading.Lock)
    # Parts sent to a worker that has not begun them (it is checking the one before).
    queued: dict[int, WorkerProcess] = field(default_factory=dict)

    def start(self) -> None:
        """Start the workers, each started and fed one part at a time from the front of
        the line by its own thread, so starting them never holds up the caller."""
        self.waiting.extend(range(1, len(self.parts)))  # the caller does the first itself
        for worker in self.workers:
            threading.Thread(target=self.feed, args=(worker,), daemon=True).start()

    def take(self, first: bool) -> int | None:
        """The next part no process has taken: workers take from the front of the line,
        the caller from the back; None when there is none left."""
        with self.lock:
            if not self.waiting:
                return None
            return self.waiting.popleft() if first else self.waiting.pop()

    def feed(self, worker: WorkerProcess) -> None:
        """Have one worker check parts until none is left, each sent while it checks the
        one before, so it never waits for this process between parts; a part it fails
        to check is handed back (as None) for the caller to check itself."""
        number = self.take(first=True)
        following: int | None = None
        try:
            if number is None:
                return
            worker.send(self.work, self.parts[number])
            while True:
                following = self.take(first=True)
                if following is not None:
                    with self.lock:
                        self.queued[following] = worker
                    worker.send(self.work, self.parts[following])
                found = worker.receive()
                with self.lock:
                    if following is not None:
                        self.queued.pop(following, None)  # begun: no longer to be taken
                self.done.put((number, found))
                if following is None:
                    return
                number, following = following, None
        except Exception:  # the worker died, or a part could not be sent
            for lost in (number, following):
                if lost is not None:
                    self.done.put((lost, None))
        finally:
            worker.close()

    def take_queued(self) -> int | None:
        """A part sent to a worker still busy with the one before, for the caller to
        check instead of waiting for it (whichever answers first is kept)."""
        with self.lock:
            if not self.queued:
                return None
            number = next(iter(self.queued))
            del self.queued[number]
            return number

    def stop(self) -> None:
        """Hand out no more parts: each worker ends with the part it has."""
        with self.lock:
            self.waiting.clear()

    def finish(self, progress: Callable[[int, int], None] | None = None) -> list[PartChecked]:
        """Check parts here until none is left untaken, then those sent to a worker that
        has not begun them, wait for the workers', and return every part's problems in
        part order; `progress` is told the parts done of all."""
        report = progress or (lambda done, parts: None)
        found: dict[int, PartChecked] = {}
        report(0, len(self.parts))
        try:
            number: int | None = 0
            while number is not None:
                if number not in found:
                    found[number] = check_part(self.work, self.parts[number])
                self.gather(found, wait=False)
                report(len(found), len(self.parts))
                number = self.take(first=False)
                if number is None:
                    number = self.take_queued()
        finally:  # a rule that fails here would fail in the workers too
            self.stop()
        while len(found) < len(self.parts):
            self.gather(found, wait=True)
            report(len(found), len(self.parts))
        for worker in self.workers:  # what they still do was done here
            worker.end()
        return [found[number] for number in range(len(self.parts))]

    def gather(self, found: dict[int, PartChecked], wait: bool) -> None:
        """Add the parts the workers have finished to `found` (waiting for one, if `wait`);
        a part a worker could not check is checked here, unless it was already."""
        try:
            number, checked = self.done.get(block=wait)
            while True:
                if number not in found:
                    found[number] = checked or check_part(self.work, self.parts[number])
                number, checked = self.done.get_nowait()
        except queue.Empty:
            return


def start(dataset: Dataset, work: Work, processes: int | None = None) -> PooledCheck | None:
    """Begin checking a dataset's articles with `work` in worker processes, or None when
    the dataset is too small (or the machine has one core) for that to pay."""
    count = processes_for(dataset) if processes is None else processes
    if count < 2:
        return None
    # The workers start first, so they load Python and the checker while the dataset is
    # cut into parts. A worker that cannot start takes no part.
    workers = [worker for worker in (started_worker() for _ in range(count - 1))
               if worker is not None]
    try:
        pooled = PooledCheck(work, partition(dataset, count * PARTS_PER_PROCESS), workers)
    except BaseException:
        for worker in workers:
            worker.close()
        raise
    pooled.start()
    return pooled


def started_worker() -> WorkerProcess | None:
    """A new worker process, or None when the system cannot start one."""
    try:
        return WorkerProcess()
    except OSError:
        return None


@contextmanager
def started(dataset: Dataset, work: Work) -> Iterator[PooledCheck | None]:
    """`start`, and when the block ends early (an error, a reader leaving the page) hand
    out no more parts and end the workers."""
    pooled = start(dataset, work)
    try:
        yield pooled
    finally:
        if pooled is not None:
            pooled.stop()
            for worker in pooled.workers:
                worker.end()
