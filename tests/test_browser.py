"""The real page in a real browser: `streamlit run dashboard.py` driven in Debian's Chromium.

Skipped on a machine without Chromium, unless FIGURES_REQUIRE_BROWSER=1 (as CI sets),
which turns a missing browser into a failure.
"""

from __future__ import annotations

import io
import os
import struct
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from figures.browser import (
    chromium,
    chromium_path,
    full_screenshot,
    open_page,
    open_tab,
    serve_dashboard,
    wait_for_dashboard,
    wait_until_idle,
)

pytestmark = pytest.mark.browser
REQUIRE_VARIABLE = "FIGURES_REQUIRE_BROWSER"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
CHARTS = "[data-testid='stVegaLiteChart']"
# The side-by-side, overview and timeline charts: every chart but the Disputes section's.
MAIN_CHARTS = f"{CHARTS}:not(.st-key-disputes {CHARTS})"
DISPUTE_CHARTS = f".st-key-disputes {CHARTS}"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Debian's Chromium through Playwright, or a skip (a failure when CI requires it)."""
    path = chromium_path()
    if path is None:
        message = "Chromium not found (apt-get install chromium, or set FIGURES_CHROMIUM)"
        if os.environ.get(REQUIRE_VARIABLE) == "1":
            pytest.fail(f"{message}; {REQUIRE_VARIABLE}=1 requires the browser test to run")
        pytest.skip(message)
    with chromium(path) as launched:
        yield launched


@pytest.fixture(scope="module")
def app_url(browser: object) -> Iterator[str]:
    """The dashboard served on a free localhost port."""
    with serve_dashboard() as url:
        yield url


@pytest.fixture
def page(browser, app_url: str) -> Iterator[object]:
    """A fresh page at 1440 px wide, with the dashboard drawn."""
    opened = open_page(browser, app_url, 1440)
    wait_for_dashboard(opened)
    yield opened
    opened.close()


def chart_labels(page, index: int) -> list[str]:
    """The accessible labels of one chart's marks, which name each claim's party and value."""
    return page.locator(MAIN_CHARTS).nth(index).locator("[aria-label]").evaluate_all(
        "nodes => nodes.map(node => node.getAttribute('aria-label'))")


def test_page_has_no_error(page) -> None:
    """A reader opens the page and sees no exception or error box."""
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.locator("[data-testid='stAlertContentError']").count() == 0
    assert page.get_by_role("heading", name="Contested Figures").is_visible()


def test_every_chart_is_drawn_at_a_real_size(page) -> None:
    """Each chart tab draws its chart, and the Disputes tab its dispute's, as SVG of real
    size; the page opens on the side-by-side tab with that chart alone."""
    assert page.locator(CHARTS).count() == 1
    for tab, selector in (("Disputes", DISPUTE_CHARTS), ("All measures", MAIN_CHARTS),
                          ("Timeline", MAIN_CHARTS), ("Side by side", MAIN_CHARTS)):
        open_tab(page, tab, charts=1)
        assert page.locator(f"{selector}:visible").count() == 1, tab
        box = page.locator(f"{selector}:visible").first.locator("svg").first.bounding_box()
        assert box is not None and box["width"] > 500 and box["height"] > 200, tab


def test_side_by_side_shows_each_party(page) -> None:
    """The children-killed chart shows UNICEF's, the Observatory's and state TV's parties."""
    labels = " | ".join(chart_labels(page, 0))
    for party in ("United Nations", "independent monitor", "Syrian government"):
        assert f"party: {party}" in labels
    assert "value_label: at least 96" in labels


def test_changing_a_filter_changes_the_chart(page) -> None:
    """Choosing a party in the sidebar redraws the charts with only that party's claims."""
    open_tab(page, "Timeline", charts=1)
    before = chart_labels(page, 0)
    party = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").first
    party.click()
    page.keyboard.type("Turkey")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    wait_until_idle(page)
    page.wait_for_function(
        "() => [...document.querySelectorAll(\"[data-testid='stMetric']\")]"
        ".some(node => node.textContent.includes('Claims shown of 27') && "
        "node.querySelector(\"[data-testid='stMetricValue']\").textContent.trim() === '1')",
        timeout=30_000)
    wait_until_idle(page)
    after = chart_labels(page, 0)
    marks = [label for label in after if "party:" in label]
    assert after != before
    assert marks and all("party: Turkey" in label for label in marks)
    assert "party=Turkey" in page.url
    open_tab(page, "Cite and download")
    citation = page.locator("[data-testid='stCode']").last.inner_text()
    assert "party=Turkey" in citation
    assert "section=" in page.url and "section=" not in citation  # cites the view


def test_clicking_a_table_row_opens_its_article(page) -> None:
    """A reader ticks a row of the claims table and its article opens with the quote marked."""
    open_tab(page, "Claims")
    grid = page.locator("[data-testid='stDataFrame']").first
    grid.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    box = grid.bounding_box()
    row = 3  # eghtesad-03: the seven-day truce Ryabkov ruled out
    page.mouse.click(box["x"] + 17, box["y"] + 35 * (row + 1) + 17)
    page.wait_for_function(
        "() => (document.querySelector('mark') || {}).textContent === "
        "'But he ruled out even a seven-day truce'", timeout=30_000)


def test_screenshot_mode_hides_the_sidebar(browser, app_url: str) -> None:
    """Opened with ?view=screenshot the page hides the sidebar, the controls and the tab bar
    and draws the tab the link names, here the Disputes tab."""
    shot = open_page(browser, f"{app_url}/?view=screenshot&section=Disputes", 1440)
    wait_for_dashboard(shot)
    assert shot.locator(DISPUTE_CHARTS).count() == 1
    assert not shot.locator("[data-testid='stSidebar']").is_visible()
    assert not shot.get_by_role("tab", name="Claims").is_visible()
    assert shot.locator("[data-testid='stSelectbox']").count() == 0
    width = shot.locator("[data-testid='stMainBlockContainer']").bounding_box()["width"]
    assert 1200 <= width <= 1280
    shot.close()


def png_size(data: bytes) -> tuple[int, int]:
    """A PNG's width and height, from its header."""
    return struct.unpack(">II", data[16:24])


def test_png_and_csv_downloads_arrive_valid(page, tmp_path: Path) -> None:
    """The chart's PNG and the figure table's CSV download, and each is what it says."""
    with page.expect_download() as png_download:
        page.get_by_role("button", name="PNG image").first.click()
    png = Path(png_download.value.path()).read_bytes()
    assert png.startswith(PNG_SIGNATURE)
    assert png_size(png)[0] >= 2400
    wait_until_idle(page)  # a click while the page still reruns from the first one is lost
    open_tab(page, "Cite and download")
    with page.expect_download() as csv_download:
        page.get_by_role("button", name="Figure table (CSV)").click()
    raw = Path(csv_download.value.path()).read_bytes()
    frame = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig", dtype=str,
                        keep_default_na=False)
    assert len(frame) == 27
    assert {"claim_id", "quote", "claimant", "party", "outlet"} <= set(frame.columns)


@pytest.mark.parametrize("width", [1440, 800])
def test_screenshots_at_two_widths(browser, app_url: str, width: int,
                                   tmp_path_factory: pytest.TempPathFactory,
                                   capsys: pytest.CaptureFixture) -> None:
    """The page's tabs of charts and of tables draw at a desktop and a narrow width; the
    screenshots are kept to look at."""
    shot = open_page(browser, app_url, width)
    wait_for_dashboard(shot)
    folder = tmp_path_factory.mktemp("screenshots")
    for tab, charts in (("Side by side", 1), ("Disputes", 1), ("Claims", 0), ("Sources", 0)):
        if tab != "Side by side":
            open_tab(shot, tab, charts)
        path = folder / f"dashboard-{width}-{tab.lower().replace(' ', '-')}.png"
        full_screenshot(shot, path)
        data = path.read_bytes()
        assert data.startswith(PNG_SIGNATURE) and png_size(data)[0] == width, tab
        with capsys.disabled():
            print(f"\nscreenshot {width} px, {tab}: {path}")
    shot.close()
