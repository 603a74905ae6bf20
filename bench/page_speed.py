"""How long a reader waits on the page, as the corpus grows.

Run as `python bench/page_speed.py [--data DIR ...] [--repeats N] [--browser]`.

Server side, with AppTest, each load in a fresh process:
- first load: an empty cache folder, so the folder is read and checked;
- load after a restart: a new process, with the checked table the first load stored;
- rerun: the same page run again (what a click on a control costs at most);
- tab: each of Explore's other tabs opened for the first time;
- filter change: a different party chosen in the sidebar each time, a view the process has
  not drawn before (what exploring costs), each followed by clearing it again, a view it
  has drawn (what going back costs), reported apart;
- resident memory: the peak of the process that ran the first load and its reruns,
  taken once the table it keeps on disk is written.

In Chromium (`--browser`): the time from opening the page to its first chart, for the
dashboard and for a one-chart hello-world app served the same way, measured alternately
in the same run, on a freshly started server (first session) and again (second session).

Prints the median and the range of each figure over the repeats; figures to report, not
limits to assert. `--json FILE` also writes them as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
APP = str(PROJECT_DIR / "dashboard.py")
TIMEOUT = 900.0
HELLO_APP = '''"""A one-chart Streamlit app: the floor any page's first chart stands on."""
import altair as alt
import pandas as pd
import streamlit as st

st.title("Hello")
source = pd.DataFrame({"x": [1, 2, 3, 4], "y": [3, 1, 4, 2]})
st.altair_chart(alt.Chart(source).mark_point().encode(x="x:Q", y="y:Q"), width="stretch")
'''


def peak_memory_mb() -> float:
    """The peak resident memory of this process, in megabytes."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(step) -> tuple[float, float]:
    """The wall time and the processor time of one step, in milliseconds: on a busy
    machine the wall time includes waiting for a processor, the processor time does not."""
    started, used = time.perf_counter(), time.process_time()
    step()
    return (time.perf_counter() - started) * 1000, (time.process_time() - used) * 1000


def child(clicks: int) -> dict[str, object]:
    """One fresh process: load the page, rerun it, change a filter; say how long each took."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    load, load_cpu = timed(at.run)
    if at.exception:
        raise RuntimeError(f"the page failed: {at.exception}")
    # Imported only now: the first load's time includes the page's own imports.
    from figures.pages import EXPLORE_SECTIONS

    reruns = [timed(at.run) for _ in range(clicks)]
    tabs = []
    for section in (*EXPLORE_SECTIONS[1:], EXPLORE_SECTIONS[0]):
        at.session_state["section"] = section
        took = timed(at.run)
        if section != EXPLORE_SECTIONS[0]:  # the first tab was drawn by the load
            tabs.append(took)
        if at.exception:
            raise RuntimeError(f"the {section} tab failed: {at.exception}")
    options = list(at.multiselect(key="filter_parties").options)
    filters, back = [], []
    for party in options[:clicks]:
        for value, found in (([party], filters), ([], back)):
            found.append(timed(lambda value=value: at.multiselect(
                key="filter_parties").set_value(value).run()))
            if at.exception:
                raise RuntimeError(f"the page failed: {at.exception}")
    return {"load_ms": load, "load_cpu_ms": load_cpu,
            "rerun_ms": [wall for wall, _ in reruns], "rerun_cpu_ms": [cpu for _, cpu in reruns],
            "tab_ms": [wall for wall, _ in tabs],
            "filter_ms": [wall for wall, _ in filters],
            "filter_cpu_ms": [cpu for _, cpu in filters],
            "filter_back_ms": [wall for wall, _ in back], "rss_mb": peak_after_store()}


def peak_after_store() -> float:
    """The process's peak memory once the table a first load keeps on disk is written
    (it is written after the page's run, so the peak may come then)."""
    from figures.cache import write_pending
    from figures.load import data_dir_from_env

    write_pending(data_dir_from_env())
    return peak_memory_mb()


def run_child(data_dir: str | None, cache: Path, clicks: int) -> dict[str, object]:
    """Run `child` in a new Python process with its own data and cache folders."""
    env = {**os.environ, "FIGURES_CACHE_DIR": str(cache)}
    if data_dir:
        env["FIGURES_DATA_DIR"] = data_dir
    done = subprocess.run([sys.executable, __file__, "--child", str(clicks)], env=env,
                          cwd=PROJECT_DIR, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-3000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def spread(values: list[float]) -> str:
    """The median and range of some timings, as a reader wants them."""
    if not values:
        return "–"
    return (f"{statistics.median(values):,.0f} ({min(values):,.0f}–{max(values):,.0f})"
            if len(values) > 1 else f"{values[0]:,.0f}")


def server_side(data_dir: str | None, repeats: int, clicks: int) -> dict[str, list[float]]:
    """First load, load after a restart, reruns, filter changes and memory, `repeats` times."""
    found: dict[str, list[float]] = {
        key: [] for key in ("first_load_ms", "first_load_cpu_ms", "restart_load_ms",
                            "restart_load_cpu_ms", "rerun_ms", "rerun_cpu_ms", "tab_ms",
                            "filter_ms",
                            "filter_cpu_ms", "filter_back_ms", "rss_mb")}
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as cache:
            first = run_child(data_dir, Path(cache), clicks)
            again = run_child(data_dir, Path(cache), clicks)
        for which, run in (("first", first), ("restart", again)):
            found[f"{which}_load_ms"].append(run["load_ms"])
            found[f"{which}_load_cpu_ms"].append(run["load_cpu_ms"])
        for key in ("rerun_ms", "rerun_cpu_ms", "tab_ms", "filter_ms", "filter_cpu_ms",
                    "filter_back_ms"):
            found[key] += first[key] + again[key]
        found["rss_mb"] += [first["rss_mb"], again["rss_mb"]]
    return found


def first_chart_ms(browser, url: str) -> float:
    """From opening the page to its first chart drawn, in a new browser session."""
    from figures.browser import CHART_SELECTOR

    page = browser.new_page(viewport={"width": 1440, "height": 900})
    try:
        started = time.perf_counter()
        page.goto(url)
        page.wait_for_selector(CHART_SELECTOR, state="attached", timeout=int(TIMEOUT * 1000))
        return (time.perf_counter() - started) * 1000
    finally:
        page.close()


def in_browser(data_dir: str | None, rounds: int) -> dict[str, list[float]]:
    """First chart of the dashboard and of the hello-world app, alternately, each round on
    freshly started servers: the first session, then a second one on the warm server."""
    from figures.browser import chromium, chromium_path, serve_dashboard

    executable = chromium_path()
    if executable is None:
        raise RuntimeError("Chromium not found; set FIGURES_CHROMIUM")
    found: dict[str, list[float]] = {f"{app}_{session}": [] for app in ("dashboard", "hello")
                                     for session in ("first", "second")}
    with tempfile.TemporaryDirectory() as folder, chromium(executable) as browser:
        hello = Path(folder) / "hello.py"
        hello.write_text(HELLO_APP, encoding="utf-8")
        env = {"FIGURES_CACHE_DIR": str(Path(folder) / "cache")}
        if data_dir:
            env["FIGURES_DATA_DIR"] = data_dir
        for _ in range(rounds):
            with serve_dashboard(env) as dashboard, serve_dashboard(env, hello) as plain:
                for session in ("first", "second"):
                    found[f"hello_{session}"].append(first_chart_ms(browser, plain))
                    found[f"dashboard_{session}"].append(first_chart_ms(browser, dashboard))
    return found


def report(name: str, found: dict[str, list[float]]) -> None:
    """Print one corpus's figures as a table."""
    print(f"\n{name}")
    print("| figure | median (range) |\n|---|---|")
    for key, values in found.items():
        print(f"| {key} | {spread(values)} |")
    if "dashboard_first" in found and found["hello_first"]:
        for session in ("first", "second"):
            ratios = [d / h for d, h in zip(found[f"dashboard_{session}"],
                                            found[f"hello_{session}"], strict=True)]
            print(f"| first chart, {session} session: dashboard / hello-world | "
                  f"{statistics.median(ratios):.2f} ({min(ratios):.2f}–{max(ratios):.2f}) |")


def main(argv: list[str] | None = None) -> int:
    """Measure each corpus named (the shipped data by default) and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", action="append", default=None,
                        help="a data folder to measure (repeatable; default: data/)")
    parser.add_argument("--repeats", type=int, default=3, help="fresh-process loads each")
    parser.add_argument("--clicks", type=int, default=3, help="reruns and filter changes")
    parser.add_argument("--browser", action="store_true", help="also time the first chart")
    parser.add_argument("--rounds", type=int, default=3, help="browser rounds")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures")
    parser.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        print(json.dumps(child(args.child)))
        return 0
    results: dict[str, dict[str, list[float]]] = {}
    for data_dir in args.data or [None]:
        name = data_dir or "shipped data"
        results[name] = server_side(data_dir, args.repeats, args.clicks)
        if args.browser:
            results[name].update(in_browser(data_dir, args.rounds))
        report(name, results[name])
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
