"""How long `python -m figures add` takes: the 20 dev-set reports, then 1,000 reports.

Run as `python bench/batch_add.py [COUNT]` from the project's root (COUNT defaults to
1,000). Each run adds into a fresh copy of `data/` in a temporary folder, through the real
command in its own process, as a reader would type it; the wall time includes starting
Python and importing everything. Figures to report, not limits to assert.

The large batch is made from the dev set's reports (read from `../shared/extraction-dev`,
never copied into the project): report k is dev report k mod 20 with a headline of its
own and every figure in it changed, so that no two texts are the same and the extractor
works on real prose. Reports made from the same dev report share their sentences without
figures, so many are flagged as near-duplicates, as wire stories would be.
"""

from __future__ import annotations

import csv
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
DEV_SET = PROJECT.parent / "shared" / "extraction-dev"
NUMBER = re.compile(r"\d+")


def run_add(data_dir: Path, folder: Path) -> tuple[float, float, str]:
    """Run the add command once: its wall time and its processor time in seconds (the
    second is what the command costs on a machine busy with other work), and its summary's
    first line."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "figures", "--data-dir", str(data_dir), "add",
                           str(folder)], cwd=PROJECT, capture_output=True, text=True,
                          check=False)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    processor = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode not in (0, 1):
        raise RuntimeError(done.stderr)
    return elapsed, processor, done.stdout.splitlines()[0] if done.stdout else done.stderr


def fresh_data(root: Path) -> Path:
    """A copy of the shipped data folder to add into."""
    target = root / "data"
    shutil.copytree(PROJECT / "data", target)
    return target


def dev_folder(root: Path) -> Path:
    """The dev set's reports and their articles.csv, copied to a temporary folder."""
    folder = root / "dev"
    folder.mkdir()
    for path in sorted((DEV_SET / "articles").glob("*.txt")):
        shutil.copy(path, folder / path.name)
    shutil.copy(DEV_SET / "articles.csv", folder / "articles.csv")
    return folder


def large_folder(root: Path, count: int) -> Path:
    """`count` distinct reports made from the dev set, with an articles.csv for them."""
    folder = root / "large"
    folder.mkdir()
    with (DEV_SET / "articles.csv").open(encoding="utf-8") as handle:
        listed = list(csv.DictReader(handle))
    rows = []
    for number in range(count):
        source = listed[number % len(listed)]
        text = (DEV_SET / "articles" / source["file"]).read_text(encoding="utf-8")
        shift = number // len(listed) + 1
        changed = NUMBER.sub(lambda match, s=shift: str(int(match.group()) + s), text)
        name = f"report-{number:04d}.txt"
        (folder / name).write_text(f"Report {number}: {source['title']}\n\n{changed}",
                                   encoding="utf-8")
        rows.append({"file": name, "url": "", "outlet": f"Outlet {number % 37}",
                     "published": f"2016-{number % 12 + 1:02d}-{number % 28 + 1:02d}",
                     "title": f"Report {number}"})
    with (folder / "articles.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["file", "url", "outlet", "published",
                                                    "title"])
        writer.writeheader()
        writer.writerows(rows)
    return folder


def main(count: int = 1000) -> int:
    """Print the timings."""
    with tempfile.TemporaryDirectory(prefix="figures-bench-") as temporary:
        root = Path(temporary)
        elapsed, processor, summary = run_add(fresh_data(root / "one"), dev_folder(root))
        print(f"20 dev-set reports, one command: {elapsed:6.1f} s wall, {processor:6.1f} s "
              f"processor ({summary})")
        folder = large_folder(root, count)
        elapsed, processor, summary = run_add(fresh_data(root / "two"), folder)
        print(f"{count:,} reports, one command: {elapsed:6.1f} s wall, {processor:6.1f} s "
              f"processor, {processor / count * 1000:.0f} ms a report ({summary})")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
