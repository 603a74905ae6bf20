"""Propose candidate claims from an article: every figure, what it counts, and who says so.

A curator reads each article and writes `claims.csv` by hand; this module does the first
pass for them, so that no figure is overlooked and each comes with a suggested reading.
It is a set of plain rules about English news prose (not about any one article, outlet or
person), so every proposal can be explained by pointing at the words that produced it:

1. the text is cut into paragraphs and sentences, keeping character offsets, so that each
   candidate's `quote` is `text[start:end]` exactly;
2. `figures.numbers.find_numbers` finds every number; numbers that are not claims (dates,
   times, ages, lengths of a war, road and channel numbers, page furniture, captions, the
   length of a period, words like "one of") are set aside with a reason;
3. each remaining figure gets a qualifier ("at least" -> at_least), a unit, what it counts
   (subject) and what happened to them (measure), mapped to the lists in `figures.schema`;
4. its claimant comes from attribution patterns ("according to X", "X said", a quotation
   with its speaker after it, "quoted X as saying"), and references such as "he", "the
   statement" or "the group" are resolved to the most recent speaker that fits.

A figure with no attribution is the article's own voice: its claimant is "".
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields, replace

import pandas as pd

from figures.numbers import SCALE_WORDS, SMALL_WORDS, NumberMention, find_numbers

# --------------------------------------------------------------------------------------
# Vocabulary. Generic English news words only: no person, outlet or organisation names.
# --------------------------------------------------------------------------------------

_S = r"[^\S\n]+"  # horizontal whitespace, non-breaking spaces included
_S0 = r"[^\S\n]*"
# How far the rules look: characters either side of a figure or a speech verb, and names
# back in the article. Prose needs far less; the bounds keep freak input (a 40,000-character
# "sentence" of numbers) from taking quadratic time.
_REACH = 300
_MEMORY_REACH = 400

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"

# What a figure counts: the first of these nouns after it names the subject.
_SUBJECT_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ("children", "child", "kids", "boys", "girls", "minors", "schoolchildren", "pupils"),
        "children",
    ),
    **dict.fromkeys(("newborn", "newborns", "babies", "baby", "infants"), "newborns"),
    **dict.fromkeys(("civilians", "civilian", "noncombatants", "non-combatants"), "civilians"),
    **dict.fromkeys(
        (
            "fighters", "rebels", "militants", "insurgents", "gunmen", "combatants",
            "jihadists", "terrorists", "soldiers", "troops", "militiamen", "extremists",
        ),
        "fighters",
    ),
    **dict.fromkeys(("hospitals", "hospital", "clinics", "clinic"), "hospitals"),
    **dict.fromkeys(("shells", "shell", "mortars", "rounds"), "artillery shells"),
    **dict.fromkeys(
        ("pause", "pauses", "respite", "respites", "lull", "lulls", "cessation", "cessations"),
        "pause",
    ),
    **dict.fromkeys(
        ("truce", "truces", "ceasefire", "ceasefires", "cease-fire", "cease-fires", "calm"),
        "truce",
    ),
    **dict.fromkeys(
        (
            "people", "persons", "person", "residents", "inhabitants", "lives", "individuals",
            "men", "women", "refugees", "patients", "families", "others",
        ),
        "people",
    ),
}
_MUNITIONS = frozenset(
    ("shells", "shell", "mortars", "rounds", "rockets", "missiles", "bombs", "airstrikes",
     "strikes", "barrel")
)  # fmt: skip
_DEATH_NOUNS = frozenset(("lives", "dead", "deaths", "bodies", "fatalities"))
_PAUSE_VERBS = frozenset(("paused", "halted", "suspended", "halt", "stop", "stopped", "stops"))
# Words that end the noun phrase after a figure: verbs, auxiliaries, relative pronouns
# and prepositions other than "of" ("two of the largest hospitals" goes on past "of").
_NP_STOP = frozenset(
    ("have", "has", "had", "were", "was", "are", "is", "be", "been", "being", "will", "would",
     "could", "may", "might", "who", "which", "that", "whose", "chose", "and", "or", "in",
     "at", "near", "on", "by", "from", "to", "across", "during", "after", "before", "since",
     "with", "into", "through", "under", "over", "for", "amid", "amidst", "inside", "outside")
)  # fmt: skip
_SUBJECT_REACH = 5  # the counted noun stands within this many words of the figure

# What happened to them: cue words, most decisive first. A window that reports a
# surrender, pardon or release reports that outcome; otherwise the nearest cue wins.
_OUTCOME_CUES: dict[str, str] = {
    "surrendered": r"surrender\w*|laid" + _S + r"down|gave" + _S + r"themselves" + _S + "up",
    "pardoned": r"pardon\w*|amnest\w*",
    "freed": r"freed|liberated|released|rescued",
}
_EVENT_CUES: dict[str, str] = {
    "killed": r"kill\w*|dead|died|deaths?|perished|slain|massacred|fatalit\w*|toll|lives",
    "injured": r"injur\w*|wounded|hurt",
    "besieged": r"besieged|siege|encircled",
    "trapped": r"trapped|stranded",
    "attacked": r"attack(?:ed|s)?|targeted|bombed|shelled|struck|hit",
    "fired": r"fired|dropped|launched",
    "left": r"left|fled|flee\w*|evacuat\w*|escaped|leave|leaving|exited|departed|displaced",
    "remaining": r"remain\w*|still" + _S + r"liv\w*|living" + _S + "in",
}
_PEOPLE_MEASURES = frozenset(
    ("killed", "injured", "besieged", "trapped", "remaining", "left", "freed")
)
_FIGHTER_MEASURES = frozenset(("surrendered", "pardoned"))

_QUALIFIER = re.compile(
    r"(?<![\w-])(?:"
    r"(?P<at_least>at" + _S + r"least|no" + _S + r"(?:fewer|less)" + _S + r"than"
    r"|a" + _S + r"minimum" + _S + r"of)"
    r"|(?P<up_to>up" + _S + r"to|as" + _S + r"(?:many|much)" + _S + r"as|at" + _S + r"most"
    r"|no" + _S + r"more" + _S + r"than|a" + _S + r"maximum" + _S + r"of)"
    r"|(?P<over>(?:(?:well|just)" + _S + r")?(?:more" + _S + r"than|over)|upwards" + _S
    + r"of|in" + _S + r"excess" + _S + r"of|above|exceeding)"
    r"|(?P<about>some|about|around|nearly|almost|approximately|roughly|circa"
    r"|close" + _S + r"to|just" + _S + r"under)"
    r"|(?P<estimated>an" + _S + r"estimated|estimated)"
    r"|(?P<as_little_as>as" + _S + r"(?:little|few)" + _S + r"as|only|just|a" + _S
    + r"mere|merely)"
    r")" + _S + r"$",
    re.IGNORECASE,
)
_QUALIFIER_AFTER = re.compile(
    r"^(?:" + _S + r"(?P<at_least>or" + _S + r"more)|" + _S + r"(?P<about>or" + _S + r"so)"
    r"|(?P<over>-plus|\+))\b",
    re.IGNORECASE,
)

_PERIOD = re.compile(
    r"\b(?:(?:earlier|later)" + _S + r")?(?:this|last|past)" + _S
    + r"(?:week|month|year|weekend)(?:" + _S + r"alone)?\b"
    r"|\b(?:over|in|during|within|for)" + _S + r"the" + _S
    + r"(?:past|last|previous|preceding|first)" + _S
    + r"(?:[\w.,-]+" + _S + r"){0,2}?(?:hours|days|weeks|months|years)\b"
    r"|\bsince" + _S + r"[^,;.!?\n“”\"]{1,60}"
    r"|\bstarting" + _S + r"(?:from|on)" + _S + rf"(?:{_MONTH}{_S}\d{{1,2}}|{_WEEKDAY})",
    re.IGNORECASE,
)
_PERIOD_LENGTH = re.compile(
    r"\b(?:over|in|during|within|for)" + _S + r"the" + _S
    + r"(?:past|last|previous|preceding|first|next|coming)" + _S
    + r"(?:[\w.,/-]+" + _S + r"){1,2}?(?:hours|days|weeks|months|years)\b",
    re.IGNORECASE,
)

# Attribution. Verbs are matched in lower case: a capitalised "Says" is a headline.
_SAY = (
    r"(?:said|says|told|tells|reported|reports|noted|notes|added|adds|stated|announced"
    r"|announces|claimed|claims|estimated|estimates|confirmed|confirms|warned|warns"
    r"|insisted|insists|wrote|writes|explained|stressed|suggested|alleged|declared|asserted"
    r"|argued|counted|recorded|documented|offered|proposed|pointed" + _S + r"out|points" + _S
    + r"out)"
)
_SAY_VERB = re.compile(rf"(?<![\w-]){_SAY}\b")
_NOUN_BEFORE_VERB = re.compile(r"(?:\b(?:a|an|the|these|those|such|to)" + _S + r")$", re.I)
_AUX_TAIL = re.compile(
    r"(?:" + _S0 + r"\b(?:has|have|had|also|later|earlier|previously|then|again|separately"
    r"|further|repeatedly|once|already|now|recently|quickly|on" + _S + rf"{_WEEKDAY})\b)+"
    + _S0 + "$",
    re.IGNORECASE,
)
_ACCORDING = re.compile(
    r"\baccording" + _S + r"to" + _S + r"(?P<who>(?:[^.;:!?“”\"()\n]|\.(?=[\w-]|" + _S
    + r"[a-z]))+)",
    re.IGNORECASE,
)
_QUOTED_AS_SAYING = re.compile(
    r"\bquoted" + _S + r"(?P<who>[^.;:!?“”\"\n]{1,80}?)" + _S + r"as" + _S + r"saying\b"
)
_POSSESSIVE_TOLL = re.compile(
    r"(?P<who>(?:\b[Tt]he" + _S + r")?\b[A-Z][\w.-]*(?:" + _S + r"[A-Z][\w.-]*){0,5})['’]s"
    + _S + r"(?:(?:latest|own|death|casualty)" + _S + r")*"
    + r"(?:toll|tally|count|figures?|estimates?|data)\b"
)
_SAYING = re.compile(r",[^\S\n]*saying\b")
_INVERTED = re.compile(
    _S + r"(?P<who>(?:(?:[Tt]he|[Aa]n?)" + _S + r")?[A-Z](?:[^,.;:!?“”\"\n]|\.(?=[\w-]|"
    + _S + r"[A-Z])){0,80})"
)
_WHERE = re.compile(r"\bwhere\b", re.IGNORECASE)
_OPENING = re.compile(
    r"^(?:(?:But|And|Yet|So|Then|However|Meanwhile)\b,?" + _S0
    + r"|(?:On|In|At|Earlier|Later)\b[^,]{0,30}," + _S0 + r")+"
)
_PHRASE_ATTRIBUTIONS = (_QUOTED_AS_SAYING, _ACCORDING, _POSSESSIVE_TOLL)
_PRONOUNS = frozenset(("he", "she", "they", "it", "we", "i", "you", "him", "her", "them"))
_TRAILING_NOUNS = re.compile(
    r"(?:['’]s)?(?:" + _S + r"(?:latest|own|death|casualty))*(?:" + _S
    + r"(?:toll|tally|count|figures?|estimates?|data|report|statement|sources?))+$",
    re.IGNORECASE,
)
_PHRASE_CUT = re.compile(
    r"," + _S0 + r"|" + _S + r"(?:as" + _S + r"quoted|in" + _S + r"an?" + _S
    + r"(?:statement|interview|briefing)|on" + _S + rf"{_WEEKDAY}|(?:from|in){_S}the{_S}"
    + r"(?=[a-z])|who" + _S + r"|which" + _S + r"|that" + _S + r")"
)

_TITLE_WORDS = frozenset(
    ("minister", "secretary", "president", "spokesman", "spokeswoman", "spokesperson",
     "director", "general", "lieutenant", "colonel", "major", "captain", "commander", "envoy",
     "ambassador", "chairman", "chairwoman", "chief", "head", "official", "deputy", "prime",
     "undersecretary", "secretary-general", "mayor", "governor", "senator", "adviser",
     "advisor", "coordinator", "leader", "king", "queen", "prince", "sheikh", "dr", "mr",
     "mrs", "ms", "prof", "professor", "executive", "special", "member", "correspondent",
     "diplomat", "admiral", "sergeant", "premier", "chancellor")
)  # fmt: skip
_ORG_WORDS = frozenset(
    ("ministry", "department", "center", "centre", "committee", "coalition", "council",
     "fund", "organisation", "organization", "agency", "office", "staff", "army", "forces",
     "force", "group", "network", "union", "commission", "institute", "foundation",
     "association", "society", "federation", "front", "movement", "party", "command",
     "corporation", "company", "service", "services", "news", "television", "tv", "radio",
     "press", "times", "post", "online", "bank", "court", "parliament", "assembly", "senate",
     "congress", "government", "administration", "authority", "board", "bureau",
     "programme", "program", "mission", "watch", "monitor", "military", "navy", "alliance",
     "league")
)  # fmt: skip
_NOT_FIRST_NAMES = frozenset(
    ("united", "saudi", "islamic", "new", "north", "south", "east", "west", "northern",
     "southern", "eastern", "western", "middle", "red", "human", "great", "central",
     "national", "international", "european", "arab", "gulf", "free", "state")
)  # fmt: skip
_RUN_STOP = frozenset(
    ("the", "a", "an", "but", "and", "on", "in", "at", "since", "earlier", "later", "however",
     "meanwhile", "moreover", "this", "that", "these", "those", "it", "he", "she", "they",
     "we", "i", "our", "their", "his", "her", "its", "when", "while", "after", "before", "as",
     "if", "so", "then", "asked", "despite", "with", "according", "over", "some", "more",
     "by", "for", "of", "to", "from", "yet", "still", "also", "even", "both", "all")
)  # fmt: skip
_CONNECTORS = frozenset(("of", "for", "the", "de", "del", "da", "al", "bin", "ibn", "van",
                         "von", "du", "le", "la"))  # fmt: skip
_PERSON_REFERENCES = frozenset(("he", "she", "him", "her"))
# Words that let an uncapitalised phrase name a speaker ("according to local officials").
_SPEAKER_NOUNS = _TITLE_WORDS | _ORG_WORDS | _PRONOUNS | frozenset(
    ("officials", "sources", "residents", "witnesses", "activists", "doctors", "medics",
     "rescuers", "monitors", "observers", "diplomats", "experts", "analysts", "police",
     "authorities", "rebels", "volunteers", "workers", "statement", "report", "figures",
     "estimates", "toll", "count", "data", "survey", "census"),
)  # fmt: skip
_ANY_REFERENCES = frozenset(("statement", "report", "announcement"))
_ANY_ORG_NOUNS = frozenset(("group", "organisation", "organization", "body", "agency"))
_FUNCTION_WORDS = frozenset(w.capitalize() for w in _RUN_STOP) | frozenset(
    ("Over", "Some", "About", "Around", "Nearly", "Almost", "Only", "Just", "Up", "As", "More",
     "Than", "Least", "Including", "Another", "Roughly", "Approximately", "Estimated",
     "Among", "Between", "Killing", "No")
)  # fmt: skip

_CAPTION = re.compile(
    r"\(Photo\b|\bPhoto:|\bin this (?:picture|photo|image|handout)|\bpictured\b"
    r"|\bfile photo\b|\bPhotograph:",
    re.IGNORECASE,
)
# Wire photo captions end "Place, Country Month D, YYYY."
_CAPTION_DATELINE = re.compile(
    rf"\b[A-Z][\w-]*,{_S}[A-Z][\w-]*(?:{_S}[A-Z][\w-]*)?{_S}{_MONTH}{_S}\d{{1,2}},{_S}\d{{4}}"
    rf"\.?{_S0}$"
)


# --------------------------------------------------------------------------------------
# The public record.
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """One proposed claim: a figure, how it is hedged, what it counts, who says so, where.

    `quote` is the sentence holding the figure exactly as it stands in the text, and
    `text[start:end] == quote`, so a curator can check every proposal against its source.
    `figure`, `figure_start` and `figure_end` locate the figure itself inside the text.
    """

    value: float | None
    value_max: float | None
    qualifier: str
    qualifier_text: str
    measure: str
    subject: str
    unit: str
    claimant: str
    period_text: str
    quote: str
    start: int
    end: int
    vague: bool
    figure: str = ""
    figure_start: int = -1
    figure_end: int = -1


FRAME_COLUMNS: tuple[str, ...] = (
    "value", "qualifier", "measure", "subject", "claimant", "period_text", "quote", "start",
    "end", "value_max", "qualifier_text", "unit", "vague", "figure", "figure_start",
    "figure_end",
)  # fmt: skip


# --------------------------------------------------------------------------------------
# Paragraphs, sentences and quotations, all as character offsets.
# --------------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?…]+[”\"’')\]]*(?=" + _S + r"[“\"‘'(\[]?[A-Z0-9])")
_ABBREVIATIONS = frozenset(
    ("mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "maj", "adm", "gov",
     "sen", "rep", "st", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan",
     "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx",
     "est", "fig", "mt", "ft")
)  # fmt: skip
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets narrowed past surrounding whitespace, so a quote never starts with a space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Each non-blank line of `text` as (start, end): articles put one paragraph a line."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = _trim(text, match.start(), match.end())
        if start < end:
            spans.append((start, end))
    return spans


def _is_abbreviation(text: str, stop: int) -> bool:
    """Whether the full stop at `stop` ends an abbreviation ("U.S.", "Gen.") not a sentence."""
    word = re.search(r"[\w.]+$", text[max(0, stop - 20) : stop])
    if word is None or text[stop] != ".":
        return False
    token = word.group()
    return token.lower().strip(".") in _ABBREVIATIONS or bool(_INITIALISM.fullmatch(token))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Every sentence of `text` as (start, end), never crossing a line break."""
    spans = []
    for p_start, p_end in paragraph_spans(text):
        start = p_start
        for match in _SENTENCE_END.finditer(text, p_start, p_end):
            if _is_abbreviation(text, match.start()):
                continue
            spans.append(_trim(text, start, match.end()))
            start = match.end()
        spans.append(_trim(text, start, p_end))
    return [span for span in spans if span[0] < span[1]]


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Each quotation as (start, end) including its marks; one left open runs to the line end.

    News style leaves a quotation open at the end of a paragraph when it goes on in the
    next, so an unclosed mark is taken to close with its paragraph.
    """
    spans = []
    for p_start, p_end in paragraph_spans(text):
        opened: int | None = None
        for index in range(p_start, p_end):
            char = text[index]
            if opened is None and char in "“\"":
                opened = index
            elif opened is not None and char in "”\"":
                spans.append((opened, index + 1))
                opened = None
        if opened is not None:
            spans.append((opened, p_end))
    return spans


# --------------------------------------------------------------------------------------
# Numbers that are not claims.
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
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



def _next_word(after: str) -> str:
    """The first word after a number, lower-cased, past a hyphen ("72-hour" -> "hour")."""
    match = re.match(r"[^\S\n]*-?[^\S\n]*([A-Za-z][\w’'-]*)", after)
    return match.group(1).lower() if match else ""


def _is_caption(line: str) -> bool:
    """Photo captions describe a picture, not the story: "(Photo: ...)", "in this picture"."""
    return bool(_CAPTION.search(line)) or (
        len(line) < 300
        and bool(_CAPTION_DATELINE.search(line))
        and not re.search(r"\b(?:said|says|told|according)\b", line)
    )


def _is_furniture(line: str) -> bool:
    """A short line with no sentence in it ("12 Comments", "Article ID: 5521") is page furniture."""
    line = line.rstrip()
    return len(line.split()) <= 4 and not line.endswith((".", "!", "?", "”", '"'))


def _line_reason(line: str) -> str | None:
    """Why no number of this line is a claim ("caption", "identifier"), or None."""
    if _is_caption(line):
        return "caption"
    return "identifier" if _is_furniture(line) else None


def _is_time(ctx: _Context) -> bool:
    """Times of day: "6:45 PM", "9 a.m.", "10 o'clock", "1400 GMT"."""
    return ctx.mention.kind == "time" or bool(
        re.match(r"[^\S\n]*(?:[ap]\.?m\b\.?|o['’]clock|GMT|UTC|local" + _S + "time)",
                 ctx.after, re.IGNORECASE)
    )


def _is_date(ctx: _Context) -> bool:
    """Days of a month ("May 3", "9 Nov", "Friday 21") and years ("1999")."""
    if re.search(rf"\b(?:{_MONTH}|{_WEEKDAY}){_S}(?:the{_S})?$", ctx.before):
        return True
    if re.match(rf"(?:st|nd|rd|th)?(?:{_S}of)?{_S}{_MONTH}(?![a-z])", ctx.after):
        return True
    is_year = bool(re.fullmatch(r"(?:1[89]|20)\d\d", ctx.mention.text))
    return is_year and _next_word(ctx.after) not in _SUBJECT_WORDS


_YEARS = re.compile(r"[^\S\n]*-?[^\S\n]*(?:years?|yrs?|decades?|centur(?:y|ies))\b(?P<rest>.*)",
                    re.IGNORECASE)
_WAR_WORDS = re.compile(
    r"^(?:[\w-]+" + _S + r"){0,3}?(?:war|conflict|violence|fighting|crisis|uprising|insurgency"
    r"|revolution|siege|unrest|bloodshed)\b",
    re.IGNORECASE,
)


def _years_reason(ctx: _Context) -> str | None:
    """Lengths in years are never claims here: the length of a war ("six-year war",
    "3 1/2 years of fighting"), an age ("aged 70", "a 12-year-old boy"), or a duration."""
    if re.search(r"\baged" + _S + "$", ctx.before, re.IGNORECASE):
        return "age"
    match = _YEARS.match(ctx.after)
    if match is None:
        return None
    rest = re.sub(r"^-?old\b|^" + _S + r"of\b", "", match.group("rest").lstrip(" -"))
    if _WAR_WORDS.match(rest.strip()):
        return "war length"
    return "age" if re.match(r"-?" + _S0 + r"old\b", match.group("rest")) else "duration"


def _is_period_length(ctx: _Context) -> bool:
    """The "72" of "over the past 72 hours" sets the period of another figure."""
    span = _containing(list(ctx.period_spans), ctx.mention.start)
    return span is not None and span[0] < ctx.mention.start and ctx.mention.end <= span[1]


def _is_identifier(ctx: _Context) -> bool:
    """A number straight after a capitalised word names something: "Route 9", "Channel 4".

    The word must not open the sentence (where any word is capitalised) nor be a function
    word, and a counted noun after the number ("told the Tarn Daily 12 of its fighters") keeps it
    a figure.
    """
    match = re.search(r"([A-Za-z][\w’'-]*)(?:[^\S\n]*[:#]|" + _S + r"No\.)?" + _S + "$",
                      ctx.before)
    if match is None:
        return False
    word = match.group(1)
    opens_sentence = not ctx.before[: match.start(1)].strip()
    return (
        word[0].isupper()
        and word not in _FUNCTION_WORDS
        and (not opens_sentence or word.isupper())
        and not subject_of(_phrase_words(ctx.text, ctx.mention.end, 8))
    )


def _is_not_a_count(ctx: _Context) -> bool:
    """Number words that count nothing: "one of the", "no one", "half of the city"."""
    word = ctx.mention.text.lower()
    if ctx.mention.percent or ctx.mention.kind != "words":
        return False
    if word == "half":
        return True
    if word != "one":
        return False
    following = _next_word(ctx.after)
    return following not in _SUBJECT_WORDS and following not in ("hour", "day")


def _because(reason: str, predicate: Callable[[_Context], bool]) -> _Rule:
    """A rule that gives `reason` when `predicate` holds."""
    return lambda ctx: reason if predicate(ctx) else None


_Rule = Callable[[_Context], "str | None"]
_DATE_RULES: tuple[_Rule, ...] = (_because("time", _is_time), _because("date", _is_date))
_OTHER_RULES: tuple[_Rule, ...] = (
    _years_reason,
    _because("period length", _is_period_length),
    _because("identifier", _is_identifier),
    _because("not a count", _is_not_a_count),
)


def _first_reason(rules: tuple[_Rule, ...], ctx: _Context) -> str | None:
    """The reason of the first rule that applies."""
    return next((reason for rule in rules if (reason := rule(ctx)) is not None), None)


def _not_claim_reason(ctx: _Context) -> str | None:
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


# --------------------------------------------------------------------------------------
# Figures: ranges joined, "including" figures tied to the figure they break down.
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Figure:
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
    if re.fullmatch(_S + "and" + _S, between):
        return bool(re.search(r"\bbetween" + _S + "$", before, re.IGNORECASE))
    dashed = re.fullmatch(_S0 + r"(?:-|–|—|to)" + _S0, between)
    return bool(dashed) and not re.search(r"\bfrom" + _S + "$", before, re.IGNORECASE)


_BREAKDOWN = re.compile(
    r"[^.;:!?]{0,40}?\b(?:including|among" + _S + r"(?:them|whom|those)|of" + _S
    + r"(?:them|whom|which))\b[^.;:!?]{0,20}",
    re.IGNORECASE,
)


def _figures(text: str, mentions: list[NumberMention]) -> list[_Figure]:
    """The figures of one sentence, ranges merged and breakdowns tied to their total."""
    figures: list[_Figure] = []
    index = 0
    while index < len(mentions):
        mention = mentions[index]
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        if following is not None and _joins_range(text, mention, following):
            figure = _Figure((mention, following), mention.start, following.end,
                             mention.value, following.value)
            index += 2
        else:
            figure = _Figure((mention,), mention.start, mention.end, mention.value, None)
            index += 1
        if figures and _BREAKDOWN.fullmatch(text[figures[-1].end : figure.start]):
            root = figures[-1].parent if figures[-1].parent is not None else len(figures) - 1
            figure = replace(figure, parent=root)
        figures.append(figure)
    return figures


# --------------------------------------------------------------------------------------
# What a figure counts, how it is hedged, and over what period.
# --------------------------------------------------------------------------------------


def qualifier_of(text: str, start: int, end: int, sentence_start: int = 0) -> tuple[str, str]:
    """The qualifier of the figure at text[start:end] and the article's own words for it.

    Looks at the words just before the figure ("at least", "some", "as little as") and
    just after it ("or more"); a figure given plainly is "exact" with no words.
    """
    before = text[max(sentence_start, start - 40) : start]
    match = _QUALIFIER.search(before)
    if match is None:
        match = _QUALIFIER_AFTER.match(text[end : end + 12])
    if match is None or match.lastgroup is None:
        return "exact", ""
    return match.lastgroup, match.group(match.lastgroup).strip()


def _phrase_words(text: str, end: int, limit: int) -> list[str]:
    """The words of the noun phrase after a figure, up to punctuation, a verb or another
    figure ("the two sides agreed a three-day truce": the truce is not the two's)."""
    chunk = re.match(r"[^,;:.!?()“”\"–—\n\d]*", text[end : min(len(text), end + 80)])
    words = re.findall(r"[A-Za-z][\w’'.-]*", chunk.group() if chunk else "")
    phrase = []
    for word in words[:limit]:
        lowered = word.lower()
        if lowered in _NP_STOP or (phrase and (lowered in SMALL_WORDS or lowered in SCALE_WORDS)):
            break
        phrase.append(word)
    return phrase


def unit_of(mention: NumberMention, words: list[str]) -> str:
    """The unit (`schema.UNITS`): percent, hours or days when the figure says so, else count."""
    if mention.percent:
        return "percent"
    first = words[0].lower() if words else ""
    if first in ("hour", "hours"):
        return "hours"
    if first in ("day", "days"):
        return "days"
    return "count"


def _demonym_plural(word: str) -> bool:
    """A capitalised plural of a nationality ("Afghans", "Iraqis", "Peruvians") counts people."""
    return bool(re.fullmatch(r"[A-Z][a-z]+(?:ians|ans|is|ese)", word))


def subject_of(words: list[str]) -> str:
    """What the figure counts (`schema.SUBJECTS`), from the noun phrase after it."""
    lowered = [word.lower().strip(".’'") for word in words[:_SUBJECT_REACH]]
    for position, word in enumerate(lowered):
        if word == "aid":
            previous = words[position - 1] if position else ""
            return "UN aid" if re.fullmatch(r"U\.?N\.?", previous) else ""
        if word in _SUBJECT_WORDS:
            return _SUBJECT_WORDS[word]
        if _demonym_plural(words[position]):
            return "people"
    return ""


def _nearest_cue(window: str, cues: dict[str, str], from_end: bool) -> str:
    """The measure whose cue word stands nearest the figure in `window` ("" if none)."""
    best, best_distance = "", len(window) + 1
    for measure, pattern in cues.items():
        for match in re.finditer(rf"\b(?:{pattern})\b", window, re.IGNORECASE):
            distance = len(window) - match.end() if from_end else match.start()
            if distance < best_distance:
                best, best_distance = measure, distance
    return best


def _measure_from_words(words: list[str], unit: str, context: str) -> str:
    """A measure the noun phrase itself gives: munitions fired, lives lost, pause lengths."""
    lowered = {word.lower() for word in words}
    if unit == "percent" and "aid" in lowered:
        return "aid_share"
    if unit in ("hours", "days") and _pause_subject(words, context):
        return "pause_length"
    if lowered & _MUNITIONS:
        return "fired"
    if lowered & _DEATH_NOUNS:
        return "killed"
    return ""


def measure_of(words: list[str], unit: str, context: str, right: str, left: str) -> str:
    """What happened to what is counted (`schema.MEASURES`).

    First from the noun phrase itself, then from cue words in the clause after the figure
    (a surrender, pardon or release first, otherwise the nearest cue), then before it.
    """
    from_words = _measure_from_words(words, unit, context)
    if from_words or unit != "count":
        return from_words
    return (
        _nearest_cue(right, _OUTCOME_CUES, from_end=False)
        or _nearest_cue(right, _EVENT_CUES, from_end=False)
        or _nearest_cue(left, {**_OUTCOME_CUES, **_EVENT_CUES}, from_end=True)
    )


def _pause_subject(words: list[str], context: str) -> str:
    """For a length of time: "pause" or "truce", from its own words or else the words
    around it in its sentence ("offered a halt to the fighting for 72 hours")."""
    for word in words:
        subject = _SUBJECT_WORDS.get(word.lower())
        if subject in ("pause", "truce"):
            return subject
    for word in re.findall(r"[A-Za-z-]+", context):
        subject = _SUBJECT_WORDS.get(word.lower())
        if subject in ("pause", "truce"):
            return subject
        if word.lower() in _PAUSE_VERBS:
            return "pause"
    return ""


# --------------------------------------------------------------------------------------
# Who claims it: names in the text, attributions in a sentence, references resolved.
# --------------------------------------------------------------------------------------

_CAP = r"(?:(?:al|el|ad|ash|as|at|an|ar|ibn|bin)-)?[A-Z][\w’'.-]*"  # "al-Assad" too
_RUN = re.compile(
    _CAP + r"(?:" + _S + r"(?:(?:" + "|".join(_CONNECTORS) + r")" + _S + r")*" + _CAP + r")*"
)
_DEMONYM = re.compile(
    r"[A-Z][a-z]+(?:ian|ean|ese|ish|ch)|[A-Z]\.?[A-Z]\.?|Iraqi|Israeli|Saudi|Arab|Afghan|Greek"
    r"|Thai|Swiss"
)


@dataclass(frozen=True)
class _Name:
    """A name in the text: a person (title split off), an organisation, or another name."""

    name: str
    kind: str  # "person", "org" or "other"
    title: str = ""
    start: int = 0


def _clean_tokens(words: list[str]) -> list[str]:
    """A run's words without sentence-opening words, modifiers ("army-backed"), full
    stops or a final possessive."""
    modifier = re.compile(r"[\w.]+-(?:run|backed|based|led|held|owned|funded|controlled)")
    tokens = [w.rstrip(".") if not _INITIALISM.fullmatch(w.rstrip(".")) else w for w in words]
    tokens = [t for t in tokens if t and not modifier.fullmatch(t)]
    leading = re.compile(rf"{_WEEKDAY}|{_MONTH}")
    while tokens and (tokens[0].lower() in _RUN_STOP or leading.fullmatch(tokens[0])):
        tokens = tokens[1:]
    if tokens:
        tokens[-1] = re.sub(r"['’]s$", "", tokens[-1])
    return tokens


def _split_title(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Titles before a name ("Deputy Foreign Minister") apart from the name itself.

    A title's complement goes with the title: "Secretary of State John Roe" -> "John Roe".
    """
    last = max((i for i, t in enumerate(tokens) if t.lower() in _TITLE_WORDS), default=-1)
    title, rest = tokens[: last + 1], tokens[last + 1 :]
    while last >= 0 and rest and rest[0].lower() in ("of", "for", "the"):
        while rest and rest[0].lower() in ("of", "for", "the"):
            title, rest = title + rest[:1], rest[1:]
        title, rest = title + rest[:1], rest[1:]
    return title, rest


def _is_person(tokens: list[str], titled: bool) -> bool:
    """Whether tokens read as a person's name: short, no organisation word, no "for"/"of"."""
    if not tokens or len(tokens) > 4 or tokens[0].lower() in _CONNECTORS:
        return False
    if any(t.lower() in _ORG_WORDS or t.lower() in ("of", "for", "the") for t in tokens):
        return False
    if tokens[0].lower() in _NOT_FIRST_NAMES or any(t.isupper() for t in tokens):
        return False
    return titled or len(tokens) >= 2


def _classify_run(words: list[str], start: int = 0) -> _Name | None:
    """A run of capitalised words read as a person (title split off) or an organisation.

    A lone weekday, month or nationality ("Peruvian") is a modifier, not a name.
    """
    tokens = _clean_tokens(words)
    joined = " ".join(tokens)
    if not tokens or re.fullmatch(rf"{_WEEKDAY}|{_MONTH}|{_DEMONYM.pattern}", joined):
        return None
    owned = any(re.search(r"['’]s$", t) for t in tokens)  # "Country's Daily News"
    if owned or any(t.lower() in _ORG_WORDS for t in tokens):
        return _Name(joined, "org", "", start)
    title, name = _split_title(tokens)
    if _is_person(name, bool(title)):
        return _Name(" ".join(name), "person", " ".join(title), start)
    if not name:
        return None
    return _Name(joined, "org" if len(tokens) > 1 else "other", "", start)


def _is_title_case(line: str) -> bool:
    """A headline in title case, whose capitals say nothing about names."""
    words = [w for w in line.split() if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _names_in(text: str) -> list[_Name]:
    """Every person and organisation named in `text`, in order."""
    names = []
    for match in _RUN.finditer(text):
        name = _classify_run(match.group().split(), match.start())
        if name is not None:
            names.append(name)
    return names


def _article_names(text: str) -> list[_Name]:
    """The names of a whole article, leaving out title-case headlines (all words capitalised)."""
    names = []
    for line in re.finditer(r"[^\n]+", text):
        if not _is_title_case(line.group()):
            names += [replace(n, start=n.start + line.start()) for n in _names_in(line.group())]
    return names


@dataclass
class _Memory:
    """What a reader remembers: the names met so far and who has spoken, most recent last."""

    names: list[_Name]
    speakers: list[_Name]
    sentence_start: int = 0  # where the sentence being read begins
    starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.starts = [name.start for name in self.names]

    def before(self, position: int) -> list[_Name]:
        """The names mentioned last before `position` (a reader's memory is not endless)."""
        index = bisect_left(self.starts, position)
        return self.names[max(0, index - _MEMORY_REACH) : index]

    def last_person(self) -> _Name | None:
        """The person named last before the current sentence ("Roe" counts as Jane Roe),
        else the last person who spoke: whom a "he" or "she" most likely means."""
        for name in reversed(self.before(self.sentence_start)):
            if name.kind == "person":
                return name
            known = _full_name(name.name, self, name.start) if " " not in name.name else None
            if known is not None and known.kind == "person":
                return known
        return self.last_speaker(("person",))

    def last_speaker(self, kinds: tuple[str, ...]) -> _Name | None:
        """The most recent speaker of one of `kinds`."""
        recent = self.speakers[-_MEMORY_REACH:]
        return next((s for s in reversed(recent) if s.kind in kinds), None)


def _full_name(token: str, memory: _Memory, position: int) -> _Name | None:
    """A short name in its fullest earlier form: a surname ("Roe" -> "Jane Roe") or the
    head word of an organisation ("the Institute" -> "Institute for Peace Studies")."""
    for name in reversed(memory.before(position)):
        parts = name.name.split()
        if len(parts) < 2:
            continue
        if name.kind == "person" and token in (parts[-1], parts[-1].split("-")[-1]):
            return name
        if name.kind == "org" and token in parts[1:]:
            return name
    return None


def _resolve_reference(phrase: str, memory: _Memory, position: int) -> _Name | None:
    """A pronoun or definite description ("he", "the statement", "the minister")."""
    words = re.findall(r"[a-z-]+", phrase.lower())
    if len(words) == 1 and words[0] in _PERSON_REFERENCES:
        return memory.last_person()
    if len(words) == 1 and words[0] in ("they", "it"):
        return memory.last_speaker(("person", "org", "other"))
    if len(words) >= 2 and words[0] in ("its", "their"):
        return _last_org(memory, position)  # "its spokesman" speaks for the organisation
    if len(words) < 2 or words[0] != "the":
        return None
    head = words[-1]
    if head in _ANY_REFERENCES:
        return memory.last_speaker(("person", "org", "other")) or _last_org(memory, position)
    if head in _TITLE_WORDS:
        return _titled_person(head, memory, position)
    return _named_org(head, memory, position)


def _titled_person(head: str, memory: _Memory, position: int) -> _Name | None:
    """"the minister": the last person so titled, else the last person who spoke."""
    for name in reversed(memory.before(position)):
        if name.kind == "person" and head in name.title.lower():
            return name
    return memory.last_speaker(("person",))


def _last_org(memory: _Memory, position: int) -> _Name | None:
    """The organisation named last before `position`."""
    return next((n for n in reversed(memory.before(position)) if n.kind == "org"), None)


def _named_org(head: str, memory: _Memory, position: int) -> _Name | None:
    """"the ministry", "the group": the last organisation that fits the noun."""
    for name in reversed(memory.before(position)):
        if name.kind == "org" and head in name.name.lower().split():
            return name
    if head in _ANY_ORG_NOUNS:
        return memory.last_speaker(("org",))
    return None


def _clean_phrase(phrase: str) -> str:
    """A speaker phrase cut to its head: no appositive, no "on Monday", no "'s toll"."""
    phrase = _PHRASE_CUT.split(phrase.strip(), maxsplit=1)[0].strip()
    without_noun = _TRAILING_NOUNS.sub("", phrase).strip()
    if not re.fullmatch(r"(?:the|an?)?", without_noun, re.IGNORECASE):
        phrase = without_noun
    phrase = re.sub(r"^(?:(?:but|and|yet|so|however|then)\b" + _S0 + r",?" + _S0 + ")+", "",
                    phrase, flags=re.IGNORECASE)
    return phrase.strip(" \t\u00a0,.;:")


def _chosen_name(phrase: str, memory: _Memory, position: int) -> _Name | None:
    """The name a phrase gives: a person before an organisation, short names in full."""
    found = _names_in(phrase)
    chosen = next((n for n in found if n.kind == "person"), None) or next(iter(found), None)
    if chosen is None:
        return None
    if " " not in chosen.name and re.search(r"\b[a-z]{3,}$", phrase):
        return None  # "U.S. official", "Government forces": the name only qualifies a noun
    if len(chosen.name.split()) == 1:
        return _full_name(chosen.name, memory, position) or chosen
    return chosen


def _resolve_speaker(phrase: str, memory: _Memory, position: int) -> _Name | None:
    """The claimant a speaker phrase names, resolved against what came before.

    A person's name wins over an organisation in the same phrase ("Ministry spokesman
    Jane Roe" -> Jane Roe); a surname takes its fullest earlier form; "he", "the
    statement", "the group", "the minister" take the most recent speaker or name that
    fits; a description with no name ("state television") is kept as written.
    """
    phrase = _clean_phrase(phrase)
    if not phrase:
        return None
    named = _chosen_name(phrase, memory, position)
    if named is not None:
        return named
    reference = _resolve_reference(phrase, memory, position)
    if reference is not None:
        return reference
    described = re.sub(r"^(?:the|a|an)" + _S, "", phrase, flags=re.IGNORECASE)
    if not re.search(r"[A-Za-z]", described) or described.lower() in _PRONOUNS:
        return None
    return _Name(described, "other", "", position)


@dataclass(frozen=True)
class _Attribution:
    """An attribution in a sentence: where it stands and the phrase naming the speaker."""

    position: int
    phrase: str


def _subject_before(text: str, clause_start: int, verb_start: int) -> str:
    """The subject of a speech verb: the words before it back to the clause boundary.

    "Jane Roe, the agency's director, said" and "the director, Jane Roe, said" put the
    name in one of the two segments before the verb; a segment with a person wins.
    """
    head = _AUX_TAIL.sub("", text[max(clause_start, verb_start - _REACH) : verb_start]).rstrip()
    segments = [re.split(r"[;:“”\"()\[\]–—]", s)[-1].strip() for s in head.split(",")]
    if head.endswith(","):
        options = segments[-3:-1][::-1]
        named = [s for s in options if _names_in(s)]
        people = [s for s in named if any(n.kind == "person" for n in _names_in(s))]
        return (people or named or [""])[0]
    if re.match(r"(?:which|who)\b", segments[-1]) and len(segments) > 1:
        return segments[-2]  # "the agency, which has counted ..." speaks for the agency
    return " ".join(segments[-1].split()[-12:])


def _verb_attributions(text: str, start: int, end: int, quotes) -> list[_Attribution]:
    """Each "X said" / "X told" / ", said X" of a sentence outside quotations."""
    found = []
    for match in _SAY_VERB.finditer(text, start, end):
        if _inside(quotes, match.start()) or _NOUN_BEFORE_VERB.search(
            text[max(start, match.start() - 8) : match.start()]
        ):
            continue
        subject = _subject_before(text, start, match.start())
        if not subject.strip():
            inverted = _INVERTED.match(text, match.end(), end)
            subject = inverted.group("who") if inverted else ""
        if subject.strip():
            found.append(_Attribution(match.start(), subject))
    return found


_SUBJECT_OPENING = re.compile(r"(?:[Hh]e|[Ss]he|[Tt]hey)\b|" + _CAP + r"(?:" + _S + _CAP + r")*")


def _sentence_subject(text: str, start: int, end: int) -> str:
    """The pronoun or name opening a sentence, past a conjunction or a time phrase."""
    opening = _OPENING.sub("", text[start : min(end, start + _REACH)], count=1)
    match = _SUBJECT_OPENING.match(opening)
    return match.group() if match else ""


def _attributions(text: str, start: int, end: int, quotes) -> list[_Attribution]:
    """Every attribution in text[start:end], in order of position."""
    found = [_Attribution(m.start(), m.group("who")) for pattern in _PHRASE_ATTRIBUTIONS
             for m in pattern.finditer(text, start, end)
             if pattern is not _ACCORDING or _could_speak(m.group("who"))]
    found += _verb_attributions(text, start, end, quotes)
    saying = [m.start() for m in _SAYING.finditer(text, start, end)]
    if saying:
        subject = _sentence_subject(text, start, end)
        found += [_Attribution(position, subject) for position in saying]
    return sorted((a for a in found if a.phrase.strip()), key=lambda a: a.position)


def _could_speak(phrase: str) -> bool:
    """Whether the words after "according to" can name a speaker: a capitalised name, a
    title or body ("officials", "the ministry"), not a thing ("the serious injuries")."""
    words = re.findall(r"[\w'’-]+", phrase)
    if any(word[0].isupper() and word not in _FUNCTION_WORDS for word in words):
        return True
    return any(word.lower() in _SPEAKER_NOUNS for word in words)


def _containing(spans: list[tuple[int, int]], position: int) -> tuple[int, int] | None:
    """The span holding `position`, if any (`spans` sorted and not overlapping)."""
    index = bisect_right(spans, (position, float("inf"))) - 1
    if index >= 0 and spans[index][0] <= position < spans[index][1]:
        return spans[index]
    return None


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    """Whether `position` falls strictly inside one of `spans` (past its opening mark)."""
    span = _containing(spans, position)
    return span is not None and span[0] < position


@dataclass(frozen=True)
class _Speech:
    """The attributions of one sentence, in order, and where its "where" clauses open."""

    found: list[_Attribution]
    positions: list[int]
    wheres: list[int]


def _speech(article: _Article, sentence: tuple[int, int]) -> _Speech:
    """Find the attributions of a sentence once, for all its figures."""
    found = _attributions(article.text, sentence[0], sentence[1], article.quotes)
    wheres = [m.start() for m in _WHERE.finditer(article.text, sentence[0], sentence[1])]
    return _Speech(found, [a.position for a in found], wheres)


def _choose(speech: _Speech, figure: tuple[int, int]) -> _Attribution | None:
    """The attribution covering a figure: the nearest before it, else the nearest after.

    An attribution before a "where ..." clause does not cover figures inside that
    clause: such clauses give the writer's own background about a place.
    """
    before = bisect_left(speech.positions, figure[0])
    if before:
        nearest = speech.found[before - 1]
        where = bisect_right(speech.wheres, nearest.position)
        if where == len(speech.wheres) or speech.wheres[where] >= figure[0]:
            return nearest
    after = bisect_left(speech.positions, figure[1])
    return speech.found[after] if after < len(speech.found) else None


def _quote_attribution(article: _Article, quote: tuple[int, int]) -> _Attribution | None:
    """The speaker named just after a quotation (", Jane Roe said") or just before it."""
    if quote not in article.quote_speakers:
        article.quote_speakers[quote] = _find_quote_attribution(article, quote)
    return article.quote_speakers[quote]


def _find_quote_attribution(article: _Article, quote: tuple[int, int]) -> _Attribution | None:
    """Look for a quotation's speaker right after it, then right before it."""
    text, quotes = article.text, article.quotes
    closing = _containing(article.sentences, quote[1] - 1)
    if closing is not None and quote[1] < closing[1]:
        tail = _attributions(text, quote[1], min(closing[1], quote[1] + _REACH), quotes)
        if tail:
            return tail[0]
    opening = _containing(article.sentences, quote[0])
    if opening is not None and re.search(r"[:,]" + _S0 + "$", text[opening[0] : quote[0]]):
        head = _attributions(text, max(opening[0], quote[0] - _REACH), quote[0], quotes)
        if head:
            return head[-1]
    return None


# --------------------------------------------------------------------------------------
# Putting it together.
# --------------------------------------------------------------------------------------


@dataclass
class _Article:
    """An article read once: its sentences, paragraphs, quotations, numbers and names."""

    text: str
    sentences: list[tuple[int, int]]
    paragraphs: list[tuple[int, int]]
    quotes: list[tuple[int, int]]
    numbers: list[NumberMention]
    memory: _Memory
    quote_speakers: dict[tuple[int, int], _Attribution | None] = field(default_factory=dict)
    line_reasons: dict[tuple[int, int], str | None] = field(default_factory=dict)
    number_starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.number_starts = [number.start for number in self.numbers]

    def numbers_in(self, sentence: tuple[int, int]) -> list[NumberMention]:
        """The numbers of one sentence."""
        low = bisect_left(self.number_starts, sentence[0])
        high = bisect_left(self.number_starts, sentence[1])
        return self.numbers[low:high]

    def paragraph_of(self, sentence: tuple[int, int]) -> tuple[int, int]:
        """The paragraph holding a sentence."""
        return _containing(self.paragraphs, sentence[0]) or sentence

    def line_reason(self, sentence: tuple[int, int]) -> str | None:
        """Why no number of the sentence's line is a claim (caption, furniture), or None."""
        paragraph = self.paragraph_of(sentence)
        if paragraph not in self.line_reasons:
            self.line_reasons[paragraph] = _line_reason(self.text[paragraph[0] : paragraph[1]])
        return self.line_reasons[paragraph]


def _read(text: str) -> _Article:
    """Cut the article into the pieces every rule needs."""
    return _Article(
        text,
        sentence_spans(text),
        paragraph_spans(text),
        quote_spans(text),
        find_numbers(text),
        _Memory(_article_names(text), []),
    )


@dataclass(frozen=True)
class _View:
    """One sentence prepared once for all its figures."""

    span: tuple[int, int]
    figures: list[_Figure]
    roots: list[int]  # figures that break down no other figure
    last_member: dict[int, int]  # each root's last breakdown figure (or itself)
    speech: _Speech
    periods: list[re.Match[str]]


def _view(article: _Article, sentence: tuple[int, int]) -> _View:
    """A sentence's figures, their groups, its attributions and its period phrases."""
    kept = [mention for mention, reason in _reasons(article, sentence) if reason is None]
    figures = _figures(article.text, kept)
    roots = [i for i, figure in enumerate(figures) if figure.parent is None]
    last_member = {i: i for i in roots}
    for i, figure in enumerate(figures):
        if figure.parent is not None:
            last_member[figure.parent] = i
    periods = list(_PERIOD.finditer(article.text, sentence[0], sentence[1]))
    return _View(sentence, figures, roots, last_member, _speech(article, sentence), periods)


def _claimant_at(article: _Article, view: _View, figure: tuple[int, int]) -> _Name | None:
    """Who claims the figure at `figure`: its quotation's speaker, else its sentence's."""
    quote = _containing(article.quotes, figure[0])
    if quote is not None and quote[0] < figure[0]:
        found = _quote_attribution(article, quote)
        if found is not None:
            return _resolve_speaker(found.phrase, article.memory, found.position)
        opening = _containing(article.sentences, quote[0])
        if opening is None or opening[0] == quote[0]:
            # A quotation opening its sentence with no speaker of its own goes on with
            # the last speaker ("..." said Jane Roe. "More words.").
            return article.memory.last_speaker(("person", "org", "other"))
    found = _choose(view.speech, figure)
    if found is None:
        return None
    return _resolve_speaker(found.phrase, article.memory, found.position)


def _windows(text: str, view: _View, index: int) -> tuple[str, str]:
    """The clause text after and before the group of figures that `index` belongs to."""
    figures = view.figures
    root = figures[index].parent if figures[index].parent is not None else index
    position = bisect_left(view.roots, root)
    end = figures[view.last_member[root]].end
    right_end = view.span[1]
    if position + 1 < len(view.roots):
        right_end = figures[view.roots[position + 1]].start
    left_start = view.span[0]
    if position > 0:
        left_start = figures[view.last_member[view.roots[position - 1]]].end
    start = figures[root].start
    right = text[end : min(right_end, end + _REACH)]
    left = text[max(left_start, start - _REACH) : start]
    return right, left


@dataclass(frozen=True)
class _Reading:
    """What a figure's own words say: qualifier, unit, subject, measure."""

    qualifier: str
    qualifier_text: str
    unit: str
    subject: str
    measure: str


def _read_figure(text: str, view: _View, index: int) -> _Reading:
    """Qualifier, unit, subject and measure of one figure of a sentence."""
    figure, span = view.figures[index], view.span
    words = _phrase_words(text, figure.end, 8)
    unit = unit_of(figure.mention, words)
    around = text[max(span[0], figure.start - _REACH) : min(span[1], figure.end + _REACH)]
    qualifier, qualifier_text = qualifier_of(text, figure.start, figure.end, span[0])
    subject = _pause_subject(words, around) if unit in ("hours", "days") else ""
    subject = subject or subject_of(words)
    right, left = _windows(text, view, index)
    measure = measure_of(words, unit, around, right, left)
    if figure.parent is not None:
        measure = _read_figure(text, view, figure.parent).measure or measure
    return _Reading(qualifier, qualifier_text, unit, subject, measure)


def _with_others(reading: _Reading, previous: _Reading | None, words: list[str]) -> _Reading:
    """"at least 8 children killed and 20 others hurt": "others" shares noun and bound."""
    if previous is None or not words or words[0].lower() != "others":
        return reading
    qualifier, qualifier_text = reading.qualifier, reading.qualifier_text
    if qualifier == "exact":
        qualifier, qualifier_text = previous.qualifier, previous.qualifier_text
    return _Reading(qualifier, qualifier_text, reading.unit, previous.subject or reading.subject,
                    reading.measure)


def _defaults(reading: _Reading) -> _Reading:
    """A measure about people with no noun counts "people"; a surrender counts fighters."""
    subject = reading.subject
    if not subject and reading.measure in _PEOPLE_MEASURES:
        subject = "people"
    if not subject and reading.measure in _FIGHTER_MEASURES:
        subject = "fighters"
    return replace(reading, subject=subject)


def _is_claim(reading: _Reading) -> bool:
    """A figure is proposed when it counts something the schema knows, is a share, or is
    the length of a pause (other lengths of time, "three days of shelling", are not)."""
    if reading.unit in ("hours", "days"):
        return reading.measure == "pause_length"
    return bool(reading.subject or reading.measure or reading.unit == "percent")


def _reasons(article: _Article, sentence: tuple[int, int]):
    """Each number of a sentence with the reason it is not a claim (None if it may be one)."""
    mentions = article.numbers_in(sentence)
    if not mentions:
        return []
    text, line_reason = article.text, article.line_reason(sentence)
    periods = tuple(m.span() for m in _PERIOD_LENGTH.finditer(text, sentence[0], sentence[1]))
    return [
        (mention, _not_claim_reason(_Context(text, mention, sentence, line_reason, periods)))
        for mention in mentions
    ]


def _period_of(view: _View, figure: _Figure) -> str:
    """The period phrase of the sentence nearest the figure, in the article's words."""
    best, best_distance = "", None
    for match in view.periods:
        if match.start() <= figure.start < match.end():
            continue
        distance = max(match.start() - figure.end, figure.start - match.end())
        if best_distance is None or distance < best_distance:
            best, best_distance = match.group().strip(), distance
    return best


def _sentence_readings(text: str, view: _View) -> list[tuple[_Figure, _Reading]]:
    """Each figure of a sentence with its reading."""
    readings: list[tuple[_Figure, _Reading]] = []
    previous = None
    for index, figure in enumerate(view.figures):
        reading = _read_figure(text, view, index)
        words = _phrase_words(text, figure.end, 8)
        previous = _defaults(_with_others(reading, previous, words))
        readings.append((figure, previous))
    return readings


def _sentence_candidates(article: _Article, view: _View) -> list[Candidate]:
    """The candidate claims of one sentence."""
    return [
        _candidate(article.text, view, figure, reading,
                   _claimant_at(article, view, (figure.start, figure.end)))
        for figure, reading in _sentence_readings(article.text, view)
        if _is_claim(reading)
    ]


def _candidate(text: str, view: _View, figure: _Figure, reading: _Reading, speaker) -> Candidate:
    """Assemble one Candidate."""
    start, end = view.span
    return Candidate(
        value=figure.value,
        value_max=figure.value_max,
        qualifier=reading.qualifier,
        qualifier_text=reading.qualifier_text,
        measure=reading.measure,
        subject=reading.subject,
        unit=reading.unit,
        claimant=speaker.name if speaker is not None else "",
        period_text=_period_of(view, figure),
        quote=text[start:end],
        start=start,
        end=end,
        vague=figure.mention.kind == "vague",
        figure=text[figure.start : figure.end],
        figure_start=figure.start,
        figure_end=figure.end,
    )


def _remember_speaker(article: _Article, view: _View) -> None:
    """Note who speaks in a sentence, so that "he" or "the statement" later finds them."""
    opening = view.span[0] + 1
    speaker = _claimant_at(article, view, (opening, opening))
    if speaker is not None:
        article.memory.speakers.append(speaker)


def extract(text: str) -> list[Candidate]:
    """Every candidate claim in `text`, in reading order.

    Pure: the same text always gives the same candidates, and any text at all (empty,
    binary-looking, unbalanced quotation marks) gives a list rather than an error.
    """
    article = _read(text)
    candidates: list[Candidate] = []
    for sentence in article.sentences:
        article.memory.sentence_start = sentence[0]
        view = _view(article, sentence)
        candidates += _sentence_candidates(article, view)
        _remember_speaker(article, view)
    return candidates


def non_claims(text: str) -> list[tuple[NumberMention, str]]:
    """Every number of `text` that is not proposed as a claim, with the reason.

    Together with `extract` this accounts for every number `find_numbers` sees: each one
    is either inside a candidate's figure or listed here. Numbers set aside by a rule give
    its reason (see `_not_claim_reason`); figures that count nothing the schema knows
    ("the two sides") are "not a count", and lengths of time that are no pause
    ("three days of shelling") are "duration".
    """
    article = _read(text)
    found = []
    for sentence in article.sentences:
        found += [(m, reason) for m, reason in _reasons(article, sentence) if reason is not None]
        for figure, reading in _sentence_readings(text, _view(article, sentence)):
            if not _is_claim(reading):
                reason = "duration" if reading.unit in ("hours", "days") else "not a count"
                found += [(mention, reason) for mention in figure.mentions]
    return sorted(found, key=lambda item: item[0].start)


def candidates_frame(text: str) -> pd.DataFrame:
    """The candidates of `text` as a table, the columns a curator reads first on the left."""
    rows = [asdict(candidate) for candidate in extract(text)]
    frame = pd.DataFrame(rows, columns=[f.name for f in fields(Candidate)])
    frame = frame.astype({"value": "float64", "value_max": "float64"})
    return frame[list(FRAME_COLUMNS)]
