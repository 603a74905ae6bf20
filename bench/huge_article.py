"""How long a very long article takes to add and to show: each step, timed once.

Run as `python bench/huge_article.py [NUMBERS]` (default 10,000 number phrases). It copies
the shipped data folder to a temporary one, makes an invented article with that many
numbers, and times: reading the upload, proposing its figures, planning the save, the
save itself (staged check and commit), and building the figure table the page shows.
Figures to report, not limits to assert.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

from figures import intake
from figures.load import DEFAULT_DATA_DIR
from figures.table import build_figures

T = TypeVar("T")
SENTENCE = ("On day {n} of the siege, at least {count} civilians were killed, the monitor "
            "said, and {other} people left the district.\n")


def huge_article(numbers: int) -> str:
    """An invented report holding about `numbers` number phrases."""
    lines = ["Long report from the siege", ""]
    lines += [SENTENCE.format(n=n, count=n * 3 + 1, other=n * 7 + 2)
              for n in range(1, numbers // 3 + 1)]
    return "\n".join(lines)


def timed(label: str, step: Callable[[], T]) -> T:
    """Run one step, print its wall time in seconds, and return its result."""
    started = time.perf_counter()
    result = step()
    print(f"{label:<34} {time.perf_counter() - started:7.2f} s", flush=True)
    return result


def main(numbers: int) -> None:
    """Time every step of adding and showing one very long article."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "data"
        shutil.copytree(DEFAULT_DATA_DIR, folder)
        text = huge_article(numbers)
        print(f"article: {len(text):,} characters, about {numbers:,} numbers")
        stored = intake.stored_articles(folder)
        timed("read the upload", lambda: intake.read_upload(text.encode(), "long.txt", stored))
        review = timed("propose its figures", lambda: intake.review_frame(
            text, intake.read_dataset(folder).claimants, "Long Report"))
        review["keep"] = False
        review.loc[review.index[0], ["keep", "claimant_id", "place"]] = [
            True, "sohr", "Aleppo"]
        plan = timed("plan the save", lambda: intake.plan_save(
            folder, text, "Long Report", "Long report", date(2016, 12, 1), "stated", "",
            review, []))
        print(f"  {len(plan.claims)} claim, {len(plan.not_claims):,} numbers set apart; "
              f"plan messages: {plan.messages[:3]}")
        result = timed("save (staged check, commit)", lambda: intake.save(folder, plan))
        print(f"  saved: {result.ok} {result.messages[:2]}")
        figures = timed("build the figure table (page)", lambda: build_figures(folder))
        print(f"  {len(figures.table)} claims, {len(figures.problems)} problems")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
