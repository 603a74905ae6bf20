"""Find every dispute and every agreement among a table's claims, without pairing all.

Claims that read the same under the rules (one figure, qualifier, measure, subject,
place, period and cause) are one *reading*, and the rules are applied once per pair of
readings: a figure repeated in a hundred copies of a wire story is compared once. A
reading's claims by one claimant are one *figure*; a dispute is between two figures by
different claimants, and lists every claim that gives each. Checked pairs and
corroboration are counted from the readings' sizes, never listed pair by pair, so they
stay linear in the claims however often a figure is repeated.

Readings are only ever compared within a family (one measure, one kind of unit), so they
are bucketed by family first. Counts are then looked up only among readings at their own
place or a place it is part of, and only among those whose first day falls where a
period holding theirs can start (periods are binned by length, so that one long period
does not make every look-up long). Stocks are looked up within their window of days
at their own place; events by their place, subject and first day. The work grows with
the number of comparable pairs of readings, not with the square of the claims.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from datetime import date, timedelta

import pandas as pd

from figures import schema
from figures.disputes.claims import COUNT, EVENT, STOCK, Claim, claims_of
from figures.disputes.found import Dispute, Disputes, Link, Member
from figures.disputes.readings import Figure, readings_of
from figures.disputes.rules import CONTRADICTION, Verdict, count_rule, event_rule, stock_rule
from figures.disputes.scope import chain

# Upper bounds, in days, of the period lengths binned together for counts.
LENGTH_BINS: tuple[int, ...] = (1, 7, 31, 92, 366, 3660)


def bin_of(length: int) -> int:
    """The index of the length bin a period of `length` days falls in."""
    return next((index for index, top in enumerate(LENGTH_BINS) if length <= top),
                len(LENGTH_BINS))


def bin_top(index: int) -> int:
    """The longest period, in days, a bin may hold (the last bin: any)."""
    return LENGTH_BINS[index] if index < len(LENGTH_BINS) else 10**6


class CountIndex:
    """Dated counts of one family, by place and period-length bin, sorted by first day."""

    def __init__(self, claims: list[Claim]) -> None:
        groups: dict[tuple[str, int], list[Claim]] = defaultdict(list)
        for claim in claims:
            start, end = claim.period  # type: ignore[misc]
            groups[(claim.place, bin_of((end - start).days + 1))].append(claim)
        self.bins: dict[str, list[tuple[int, list[date], list[Claim]]]] = defaultdict(list)
        for (place, index), members in groups.items():
            members.sort(key=lambda claim: claim.start)  # type: ignore[arg-type,return-value]
            self.bins[place].append((index, [c.start for c in members], members))  # type: ignore[misc]

    def holders(self, claim: Claim, part_of: Mapping[str, str]) -> Iterator[Claim]:
        """Claims whose place holds this one's and whose first day could start a period
        holding its period; the rule decides the rest."""
        start, end = claim.period  # type: ignore[misc]
        for place in chain(claim.place, part_of):
            for index, starts, members in self.bins.get(place, []):
                earliest = end - timedelta(days=bin_top(index) - 1)
                yield from members[bisect_left(starts, earliest):bisect_right(starts, start)]


def count_verdicts(claims: list[Claim], part_of: Mapping[str, str]) -> Iterator[Verdict]:
    """Every verdict between dated counts of one family, each pair once."""
    dated = [claim for claim in claims if claim.period]
    index = CountIndex(dated)
    for claim in dated:
        for other in index.holders(claim, part_of):
            if other is claim:
                continue
            verdict = count_rule(claim, other, part_of)
            if verdict is None:
                continue
            # A pair whose scopes are the same is reached from both sides: keep one.
            if claim.period == other.period and claim.place == other.place and \
                    claim.claim_id > other.claim_id:
                continue
            yield verdict


def stock_verdicts(claims: list[Claim], window: int) -> Iterator[Verdict]:
    """Every verdict between stocks of one family at one place within the window."""
    by_place: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.moment:
            by_place[claim.place].append(claim)
    for members in by_place.values():
        members.sort(key=lambda claim: claim.moment)  # type: ignore[arg-type,return-value]
        moments = [claim.moment for claim in members]
        for position, claim in enumerate(members):
            last = bisect_right(moments, claim.moment + timedelta(days=window))  # type: ignore[operator]
            for other in members[position + 1:last]:
                verdict = stock_rule(claim, other, window)
                if verdict is not None:
                    yield verdict


def event_verdicts(claims: list[Claim]) -> Iterator[Verdict]:
    """Every verdict between claims of the same event."""
    events: dict[tuple[str, str, date], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.start:
            events[(claim.place, claim.subject, claim.start)].append(claim)
    for members in events.values():
        for position, claim in enumerate(members):
            for other in members[position + 1:]:
                verdict = event_rule(claim, other)
                if verdict is not None:
                    yield verdict


def verdicts(claims: list[Claim], part_of: Mapping[str, str]) -> Iterator[Verdict]:
    """Every verdict among the claims, family by family."""
    families: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        families[(claim.kind, claim.family)].append(claim)
    for (kind, _family), members in families.items():
        if kind == COUNT:
            yield from count_verdicts(members, part_of)
        elif kind == STOCK:
            yield from stock_verdicts(members, schema.STOCK_WINDOW_DAYS)
        elif kind == EVENT:
            yield from event_verdicts(members)


def rule_between(first: Claim, second: Claim, part_of: Mapping[str, str]) -> Verdict | None:
    """The verdict of the rule for the claims' kind (they are of one family)."""
    if first.kind == COUNT:
        return count_rule(first, second, part_of)
    if first.kind == STOCK:
        return stock_rule(first, second, schema.STOCK_WINDOW_DAYS)
    return event_rule(first, second)


def parties_text(first: Claim, second: Claim) -> str:
    """Whether the two claimants speak for different parties."""
    if first.party == second.party:
        return f"same party ({first.party})"
    return f"different parties ({first.party}; {second.party})"


def as_dispute(verdict: Verdict, dispute_id: str,
               sides: tuple[tuple[str, ...], tuple[str, ...]]) -> Dispute:
    """A broken rule as a dispute, its sentence ending with a full stop."""
    return Dispute(dispute_id, verdict.rule, verdict.strength, sides,
                   parties_text(verdict.first, verdict.second),
                   "; ".join(verdict.differences), verdict.sentence + ".")


def breaches_between(first: list[Figure], second: list[Figure], same: bool,
                     part_of: Mapping[str, str], found: Verdict | None = None
                     ) -> Iterator[tuple[Verdict, tuple[tuple[str, ...], tuple[str, ...]]]]:
    """Each pair of figures of two readings that break their rule, with the verdict in
    the figures' own words and the claims giving each (smaller scope first). `found` is
    the readings' verdict: when each reading is one figure, it is already in its words."""
    if found is not None and not same and len(first) == len(second) == 1:
        ids = {first[0].claim.claim_id: first[0].claim_ids,
               second[0].claim.claim_id: second[0].claim_ids}
        yield found, (ids[found.first.claim_id], ids[found.second.claim_id])
        return
    for position, left in enumerate(first):
        for right in (first[position + 1:] if same else second):
            verdict = rule_between(left.claim, right.claim, part_of)
            if verdict is None or verdict.holds:
                continue
            ids = {left.claim.claim_id: left.claim_ids, right.claim.claim_id: right.claim_ids}
            yield verdict, (ids[verdict.first.claim_id], ids[verdict.second.claim_id])


def dispute_order(found: tuple[Verdict, tuple[tuple[str, ...], tuple[str, ...]]]
                  ) -> tuple[bool, str, str]:
    """Contradictions first, then by the first claim of each side."""
    verdict, (first, second) = found
    return verdict.strength != CONTRADICTION, first[0], second[0]


def find_disputes(table: pd.DataFrame, places: pd.DataFrame | Mapping[str, str]) -> Disputes:
    """Every dispute and every comparison among the claims of a figure table.

    `places` is places.csv (columns place, part_of) or a mapping of place to part_of.
    Disputes are numbered D1, D2, ... contradictions first, then by their claims, so a
    dispute keeps its number in every filtered view of the same table.
    """
    part_of = places if isinstance(places, Mapping) else dict(
        zip(places["place"].astype(str).str.strip(), places["part_of"].astype(str).str.strip(),
            strict=True))
    claims = claims_of(table)
    readings, reading_of, figures = readings_of(claims)
    links, breaking = [], []
    for verdict in verdicts(readings, part_of):
        first, second = sorted((reading_of[verdict.first.claim_id],
                                reading_of[verdict.second.claim_id]))
        links.append(Link(first, second, verdict.agrees))
        if not verdict.holds:
            breaking.append((first, second, verdict))
    repeated = Counter(reading_of.values())
    for number, claim in enumerate(readings):
        # A reading's own repeats, by one claimant or several, are compared with it too.
        verdict = rule_between(claim, claim, part_of) if repeated[number] > 1 else None
        if verdict is not None:
            links.append(Link(number, number, verdict.agrees))
            if not verdict.holds:
                breaking.append((number, number, None))
    breaches, inconsistent = [], []
    for first, second, found in breaking:
        for verdict, sides in breaches_between(figures[first], figures[second],
                                               first == second, part_of, found):
            same_claimant = verdict.first.claimant_id == verdict.second.claimant_id
            (inconsistent if same_claimant else breaches).append((verdict, sides))
    breaches.sort(key=dispute_order)
    inconsistent.sort(key=dispute_order)
    return Disputes(
        tuple(as_dispute(verdict, f"D{number}", sides)
              for number, (verdict, sides) in enumerate(breaches, 1)),
        tuple(as_dispute(verdict, f"S{number}", sides)
              for number, (verdict, sides) in enumerate(inconsistent, 1)),
        tuple(links),
        {claim.claim_id: Member(reading_of[claim.claim_id], claim.claimant_id, claim.party)
         for claim in claims})
