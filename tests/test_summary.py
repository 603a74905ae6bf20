"""Charts of many claims: one mark per claimant or per day, every claim still counted."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from bench.grow_corpus import grow
from figures import charts, compare, summary
from figures.load import DEFAULT_DATA_DIR, read_dataset
from figures.table import build_figures
from tests.test_charts import data_rows, subtitle

MADE = date(2026, 1, 1)


@pytest.fixture(scope="session")
def grown(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    """The labelled table of a corpus grown to a few hundred claims."""
    folder = tmp_path_factory.mktemp("grown") / "data"
    grow(len(read_dataset(DEFAULT_DATA_DIR).claims) * 12, Path(folder))
    return compare.label_frame(build_figures(folder).table)


def biggest(table: pd.DataFrame) -> str:
    """The comparison holding the most claims."""
    return str(table["comparison"].value_counts().index[0])


def test_many_claims_draw_one_mark_per_claimant(grown: pd.DataFrame) -> None:
    """Past the threshold each claimant gets one row: its claims counted, lowest to highest."""
    label = biggest(grown)
    claims = compare.comparison_frame(grown, label)
    assert summary.needs_claimants(claims)
    rows = pd.DataFrame(data_rows(charts.side_by_side(claims, label, MADE).to_dict()))
    assert sorted(rows["claimant_label"]) == sorted(claims["claimant_label"].unique())
    assert rows["claims"].sum() == len(claims)
    tops = claims["plot_value_max"].fillna(claims["plot_value"])
    for row in rows.to_dict("records"):
        mine = claims["claimant_label"] == row["claimant_label"]
        assert row["claims"] == mine.sum()
        assert row["plot_value"] == claims.loc[mine, "plot_value"].min()
        high = tops[mine].max()
        if high > row["plot_value"]:
            assert row["plot_value_max"] == high
        else:
            assert pd.isna(row["plot_value_max"])
        assert row["value_label"].startswith(f"{mine.sum():,} claims")


def test_claimant_marks_keep_bounds_and_say_so(grown: pd.DataFrame) -> None:
    """A claimant whose claims include bounds is drawn hollow and its label counts them."""
    label = biggest(grown)
    claims = compare.comparison_frame(grown, label)
    rows = summary.by_claimant(claims)
    for row in rows.to_dict("records"):
        inexact = (claims[claims["claimant_label"] == row["claimant_label"]]["exactness"]
                   == compare.INEXACT).sum()
        assert (row["exactness"] == compare.INEXACT) == bool(inexact)
        assert ("bound" in row["value_label"]) == bool(inexact)
    lines = subtitle(charts.side_by_side(claims, label, MADE).to_dict())
    assert any(line.startswith("Each row is one claimant") for line in lines)


def test_few_claims_keep_one_mark_per_claim(grown: pd.DataFrame) -> None:
    """At the threshold, every claim keeps its own mark, as on the shipped data."""
    label = biggest(grown)
    claims = compare.comparison_frame(grown, label).head(summary.CLAIMANT_MARKS_ABOVE)
    rows = data_rows(charts.side_by_side(claims, label, MADE).to_dict())
    assert sorted(row["claim_id"] for row in rows) == sorted(claims["claim_id"])


def test_overview_panels_of_many_claims_count_every_claim(grown: pd.DataFrame) -> None:
    """Each overview panel past the threshold draws claimants; every claim is counted once."""
    spec = charts.overview(grown, MADE, 860).to_dict()
    rows = pd.DataFrame(spec["datasets"][spec["data"]["name"]])
    for label, claims in grown.groupby("comparison"):
        panel = rows[rows["comparison"] == label]
        if len(claims) > summary.CLAIMANT_MARKS_ABOVE:
            assert panel["by_claimant"].all()
            assert panel["claims"].sum() == len(claims)
            assert len(panel) == claims["claimant_label"].nunique()
        else:
            assert not panel["by_claimant"].any()
            assert sorted(panel["claim_id"]) == sorted(claims["claim_id"])


def test_overview_panels_of_many_claimants_draw_one_mark_per_party(
    grown: pd.DataFrame,
) -> None:
    """A panel with more claimants than rows can be read draws one row per party: its
    claims and claimants counted, its lowest and highest figure, and the panel says so."""
    many = grown.assign(claimant_label=[f"{name} {number % 40}" for number, name in
                                        enumerate(grown["claimant_label"])])
    spec = charts.overview(many, MADE, 860).to_dict()
    rows = pd.DataFrame(spec["datasets"][spec["data"]["name"]])
    titles = [panel["title"]["text"] for panel in spec["vconcat"]]
    checked = 0
    for label, claims in many.groupby("comparison"):
        panel = rows[rows["comparison"] == label]
        if len(claims) <= summary.CLAIMANT_MARKS_ABOVE or \
                claims["claimant_label"].nunique() <= summary.PARTY_MARKS_ABOVE:
            assert not panel["by_party"].any()  # one mark per claim, or per claimant
            continue
        checked += 1
        assert panel["by_party"].all() and not panel["by_claimant"].any()
        assert sorted(panel["party"]) == sorted(claims["party"].unique())
        tops = claims["plot_value_max"].fillna(claims["plot_value"])
        for row in panel.to_dict("records"):
            mine = claims["party"] == row["party"]
            assert row["claims"] == mine.sum()
            assert row["claimants"] == claims.loc[mine, "claimant_label"].nunique()
            assert row["plot_value"] == claims.loc[mine, "plot_value"].min()
            assert row["value_label"].startswith(f"{mine.sum():,} claims")
            if tops[mine].max() > row["plot_value"]:
                assert row["plot_value_max"] == tops[mine].max()
        assert any(title.endswith(f"one mark per party ({len(claims):,} claims by "
                                  f"{claims['claimant_label'].nunique():,} claimants)")
                   for title in titles)
    assert checked > 0
    assert summary.BY_PARTY_LINE[:40] in " ".join(subtitle(spec))


def test_timeline_of_many_claims_bins_them_by_day(grown: pd.DataFrame) -> None:
    """Past the threshold the timeline holds one mark per kind, day and party, summing up."""
    assert summary.needs_days(grown)
    rows = pd.DataFrame(data_rows(charts.timeline(grown, MADE).to_dict()))
    expected = grown.groupby(["comparison", "published", "party"]).size()
    found = rows.set_index(["comparison", "published", "party"])["claims"]
    assert found.sort_index().to_dict() == expected.sort_index().to_dict()


def test_sources_of_many_articles_are_counted(grown: pd.DataFrame) -> None:
    """A chart of claims from many articles counts its sources instead of naming each."""
    assert grown["article_id"].nunique() > summary.SOURCES_NAMED_UP_TO
    lines = " ".join(subtitle(charts.timeline(grown, MADE).to_dict()))
    assert f"in {grown['article_id'].nunique():,} articles from" in lines
    assert f"{grown['claimant_id'].nunique():,} claimants" in lines
    assert f"from {grown['outlet'].nunique():,} outlets" in lines
