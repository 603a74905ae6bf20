"""Read the time a figure covers from the words that give it, as calendar days.

A claim's period words ("this week alone", "over the past 24 hours", "since late
September", "starting from August 11") only become comparable once they are days: only
then can one claim's period be seen to lie within another's. This module turns the words
and the day they were said (an article's date, or the date of the statement it quotes)
into a first and last day and a basis that says how, in the codebook's style: `stated`
when the words name the calendar day, `inferred: <how>` when the day is worked out.

The words are read at their widest, so a period never holds less than they allow: "this
week" is the seven days up to the day it was said, "late September" starts on the 21st,
"over the past 24 hours" is that day and the one before. Only English news prose in
general is read here: no rule names a place, a party or an article.

`period_of(words, said_on)` is the one entry point; the extractor can call it on a
sentence to propose the dates a person then checks.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from figures.numbers import parse_number

STATED = "stated"
# A year written out in period words ("since 3 May 2016").
WRITTEN_YEAR = re.compile(r"\b(?:1[89]|2[01])\d\d\b")
INFERRED = "inferred: "

MONTHS: dict[str, int] = {
    name.lower(): number for number, name in enumerate(calendar.month_name) if name
}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr)
               if name})
MONTHS["sept"] = 9
WEEKDAYS: dict[str, int] = {name.lower(): number for number, name in
                            enumerate(calendar.day_name)}
# The first day of each part of a month: "early", "mid" and "late" September.
PART_STARTS: dict[str, int] = {"early": 1, "mid": 11, "middle": 11, "late": 21, "end": 21}
UNIT_DAYS: dict[str, float] = {"hour": 1 / 24, "day": 1, "week": 7, "month": 31, "year": 366}
HALF_YEAR = 183  # days: a day-and-month more than this after the reference is last year's

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH = rf"(?P<month>{_MONTH_NAMES})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
# A day and month either way round ("August 11", "11 August"), then perhaps a year.
_DATE = (rf"(?:{_MONTH}\s+{_DAY}|(?P<day_first>\d{{1,2}})(?:st|nd|rd|th)?\s+"
         rf"(?P<month_after>{_MONTH_NAMES})\.?)(?:,?\s+(?P<year>\d{{4}}))?\b")
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
_COUNT = r"(?P<count>\d[\d,.]*|[a-z]+(?:[\s-][a-z]+)?)"
_UNIT = r"(?P<unit>hour|day|week|month|year)s?"


@dataclass(frozen=True)
class Period:
    """The days a figure covers, either end unknown as None, and how they are known."""

    start: date | None
    end: date | None
    basis: str


def day_text(day: date) -> str:
    """A day as the bases write it: "1 October 2016"."""
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


def as_date(value: date | str) -> date:
    """An ISO date string or a date, as a date."""
    return value if isinstance(value, date) else date.fromisoformat(str(value).strip())


def nearest_year(month: int, day: int, said_on: date) -> date | None:
    """A day and month without a year, in the year that puts it nearest the reference day:
    the reference's year, or the year before if that would be more than half a year
    ahead. None if there is no such day ("30 February")."""
    try:
        found = date(said_on.year, month, day)
    except ValueError:
        return None
    if (found - said_on).days > HALF_YEAR:
        found = found.replace(year=found.year - 1)
    return found


def written_day(match: re.Match[str], said_on: date) -> date | None:
    """The calendar day a date phrase names, its year from the reference if not written."""
    month = MONTHS[(match.group("month") or match.group("month_after")).lower()]
    day = int(match.group("day") or match.group("day_first"))
    if match.group("year"):
        try:
            return date(int(match.group("year")), month, day)
        except ValueError:
            return None
    return nearest_year(month, day, said_on)


def latest_weekday(weekday: str, said_on: date, strictly_before: bool = False) -> date:
    """The last day named `weekday` on or (strictly_before) before the reference day."""
    back = (said_on.weekday() - WEEKDAYS[weekday.lower()]) % 7
    if back == 0 and strictly_before:
        back = 7
    return said_on - timedelta(days=back)


def span_days(count: float, unit: str) -> int:
    """Whole days a span covers before the reference day: 24 hours is one, 4 days four."""
    return max(1, math.ceil(count * UNIT_DAYS[unit.lower()]))


def month_start(month: int, part: str, said_on: date) -> date | None:
    """The first day of a month (or its early, mid or late part) on or before the
    reference day, in the latest year that allows it."""
    first = PART_STARTS.get(part.lower(), 1) if part else 1
    year = said_on.year if month <= said_on.month else said_on.year - 1
    return date(year, month, first)


Reader = Callable[[re.Match[str], date, str], Period | None]


def read_since_day(match: re.Match[str], said_on: date, words: str) -> Period | None:
    """ "since August 11": from that day to the day it was said."""
    start = written_day(match, said_on)
    if start is None or start > said_on:
        return None
    return Period(start, said_on, f"{INFERRED}'{words}' read as from {day_text(start)} "
                  f"to the day it was said, {day_text(said_on)}")


def read_from_day(match: re.Match[str], said_on: date, words: str) -> Period | None:
    """ "starting from August 11": a stated first day and no stated end."""
    start = written_day(match, said_on)
    return Period(start, None, STATED) if start else None


def read_between(match: re.Match[str], said_on: date, words: str) -> Period | None:
    """ "between 3 and 9 May", "from May 3 to May 9": both days stated."""
    month = MONTHS[match.group("month").lower()]
    first = nearest_year(month, int(match.group("first")), said_on)
    last = nearest_year(month, int(match.group("last")), said_on)
    if first is None or last is None or last < first:
        return None
    return Period(first, last, STATED)


def read_on_day(match: re.Match[str], said_on: date, words: str) -> Period | None:
    """ "on May 3": one stated day."""
    day = written_day(match, said_on)
    return Period(day, day, STATED) if day else None


def read_since_month(match: re.Match[str], said_on: date, words: str) -> Period | None:
    """ "since late September": from the first day the words can mean to the day said."""
    part = match.group("part") or ""
    start = month_start(MONTHS[match.group("month").lower()], part, said_on)
    if start is None or start > said_on:
        return None
    month = calendar.month_name[start.month]
    if part:
        how = f"'{part.lower()} {month}' read from its earliest day, {day_text(start)}"
    else:
        how = f"'{month}' read from its first day, {day_text(start)}"
    return Period(start, said_on, f"{INFERRED}{how}; 'since' runs to the day it was "
                  f"said, {day_text(said_on)}")


def read_in_month(match: re.Match[str], said_on: date, words: str) -> Period | None:
    """ "in late September": that part of the month, up to the day said if it is this month."""
    part = match.group("part") or ""
    start = month_start(MONTHS[match.group("month").lower()], part, said_on)
    if start is None:
        return None
    last = date(start.year, start.month, calendar.monthrange(start.year, start.month)[1])
    if part.lower() in ("early",):
        last = start.replace(day=10)
    elif part.lower() in ("mid", "middle"):
        last = start.replace(day=20)
    end = min(last, said_on)
    return Period(start, end, f"{INFERRED}'{words}' read as {day_text(start)} to "
                  f"{day_text(end)}, the latest such days by {day_text(said_on)}")


def read_this_week(match: re.Match[str], said_on: date, words: str) -> Period | None:
    """ "this week alone", "earlier this week": the seven days up to the day said."""
    start = said_on - timedelta(days=6)
    return Period(start, said_on, f"{INFERRED}'{words}' read as the seven days up to the "
                  f"day it was said, {day_text(start)} to {day_text(said_on)}")


def read_last_week(match: re.Match[str], said_on: date, words: str) -> Period | None:
    """ "last week": the week before the one the day said falls in, at its widest."""
    start, end = said_on - timedelta(days=13), said_on - timedelta(days=1)
    return Period(start, end, f"{INFERRED}'{words}' read as the calendar week before "
                  f"{day_text(said_on)}, at its widest {day_text(start)} to {day_text(end)}")


def read_past_span(match: re.Match[str], said_on: date, words: str) -> Period | None:
    """ "over the past 24 hours", "in four days": the span up to the day said."""
    count_text = match.group("count") or "1"
    count = 1.0 if count_text.lower() in ("a", "an", "one") else parse_number(count_text)
    if count is None or count <= 0:
        return None
    start = said_on - timedelta(days=span_days(count, match.group("unit")))
    return Period(start, said_on, f"{INFERRED}'{words}' read as the span up to the day it "
                  f"was said, {day_text(start)} to {day_text(said_on)}")


def read_this_month(match: re.Match[str], said_on: date, words: str) -> Period | None:
    """ "this month", "earlier this month": from the month's first day to the day said."""
    start = said_on.replace(day=1)
    return Period(start, said_on, f"{INFERRED}'{words}' read as {day_text(start)} to the "
                  f"day it was said, {day_text(said_on)}")


def read_this_year(match: re.Match[str], said_on: date, words: str) -> Period | None:
    """ "this year": from the first of January to the day said."""
    start = date(said_on.year, 1, 1)
    return Period(start, said_on, f"{INFERRED}'{words}' read as {day_text(start)} to the "
                  f"day it was said, {day_text(said_on)}")


def read_relative_day(match: re.Match[str], said_on: date, words: str) -> Period | None:
    """ "today", "yesterday", "overnight": the day said, the day before, or both."""
    word = match.group("relative").lower()
    start = said_on - timedelta(days=0 if word == "today" else 1)
    end = said_on - timedelta(days=1) if word == "yesterday" else said_on
    return Period(start, end, f"{INFERRED}'{words}' read against the day it was said, "
                  f"{day_text(said_on)}")


def read_weekday(match: re.Match[str], said_on: date, words: str) -> Period | None:
    """ "on Monday", "since Monday", "last Monday": the latest such day by the day said."""
    strictly = bool(match.group("last"))
    day = latest_weekday(match.group("weekday"), said_on, strictly)
    end = said_on if match.group("since") else day
    how = f"'{words}' read as {day.strftime('%A')} {day_text(day)}, the latest by the day " \
          f"it was said, {day_text(said_on)}"
    return Period(day, end, f"{INFERRED}{how}")


_S = r"\s+"
_PART = r"(?:\s+|-)"  # between a part of a month and its name: "late September", "mid-May"
RULES: tuple[tuple[re.Pattern[str], Reader], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), reader) for pattern, reader in (
        (rf"\bbetween{_S}(?P<first>\d{{1,2}}){_S}and{_S}(?P<last>\d{{1,2}}){_S}{_MONTH}",
         read_between),
        (rf"\b(?:(?:starting|beginning){_S}(?:from|on)|from|as{_S}of){_S}{_DATE}"
         rf"(?!{_S}(?:to|until|through)\b)", read_from_day),
        (rf"\bsince{_S}{_DATE}", read_since_day),
        (rf"\bsince{_S}(?:the{_S})?(?:(?P<part>early|mid|middle|late|end)(?:{_S}of)?{_PART})?"
         rf"{_MONTH}\b", read_since_month),
        (rf"\bsince\b[^.;:!?]{{0,60}}?\b(?:in|by){_S}(?:(?P<part>early|mid|middle|late)"
         rf"{_PART})?{_MONTH}\b", read_since_month),
        (rf"\b(?:on{_S}){_DATE}", read_on_day),
        (rf"\bin{_S}(?:(?P<part>early|mid|middle|late){_PART})?{_MONTH}\b(?!{_S}\d)",
         read_in_month),
        (rf"\b(?:(?:earlier|later){_S})?this{_S}week\b(?:{_S}alone)?", read_this_week),
        (rf"\blast{_S}week\b", read_last_week),
        (rf"\b(?:over|in|during|within|for){_S}the{_S}(?:past|last|previous|preceding)"
         rf"{_S}(?:{_COUNT}{_S})?{_UNIT}\b", read_past_span),
        (rf"\b(?:in|over|within){_S}(?P<count>\d[\d,]*|[a-z]+){_S}(?P<unit>hour|day|week)s"
         rf"\b", read_past_span),
        (rf"\b(?:(?:earlier|later){_S})?this{_S}month\b", read_this_month),
        (rf"\b(?:so{_S}far{_S})?this{_S}year\b", read_this_year),
        (r"\b(?P<relative>today|yesterday|overnight)\b", read_relative_day),
        (rf"\b(?:(?P<since>since)|on|(?P<last>last)){_S}{_WEEKDAY}\b", read_weekday),
    )
)


def find_period(text: str, said_on: date | str) -> Period | None:
    """The period the first period phrase of `text` gives, or None if it gives none.

    Where two phrases start at the same place, the rule listed first wins, so the more
    precise reading ("since late September") beats the looser one.
    """
    reference = as_date(said_on)
    found: list[tuple[int, int, Period]] = []
    for rank, (pattern, reader) in enumerate(RULES):
        for match in pattern.finditer(text):
            period = reader(match, reference, " ".join(match.group(0).split()))
            if period is not None:
                found.append((match.start(), rank, period))
                break
    return min(found, key=lambda item: item[:2])[2] if found else None


def period_of(text: str, said_on: date | str) -> tuple[date | None, date | None, str]:
    """(first day, last day, basis) of the period `text` gives, said on `said_on`;
    (None, None, "") when the words give no period. The basis is `stated` or
    `inferred: <how>`, ready for the `period_basis` column."""
    period = find_period(text, said_on)
    if period is None:
        return None, None, ""
    return period.start, period.end, period.basis


def period_columns(text: str, said_on: date | str | None,
                   date_basis: str = STATED) -> dict[str, str]:
    """The claims.csv cells `period_start`, `period_end` and `period_basis` for period
    words said on a day; all empty when the day is unknown or the words give no period.

    `date_basis` is how the day said is known (the article's `published_basis`). Days the
    words name without a year take the year of that day, so they are stated only when
    it is; under an inferred date they are inferred too.
    """
    if not said_on or not str(said_on).strip():
        return {"period_start": "", "period_end": "", "period_basis": ""}
    try:
        start, end, basis = period_of(text, said_on)
    except ValueError:
        start, end, basis = None, None, ""
    if (basis == STATED and not date_basis.startswith(STATED)
            and not WRITTEN_YEAR.search(text)):
        basis = (f"{INFERRED}'{' '.join(text.split())}' names the days but not their year, "
                 "taken from the article's date, which the article does not state")
    return {"period_start": start.isoformat() if start else "",
            "period_end": end.isoformat() if end else "", "period_basis": basis}


def with_period(claim: Mapping[str, str], said_on: date | str | None,
                date_basis: str = STATED) -> dict[str, str]:
    """A claims.csv row with the days its period words give, read against `said_on` (the
    article's date, known as `date_basis` says) and saying so in `period_basis`;
    unchanged when it already has period days, or when the words or the date give none."""
    row = dict(claim)
    if not row.get("period_text") or row.get("period_start") or row.get("period_end"):
        return row
    return {**row, **period_columns(row["period_text"], said_on, date_basis)}
