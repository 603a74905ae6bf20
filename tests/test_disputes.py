"""Disputes: the figures that cannot all hold as stated, found by rules a reader can check."""

from __future__ import annotations

import io
import json
import math
from pathlib import Path

import pandas as pd
import pytest

from figures import schema
from figures.__main__ import main
from figures.disputes import find_disputes
from figures.disputes.frame import DISPUTE_COLUMNS, corroboration, disputes_frame
from figures.disputes.ranges import Allowed, allowed, overlaps, reaches
from figures.table import Figures, build_figures

FIXTURES = Path(__file__).parent / "fixtures" / "disputes"


def disputes_of(capsysbinary: pytest.CaptureFixture, *args: str) -> pd.DataFrame:
    """The `disputes` command's CSV, read back."""
    assert main([*args, "disputes"]) == 0
    out = capsysbinary.readouterr().out
    return pd.read_csv(io.BytesIO(out), dtype=str, keep_default_na=False)


def test_shipped_data_sets_unicef_against_the_observatory(
    capsysbinary: pytest.CaptureFixture,
) -> None:
    """UNICEF's 96 children and the Observatory's 68 stand in one dispute, a tension
    whose difference is the cause the Observatory names."""
    rows = disputes_of(capsysbinary)
    pair = rows[rows["claim_id"].isin(["eghtesad-04", "ahram-05"])]
    assert len(pair) == 2 and pair["dispute_id"].nunique() == 1
    dispute = pair.iloc[0]
    assert set(rows.loc[rows["dispute_id"] == dispute["dispute_id"], "claim_id"]) == {
        "eghtesad-04", "ahram-05"}
    assert dispute["strength"] == "tension"
    assert dispute["difference"] == (
        "Syrian Observatory for Human Rights counts deaths from Russian and Syrian "
        "government bombardment, UNICEF names no cause")
    assert dispute["broken_rule"] == (
        "UNICEF's period (22–28 Sep 2016) lies within Syrian Observatory for Human "
        "Rights' (21 Sep–13 Oct 2016), both in Aleppo, yet at least 96 > 68; Syrian "
        "Observatory for Human Rights counts deaths from Russian and Syrian government "
        "bombardment, UNICEF names no cause.")
    assert dispute["parties"] == "different parties (United Nations; independent monitor)"
    assert sorted(pair["value"]) == ["68", "96"]


def test_command_rows_carry_every_claim_column(capsysbinary: pytest.CaptureFixture) -> None:
    """Each row names its dispute, strength and rule, then every column of the claim."""
    rows = disputes_of(capsysbinary)
    assert tuple(rows.columns) == (*DISPUTE_COLUMNS, *schema.TABLE_COLUMNS)


def test_command_json_gives_the_same_rows(capsysbinary: pytest.CaptureFixture) -> None:
    """`disputes --format json` gives the same rows as objects, figures as numbers."""
    assert main(["disputes", "--format", "json"]) == 0
    rows = json.loads(capsysbinary.readouterr().out)
    assert [(row["dispute_id"], row["claim_id"], row["value"]) for row in rows] == [
        ("D1", "eghtesad-04", 96), ("D1", "ahram-05", 68)]


def test_observatory_in_western_aleppo_is_no_dispute(
    data_copy: Path, capsysbinary: pytest.CaptureFixture
) -> None:
    """Moved to western Aleppo, the Observatory's toll no longer holds UNICEF's Aleppo, so
    the dispute is gone."""
    claims = data_copy / "claims.csv"
    table = pd.read_csv(claims, dtype=str, keep_default_na=False)
    table.loc[table["claim_id"] == "ahram-05", "place"] = "western Aleppo"
    table.to_csv(claims, index=False, lineterminator="\n")
    assert build_figures(data_copy).problems == ()
    rows = disputes_of(capsysbinary, "--data-dir", str(data_copy))
    assert "ahram-05" not in set(rows["claim_id"])
    assert "eghtesad-04" not in set(rows["claim_id"])


RULE_CASES = [
    # (folder, rule, strength of its one dispute or None if the rule holds)
    ("counts-breaks", "counts over time", "contradiction"),
    ("counts-holds", "counts over time", None),
    ("stocks-breaks", "stocks at a moment", "contradiction"),
    ("stocks-holds", "stocks at a moment", None),
    ("event-breaks", "claims of one event", "contradiction"),
    ("event-holds", "claims of one event", None),
]


@pytest.mark.parametrize(("folder", "rule", "strength"), RULE_CASES,
                         ids=[case[0] for case in RULE_CASES])
def test_each_rule_on_its_own_fixture(folder: str, rule: str, strength: str | None) -> None:
    """Each rule's two tiny folders: one breaks it, one holds; both check clean."""
    figures = build_figures(FIXTURES / folder)
    assert figures.problems == ()
    found = find_disputes(figures.table, figures.dataset.places)
    assert found.checked == 1
    assert sorted(next(found.pairs())) == ["tiny-01", "tiny-02"]
    if strength is None:
        assert found.disputes == ()
    else:
        assert [(d.rule, d.strength) for d in found.disputes] == [(rule, strength)]


def test_counts_sentence_reads_the_rule_from_the_data() -> None:
    """The broken count rule names both periods, both places and both figures."""
    figures = build_figures(FIXTURES / "counts-breaks")
    (dispute,) = find_disputes(figures.table, figures.dataset.places).disputes
    assert dispute.sentence == (
        "Northtown Monitor's period (27 Apr–3 May 2020) lies within Example army's "
        "(21 Apr–3 May 2020), eastern Northtown lies within Northtown, yet at least 50 > 30.")
    assert dispute.parties == "different parties (independent monitor; Syrian government)"


def test_agreeing_claims_are_counted_as_corroboration() -> None:
    """Two claimants giving figures the same stock can have agree with each other."""
    figures = build_figures(FIXTURES / "stocks-holds")
    found = find_disputes(figures.table, figures.dataset.places)
    columns = corroboration(figures.table, found)
    assert list(columns["agrees with"]) == ["agrees with 1 claim by 1 party"] * 2
    assert list(columns["disputed by"]) == ["", ""]


def test_nested_counts_that_hold_are_consistent_not_corroborating() -> None:
    """A larger toll that holds a smaller one is consistent with it, not a second source."""
    figures = build_figures(FIXTURES / "counts-holds")
    found = find_disputes(figures.table, figures.dataset.places)
    assert found.agreements == 0 and found.checked == 1 and found.disputes == ()


def edited_fixture(tmp_path: Path, folder: str, claim_id: str, **changes: str) -> Figures:
    """A copy of a fixture folder with one claim changed, built."""
    target = tmp_path / folder
    for path in (FIXTURES / folder).rglob("*"):
        if path.is_file():
            (target / path.relative_to(FIXTURES / folder)).parent.mkdir(parents=True,
                                                                         exist_ok=True)
            (target / path.relative_to(FIXTURES / folder)).write_bytes(path.read_bytes())
    claims = pd.read_csv(target / "claims.csv", dtype=str, keep_default_na=False)
    for column, value in changes.items():
        claims.loc[claims["claim_id"] == claim_id, column] = value
    claims.to_csv(target / "claims.csv", index=False, lineterminator="\n")
    return build_figures(target)


def test_a_cause_named_by_the_larger_scope_only_makes_a_tension(tmp_path: Path) -> None:
    """The larger toll names who caused the deaths and the smaller does not: a tension."""
    figures = edited_fixture(tmp_path, "counts-breaks", "tiny-02", blamed_on="shelling")
    (dispute,) = find_disputes(figures.table, figures.dataset.places).disputes
    assert dispute.strength == "tension"
    assert dispute.difference == ("Example army counts deaths from shelling, Northtown "
                                  "Monitor names no cause")


def test_a_cause_named_by_the_smaller_scope_only_stays_a_contradiction(
    tmp_path: Path,
) -> None:
    """A larger toll that names no cause counts every death, so it must still hold them."""
    figures = edited_fixture(tmp_path, "counts-breaks", "tiny-01", blamed_on="shelling")
    (dispute,) = find_disputes(figures.table, figures.dataset.places).disputes
    assert dispute.strength == "contradiction"


def test_a_broader_subject_in_the_smaller_scope_makes_a_tension(tmp_path: Path) -> None:
    """The smaller scope counts people and the larger only civilians: a tension."""
    figures = edited_fixture(tmp_path, "counts-breaks", "tiny-01", subject="people")
    (dispute,) = find_disputes(figures.table, figures.dataset.places).disputes
    assert dispute.strength == "tension"
    assert "Northtown Monitor counts people, Example army only civilians" in dispute.difference


def test_one_claimant_breaking_a_rule_is_no_dispute(tmp_path: Path) -> None:
    """Two figures by the same claimant are checked, but a dispute needs two claimants."""
    figures = edited_fixture(tmp_path, "counts-breaks", "tiny-02", claimant_id="monitor")
    assert figures.problems[0].message == "'army' is used by no claim"
    found = find_disputes(figures.table, figures.dataset.places)
    assert found.disputes == () and len(found.inconsistent) == 1


def test_a_view_keeps_only_disputes_whose_claims_it_shows(shipped: Figures) -> None:
    """A view that leaves out one of a dispute's claims leaves out the dispute too."""
    found = find_disputes(shipped.table, shipped.dataset.places)
    everything = set(shipped.table["claim_id"])
    assert len(found.within(everything).disputes) == 1
    assert found.within(everything - {"ahram-05"}).disputes == ()
    narrowed = found.within(everything - {"ahram-05"})
    assert narrowed.checked == 2
    assert sorted(map(sorted, narrowed.pairs())) == [["ahram-04", "eghtesad-04"],
                                                      ["rferl-01", "trt-01"]]


def test_disputes_frame_of_no_dispute_is_empty_with_columns(shipped: Figures) -> None:
    """With no dispute the table still has its columns, so a download is never malformed."""
    frame = disputes_frame(shipped.table, find_disputes(shipped.table, {}).within(set()))
    assert frame.empty and tuple(frame.columns) == (*DISPUTE_COLUMNS, *schema.TABLE_COLUMNS)


ALLOWED = [
    # (qualifier, value, value_max, low, high, low open, high open)
    ("exact", 68, None, 68, 68, False, False),
    ("at_least", 96, None, 96, math.inf, False, True),
    ("over", 370, None, 370, math.inf, True, True),
    ("up_to", 48, None, 0, 48, False, False),
    ("under", 10, None, 0, 10, False, True),
    ("about", 300_000, None, 270_000, 330_000, False, False),
    ("estimated", 250_000, None, 225_000, 275_000, False, False),
    ("exact", 40, 60, 40, 60, False, False),
]


@pytest.mark.parametrize("case", ALLOWED, ids=lambda case: f"{case[0]}-{case[1]}")
def test_what_each_qualifier_allows(case: tuple) -> None:
    """Each qualifier allows the range the codebook's table gives."""
    qualifier, value, top, low, high, low_open, high_open = case
    found = allowed(value, top, qualifier)
    assert (found.low_open, found.high_open) == (low_open, high_open)
    assert math.isclose(found.low, low) and (found.high == high or math.isclose(found.high,
                                                                                high))


def test_open_ends_do_not_meet() -> None:
    """'More than 10' and 'exactly 10' allow no common value; 'at least 10' and 10 do."""
    ten = Allowed(10, 10)
    assert not overlaps(allowed(10, None, "over"), ten)
    assert overlaps(allowed(10, None, "at_least"), ten)
    assert reaches(ten, allowed(10, None, "at_least"))
    assert not reaches(allowed(10, None, "under"), ten)


def test_stocks_more_than_the_window_apart_are_not_compared(tmp_path: Path) -> None:
    """Two stocks 38 days apart count people at different moments: no rule applies."""
    figures = edited_fixture(tmp_path, "stocks-breaks", "tiny-02", period_start="2020-06-10",
                             period_end="2020-06-10", period_basis="stated")
    found = find_disputes(figures.table, figures.dataset.places)
    assert (found.checked, found.disputes) == (0, ())


def test_pauses_starting_on_different_days_are_different_events(tmp_path: Path) -> None:
    """A pause from 5 May and one from 6 May are two pauses, whatever their lengths."""
    figures = edited_fixture(tmp_path, "event-breaks", "tiny-02", period_start="2020-05-06")
    found = find_disputes(figures.table, figures.dataset.places)
    assert (found.checked, found.disputes) == (0, ())


def test_crossed_scopes_are_not_compared(tmp_path: Path) -> None:
    """A week in the whole country and three weeks in one town: neither scope holds the
    other, so their counts are not compared."""
    figures = edited_fixture(tmp_path, "counts-breaks", "tiny-01", place="Example")
    found = find_disputes(figures.table, figures.dataset.places)
    assert found.disputes == () and found.checked == 0


def test_a_proposed_claim_is_set_against_nothing(tmp_path: Path) -> None:
    """A figure no person has checked enters no dispute until it is checked."""
    figures = edited_fixture(tmp_path, "counts-breaks", "tiny-02", review_status="proposed")
    found = find_disputes(figures.table, figures.dataset.places)
    assert (found.checked, found.disputes) == (0, ())
