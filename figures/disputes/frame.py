"""Disputes laid out as tables: one row per figure in a dispute, for the command line and
the download, and for each claim of the figure table who disputes it and who agrees."""

from __future__ import annotations

from collections import Counter, defaultdict

import pandas as pd

from figures import compare, schema
from figures.disputes.found import Disputes

DISPUTE_COLUMNS: tuple[str, ...] = (
    "dispute_id", "strength", "rule", "parties", "difference", "broken_rule",
    "same_figure_in",
)
DISPUTED_BY = "disputed by"
AGREES_WITH = "agrees with"
LISTED_DISPUTES = 3  # disputes named in a claim's "disputed by" cell before a count
CITED_DISPUTES = 12  # disputes named in a view's citation; the download holds them all


def disputes_frame(table: pd.DataFrame, found: Disputes) -> pd.DataFrame:
    """One row per figure in a dispute: the dispute, its strength, the rule broken in
    words, the other claims in which the same claimant gives the same figure, then every
    column of the figure's first claim, in dispute order."""
    by_id = compare.with_columns(table).set_index("claim_id", drop=False)
    records = []
    for dispute in found.disputes:
        for side in dispute.sides:
            claim = by_id.loc[side[0]]
            records.append({
                "dispute_id": dispute.dispute_id, "strength": dispute.strength,
                "rule": dispute.rule, "parties": dispute.parties,
                "difference": dispute.difference, "broken_rule": dispute.sentence,
                "same_figure_in": "; ".join(side[1:]),
                **{column: claim[column] for column in schema.TABLE_COLUMNS},
            })
    columns = [*DISPUTE_COLUMNS, *schema.TABLE_COLUMNS]
    frame = pd.DataFrame.from_records(records, columns=columns)
    for column in schema.NUMBER_COLUMNS[schema.CLAIMS_FILE]:
        frame[column] = frame[column].astype("float64")
    return frame


def agreement_text(claims: int, parties: int) -> str:
    """ "agrees with 2 claims by 1 party"."""
    return (f"agrees with {claims} claim{'s' if claims != 1 else ''} by {parties} "
            f"part{'ies' if parties != 1 else 'y'}")


def corroboration(table: pd.DataFrame, found: Disputes) -> pd.DataFrame:
    """For each claim of the table: the disputes it is in, with whom (the first few, then
    how many more), and how many claims by how many parties agree with it (empty where
    none)."""
    ids = table["claim_id"].tolist() if len(table) else []
    wanted = frozenset(ids)
    named: dict[str, list[str]] = defaultdict(list)
    disputes: Counter[str] = Counter()
    for dispute in found.disputes:
        first, second = dispute.claim_ids
        for side, other in zip(dispute.sides, (second, first), strict=True):
            if wanted.isdisjoint(side):
                continue
            for claim_id in wanted.intersection(side):
                disputes[claim_id] += 1
                if disputes[claim_id] <= LISTED_DISPUTES:
                    named[claim_id].append(f"{other} ({dispute.strength}, "
                                           f"{dispute.dispute_id})")
    counted = found.corroboration_of(ids)
    agrees = [agreement_text(*counted[i]) if i in counted else "" for i in ids]
    return pd.DataFrame({DISPUTED_BY: [disputed_text(named.get(i, []), disputes[i])
                                       for i in ids],
                         AGREES_WITH: agrees}, index=table.index)


def disputed_text(named: list[str], count: int) -> str:
    """A claim's disputes: the first few named, the rest counted."""
    more = count - len(named)
    listed = "; ".join(named)
    return f"{listed}; and {more} more dispute{'s' if more != 1 else ''}" if more > 0 else listed


def checked_text(found: Disputes) -> str:
    """How many pairs of comparable claims were checked, in words that agree with it."""
    pairs = found.checked
    return f"{pairs:,} pair{'s' if pairs != 1 else ''} of comparable claims"


def cited_claims(found: Disputes) -> set[str]:
    """The claims a view's citation names: both sides of each dispute it lists."""
    return {claim for dispute in found.disputes[:CITED_DISPUTES]
            for claim in dispute.claim_ids[:2]}


def disputes_sentence(found: Disputes, whos: dict[str, str]) -> str:
    """The disputes of a view in one sentence, for its citation and its section.

    `whos` names the claimant of each claim id, as the sentence credits them.
    """
    if not found.disputes:
        return (f"No dispute among the claims shown; {checked_text(found)} by different "
                f"claimants checked under the codebook's three rules.")
    listed = "; ".join(
        f"{d.dispute_id}, a {d.strength} between {whos.get(d.claim_ids[0], d.claim_ids[0])} "
        f"and {whos.get(d.claim_ids[1], d.claim_ids[1])} ({d.claim_ids[0]}, "
        f"{d.claim_ids[1]})" for d in found.disputes[:CITED_DISPUTES])
    count = len(found.disputes)
    more = count - CITED_DISPUTES
    rest = f"; and {more:,} more, in the disputes download" if more > 0 else ""
    return (f"{count:,} dispute{'s' if count != 1 else ''} among {checked_text(found)} by "
            f"different claimants: {listed}{rest}.")
