"""Repeated figures are compared once, yet every count matches comparing every pair.

The reference here applies the rules to every pair of claims, as finding disputes did
before claims were grouped into readings; tables with many repeats (the same figure by
the same or another claimant, in many reports) must give the same disputes, checks,
agreements and corroboration, in the whole table and in any view of it.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from figures import schema
from figures.disputes import Disputes, find_disputes
from figures.disputes.chart import dispute_frame, dispute_subtitle, repeats_line
from figures.disputes.claims import claims_of
from figures.disputes.find import rule_between
from figures.disputes.frame import (
    CITED_DISPUTES,
    corroboration,
    disputes_frame,
    disputes_sentence,
)
from figures.table import build_figures

PLACES = {"Land": "", "North": "Land", "North town": "North", "South": "Land"}
FIXTURES = Path(__file__).parent / "fixtures" / "disputes"


def repeated_table(seed: int, claims: int) -> pd.DataFrame:
    """A table drawn from a few figures, places and periods, so readings repeat often."""
    rng = random.Random(seed)
    first = date(2020, 1, 1)
    rows = []
    for number in range(claims):
        measure = rng.choice(("killed", "killed", "besieged", "ceasefire_length"))
        start = first + timedelta(days=rng.choice((0, 0, 3, 10)))
        length = rng.choice((1, 7, 30))
        claimant = rng.randrange(5)
        rows.append({
            "claim_id": f"c{number:03d}", "claimant_id": f"who{claimant}",
            "claimant": f"Claimant {claimant}", "claimant_org": "",
            "party": ("monitor", "army", "rebels")[claimant % 3],
            "value": float(rng.choice((10, 50, 100))), "value_max": float("nan"),
            "unit": "hours" if measure == "ceasefire_length" else "count",
            "qualifier": rng.choice(("exact", "at_least", "about")), "qualifier_text": "",
            "measure": measure, "subject": rng.choice(("people", "civilians")),
            "place": rng.choice(list(PLACES)), "blamed_on": rng.choice(("", "shelling")),
            "period_start": start.isoformat() if rng.random() < 0.9 else "",
            "period_end": (start + timedelta(days=length - 1)).isoformat(),
            "published": (start + timedelta(days=length)).isoformat(),
            "review_status": "checked",
        })
    return pd.DataFrame.from_records(rows)


def every_pair(table: pd.DataFrame, shown: set[str]) -> dict[str, object]:
    """The rules applied to every pair of claims in view by different claimants."""
    claims = [claim for claim in claims_of(table) if claim.claim_id in shown]
    checked, disputed, agreeing = 0, set(), defaultdict(set)
    for first, second in combinations(claims, 2):
        if (first.kind, first.family) != (second.kind, second.family) or \
                first.claimant_id == second.claimant_id:
            continue
        verdict = rule_between(first, second, PLACES)
        if verdict is None:
            continue
        checked += 1
        if not verdict.holds:
            disputed.add(frozenset((first.claim_id, second.claim_id)))
        if verdict.agrees:
            agreeing[first.claim_id].add(second)
            agreeing[second.claim_id].add(first)
    return {"checked": checked, "disputed": disputed,
            "agreements": sum(len(others) for others in agreeing.values()) // 2,
            "corroboration": {claim_id: (len(others), len({o.party for o in others}))
                              for claim_id, others in agreeing.items()}}


def grouped(found: Disputes) -> dict[str, object]:
    """The same four things, from the grouped finding."""
    disputed = {frozenset((first, second)) for dispute in found.disputes
                for first in dispute.sides[0] for second in dispute.sides[1]}
    return {"checked": found.checked, "disputed": disputed, "agreements": found.agreements,
            "corroboration": found.corroboration}


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), claims=st.integers(2, 60), dropped=st.integers(0, 20))
def test_grouped_finding_equals_every_pair(seed: int, claims: int, dropped: int) -> None:
    """Disputes, checks, agreements and corroboration equal the pair-by-pair reference,
    in the whole table and in a view that leaves some claims out."""
    table = repeated_table(seed, claims)
    found = find_disputes(table, PLACES)
    everything = set(table["claim_id"])
    assert grouped(found) == every_pair(table, everything)
    view = set(random.Random(seed).sample(sorted(everything), len(everything) - min(
        dropped, len(everything))))
    assert grouped(found.within(view)) == every_pair(table, view)
    assert found.within(view).checked == sum(1 for _ in found.within(view).pairs())


def test_a_figure_repeated_in_many_reports_is_one_dispute(tmp_path: Path) -> None:
    """The same claimant's figure in four reports is one figure: one dispute naming all
    four claims, and a view without the first still shows it, led by the next."""
    figures = build_figures(FIXTURES / "counts-breaks")
    table = figures.table
    repeated = table[table["claim_id"] == "tiny-01"]
    copies = pd.concat([repeated.assign(claim_id=f"tiny-01-copy{n}") for n in range(3)])
    grown = pd.concat([table, copies], ignore_index=True)
    found = find_disputes(grown, figures.dataset.places)
    (dispute,) = found.disputes
    side = next(side for side in dispute.sides if "tiny-01" in side)
    assert side == ("tiny-01", "tiny-01-copy0", "tiny-01-copy1", "tiny-01-copy2")
    assert found.checked == 4 and found.inconsistent == ()
    (narrowed,) = found.within(set(grown["claim_id"]) - {"tiny-01"}).disputes
    assert "tiny-01-copy0" in narrowed.claim_ids and narrowed.dispute_id == "D1"
    frame = disputes_frame(grown, found)
    assert len(frame) == 2
    assert set(frame["same_figure_in"]) == {"", "tiny-01-copy0; tiny-01-copy1; tiny-01-copy2"}
    cells = corroboration(grown, found)["disputed by"]
    assert all(cells[grown["claim_id"] == claim_id].item().startswith("tiny-02 (")
               for claim_id in side)


def test_a_claim_in_many_disputes_names_three_and_counts_the_rest() -> None:
    """A claim disputed by many others names the first three, then how many more."""
    figures = build_figures(FIXTURES / "counts-breaks")
    table = figures.table
    other = table[table["claim_id"] == "tiny-02"]
    rivals = pd.concat([other.assign(claim_id=f"rival-{n}", claimant_id=f"rival{n}")
                        for n in range(5)])
    grown = pd.concat([table, rivals], ignore_index=True)
    found = find_disputes(grown, figures.dataset.places)
    assert len(found.disputes) == 6
    cell = corroboration(grown, found)["disputed by"][grown["claim_id"] == "tiny-01"].item()
    assert cell.count("(contradiction, D") == 3 and cell.endswith("; and 3 more disputes")
    assert schema.PROPOSED not in set(grown["review_status"])


def test_the_chart_says_where_a_figure_is_given_again() -> None:
    """A disputed figure repeated in other claims is named in the chart's subtitle; a
    dispute of single claims has no such line."""
    figures = build_figures(FIXTURES / "counts-breaks")
    table = figures.table
    copies = pd.concat([table[table["claim_id"] == "tiny-01"].assign(
        claim_id=f"tiny-01-copy{n}") for n in range(5)])
    grown = pd.concat([table, copies], ignore_index=True)
    (dispute,) = find_disputes(grown, figures.dataset.places).disputes
    frame = dispute_frame(grown, dispute)
    line = repeats_line(dispute, frame)
    assert line.endswith("gives the same figure in 5 more claims (tiny-01-copy0, "
                         "tiny-01-copy1, tiny-01-copy2 and 2 more).")
    subtitle = " ".join(dispute_subtitle(dispute, frame, date(2020, 6, 1)))
    assert "gives the same figure in 5 more claims" in subtitle
    (single,) = find_disputes(table, figures.dataset.places).disputes
    assert repeats_line(single, dispute_frame(table, single)) == ""
    assert "" not in dispute_subtitle(single, dispute_frame(table, single), date(2020, 6, 1))


def test_a_citation_names_the_first_disputes_and_counts_the_rest() -> None:
    """A view with more disputes than a citation names names the first, then counts the
    rest."""
    figures = build_figures(FIXTURES / "counts-breaks")
    table = figures.table
    other = table[table["claim_id"] == "tiny-02"]
    rivals = pd.concat([other.assign(claim_id=f"rival-{n:02d}", claimant_id=f"rival{n}")
                        for n in range(CITED_DISPUTES + 2)])
    grown = pd.concat([table, rivals], ignore_index=True)
    found = find_disputes(grown, figures.dataset.places)
    sentence = disputes_sentence(found, {})
    assert sentence.startswith(f"{CITED_DISPUTES + 3} disputes among ")
    assert sentence.count(", a contradiction between ") == CITED_DISPUTES
    assert sentence.endswith("; and 3 more, in the disputes download.")
