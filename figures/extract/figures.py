"""Stage 2: which numbers are figures, and ranges.

`figures.numbers.find_numbers` finds every number; here the ones that are not claims
(dates, times, ages, lengths of a war, identifiers, period lengths, words like "one of")
are set aside with a reason, and the rest become figures: ranges joined, and figures
that break down a total ("including 20 children") tied to it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from figures.extract.lexicon import (
    COMPASS_WORDS,
    FUNCTION_WORDS,
    MONTH,
    ORG_WORDS,
    SUBJECT_WORDS,
    WEEKDAY,
    WS,
    WS0,
)
from figures.extract.reading import phrase_words, subject_of
from figures.extract.sentences import containing, is_title_case
from figures.numbers import NumberMention


def _next_word(after: str) -> str:
    """The first word after a number, lower-cased, past a hyphen ("72-hour" -> "hour")."""
    match = re.match(r"[^\S\n]*-?[^\S\n]*([A-Za-z][\w’'-]*)", after)
    return match.group(1).lower() if match else ""


PERIOD_LENGTH = re.compile(
    r"\b(?:over|in|during|within|for)" + WS + r"the" + WS
    + r"(?:past|last|previous|preceding|first|next|coming)" + WS
    + r"(?:[\w.,/-]+" + WS + r"){1,2}?(?:hours|days|weeks|months|years)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Context:
    """Where a number stands: its sentence, the text on either side, and what is known of
    its line and sentence as a whole (worked out once, not once per number)."""

    text: str
    mention: NumberMention
    sentence: tuple[int, int]
    line_reason: str | None = None  # the whole line is a caption or page furniture
    period_spans: tuple[tuple[int, int], ...] = ()  # "over the past 72 hours" phrases

    @property
    def before(self) -> str:
        """Up to 60 characters of the sentence before the number."""
        return self.text[max(self.sentence[0], self.mention.start - 60) : self.mention.start]

    @property
    def after(self) -> str:
        """Up to 60 characters of the sentence after the number."""
        return self.text[self.mention.end : min(self.sentence[1], self.mention.end + 60)]




def _is_time(ctx: Context) -> bool:
    """Times of day: "6:45 PM", "9 a.m.", "10 o'clock", "1400 GMT"."""
    return ctx.mention.kind == "time" or bool(
        re.match(r"[^\S\n]*(?:[ap]\.?m\b\.?|o['’]clock|GMT|UTC|local" + WS + "time)",
                 ctx.after, re.IGNORECASE)
    )


_DAY_AFTER_MONTH = re.compile(rf"\b(?:{MONTH}|{WEEKDAY}){WS}(?:the{WS})?$")
_DAY_BEFORE_MONTH = re.compile(rf"(?:st|nd|rd|th)?(?:{WS}of)?{WS}{MONTH}(?![a-z])")


def _is_date(ctx: Context) -> bool:
    """Days of a month ("May 3", "9 Nov", "Friday 21") and years ("1999")."""
    if _DAY_AFTER_MONTH.search(ctx.before):
        return True
    if _DAY_BEFORE_MONTH.match(ctx.after):
        return True
    written = ctx.mention.text
    if (len(written) <= 2 and re.search(r"\d{4}-(?:\d{1,2}-)?$", ctx.before)) or (
        len(written) == 4 and re.match(r"-\d{1,2}-\d{1,2}\b", ctx.after)
    ):
        return True  # "2019-03-07"
    is_year = bool(re.fullmatch(r"(?:1[89]|20)\d\d", ctx.mention.text))
    return is_year and _next_word(ctx.after) not in SUBJECT_WORDS


_YEARS = re.compile(r"[^\S\n]*-?[^\S\n]*(?:years?|yrs?|decades?|centur(?:y|ies))\b(?P<rest>.*)",
                    re.IGNORECASE)
_WAR_WORDS = re.compile(
    r"^(?:[\w-]+" + WS + r"){0,3}?(?:war|conflict|violence|fighting|crisis|uprising|insurgency"
    r"|revolution|siege|unrest|bloodshed)\b",
    re.IGNORECASE,
)


_AGE_OF = re.compile(r"\b(?:age[sd]?" + WS + r"(?:of" + WS + r")?|aged" + WS
                     + r"(?:between" + WS + r")?(?:\d+" + WS0 + r"(?:and|to|-|–)" + WS0
                     + r")?)$", re.IGNORECASE)
# "Jane Roe, 25,", "Roe, 25,": a person's name (no organisation or compass word in it) and
# a comma, with no place preposition before it ("in Tarn Valley, 25").
_AGE_AFTER_NAME = re.compile(
    r"(?<![\w'’-])(?P<name>[A-Z][\w'’-]+(?:" + WS + r"[A-Z][\w'’-]+){0,3})," + WS0 + "$"
)
_PLACE_BEFORE = re.compile(
    r"\b(?:in|from|near|across|at|into|to|of|outside|around|throughout|inside)" + WS
    + r"(?:the" + WS + r")?$", re.IGNORECASE
)
# A labelled list ("Velmora, 25; Tarn, 14"): another "Label, N" right after the figure,
# or a figure and a separator right before the label.
_LABEL = r"(?:and" + WS + r")?[A-Z][\w'’-]*(?:" + WS + r"[A-Z][\w'’-]*){0,3}," + WS0 + r"\d"
_NEXT_LABEL_AFTER = {sep: re.compile(WS0 + sep + WS0 + _LABEL) for sep in (";", "[;,]")}
_LABEL_BEFORE = {sep: re.compile(r"\d" + WS0 + sep + WS0 + r"(?:and" + WS + r")?$")
                 for sep in (";", "[;,]")}


def _after_a_persons_name(before: str, after: str) -> bool:
    """Whether the number between `before` and `after` follows a person's name, as an age
    does. A full name is an age but in a list split by semicolons; a single word is also
    no age in a list split by commas ("Velmora, 25, Tarn, 14")."""
    match = _AGE_AFTER_NAME.search(before)
    if match is None or _PLACE_BEFORE.search(before[: match.start()]):
        return False
    words = [word.lower() for word in match.group("name").split()]
    if any(word in ORG_WORDS or word in COMPASS_WORDS for word in words):
        return False
    separator = ";" if len(words) > 1 else "[;,]"
    return not (_NEXT_LABEL_AFTER[separator].match(after)
                or _LABEL_BEFORE[separator].search(before[: match.start()]))
_LENGTH_IN_MONTHS = re.compile(r"-(?:month|week)s?-?(?:long)?\b(?!" + WS
                               + r"(?:pause|truce|ceasefire|cease-fire|halt|lull))",
                               re.IGNORECASE)
_ABOUT_A_DAY = re.compile(r"\ban?" + WS + r"(?:day|week|month|year|hour|minute|night)" + WS
                          + r"or" + WS + "$", re.IGNORECASE)
_AGE_IN_MONTHS = re.compile(
    r"-?" + WS0 + r"(?:day|week|month)s?-?" + WS0 + r"old\b", re.IGNORECASE
)


def _years_reason(ctx: Context) -> str | None:
    """Lengths in years are never claims here: the length of a war ("six-year war",
    "3 1/2 years of fighting"), an age ("aged 70", "a 12-year-old boy"), or a duration."""
    if re.search(r"\baged" + WS + "$", ctx.before, re.IGNORECASE):
        return "age"
    if _AGE_IN_MONTHS.match(ctx.after) or _AGE_OF.search(ctx.before):
        return "age"  # "a 7-month-old boy", "below the age of 14"
    if _after_a_persons_name(ctx.before, ctx.after) and re.match(r"[^\S\n]*[,.;)]", ctx.after) and (
        ctx.mention.value is not None and ctx.mention.value < 120
    ):
        return "age"  # "Jane Roe, 25, ..."
    if _LENGTH_IN_MONTHS.match(ctx.after) or _ABOUT_A_DAY.search(ctx.before):
        return "duration"  # "the nine-month fight", "a day or two"
    match = _YEARS.match(ctx.after)
    if match is None:
        return None
    rest = re.sub(r"^-?old\b|^" + WS + r"of\b", "", match.group("rest").lstrip(" -"))
    if _WAR_WORDS.match(rest.strip()):
        return "war length"
    return "age" if re.match(r"-?" + WS0 + r"old\b", match.group("rest")) else "duration"


def _is_period_length(ctx: Context) -> bool:
    """The "72" of "over the past 72 hours" sets the period of another figure."""
    span = containing(list(ctx.period_spans), ctx.mention.start)
    return span is not None and span[0] < ctx.mention.start and ctx.mention.end <= span[1]


_NAMING_WORD = re.compile(
    r"([A-Za-z][\w’'-]*)(?:(?P<colon>[^\S\n]*:)|[^\S\n]*#|" + WS + r"No\.)?" + WS + "$"
)
_ID_WORDS = frozenset(
    ("id", "no", "number", "ref", "reference", "code", "page", "tel", "phone", "fax", "box",
     "article", "case", "file", "item", "issue", "vol", "volume", "chapter", "part",
     "section", "room", "flight", "route", "channel", "comments", "views", "shares", "likes")
)  # fmt: skip


def _is_identifier(ctx: Context) -> bool:
    """A number straight after a capitalised word names something: "Route 9", "Channel 4".

    The word must not open the sentence (where any word is capitalised) nor be a function
    word, and a counted noun after the number ("told the Tarn Daily 12 of its fighters") keeps it
    a figure.
    """
    match = _NAMING_WORD.search(ctx.before)
    if match is None:
        return False
    if match.group("colon") and match.group(1).lower() not in _ID_WORDS:
        return False  # "Monitor: 54 killed" is a headline's source, not "ID: 5521"
    word = match.group(1)
    opens_sentence = not ctx.before[: match.start(1)].strip()
    if word[0].isupper() and is_title_case(ctx.text[ctx.sentence[0] : ctx.sentence[1]]):
        return False  # in a title-case headline every word is capitalised
    return (
        word[0].isupper()
        and word not in FUNCTION_WORDS
        and (not opens_sentence or word.isupper())
        and not subject_of(phrase_words(ctx.text, ctx.mention.end, 8))
    )


_HEDGED = re.compile(
    r"\b(?:about|around|nearly|almost|roughly|some|over|more" + WS + r"than|less" + WS
    + r"than|fewer" + WS + r"than|just|well|at" + WS + r"least|only)" + WS + "$",
    re.IGNORECASE,
)
_SHARE_OF = re.compile(
    WS + r"of" + WS + r"(?:them|those|these|whom|all|its|their|the" + WS
    + r"(?:[\w-]+" + WS + r")?(?:population|people|residents|inhabitants|civilians"
    + r"|children|fighters|victims|dead|wounded|displaced|refugees))\b",
    re.IGNORECASE,
)


def _is_not_a_count(ctx: Context) -> bool:
    """Number words that count nothing: "one of the", "no one", "half of the city".

    A share is a figure when it is hedged or says of whom: "about half of them", "half
    of the population".
    """
    word = ctx.mention.text.lower()
    if ctx.mention.percent or ctx.mention.kind != "words":
        return False
    if word == "half":
        return not (_HEDGED.search(ctx.before) or _SHARE_OF.match(ctx.after))
    if re.search(r"\b(?:father|mother|parent|grandfather|grandmother)" + WS + r"of" + WS + "$",
                 ctx.before, re.IGNORECASE):
        return True  # "a father of three" describes a person
    if word != "one":
        return False
    following = _next_word(ctx.after)
    if following in ("hour", "day") or following in SUBJECT_WORDS:
        return False
    if following == "of":
        return True  # "one of the hospitals" picks one out, it does not count them
    return not subject_of(phrase_words(ctx.text, ctx.mention.end, 8))


def _is_ordinal(ctx: Context) -> bool:
    """Ordinals rank, they do not count: "the 6th week", "21st"."""
    return bool(re.match(r"(?:st|nd|rd|th)\b", ctx.after))


# Nouns that a number after them names, lower case or not: "quarter 311", "gate 4".
_NAMED_BY_NUMBER = re.compile(
    r"\b(?:quarter|district|sector|block|zone|route|road|highway|street|building|gate"
    r"|checkpoint|number|flight|resolution|article|paragraph|chapter|page|brigade|division"
    r"|battalion|room|ward|platform|section|phase|exit|apartment|plot|unit|camp|kilometre"
    r"|km|level|grade|item|clause|case|model|version|stage|category|channel|no\.)" + WS + "$",
    re.IGNORECASE,
)


def _is_named_by_number(ctx: Context) -> bool:
    """A number that names a place or thing after a noun: "quarter 311", "Gate 4"."""
    return bool(_NAMED_BY_NUMBER.search(ctx.before)) and not subject_of(
        phrase_words(ctx.text, ctx.mention.end, 8))


def _because(reason: str, predicate: Callable[[Context], bool]) -> _Rule:
    """A rule that gives `reason` when `predicate` holds."""
    return lambda ctx: reason if predicate(ctx) else None


_Rule = Callable[[Context], "str | None"]
_DATE_RULES: tuple[_Rule, ...] = (_because("time", _is_time), _because("date", _is_date))
_OTHER_RULES: tuple[_Rule, ...] = (
    _years_reason,
    _because("ordinal", _is_ordinal),
    _because("identifier", _is_named_by_number),
    _because("period length", _is_period_length),
    _because("identifier", _is_identifier),
    _because("not a count", _is_not_a_count),
)


def _first_reason(rules: tuple[_Rule, ...], ctx: Context) -> str | None:
    """The reason of the first rule that applies."""
    return next((reason for rule in rules if (reason := rule(ctx)) is not None), None)


def not_claim_reason(ctx: Context) -> str | None:
    """Why this number is not a claim, or None if it may be one.

    Reasons are those of `schema.NOT_CLAIM_REASONS` where one fits, else "age" or
    "duration". A caption line goes first; a date or time is named as such even on a
    line of page furniture ("Oct 2, 2019"), since that says more.
    """
    if ctx.line_reason == "caption":
        return ctx.line_reason
    return (
        _first_reason(_DATE_RULES, ctx)
        or ctx.line_reason
        or _first_reason(_OTHER_RULES, ctx)
    )


@dataclass(frozen=True)
class Figure:
    """A figure as written: one number, or a range of two ("between 200 and 300")."""

    mentions: tuple[NumberMention, ...]
    start: int
    end: int
    value: float | None
    value_max: float | None
    parent: int | None = None  # index of the figure this one breaks down ("including")

    @property
    def mention(self) -> NumberMention:
        """The (first) number of the figure."""
        return self.mentions[0]


def _joins_range(text: str, first: NumberMention, second: NumberMention) -> bool:
    """Whether two numbers form one range: "200 to 300", "200-300", "between 200 and 300"."""
    if first.value is None or second.value is None or first.percent != second.percent:
        return False
    between = text[first.end : second.start]
    before = text[max(0, first.start - 12) : first.start]
    if re.fullmatch(WS + "and" + WS, between):
        return bool(re.search(r"\bbetween" + WS + "$", before, re.IGNORECASE))
    if re.fullmatch(WS + "or" + WS, between):  # "five or six families", "10 or 20 strikes"
        return second.value > first.value and not re.match(WS + r"(?:more|so)\b",
                                                            text[second.end : second.end + 8])
    dashed = re.fullmatch(WS0 + r"(?:-|–|—|to)" + WS0, between)
    return bool(dashed) and not re.search(r"\bfrom" + WS + "$", before, re.IGNORECASE)


# A breakdown ("..., including 20 children") stays in the clause of its total: the words
# between them hold no new clause (", and the ...", "while", "but", a speech verb that
# opens what is said). A bare noun after ", and" goes on a list ("clashes, shelling, and
# air strikes, including ..."); ", officials said, including ..." is an aside.
_NEW_CLAUSE = (
    r"," + WS0 + r"and" + WS + r"(?:the|an?|it|its|they|their|he|his|she|her|we|this|that"
    r"|these|those|there)\b|\b(?:while|whereas|but|although|though|meanwhile)\b"
    r"|\b(?:said|says|told|added|reported|announced|stated)\b(?![^,.;:!?]{0,25},)"
)
_BREAKDOWN = re.compile(
    r"(?:(?!" + _NEW_CLAUSE + r")[^.;:!?])*?\b(?:including|among" + WS
    + r"(?:them|whom|those)|of" + WS + r"(?:them|whom|which))\b[^.;:!?]{0,20}",
    re.IGNORECASE,
)


# Between two members of a list: "41 soldiers, 19 ...", "12 children and 5 women".
_LIST_GAP = re.compile(r"[^.;:!?\d()]{0,40}?(?:,|\band\b)" + WS0 + r"(?:and" + WS + r")?")


def sentence_figures(text: str, mentions: list[NumberMention]) -> list[Figure]:
    """The figures of one sentence, ranges merged and breakdowns tied to their total."""
    figures: list[Figure] = []
    index = 0
    while index < len(mentions):
        mention = mentions[index]
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        if following is not None and _joins_range(text, mention, following):
            figure = Figure((mention, following), mention.start, following.end,
                             mention.value, following.value)
            index += 2
        else:
            figure = Figure((mention,), mention.start, mention.end, mention.value, None)
            index += 1
        gap = text[figures[-1].end : figure.start] if figures else ""
        if figures and _BREAKDOWN.fullmatch(gap):
            root = figures[-1].parent if figures[-1].parent is not None else len(figures) - 1
            figure = replace(figure, parent=root)
        elif figures and figures[-1].parent is not None and _LIST_GAP.fullmatch(gap):
            figure = replace(figure, parent=figures[-1].parent)  # "including 46 x, 21 y"
        figures.append(figure)
    return figures


