"""How two claims' scopes relate: place, period, subject and cause, each nested or not.

A count for a scope must hold the count for any part of it: deaths in Aleppo over three
weeks include the deaths in Aleppo in one of those weeks. Each dimension of a scope says
whether one claim's lies within the other's: places through `places.csv`, periods by
their days, subjects through the codebook's nesting, and causes (a claim that names no
cause counts every cause, so it holds one that names a cause).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import Enum

from figures import schema


class Relation(Enum):
    """How the first of two scopes relates to the second along one dimension."""

    SAME = "same"
    WITHIN = "within"  # the first lies within the second
    HOLDS = "holds"  # the first holds the second
    APART = "apart"  # neither holds the other


def flipped(relation: Relation) -> Relation:
    """The relation seen from the other claim."""
    return {Relation.WITHIN: Relation.HOLDS, Relation.HOLDS: Relation.WITHIN}.get(
        relation, relation)


def chain(name: str, part_of: Mapping[str, str]) -> list[str]:
    """A name and every larger one it is part of, nearest first (stops at any loop)."""
    found = [name]
    while part_of.get(found[-1]) and part_of[found[-1]] not in found:
        found.append(part_of[found[-1]])
    return found


def nested(first: str, second: str, part_of: Mapping[str, str]) -> Relation:
    """How one name relates to another in a tree of parts (places or subjects)."""
    if first == second:
        return Relation.SAME
    if second in chain(first, part_of):
        return Relation.WITHIN
    if first in chain(second, part_of):
        return Relation.HOLDS
    return Relation.APART


def subject_relation(first: str, second: str) -> Relation:
    """How one subject relates to another through the codebook's nesting."""
    return nested(first, second, schema.SUBJECT_PART_OF)


def period_relation(first: tuple[date, date], second: tuple[date, date]) -> Relation:
    """How one period (first day, last day) relates to another."""
    if first == second:
        return Relation.SAME
    if second[0] <= first[0] and first[1] <= second[1]:
        return Relation.WITHIN
    if first[0] <= second[0] and second[1] <= first[1]:
        return Relation.HOLDS
    return Relation.APART


def cause_relation(first: str, second: str) -> Relation:
    """How one claim's cause relates to another's: naming none counts every cause."""
    if first.casefold() == second.casefold():
        return Relation.SAME
    if not second:
        return Relation.WITHIN
    if not first:
        return Relation.HOLDS
    return Relation.APART


def combined(relations: list[Relation]) -> Relation:
    """One relation for several dimensions that must all agree: SAME if all are, WITHIN
    (or HOLDS) if each is that or SAME, else APART."""
    kinds = set(relations) - {Relation.SAME}
    if not kinds:
        return Relation.SAME
    return kinds.pop() if len(kinds) == 1 and Relation.APART not in kinds else Relation.APART
