"""The chart of one dispute: a spec that stands alone, and an image that draws."""

from __future__ import annotations

import struct
from datetime import date

import pytest

from figures.cite import cite_view
from figures.disputes import Disputes, find_disputes
from figures.disputes.chart import dispute_chart, dispute_frame
from figures.disputes.frame import disputes_sentence
from figures.images import chart_png
from figures.table import Figures

MADE_ON = date(2026, 11, 21)


@pytest.fixture(scope="module")
def found(shipped: Figures) -> Disputes:
    """The disputes of the shipped data."""
    return find_disputes(shipped.table, shipped.dataset.places)


def test_chart_names_the_rule_the_quotes_and_the_sources(shipped: Figures,
                                                         found: Disputes) -> None:
    """The image carries the broken rule, each quote with its claimant, sources and dataset."""
    spec = dispute_chart(shipped.table, found.disputes[0], MADE_ON).to_dict()
    subtitle = " ".join(spec["title"]["subtitle"])
    assert spec["title"]["text"] == "Dispute D1, a tension: children killed"
    assert "yet at least 96 > 68" in subtitle
    assert "Anthony Lake (UNICEF) (United Nations): \u201cAt least 96 children" in subtitle
    assert "Sources: UNICEF via EghtesadOnline/Bloomberg, 1 Oct 2016" in subtitle
    assert "Dataset: Contested Figures" in subtitle and "not verified" in subtitle


def test_each_claim_is_drawn_over_the_range_it_allows(shipped: Figures,
                                                      found: Disputes) -> None:
    """'At least 96' runs on to the axis's end; the exact 68 is a single value."""
    frame = dispute_frame(shipped.table, found.disputes[0]).set_index("claim_id")
    assert frame.loc["eghtesad-04", "range_low"] == 96
    assert frame.loc["eghtesad-04", "range_high"] == frame.loc["eghtesad-04", "axis_end"]
    assert (frame.loc["ahram-05", "range_low"], frame.loc["ahram-05", "range_high"]) == (68, 68)
    assert list(frame.index) == ["eghtesad-04", "ahram-05"]
    assert "blamed on Russian and Syrian government bombardment" in frame.loc[
        "ahram-05", "row_label"]


def test_chart_draws_as_a_png_at_the_export_width(shipped: Figures, found: Disputes) -> None:
    """The dispute's image is a PNG 1,200 pixels wide at scale 1."""
    png = chart_png(dispute_chart(shipped.table, found.disputes[0], MADE_ON), scale=1)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width == 1200 and 300 < height < 900


def test_citation_carries_the_disputes_sentence(shipped: Figures, found: Disputes) -> None:
    """The citation of a view says its disputes in one line."""
    whos = dict(zip(shipped.table["claim_id"], shipped.table["claimant"], strict=True))
    text = cite_view("all claims", shipped.table, MADE_ON,
                     disputes=disputes_sentence(found, whos))
    assert ("Disputes: 1 dispute among 3 pairs of comparable claims by different claimants: "
            "D1, a tension between Anthony Lake and Syrian Observatory for Human Rights "
            "(eghtesad-04, ahram-05).\n") in text
    none = disputes_sentence(found.within(set()), whos)
    assert none == ("No dispute among the claims shown; 0 pairs of comparable claims by "
                    "different claimants checked under the codebook's three rules.")
