"""How long a very long article takes to add and to show, step by step.

Run as `python bench/huge_article.py [NUMBERS]` (default 10,000 number phrases). It copies
the shipped data folder to a temporary one, makes an invented article with that many
numbers, adds it the way the Add articles page and `figures add` do (read, propose its
figures, check the folder with it, commit), then builds the figure table the Explore page
shows from the grown folder. Prints wall and CPU seconds for each step: figures to
report, not limits to assert.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from figures import corpus
from figures.load import DEFAULT_DATA_DIR
from figures.table import build_figures

T = TypeVar("T")
SENTENCE = ("On day {n} of the siege, at least {count} civilians were killed, the monitor "
            "said, and {other} people left the district.\n")


def huge_article(numbers: int) -> str:
    """An invented report holding about `numbers` number phrases, three to a line."""
    lines = ["Long report from the siege", ""]
    lines += [SENTENCE.format(n=n, count=n * 3 + 1, other=n * 7 + 2)
              for n in range(1, numbers // 3 + 1)]
    return "\n".join(lines)


def timed(label: str, step: Callable[[], T]) -> T:
    """Run one step, print its wall and CPU time in seconds, and return its result."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = step()
    print(f"{label:<40} {time.perf_counter() - wall:8.2f} s wall "
          f"{time.process_time() - cpu:8.2f} s CPU", flush=True)
    return result


def main(numbers: int) -> None:
    """Time adding and showing one very long article."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "data"
        shutil.copytree(DEFAULT_DATA_DIR, folder)
        text = huge_article(numbers)
        print(f"article: {len(text):,} characters, about {numbers:,} numbers")
        item = corpus.Item("long.txt", text.encode("utf-8"))
        options = corpus.Options(outlet="Long Report", published="2016-12-01")
        summary = timed("add it (read, propose, check, commit)",
                        lambda: corpus.add_items(folder, [item], options))
        print(f"  added {len(summary.added)}, {summary.claims_proposed:,} figures proposed; "
              f"refused: {summary.refused[:1]}")
        figures = timed("build the figure table the page shows",
                        lambda: build_figures(folder))
        print(f"  {len(figures.table):,} claims, {len(figures.problems)} problems")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
