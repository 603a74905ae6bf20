"""What a figure allows: the range of values its qualifier leaves open.

"At least 96" allows 96 or more; "68" allows 68 only; "some 300,000" allows 270,000 to
330,000 (the codebook's tolerance). Disputes are found by comparing these ranges, never
the bare figures, so a bound is never read as an exact count.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from figures import schema


@dataclass(frozen=True)
class Allowed:
    """The values a claim allows: from `low` to `high`, either end open (not reached)."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False


def widened(value: float, qualifier: str, end: str) -> tuple[float, bool]:
    """One end of a claim's range, as its qualifier moves it; `end` is "low" or "high"."""
    if qualifier in schema.APPROXIMATE_QUALIFIERS:
        factor = 1 - schema.APPROXIMATE_TOLERANCE if end == "low" else \
            1 + schema.APPROXIMATE_TOLERANCE
        return value * factor, False
    if end == "low":
        if qualifier in ("up_to", "under"):
            return 0.0, False
        return value, qualifier == "over"
    if qualifier in ("at_least", "over"):
        return math.inf, True
    return value, qualifier == "under"


def allowed(value: float, value_max: float | None, qualifier: str, scale: float = 1.0
            ) -> Allowed:
    """The range a claim allows, in units multiplied by `scale` (days to hours: 24)."""
    top = value if value_max is None or math.isnan(value_max) else value_max
    low, low_open = widened(value * scale, qualifier, "low")
    high, high_open = widened(top * scale, qualifier, "high")
    return Allowed(low, high, low_open, high_open)


def reaches(larger: Allowed, smaller: Allowed) -> bool:
    """Whether `larger` allows a value at least as large as some value `smaller` allows:
    whether a count for a larger scope can hold the count for a part of it."""
    if larger.high != smaller.low:
        return larger.high > smaller.low
    return not (larger.high_open or smaller.low_open)


def overlaps(first: Allowed, second: Allowed) -> bool:
    """Whether two ranges allow a common value."""
    return reaches(first, second) and reaches(second, first)
