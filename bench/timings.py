"""How long the reader waits: the loader, one run of the page, and each chart image.

Run as `python bench/timings.py [DATA_DIR]`. Prints the median of a few repeats of each
step, in milliseconds; figures to report, not limits to assert.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from figures import compare
from figures.charts import overview, side_by_side, timeline
from figures.images import chart_png, chart_svg
from figures.table import build_figures

APP = str(Path(__file__).resolve().parent.parent / "dashboard.py")
REPEATS = 5


def median_ms(step: Callable[[], object], repeats: int = REPEATS) -> float:
    """The median wall time of a step, in milliseconds."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        step()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def page_run() -> None:
    """One full run of the real page, as AppTest drives it."""
    from streamlit.testing.v1 import AppTest

    AppTest.from_file(APP, default_timeout=120).run()


def main(data_dir: str | None = None) -> int:
    """Print the timings."""
    figures = build_figures(data_dir)
    table, made = figures.table, date.today()
    label = compare.available_comparisons(table)[0]
    chart = side_by_side(compare.comparison_frame(table, label), label, made)
    steps: dict[str, Callable[[], object]] = {
        "load and check the data folder": lambda: build_figures(data_dir),
        "side-by-side chart spec": lambda: side_by_side(
            compare.comparison_frame(table, label), label, made).to_dict(),
        "overview chart spec": lambda: overview(table, made).to_dict(),
        "timeline chart spec": lambda: timeline(table, made).to_dict(),
        "side-by-side PNG (2x)": lambda: chart_png(chart),
        "side-by-side SVG": lambda: chart_svg(chart),
        "overview PNG (2x)": lambda: chart_png(overview(table, made)),
        "one page run (AppTest)": page_run,
    }
    print(f"{len(table)} claims; median of {REPEATS} runs")
    for name, step in steps.items():
        print(f"{name:34} {median_ms(step):8.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else None))
