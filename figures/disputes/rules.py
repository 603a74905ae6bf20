"""The three rules, each a function from two claims to a verdict (or None: not comparable).

- Counts over time: when one claim's place and period lie within another's, for the same
  or a part of its subject, the larger scope must allow a count at least as large as the
  smaller scope's lowest; claims of one and the same scope must allow a common value.
- Stocks at a moment: for the same place, with dates at most `STOCK_WINDOW_DAYS` apart,
  the ranges must allow a common value (a part's figure must not exceed its whole's).
- Claims of one event: claims of the same pause must allow a common length.

A breach is a contradiction when nothing recorded tells the claims apart, and a tension
when the data records how they differ: the cause each names, a subject counted the other
way round from the places and periods, or a different word for a stock.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from figures.disputes import words
from figures.disputes.claims import COUNT, EVENT, STOCK, Claim
from figures.disputes.ranges import overlaps, reaches
from figures.disputes.scope import (
    Relation,
    cause_relation,
    combined,
    flipped,
    nested,
    period_relation,
    subject_relation,
)

CONTRADICTION = "contradiction"
TENSION = "tension"


@dataclass(frozen=True)
class Verdict:
    """What a rule says of two comparable claims, the smaller scope first."""

    rule: str
    first: Claim
    second: Claim
    holds: bool
    agrees: bool
    differences: tuple[str, ...]
    sentence: str

    @property
    def strength(self) -> str:
        """Contradiction when nothing recorded tells the claims apart, else tension."""
        return TENSION if self.differences else CONTRADICTION


def oriented(first: Claim, second: Claim, relations: list[Relation]
             ) -> tuple[Claim, Claim, list[Relation]]:
    """The two claims with the smaller scope first, and the relations seen from it.

    The scope's dimensions are read in order (place and period, then subject, then
    cause); the first that is not the same decides which claim is the smaller.
    """
    deciding = next((r for r in relations if r in (Relation.WITHIN, Relation.HOLDS)),
                    Relation.SAME)
    if deciding is Relation.HOLDS:
        return second, first, [flipped(relation) for relation in relations]
    return first, second, relations


def differences_of(smaller: Claim, larger: Claim, subject: Relation, cause: Relation
                   ) -> list[str]:
    """What the data records that tells the two counts apart, in words."""
    found = []
    if subject is Relation.HOLDS:
        found.append(words.subject_difference(smaller, larger))
    if cause in (Relation.HOLDS, Relation.APART):
        found.append(words.cause_difference(smaller, larger))
    return found


def count_rule(first: Claim, second: Claim, part_of: Mapping[str, str]) -> Verdict | None:
    """Counts over time: a larger scope must hold at least the smaller scope's lowest."""
    if first.period is None or second.period is None:
        return None
    outer = combined([nested(first.place, second.place, part_of),
                      period_relation(first.period, second.period)])
    subject = subject_relation(first.subject, second.subject)
    if Relation.APART in (outer, subject):
        return None
    cause = cause_relation(first.cause, second.cause)
    smaller, larger, (outer, subject, cause) = oriented(first, second, [outer, subject, cause])
    same = outer is Relation.SAME and subject is Relation.SAME and cause in (
        Relation.SAME, Relation.APART)
    differences = differences_of(smaller, larger, subject, cause)
    holds = overlaps(smaller.allowed, larger.allowed) if same else reaches(
        larger.allowed, smaller.allowed)
    sentence = "" if holds else words.count_sentence(smaller, larger, same, differences)
    return Verdict(COUNT, smaller, larger, holds, same and holds and not differences,
                   tuple(differences), sentence)


def stock_rule(first: Claim, second: Claim, window_days: int) -> Verdict | None:
    """Stocks at a moment: the same place, dates within the window, a common value."""
    if first.place != second.place or first.moment is None or second.moment is None:
        return None
    if abs((first.moment - second.moment).days) > window_days:
        return None
    subject = subject_relation(first.subject, second.subject)
    if subject is Relation.APART:
        return None
    cause = cause_relation(first.cause, second.cause)
    smaller, larger, (subject, cause) = oriented(first, second, [subject, cause])
    same = subject is Relation.SAME and cause in (Relation.SAME, Relation.APART)
    differences = differences_of(smaller, larger, subject, cause)
    if smaller.measure != larger.measure:
        differences.append(words.measure_difference(smaller, larger))
    holds = overlaps(smaller.allowed, larger.allowed) if same else reaches(
        larger.allowed, smaller.allowed)
    sentence = "" if holds else words.stock_sentence(smaller, larger, same, differences)
    agrees = same and holds and cause is Relation.SAME
    return Verdict(STOCK, smaller, larger, holds, agrees, tuple(differences), sentence)


def event_rule(first: Claim, second: Claim) -> Verdict | None:
    """Claims of one event: the same pause, a common length."""
    if first.start is None or (first.place, first.subject, first.start) != (
            second.place, second.subject, second.start):
        return None
    holds = overlaps(first.allowed, second.allowed)
    sentence = "" if holds else words.event_sentence(first, second)
    return Verdict(EVENT, first, second, holds, holds, (), sentence)


