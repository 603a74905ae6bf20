"""After a restart the page's first view is drawn from chart specs kept on disk with the
checked table, never from specs of other data or of another view."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from figures import cache, charts, ui
from figures.disputes import chart as dispute_chart_module
from figures.load import DEFAULT_DATA_DIR
from tests.test_dashboard import APP, TIMEOUT, open_section


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped data, served with a cache folder of its own."""
    monkeypatch.setenv(cache.CACHE_DIR_VARIABLE, str(tmp_path / "cache"))
    target = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, target)
    monkeypatch.setenv("FIGURES_DATA_DIR", str(target))
    return target


def kept_specs(folder: Path) -> list[Path]:
    """The chart specs kept on disk for a folder."""
    return sorted(cache.cache_dir().glob(f"{cache.folder_prefix(folder)}-*{cache.SPEC_SUFFIX}"))


def restart() -> None:
    """What a restarted server has in memory: nothing."""
    ui._LOADED.clear()
    ui._DERIVED.clear()


CHART_SECTIONS = ("Side by side", "Disputes", "All measures", "Timeline")


def page_specs(at: AppTest) -> list[str]:
    """The specs of the page's charts, as sent, tab by tab."""
    specs = []
    for section in CHART_SECTIONS:
        open_section(at, section)
        assert not at.exception, section
        specs += [element.proto.spec for element in at.get("vega_lite_chart")]
    return specs


def test_a_restarted_page_draws_its_first_view_from_kept_specs(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first view's charts (a dispute, side by side, all measures, timeline) are kept;
    after a restart the page draws the same charts without building one."""
    restart()
    first = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not first.exception
    assert len(kept_specs(folder)) == 1  # only the open tab's chart is drawn
    drawn = page_specs(first)
    assert len(drawn) == len(kept_specs(folder)) == 4
    restart()

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a chart was built, not read from disk")

    for module, name in ((charts, "overview"), (charts, "side_by_side"),
                         (charts, "timeline"), (dispute_chart_module, "dispute_chart")):
        monkeypatch.setattr(module, name, refuse)
    monkeypatch.setattr(ui, "dispute_chart", refuse)
    again = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not again.exception
    assert page_specs(again) == drawn


def test_a_filtered_view_keeps_nothing_and_new_data_drops_the_old_specs(
        folder: Path) -> None:
    """Only the first view is kept, and a changed data file makes new specs under a new
    key while the old ones are dropped."""
    restart()
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    page_specs(at)
    before = kept_specs(folder)
    at.multiselect(key="filter_parties").set_value(["Russia"]).run()
    page_specs(at)
    assert not at.exception and kept_specs(folder) == before
    claims = folder / "claims.csv"
    claims.write_text(claims.read_text(encoding="utf-8").replace(
        "an estimated 250,000 civilians trapped", "an estimated 250,000 civilians  trapped"),
        encoding="utf-8")
    restart()
    page_specs(AppTest.from_file(APP, default_timeout=TIMEOUT).run())
    after = kept_specs(folder)
    assert len(after) == 4 and not set(after) & set(before)
