"""The Explore page's Disputes section, on the real data, through AppTest."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from bench.grow_corpus import BATCH, grow
from figures.disputes import find_disputes
from figures.load import DEFAULT_DATA_DIR, read_dataset
from figures.table import build_figures
from tests.conftest import shown
from tests.test_dashboard import (  # noqa: F401 (recorded_downloads: an autouse fixture)
    claims_table,
    dataset_frame,
    download,
    open_section,
    recorded_downloads,
    run_app,
    sidebar_multiselect,
)


def dispute_specs(at: AppTest) -> list[dict]:
    """The Disputes section's charts, as specs."""
    specs = [json.loads(element.proto.spec) for element in at.get("vega_lite_chart")]
    return [spec for spec in specs if str(spec.get("title", {}).get("text", "")).startswith(
        "Dispute ")]


def test_disputes_section_holds_unicef_against_the_observatory() -> None:
    """A reader opens the Disputes tab, next to the side-by-side one, and sees UNICEF's 96
    set against the Observatory's 68."""
    at = run_app(section="Disputes")
    assert not at.exception
    assert [tab.label for tab in at.tabs][:2] == ["Side by side", "Disputes"]
    assert [header.value for header in at.main.header] == ["Disputes"]
    assert shown(at.subheader[0].value) == (
        "D1: a tension, different parties (United Nations; independent monitor)")
    sentence = next(shown(m.value) for m in at.markdown
                    if shown(m.value).startswith("UNICEF's period"))
    assert "yet at least 96 > 68" in sentence and "names no cause" in sentence
    (spec,) = dispute_specs(at)
    assert spec["title"]["text"] == "Dispute D1, a tension: children killed"
    assert any("Sources: UNICEF via EghtesadOnline" in line
               for line in spec["title"]["subtitle"])
    element = next(e for e in at.get("vega_lite_chart") if "Dispute D1" in e.proto.spec)
    rows = pd.concat([dataset_frame(d.data.data) for d in element.proto.datasets])
    assert set(zip(rows["claim_id"], rows["party"], strict=True)) == {
        ("eghtesad-04", "United Nations"), ("ahram-05", "independent monitor")}
    metrics = {metric.label: metric.value for metric in at.metric}
    assert metrics["Disputes"] == "1"


def test_a_filter_leaving_one_of_its_claims_removes_the_dispute() -> None:
    """Narrowed to UNICEF's claims, the dispute leaves the view, and the page says how many
    comparable pairs were checked."""
    at = run_app(section="Disputes")
    sidebar_multiselect(at, "claimants").set_value(["Anthony Lake"]).run()
    assert not at.exception
    assert dispute_specs(at) == []
    assert {metric.label: metric.value for metric in at.metric}["Disputes"] == "0"
    assert at.info[0].value.startswith(
        "No dispute among the claims in view: 0 pairs of comparable claims")


def test_claims_table_says_who_disputes_and_who_agrees() -> None:
    """The claims table names each claim's disputes and how many claims agree with it."""
    table = claims_table(run_app()).set_index("claim_id")
    assert table.loc["eghtesad-04", "disputed by"] == "ahram-05 (tension, D1)"
    assert table.loc["ahram-05", "disputed by"] == "eghtesad-04 (tension, D1)"
    assert table.loc["rt-01", "disputed by"] == ""
    assert "agrees with" in table.columns


def test_disputes_download_and_citation_follow_the_view() -> None:
    """The disputes download holds the view's disputes; the citation says them in words."""
    at = run_app()
    rows = pd.read_csv(io.BytesIO(download(at, "download_disputes")), dtype=str,
                       keep_default_na=False, encoding="utf-8-sig")
    assert rows[["dispute_id", "claim_id"]].values.tolist() == [
        ["D1", "eghtesad-04"], ["D1", "ahram-05"]]
    citation = at.code[0].value
    assert ("Disputes: 1 dispute among 3 pairs of comparable claims by different claimants: "
            "D1, a tension between Anthony Lake and Syrian Observatory for Human Rights "
            "(eghtesad-04, ahram-05).") in citation


def test_many_disputes_are_drawn_a_page_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A grown corpus repeats each claimant's figures in many reports: each repeated figure
    is one side of a dispute, and the disputes are drawn three at a time, the next page
    showing the next three; the metric and the citation count them all."""
    folder = tmp_path / "grown"
    grow(len(read_dataset(DEFAULT_DATA_DIR).claims) * BATCH * 3, folder)
    monkeypatch.setenv("FIGURES_DATA_DIR", str(folder))
    monkeypatch.setenv("FIGURES_CACHE_DIR", str(tmp_path / "cache"))
    figures = build_figures(folder)
    found = find_disputes(figures.table, figures.dataset.places)
    assert len(found.disputes) == 9  # three copies of each claimant: 3 x 3 pairs
    assert all(len(side) == BATCH for dispute in found.disputes for side in dispute.sides)
    at = run_app(section="Disputes")
    assert not at.exception
    metrics = {metric.label: metric.value for metric in at.metric}
    assert metrics["Disputes"] == "9"
    claims = f"{len(figures.table):,}"  # counts in the thousands are grouped
    assert "," in claims and metrics[f"Claims shown of {claims}"] == claims
    first = [spec["title"]["text"] for spec in dispute_specs(at)]
    assert first == [f"Dispute D{n}, a tension: children killed" for n in (1, 2, 3)]
    assert any(f"gives the same figure in {BATCH - 1} more claims" in line
               for line in dispute_specs(at)[0]["title"]["subtitle"])
    at.number_input(key="disputes_page").set_value(2).run()
    assert [spec["title"]["text"] for spec in dispute_specs(at)] == [
        f"Dispute D{n}, a tension: children killed" for n in (4, 5, 6)]
    # Other filters that keep every dispute open on the first page again.
    at.multiselect(key="filter_parties").set_value(
        ["United Nations", "independent monitor"]).run()
    assert not at.exception and at.number_input(key="disputes_page").value == 1
    assert [spec["title"]["text"] for spec in dispute_specs(at)] == [
        f"Dispute D{n}, a tension: children killed" for n in (1, 2, 3)]
    assert "9 disputes among" in open_section(at, "Cite and download").code[0].value
