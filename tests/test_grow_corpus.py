"""The benchmark's grown corpora are real data folders: they check clean, row for row."""

from __future__ import annotations

from pathlib import Path

from bench.grow_corpus import BATCH, grow
from figures.load import DEFAULT_DATA_DIR, read_dataset
from figures.table import build_figures


def test_grown_folder_checks_clean_with_claimants_per_batch(tmp_path: Path) -> None:
    """A corpus grown past one batch of copies checks clean and holds every row it says."""
    shipped = read_dataset(DEFAULT_DATA_DIR)
    per_copy = len(shipped.claims)
    counts = grow(per_copy * BATCH + 1, tmp_path / "grown")
    figures = build_figures(tmp_path / "grown")
    assert figures.problems == ()
    assert counts["copies"] == BATCH + 1
    assert len(figures.table) == counts["claims"] == per_copy * (BATCH + 1)
    assert figures.table["article_id"].nunique() == len(shipped.sources) * (BATCH + 1)
    assert figures.table["claimant_id"].nunique() == len(shipped.claimants) * 2


def test_repeated_rows_keep_their_own_ids(tmp_path: Path) -> None:
    """Repeating each claim row in a copy adds rows under new ids, still clean."""
    counts = grow(1, tmp_path / "grown", repeat=3)
    figures = build_figures(tmp_path / "grown")
    assert figures.problems == ()
    assert counts["claims"] == len(figures.table) == 3 * len(read_dataset().claims)
    assert figures.table["claim_id"].is_unique
