"""Regenerate the README's screenshot of the dashboard with the browser test's own code.

Run from the project folder: `.venv/bin/python scripts/readme_screenshot.py`. It serves
the dashboard on a free localhost port, opens it in Debian's Chromium at 1440 x 1100 px,
opens the Disputes tab, waits for its chart, and writes `docs/dashboard.png`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from figures.browser import (
    chromium,
    chromium_path,
    open_page,
    open_tab,
    serve_dashboard,
    wait_for_dashboard,
)

OUTPUT = Path(__file__).resolve().parent.parent / "docs" / "dashboard.png"
WIDTH, HEIGHT = 1440, 1100


def main() -> int:
    """Take the screenshot; exit 1 with a message when Chromium is missing."""
    executable = chromium_path()
    if executable is None:
        print("Chromium not found: apt-get install chromium", file=sys.stderr)
        return 1
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    with serve_dashboard() as url, chromium(executable) as browser:
        page = open_page(browser, url, WIDTH, HEIGHT)
        wait_for_dashboard(page)
        open_tab(page, "Disputes", charts=1)
        page.screenshot(path=str(OUTPUT))
    print(OUTPUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
