"""Each claim of the figure table as the dispute rules read it: its kind of quantity,
its scope (place, days, subject, cause) and the range of values it allows."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

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
    label: str
    what: str

    @property
    def period(self) -> tuple[date, date] | None:
        """The first and last day the claim covers, when both are known."""
        return (self.start, self.end) if self.start and self.end else None

    @property
    def moment(self) -> date | None:
        """The day a stock stands at: its period's end, else its start, else its article's."""
        return self.end or self.start or self.published


def kind_of(measure: str) -> tuple[str, str]:
    """The rule a measure's claims are held to, and the family they are compared within."""
    if measure in schema.COUNT_MEASURES:
        return COUNT, measure
    if measure in schema.STOCK_MEASURES:
        return STOCK, schema.STOCK_FAMILIES.get(measure, measure)
    if measure in schema.EVENT_MEASURES:
        return EVENT, measure
    return "", measure


def day(text: object) -> date | None:
    """An ISO day, or None."""
    return compare.parse_date(str(text)) if text else None


def claim_of(row: Mapping[str, object]) -> Claim | None:
    """A table row as a claim the rules can read; None when it has no figure."""
    value = float(row["value"])  # type: ignore[arg-type]
    if math.isnan(value):
        return None
    top = float(row["value_max"])  # type: ignore[arg-type]
    kind, family = kind_of(str(row["measure"]))
    unit = str(row["unit"])
    return Claim(
        claim_id=str(row["claim_id"]), claimant_id=str(row["claimant_id"]),
        who=compare.who_said(str(row["claimant"]), str(row["claimant_org"])),
        party=str(row["party"]), kind=kind, family=f"{family}|{unit_kind(unit)}",
        measure=str(row["measure"]), subject=str(row["subject"]), place=str(row["place"]),
        cause=str(row["blamed_on"]).strip(), start=day(row["period_start"]),
        end=day(row["period_end"]), published=day(row["published"]),
        allowed=allowed(value, None if math.isnan(top) else top, str(row["qualifier"]),
                        schema.HOURS_PER_UNIT.get(unit, 1.0)),
        label=compare.value_label(row),
        what=compare.what_phrase(str(row["measure"]), str(row["subject"])),
    )


def unit_kind(unit: str) -> str:
    """Units that share one scale: hours and days are both durations."""
    return "duration" if unit in schema.HOURS_PER_UNIT else unit


def claims_of(table: pd.DataFrame) -> list[Claim]:
    """Every claim of the table that a rule applies to."""
    frame = compare.with_columns(table)
    found = [claim_of(row) for row in frame.to_dict("records")]
    return [claim for claim in found if claim is not None and claim.kind]
