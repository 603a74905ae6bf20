"""The words of a dispute: each broken rule as a sentence a reader can check.

Every part of a sentence comes from the data (who, the days, the place, the figures in
the article's words, the cause each names), so that the sentence can be checked against
the claims it sets side by side.
"""

from __future__ import annotations

from datetime import date

from figures.compare import SHORT_MONTHS, day_label
from figures.disputes.claims import Claim

# What a count of each measure is a count of, for saying what a named cause caused.
CAUSED: dict[str, str] = {
    "killed": "deaths",
    "injured": "injuries",
    "attacked": "attacks",
    "fired": "munitions fired",
    "left": "departures",
}


def possessive(name: str) -> str:
    """ "UNICEF's", "Syrian Observatory for Human Rights'"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def span_text(start: date | None, end: date | None) -> str:
    """A period as short as it reads clearly: "22–28 Sep 2016", "21 Sep–13 Oct 2016"."""
    if start and end:
        if start == end:
            return day_label(start)
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}–{day_label(end)}"
        if start.year == end.year:
            return f"{start.day} {SHORT_MONTHS[start.month - 1]}–{day_label(end)}"
        return f"{day_label(start)}–{day_label(end)}"
    if start:
        return f"from {day_label(start)}"
    return f"up to {day_label(end)}" if end else "no stated period"


def cause_difference(smaller: Claim, larger: Claim) -> str:
    """How two claims' causes differ: "X counts deaths from A, Y names no cause"."""
    noun = CAUSED.get(larger.measure, larger.what)
    if not smaller.cause:
        return f"{larger.who} counts {noun} from {larger.cause}, {smaller.who} names no cause"
    if not larger.cause:
        return f"{smaller.who} counts {noun} from {smaller.cause}, {larger.who} names no cause"
    return f"{smaller.who} counts {noun} from {smaller.cause}, {larger.who} from {larger.cause}"


def subject_difference(broader: Claim, narrower: Claim) -> str:
    """ "X counts people, Y only civilians, a part of them"."""
    return (f"{broader.who} counts {broader.subject}, {narrower.who} only "
            f"{narrower.subject}, a part of them")


def measure_difference(first: Claim, second: Claim) -> str:
    """ "X counts civilians trapped, Y people remaining"."""
    return f"{first.who} counts {first.what}, {second.who} {second.what}"


def figure(claim: Claim, with_subject: bool) -> str:
    """A claim's figure in the article's words, with its subject when subjects differ."""
    return f"{claim.label} {claim.subject}" if with_subject else claim.label


def period_clause(smaller: Claim, larger: Claim) -> str:
    """Whose period lies within whose, or that they share one."""
    small, large = span_text(smaller.start, smaller.end), span_text(larger.start, larger.end)
    if small == large:
        return f"{smaller.who} and {larger.who} count over the same period ({small})"
    return (f"{possessive(smaller.who)} period ({small}) lies within "
            f"{possessive(larger.who)} ({large})")


def place_clause(smaller: Claim, larger: Claim) -> str:
    """Both in one place, or one place within the other."""
    if smaller.place == larger.place:
        return f"both in {smaller.place}"
    return f"{smaller.place} lies within {larger.place}"


def count_sentence(smaller: Claim, larger: Claim, same_scope: bool,
                   differences: list[str]) -> str:
    """The rule for counts over time, as it is broken by two claims."""
    subjects = smaller.subject != larger.subject
    if same_scope:
        clash = (f"yet {figure(smaller, subjects)} and {figure(larger, subjects)} allow no "
                 f"common value")
    else:
        clash = f"yet {figure(smaller, subjects)} > {figure(larger, subjects)}"
    sentence = f"{period_clause(smaller, larger)}, {place_clause(smaller, larger)}, {clash}"
    return "; ".join([sentence, *differences])


def stock_sentence(first: Claim, second: Claim, same_scope: bool,
                   differences: list[str]) -> str:
    """The rule for stocks at a moment, as it is broken by two claims."""
    gap = abs(((first.moment or date.min) - (second.moment or date.min)).days)
    apart = "on the same day" if gap == 0 else f"{gap} days apart"
    said = (f"{possessive(first.who)} {first.label} {first.what} "
            f"({day_label(first.moment) if first.moment else 'undated'}) and "
            f"{possessive(second.who)} {second.label} {second.what} "
            f"({day_label(second.moment) if second.moment else 'undated'}), both in "
            f"{first.place} and {apart}")
    subjects = first.subject != second.subject
    clash = ("allow no common value" if same_scope
             else f"yet {figure(first, subjects)} > {figure(second, subjects)}")
    return "; ".join([f"{said}, {clash}", *differences])


def event_sentence(first: Claim, second: Claim) -> str:
    """The rule for claims of one event, as it is broken by two claims."""
    return (f"{first.who} and {second.who} give the length of the same {first.subject} in "
            f"{first.place}, starting {day_label(first.start) if first.start else '?'}, yet "
            f"{first.label} and {second.label} allow no common length")
