"""What finding disputes returns, and how a view keeps its part of it.

A dispute is between two *figures*: the claims of one claimant that read the same under
the rules (a wire story's figure repeated in many reports is one figure). Which readings
the rules compared, and whether they agreed, is kept as links between readings; how many
pairs of claims were checked, and how many claims corroborate each claim, are counted
from those links and the readings' sizes in view, so no list of pairs is ever built.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import product
from typing import NamedTuple


@dataclass(frozen=True)
class Dispute:
    """Two figures by different claimants that break a rule, and the rule in words.

    `sides` holds every claim giving each figure (the same claimant, the same reading);
    `claim_ids` is the first claim of each side, the one its chart and quote show.
    """

    dispute_id: str
    rule: str
    strength: str
    sides: tuple[tuple[str, ...], tuple[str, ...]]
    parties: str
    difference: str
    sentence: str

    @property
    def claim_ids(self) -> tuple[str, str]:
        """The claim shown for each figure: the first of its side."""
        return self.sides[0][0], self.sides[1][0]

    def within(self, claim_ids: frozenset[str]) -> Dispute | None:
        """The dispute as a view sees it: each side's claims in view, or None when a side
        has none (the view does not show the dispute)."""
        if claim_ids.isdisjoint(self.sides[0]) or claim_ids.isdisjoint(self.sides[1]):
            return None
        if claim_ids.issuperset(self.sides[0]) and claim_ids.issuperset(self.sides[1]):
            return self
        return replace(self, sides=(
            tuple(claim for claim in self.sides[0] if claim in claim_ids),
            tuple(claim for claim in self.sides[1] if claim in claim_ids)))


class Member(NamedTuple):
    """Where a claim stands among the readings: its reading, its claimant, their party."""

    reading: int
    claimant_id: str
    party: str


class Link(NamedTuple):
    """Two readings a rule compared (`first` <= `second`; equal for a reading's own
    repeats), and whether the rule found them in agreement."""

    first: int
    second: int
    agrees: bool


@dataclass(frozen=True)
class Disputes:
    """Every dispute among a table's claims, and what the rules compared.

    `inconsistent` holds breaches between figures of one claimant, which are no dispute.
    `shown` is the claims a view keeps (None: every claim); the counts follow it.
    """

    disputes: tuple[Dispute, ...] = ()
    inconsistent: tuple[Dispute, ...] = ()
    links: tuple[Link, ...] = ()
    members: Mapping[str, Member] = field(default_factory=dict)
    shown: frozenset[str] | None = None

    def within(self, claim_ids: set[str] | frozenset[str]) -> Disputes:
        """The disputes each of whose two figures has a claim in `claim_ids`, each with
        its claims in view; the counts of checks and agreements then cover those only."""
        kept = frozenset(claim_ids)
        if self.shown is None and kept.issuperset(self.members):
            # The view shows every claim a rule compared: every dispute stands as it is.
            return replace(self, shown=kept)

        def keep(found: tuple[Dispute, ...]) -> tuple[Dispute, ...]:
            narrowed = (dispute.within(kept) for dispute in found)
            return tuple(dispute for dispute in narrowed if dispute is not None)
        return Disputes(keep(self.disputes), keep(self.inconsistent), self.links,
                        self.members, kept if self.shown is None else kept & self.shown)

    @cached_property
    def sizes(self) -> dict[int, Counter[str]]:
        """For each reading, how many claims in view each claimant gives it."""
        found: dict[int, Counter[str]] = defaultdict(Counter)
        for claim_id, member in self.members.items():
            if self.shown is None or claim_id in self.shown:
                found[member.reading][member.claimant_id] += 1
        return found

    def pair_count(self, link: Link) -> int:
        """Pairs of claims in view by different claimants across one link."""
        first, second = self.sizes.get(link.first), self.sizes.get(link.second)
        if not first or not second:
            return 0
        shared = sum(count * second.get(claimant, 0) for claimant, count in first.items())
        total = first.total() * second.total() - shared
        return total // 2 if link.first == link.second else total

    @cached_property
    def checked(self) -> int:
        """Pairs of claims in view by different claimants that a rule was applied to."""
        return sum(self.pair_count(link) for link in self.links)

    @cached_property
    def agreements(self) -> int:
        """Pairs of claims in view by different claimants that agree."""
        return sum(self.pair_count(link) for link in self.links if link.agrees)

    @cached_property
    def agreeing(self) -> dict[int, set[int]]:
        """For each reading, the readings it agrees with (itself, when its repeats do)."""
        found: dict[int, set[int]] = defaultdict(set)
        for link in self.links:
            if link.agrees:
                found[link.first].add(link.second)
                found[link.second].add(link.first)
        return found

    @cached_property
    def parties_by_reading(self) -> dict[int, Counter[str]]:
        """For each reading, how many of its claimants in view speak for each party."""
        party_of = {(m.reading, m.claimant_id): m.party for m in self.members.values()}
        return {reading: Counter(party_of[(reading, claimant)] for claimant in counts)
                for reading, counts in self.sizes.items()}

    def agreement(self, member: Member) -> tuple[int, int]:
        """How many claims in view by other claimants agree with a claim of this reading
        and claimant, and how many parties those claimants speak for."""
        claims, parties = 0, set()
        for other in self.agreeing.get(member.reading, ()):
            others = self.sizes.get(other)
            if not others:
                continue
            mine = others.get(member.claimant_id, 0)
            claims += others.total() - mine
            for party, many in self.parties_by_reading[other].items():
                if many - (mine > 0 and party == member.party) > 0:
                    parties.add(party)
        return claims, len(parties)

    def corroboration_of(self, claim_ids: Iterable[str]) -> dict[str, tuple[int, int]]:
        """For each of these claims in view that others agree with: how many claims by
        other claimants agree with it, and how many parties those claimants speak for
        (counted once per reading and claimant, so a page of claims costs a page)."""
        counted: dict[tuple[int, str], tuple[int, int]] = {}
        found = {}
        for claim_id in claim_ids:
            member = self.members.get(claim_id)
            if member is None or (self.shown is not None and claim_id not in self.shown):
                continue
            key = (member.reading, member.claimant_id)
            if key not in counted:
                counted[key] = self.agreement(member)
            if counted[key][0]:
                found[claim_id] = counted[key]
        return found

    @property
    def corroboration(self) -> dict[str, tuple[int, int]]:
        """`corroboration_of` every claim in view."""
        return self.corroboration_of(self.members)

    def pairs(self, agreeing: bool = False) -> Iterator[tuple[str, str]]:
        """Each pair of claims in view by different claimants across the links (only the
        agreeing ones if asked): what `checked` and `agreements` count, one by one."""
        by_reading: dict[int, list[tuple[str, str]]] = defaultdict(list)
        for claim_id, member in sorted(self.members.items()):
            if self.shown is None or claim_id in self.shown:
                by_reading[member.reading].append((claim_id, member.claimant_id))
        for link in self.links:
            if agreeing and not link.agrees:
                continue
            for (first, who), (second, other) in product(by_reading[link.first],
                                                          by_reading[link.second]):
                if who != other and (link.first != link.second or first < second):
                    yield first, second
