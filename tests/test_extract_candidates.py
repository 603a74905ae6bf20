"""Stage 5 of extraction: candidates from the stages run in order, the outlet's voice, and
the command line's output; and the quality floor on reports the rules were not written on."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import sys
from pathlib import Path

import pytest

from figures.__main__ import main
from figures.extract import FRAME_COLUMNS, candidates_frame, extract

ROOT = Path(__file__).resolve().parent.parent
DEV_SET = ROOT.parent / "shared" / "extraction-dev"
TEXT = ("Velmora strikes kill 15 in the valley\n"
        "At least 15 civilians were killed on Sunday, the Civil Defence said.\nSome 2,500 "
        "families fled the valley, and tens of thousands remain. The pocket covers 2.5 "
        "square kilometres.\n")


def test_outlets_own_voice_names_the_outlet() -> None:
    """A figure with no attribution is the outlet's claim when the outlet is known."""
    found = [(c.value, c.claimant) for c in extract(TEXT, "Tarn Daily")]
    assert found[:3] == [(15, "Tarn Daily"), (15, "Civil Defence"), (2500, "Tarn Daily")]
    assert [c.claimant for c in extract(TEXT) if c.value == 2500] == [""]


def test_outlet_that_makes_claims_is_the_claimant() -> None:
    """On a monitor's own page, its own-voice figures are the monitor's."""
    text = "In all 214 people died over five days of shelling.\n"
    assert [c.claimant for c in extract(text, "Karst Monitor")] == ["Karst Monitor"]


def test_candidates_frame_takes_the_outlet() -> None:
    """The table a curator reads has the curator's columns and the outlet as claimant."""
    frame = candidates_frame(TEXT, "Tarn Daily")
    assert list(frame.columns) == list(FRAME_COLUMNS)
    assert set(frame.loc[frame["value"] == 2500, "claimant"]) == {"Tarn Daily"}


def write_article(tmp_path: Path) -> Path:
    """The test article as a file."""
    article = tmp_path / "new.txt"
    article.write_text(TEXT, encoding="utf-8")
    return article


def test_command_takes_the_outlet_and_writes_figures_plainly(tmp_path, capsys) -> None:
    """`extract FILE --outlet X` names X for its own voice; figures read 15, not 15.0."""
    assert main(["extract", str(write_article(tmp_path)), "--outlet", "Tarn Daily"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["value"], r["claimant"], r["value_max"]) for r in rows] == [
        ("15", "Tarn Daily", ""), ("15", "Civil Defence", ""), ("2500", "Tarn Daily", ""),
        ("2.5", "Tarn Daily", "")]


def test_command_json_writes_blanks_as_null(tmp_path, capsys) -> None:
    """In JSON, as in `table --format json`, figures are numbers and blanks are null."""
    assert main(["extract", str(write_article(tmp_path)), "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["value"] for r in records] == [15, 15, 2500, 2.5]
    assert records[0]["claimant"] is None and records[0]["value_max"] is None


def test_command_lists_vague_amounts_only_when_asked(tmp_path, capsys) -> None:
    """'tens of thousands' has no figure: left out unless --vague."""
    article = str(write_article(tmp_path))
    assert main(["extract", article, "--vague"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["figure"] for r in rows if r["vague"] == "True"] == ["tens of thousands"]
    assert [r["value"] for r in rows if r["vague"] == "True"] == [""]


def load_bench():
    """The extraction benchmark, which scores a gold folder as its own scorer does."""
    spec = importlib.util.spec_from_file_location("extract_quality",
                                                  ROOT / "bench" / "extract_quality.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not (DEV_SET / "gold_claims.csv").is_file(),
                    reason="the extraction development set is not beside the project")
def test_reports_the_rules_were_not_written_on_meet_the_floor() -> None:
    """On the development set the extractor finds 92% of claims, 85% with the right
    claimant, and 85% of its proposals are claims."""
    score = load_bench().score_gold(DEV_SET, verbose=None)["all"]
    assert score.found / score.claims >= 0.92
    assert score.right / score.claims >= 0.85
    assert score.matched / score.candidates >= 0.85


@pytest.mark.parametrize("column", FRAME_COLUMNS)
def test_every_output_column_is_documented(column: str) -> None:
    """Each column `extract` writes has a row in the README's table of its columns."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"| `{column}` |" in readme
