"""Each claim of the figure table as the dispute rules read it: its kind of quantity,
its scope (place, days, subject, cause) and the range of values it allows."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import pandas as pd

from figures import compare, schema
from figures.disputes.ranges import Allowed, allowed

COUNT = "counts over time"
STOCK = "stocks at a moment"
EVENT = "claims of one event"


@dataclass(frozen=True)
class Claim:
    """One claim, ready to be held against another."""

    claim_id: str
    claimant_id: str
    who: str
    party: str
    kind: str
    family: str
    measure: str
    subject: str
    place: str
    cause: str
    start: date | None
    end: date | None
    published: date | None
    allowed: Allowed
    figure: tuple[float, float, str, str, str]  # value, value_max, qualifier, words, unit

    @property
    def period(self) -> tuple[date, date] | None:
        """The first and last day the claim covers, when both are known."""
        return (self.start, self.end) if self.start and self.end else None

    @property
    def moment(self) -> date | None:
        """The day a stock stands at: its period's end, else its start, else its article's."""
        return self.end or self.start or self.published

    @property
    def label(self) -> str:
        """The figure as the article put it: "at least 96" (worked out only for sentences)."""
        value, top, qualifier, words, unit = self.figure
        return compare.value_label({"value": value, "value_max": top, "qualifier": qualifier,
                                    "qualifier_text": words, "unit": unit})

    @property
    def what(self) -> str:
        """What the claim counts: "children killed"."""
        return compare.what_phrase(self.measure, self.subject)


def kind_of(measure: str) -> tuple[str, str]:
    """The rule a measure's claims are held to, and the family they are compared within."""
    if measure in schema.COUNT_MEASURES:
        return COUNT, measure
    if measure in schema.STOCK_MEASURES:
        return STOCK, schema.STOCK_FAMILIES.get(measure, measure)
    if measure in schema.EVENT_MEASURES:
        return EVENT, measure
    return "", measure


@lru_cache(maxsize=65_536)
def day(text: str) -> date | None:
    """An ISO day, or None (kept: a corpus names far fewer days than claims)."""
    return compare.parse_date(text) if text else None


@lru_cache(maxsize=65_536)
def allowed_range(value: float, top: float | None, qualifier: str, unit: str) -> Allowed:
    """The range a figure allows on its unit's common scale (kept: figures repeat)."""
    return allowed(value, top, qualifier, schema.common_factor(unit))


NEEDED: tuple[str, ...] = (
    "claim_id", "claimant_id", "claimant", "claimant_org", "party", "value", "value_max",
    "unit", "qualifier", "qualifier_text", "measure", "subject", "place", "blamed_on",
    "period_start", "period_end", "published", "review_status",
)


def claim_of(row: Mapping[str, object], who: str) -> Claim | None:
    """A table row as a claim the rules can read; None when no rule applies to it."""
    value, top = float(row["value"]), float(row["value_max"])  # type: ignore[arg-type]
    kind, family = kind_of(str(row["measure"]))
    # A figure no person has checked, or one whose place or subject is not known yet, is
    # set against nothing: its dispute could be the extractor's mistake.
    if math.isnan(value) or not kind or not row["place"] or not row["subject"] or \
            row["review_status"] == schema.PROPOSED:
        return None
    unit, qualifier = str(row["unit"]), str(row["qualifier"])
    top_or_none = None if math.isnan(top) else top
    return Claim(
        claim_id=str(row["claim_id"]), claimant_id=str(row["claimant_id"]), who=who,
        party=str(row["party"]), kind=kind, family=f"{family}|{unit_kind(unit)}",
        measure=str(row["measure"]), subject=str(row["subject"]), place=str(row["place"]),
        cause=str(row["blamed_on"]).strip(), start=day(str(row["period_start"])),
        end=day(str(row["period_end"])), published=day(str(row["published"])),
        allowed=allowed_range(value, top_or_none, qualifier, unit),
        figure=(value, top, qualifier, str(row["qualifier_text"]), unit),
    )


def unit_kind(unit: str) -> str:
    """Units that share one scale: hours and days are both durations, hectares and
    square miles both areas."""
    return schema.COMMON_UNITS.get(unit, (unit, 1.0))[0]


def claims_of(table: pd.DataFrame) -> list[Claim]:
    """Every claim of the table that a rule applies to."""
    frame = compare.with_columns(table[[c for c in NEEDED if c in table.columns]])
    columns = {name: frame[name].tolist() for name in NEEDED}
    names = {pair: compare.who_said(*pair) for pair in set(zip(
        columns["claimant"], columns["claimant_org"], strict=True))}
    found = []
    for values in zip(*columns.values(), strict=True):
        row = dict(zip(NEEDED, values, strict=True))
        claim = claim_of(row, names[(row["claimant"], row["claimant_org"])])
        if claim is not None:
            found.append(claim)
    return found
