"""Serve the dashboard on a free localhost port and drive it in Debian's Chromium.

Shared by the real-browser test and the script that regenerates the README screenshot,
so that the picture in the README is what the test saw. Playwright is a test dependency
and is imported only when a browser is started.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

PROJECT_DIR = Path(__file__).resolve().parent.parent
CHROMIUM_VARIABLE = "FIGURES_CHROMIUM"
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
# Without these Chromium tries to reach Google's services at start, which a closed
# network refuses; the sandbox needs privileges a container does not give root.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
START_TIMEOUT = 90.0
CHART_SELECTOR = "[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg"


def chromium_path() -> str | None:
    """Where Chromium is: FIGURES_CHROMIUM if set, else Debian's usual places."""
    configured = os.environ.get(CHROMIUM_VARIABLE)
    if configured:
        return configured if Path(configured).exists() else None
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    found = shutil.which("chromium")
    return found


def free_port() -> int:
    """A localhost port nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_healthy(url: str, process: subprocess.Popen[bytes], timeout: float) -> None:
    """Block until Streamlit answers its health check, or fail saying why."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = process.stdout.read().decode(errors="replace") if process.stdout else ""
            raise RuntimeError(f"streamlit exited with {process.returncode}:\n{output}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"streamlit did not answer at {url} within {timeout:.0f} s")


@contextmanager
def serve_dashboard(env: dict[str, str] | None = None,
                    script: Path | None = None) -> Iterator[str]:
    """Run `streamlit run dashboard.py` (or another `script`, served the same way) on a
    free localhost port; yield its address."""
    port = free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", str(script or PROJECT_DIR / "dashboard.py"),
        "--server.port", str(port), "--server.address", "127.0.0.1",
        "--server.headless", "true", "--browser.gatherUsageStats", "false",
    ]
    process = subprocess.Popen(command, cwd=PROJECT_DIR, env={**os.environ, **(env or {})},
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process, START_TIMEOUT)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@contextmanager
def chromium(executable: str) -> Iterator[Browser]:
    """Debian's Chromium, headless, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True,
                                             args=list(CHROMIUM_ARGS))
        try:
            yield browser
        finally:
            browser.close()


def wait_for_dashboard(page: Page, charts: int = 1, timeout_ms: int = 60_000) -> None:
    """Wait until the script has finished and the open tab's charts have drawn."""
    page.wait_for_selector("[data-testid='stApp']", timeout=timeout_ms)
    page.wait_for_function(
        "n => document.querySelectorAll(\"[data-testid='stVegaLiteChart'] canvas,"
        " [data-testid='stVegaLiteChart'] svg.marks\").length >= n",
        arg=charts, timeout=timeout_ms,
    )
    wait_until_idle(page, timeout_ms)


def wait_until_idle(page: Page, timeout_ms: int = 60_000) -> None:
    """Wait until Streamlit says it is no longer running the script."""
    page.wait_for_function(
        "() => !document.querySelector(\"[data-testid='stStatusWidget']\")",
        timeout=timeout_ms,
    )
    page.wait_for_timeout(500)


def open_tab(page: Page, label: str, charts: int = 0, timeout_ms: int = 60_000) -> None:
    """Click one of the page's section tabs and wait until its section (headed with the
    tab's label) and its charts are drawn."""
    page.get_by_role("tab", name=label, exact=True).click()
    page.wait_for_function(
        "label => [...document.querySelectorAll(\"[data-testid='stMain'] h2\")]"
        ".some(node => node.textContent.trim().startsWith(label))",
        arg=label, timeout=timeout_ms)
    wait_for_dashboard(page, charts, timeout_ms)


def open_page(browser: Browser, url: str, width: int, height: int = 900) -> Any:
    """A new page of the given viewport size, opened at `url`, with downloads allowed."""
    page = browser.new_page(viewport={"width": width, "height": height},
                            accept_downloads=True)
    page.goto(url)
    return page


def full_screenshot(page: Page, path: Path | str, max_height: int = 12_000) -> None:
    """The whole page as one image: Streamlit scrolls inside its own container, so the
    viewport is grown to the container's height before the picture is taken."""
    width = page.viewport_size["width"] if page.viewport_size else 1440
    height = page.evaluate(
        "() => (document.querySelector(\"[data-testid='stMain']\") || document.body)"
        ".scrollHeight")
    page.set_viewport_size({"width": width, "height": min(int(height) + 40, max_height)})
    wait_until_idle(page)
    page.screenshot(path=str(path), full_page=True)
