"""Find and read numbers as news prose writes them.

One scanner serves the checker (is the claimed value in its quote? is every number of
every article accounted for?) and the extractor (what figures does a new article give?),
so both agree on what counts as a number: digits with separators ("3,179"), decimals with
a scale ("1.2 million"), mixed fractions ("5 1/2"), number words ("seven", "two hundred",
"twenty-five"), percentages ("one percent", "40%"), times of day ("9:01 AM") and vague
amounts ("tens of thousands", "dozens of"), which carry no value. Thousands may be
grouped with commas, spaces or full stops as different countries write them ("279 000",
"152.857 people"), decimals may take a comma before a scale word ("2,5 million"), and
fractions of a scale are words too ("quarter-million", "half a million", "a pair").
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Literal

SMALL_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALE_WORDS: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
}
DOZEN = 12

Kind = Literal["digits", "words", "vague", "time"]


@dataclass(frozen=True)
class NumberMention:
    """One number as it stands in a text: where, as written, and what it is worth."""

    start: int
    end: int
    text: str
    value: float | None
    kind: Kind
    percent: bool = False


_WORD = r"(?:" + "|".join(sorted([*SMALL_WORDS, *SCALE_WORDS, "dozen", "half"], key=len,
                                 reverse=True)) + r")"
_WORD_PHRASE = rf"\b{_WORD}(?:(?:(?:[^\S\n]|-)+|[^\S\n]+and[^\S\n]+){_WORD})*\b"
_SCALE_AHEAD = r"[^\S\n]*(?:%|per[^\S\n]?cent|million|billion|thousand)"
_DIGITS = (
    r"(?:\d{1,3}(?:,\d{3})+"
    # "152.857 people": full stops group thousands (never "0.125", nor before a scale word)
    rf"|(?!0\.)\d{{1,3}}(?:\.\d{{3}})+(?![\d.,])(?!{_SCALE_AHEAD})"
    # "279 000": spaces group thousands
    r"|\d{1,3}(?:[\u00a0\u2009\u202f ]\d{3})+(?![\d/.,])"
    # "2,5 million": a decimal comma before a scale word or percent
    rf"|\d+,\d{{1,2}}(?={_SCALE_AHEAD})"
    r"|\d+)(?:\.\d+)?"
)
_FRACTION = r"\d+/\d+"
_SCALE = r"(?:" + "|".join(SCALE_WORDS) + r")"
_DIGIT_PHRASE = (
    rf"(?<![\w.,/]){_DIGITS}(?:[^\S\n]+{_FRACTION})?(?:[^\S\n]+{_SCALE}\b)?(?![\d/])"
    rf"|(?<![\w/]){_FRACTION}(?![\d/])"
)
_TIME = r"(?<![\w:])\d{1,2}:\d{2}(?:[^\S\n]*[AaPp]\.?[Mm]\b\.?)?"
_VAGUE = (
    r"\b(?:tens|hundreds|thousands|millions|dozens|scores)"
    r"(?:[^\S\n]+of(?:[^\S\n]+(?:thousands|millions)\b)?)?\b"
)
_PERCENT = r"(?:[^\S\n]*%|[^\S\n]+per[^\S\n]?cent\b)"
_PART = r"(?:half|quarter|third)"
# "quarter-million", "half a million", "a quarter of a million", "three-quarters of a million"
_PART_OF_SCALE = (
    rf"\b(?:(?:a|one|three|two)(?:[^\S\n]+|-))?{_PART}s?(?:[^\S\n]+of)?(?:[^\S\n]+an?)?"
    r"(?:[^\S\n]+|-)(?:million|billion)\b"
)
_PAIR = r"\ba[^\S\n]+pair\b"
# "two-thirds of", "a quarter of", "three quarters of": a share of a whole
_SHARE = (r"\b(?:a|one|two|three)(?:[^\S\n]+|-)(?:third|quarter)s?(?=[^\S\n]+of\b)")
# "one in four children": a share, 0.25
_ONE_IN = (r"\b(?:one|1)[^\S\n]+in[^\S\n]+(?:two|three|four|five|six|seven|eight|nine|ten"
           r"|\d{1,3})\b")
_PARTS: dict[str, float] = {"half": 0.5, "quarter": 0.25, "third": 1 / 3}

NUMBER_PATTERN = re.compile(
    rf"(?P<time>{_TIME})"
    rf"|(?P<part>{_PART_OF_SCALE})"
    rf"|(?P<pair>{_PAIR})"
    rf"|(?P<ratio>{_ONE_IN})"
    rf"|(?P<share>{_SHARE})"
    rf"|(?P<vague>{_VAGUE})"
    rf"|(?P<digits>{_DIGIT_PHRASE})(?P<dpct>{_PERCENT})?"
    rf"|(?P<words>{_WORD_PHRASE})(?P<wpct>{_PERCENT})?",
    re.IGNORECASE,
)


def words_value(phrase: str) -> float | None:
    """Read a phrase of number words ("two hundred and five") as a number."""
    total = 0.0
    current = 0.0
    seen = False
    for word in re.split(r"[\s-]+", phrase.lower()):
        if word in ("", "and"):
            continue
        seen = True
        if word in SMALL_WORDS:
            current += SMALL_WORDS[word]
        elif word == "half":
            current += 0.5
        elif word == "dozen":
            current = (current or 1) * DOZEN
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALE_WORDS:
            total += (current or 1) * SCALE_WORDS[word]
            current = 0.0
        else:
            return None
    return total + current if seen else None


def part_value(phrase: str) -> float | None:
    """Read a part of a scale: "quarter-million", "half a million", "three-quarters of a
    billion"."""
    words = re.findall(r"[a-z]+", phrase.lower())
    part = next((w.rstrip("s") for w in words if w.rstrip("s") in _PARTS), None)
    scale = next((SCALE_WORDS[w] for w in words if w in SCALE_WORDS), None)
    if part is None or scale is None:
        return None
    count = next((SMALL_WORDS[w] for w in words if w in SMALL_WORDS), 1)
    return count * _PARTS[part] * scale


def share_value(phrase: str) -> float | None:
    """Read "two-thirds" or "a quarter" as the share it gives."""
    words = re.findall(r"[a-z]+", phrase.lower())
    count = SMALL_WORDS.get(words[0], 1)
    part = words[-1].rstrip("s")
    return count * _PARTS[part] if part in _PARTS else None


def ratio_value(phrase: str) -> float | None:
    """Read "one in four" as the share it gives (0.25)."""
    last = phrase.split()[-1].lower()
    whole = SMALL_WORDS.get(last) or (int(last) if last.isdigit() else 0)
    return 1 / whole if whole else None


# The patterns `_plain_digits` applies, compiled once: it runs for every figure read.
_SPACE_GROUPING = re.compile(r"(?<=\d)[\u00a0\u2009\u202f ](?=\d{3}(?!\d|/))")
_DECIMAL_COMMA = re.compile(r"^(\d+),(\d{1,2})(?!\d)")
_POINT_GROUPING = re.compile(r"(?!0\.)\d{1,3}(?:\.\d{3})+(?![\d.])")
_SCALED = re.compile(r"(?i)million|billion|thousand|%|per")
_GROUPING_POINT = re.compile(r"\.(?=\d{3})")


def _plain_digits(phrase: str) -> str:
    """Digits with their thousands grouping taken out ("279 000" -> "279000",
    "152.857" -> "152857") and a decimal comma made a point ("2,5 million")."""
    phrase = _SPACE_GROUPING.sub("", phrase)
    phrase = _DECIMAL_COMMA.sub(r"\1.\2", phrase)
    if _POINT_GROUPING.match(phrase) and not _SCALED.search(phrase):
        phrase = _GROUPING_POINT.sub("", phrase)
    return phrase


def digits_value(phrase: str) -> float | None:
    """Read digits with separators, an optional fraction and an optional scale word."""
    parts = _plain_digits(phrase.replace("\u00a0", " ")).split()
    if not parts:
        return None
    value = 0.0
    for part in parts:
        lowered = part.lower()
        if lowered in SCALE_WORDS:
            value *= SCALE_WORDS[lowered]
        elif "/" in part:
            numerator, denominator = part.split("/", 1)
            if not numerator.isdigit() or not denominator.isdigit() or int(denominator) == 0:
                return None
            value += int(numerator) / int(denominator)
        else:
            try:
                value += float(part.replace(",", ""))
            except ValueError:
                return None
    return value


# Every number phrase starts with the first digit of a run of digits or, at the start of
# a word, with a number word. The scanner finds those places with plain searches of the
# lowered text and tries the whole pattern only there, which finds the
# same phrases many times faster than trying it at every character. A text holding a
# letter that matches a plain letter only when case is ignored (the Kelvin sign, the long
# s, the dotless i) is scanned the slow way. The word "a" starts a phrase only before a
# part or "pair" ("a quarter of", "a pair"), so only such an "a" is a possible start.
_FIRST_WORDS = sorted({*SMALL_WORDS, *SCALE_WORDS, *_PARTS, "dozen", "tens", "dozens",
                       "scores"})
_SEARCHED_WORDS = tuple(word for word in _FIRST_WORDS
                        if not any(word != other and word.startswith(other)
                                   for other in _FIRST_WORDS))


# The possible starts are found by three plain searches whose matches cannot overlap, so
# together they give what one pattern of all three, tried at every place, gives: runs of
# digits; each first word wherever it stands at the start of a word (found by the string
# search, which skips to it, instead of trying a pattern at every letter); and an "a"
# starting a word before a part or "pair".
_DIGIT_RUN = re.compile(r"\d+")
_A_BEFORE_PART = re.compile(
    r"a(?<!\wa)(?=(?:[^\S\n]+|-)(?:" + "|".join([*_PARTS, "pair"]) + r"))")


@cache
def _odd_case() -> re.Pattern[str]:
    """The characters outside ASCII whose lower or upper case is an ASCII letter (the
    Kelvin sign's is "k"): where one stands, lowering may move a word's letters. Built on
    first use, not on import: walking every code point takes a tenth of a second, which a
    page that only reads a stored table would wait for."""
    return re.compile("[" + "".join(
        re.escape(chr(code)) for code in range(0x80, 0x10000)
        if any(len(changed) == 1 and changed.isascii() and changed.isalpha()
               for changed in (chr(code).lower(), chr(code).upper()))
    ) + "]")


def _possible_starts(lowered: str) -> list[int]:
    """Every place a number phrase could start in a lowered text, in order (and some
    where none does)."""
    starts = [match.start() for match in _DIGIT_RUN.finditer(lowered)]
    starts += [match.start() for match in _A_BEFORE_PART.finditer(lowered)]
    find = lowered.find
    for word in _SEARCHED_WORDS:
        at = find(word)
        while at >= 0:
            # At the start of a word: what comes before is no letter, digit or "_" (what
            # a pattern's \b reads as a word's character).
            if at == 0 or not (lowered[at - 1].isalnum() or lowered[at - 1] == "_"):
                starts.append(at)
            at = find(word, at + len(word))
    starts.sort()
    return starts


def number_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches `NUMBER_PATTERN.finditer(text)` gives, found from their possible starts."""
    lowered = text.lower()
    if len(lowered) != len(text) or _odd_case().search(text):
        yield from NUMBER_PATTERN.finditer(text)
        return
    end = 0
    for start in _possible_starts(lowered):
        if start < end:
            continue
        match = NUMBER_PATTERN.match(text, start)
        if match is not None:
            yield match
            end = match.end()


def find_numbers(text: str) -> list[NumberMention]:
    """Every number-bearing phrase of `text`, in order, with its offsets and value."""
    mentions: list[NumberMention] = []
    for match in number_matches(text):
        kind: Kind
        if match.group("time"):
            kind, value, percent = "time", None, False
        elif match.group("vague"):
            kind, value, percent = "vague", None, False
        elif match.group("part"):
            kind, value, percent = "words", part_value(match.group("part")), False
        elif match.group("pair"):
            kind, value, percent = "words", 2.0, False
        elif match.group("share"):
            kind, value, percent = "words", share_value(match.group("share")), False
        elif match.group("ratio"):
            kind, value, percent = "words", ratio_value(match.group("ratio")), False
        elif match.group("digits"):
            kind = "digits"
            value = digits_value(match.group("digits"))
            percent = bool(match.group("dpct"))
        else:
            kind = "words"
            value = words_value(match.group("words"))
            percent = bool(match.group("wpct"))
        mentions.append(
            NumberMention(match.start(), match.end(), match.group(0), value, kind, percent)
        )
    return mentions


def parse_number(text: str) -> float | None:
    """The value of `text` if the whole of it is one number phrase, else None."""
    stripped = text.strip()
    match = NUMBER_PATTERN.fullmatch(stripped)
    if match is None:
        return None
    mentions = find_numbers(stripped)
    return mentions[0].value if len(mentions) == 1 else None


def same_value(a: float | None, b: float | None) -> bool:
    """Whether two figures are the same number (tolerant of float rounding)."""
    if a is None or b is None:
        return False
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def mentions_of(text: str, value: float) -> list[NumberMention]:
    """The number phrases of `text` worth exactly `value`, in whatever form written."""
    return [mention for mention in find_numbers(text) if same_value(mention.value, value)]


def format_value(value: float) -> str:
    """A figure as a reader expects it: thousands separated, no needless decimals."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")
