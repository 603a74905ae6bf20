"""Claims grouped as the rules read them, so that a repeated figure is compared once.

A *reading* is everything a rule reads of a claim: its kind and family, measure,
subject, place, cause, days, the range it allows and the figure in the article's words.
Two claims of one reading get the same verdict against any third, whoever made them.
A *figure* is a reading's claims by one claimant: what a dispute sets against another.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass

from figures.disputes.claims import STOCK, Claim


@dataclass(frozen=True)
class Figure:
    """One claimant's claims of one reading: the first of them, and all their ids."""

    claim: Claim
    claim_ids: tuple[str, ...]


def reading_key(claim: Claim) -> Hashable:
    """What the rules and the words of a dispute read of a claim, bar who made it.

    A missing upper figure is NaN, which equals nothing, so it is keyed as None; the
    article's date counts only for a stock with no period (it is then its moment).
    """
    value, top, qualifier, words, unit = claim.figure
    figure = (value, None if math.isnan(top) else top, qualifier, words, unit)
    moment = claim.moment if claim.kind == STOCK else None
    return (claim.kind, claim.family, claim.measure, claim.subject, claim.place, claim.cause,
            claim.start, claim.end, moment, claim.allowed, figure)


def readings_of(claims: list[Claim]
                ) -> tuple[list[Claim], dict[str, int], dict[int, list[Figure]]]:
    """One claim standing for each reading (the first by id), each claim's reading, and
    each reading's figures (one per claimant, each led by its first claim by id)."""
    numbers: dict[Hashable, int] = {}
    readings: list[Claim] = []
    reading_of: dict[str, int] = {}
    grouped: dict[tuple[int, str], list[Claim]] = {}
    for claim in sorted(claims, key=lambda claim: claim.claim_id):
        key = reading_key(claim)
        number = numbers.get(key)
        if number is None:
            number = numbers[key] = len(readings)
            readings.append(claim)
        reading_of[claim.claim_id] = number
        grouped.setdefault((number, claim.claimant_id), []).append(claim)
    figures: dict[int, list[Figure]] = defaultdict(list)
    for (number, _claimant), members in grouped.items():
        figures[number].append(Figure(members[0], tuple(c.claim_id for c in members)))
    return readings, reading_of, figures
