"""Stage 3: reading a figure: its qualifier, unit, what it counts, what happened, when.

Each reading looks only at the words around one figure in its sentence; who says so is
another stage's business (`attribution`), so a change here never moves a claimant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from figures.extract.lexicon import MONTH, SUBJECT_WORDS, UNIT_WORDS, WEEKDAY, WS, WS0
from figures.numbers import SCALE_WORDS, SMALL_WORDS, NumberMention

AREA_UNITS = frozenset(("square km", "square miles", "hectares", "acres"))
DISTANCE_UNITS = frozenset(("km", "miles"))
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
    "surrendered": r"surrender\w*|laid" + WS + r"down|gave" + WS + r"themselves" + WS + "up",
    "pardoned": r"pardon\w*|amnest\w*",
    "freed": r"freed|liberated|released|rescued",
}
_EVENT_CUES: dict[str, str] = {
    "killed": r"kill\w*|dead|died|deaths?|perished|slain|massacred|fatalit\w*|toll|lives",
    "injured": r"injur\w*|wound(?:ed|s|ing)?|hurt",
    "besieged": r"besieged|siege|encircled",
    "trapped": r"trapped|stranded",
    "missing": r"missing|unaccounted|disappeared",
    "attacked": r"attack(?:ed|s)?|targeted|bombed|shelled|struck|hit|destroy\w*|damag\w*"
    r"|looted|raided",
    "fired": r"fired|dropped|launched",
    "left": r"left|fled|flee\w*|evacuat\w*|escaped|leave|leaving|exited|departed|displac\w*",
    "remaining": r"remain\w*|still" + WS + r"liv\w*|living" + WS + "in",
}
_PEOPLE_MEASURES = frozenset(
    ("killed", "injured", "besieged", "trapped", "remaining", "left", "freed", "missing")
)
_FIGHTER_MEASURES = frozenset(("surrendered", "pardoned"))

_QUALIFIER = re.compile(
    r"(?<![\w-])(?:"
    r"(?P<at_least>at" + WS + r"least|no" + WS + r"(?:fewer|less)" + WS + r"than"
    r"|a" + WS + r"minimum" + WS + r"of)"
    r"|(?P<up_to>up" + WS + r"to|as" + WS + r"(?:many|much)" + WS + r"as|at" + WS + r"most"
    r"|no" + WS + r"more" + WS + r"than|a" + WS + r"maximum" + WS + r"of)"
    r"|(?P<over>(?:(?:well|just)" + WS + r")?(?:more" + WS + r"than|over)|upwards" + WS
    + r"of|in" + WS + r"excess" + WS + r"of|above|exceeding)"
    r"|(?P<about>some|about|around|nearly|almost|approximately|roughly|circa"
    r"|close" + WS + r"to|just" + WS + r"under)"
    r"|(?P<estimated>an" + WS + r"estimated|estimated)"
    r"|(?P<as_little_as>as" + WS + r"(?:little|few)" + WS + r"as|only|just|a" + WS
    + r"mere|merely)"
    r")" + WS + r"$",
    re.IGNORECASE,
)
_QUALIFIER_AFTER = re.compile(
    r"^(?:" + WS + r"(?P<at_least>or" + WS + r"more)|" + WS + r"(?P<about>or" + WS + r"so)"
    r"|(?P<over>-plus|\+))\b",
    re.IGNORECASE,
)

PERIOD = re.compile(
    r"\b(?:(?:earlier|later)" + WS + r")?(?:this|last|past)" + WS
    + r"(?:week|month|year|weekend)(?:" + WS + r"alone)?\b"
    r"|\b(?:over|in|during|within|for)" + WS + r"the" + WS
    + r"(?:past|last|previous|preceding|first)" + WS
    + r"(?:[\w.,-]+" + WS + r"){0,2}?(?:hours|days|weeks|months|years)\b"
    r"|\bsince" + WS + r"[^,;.!?\n“”\"]{1,60}"
    r"|\bstarting" + WS + r"(?:from|on)" + WS + rf"(?:{MONTH}{WS}\d{{1,2}}|{WEEKDAY})",
    re.IGNORECASE,
)


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


# "2,075 are believed to be farmers", "430 have been identified as fighters":
# what a bare figure counts is named after the verb.
_COMPLEMENT = re.compile(
    WS + r"(?:are|were|is|was|have|has|had)" + WS + r"(?:(?:been|being|also|still|now|thought"
    r"|believed|said|reported|estimated|identified|confirmed|known|classified|listed"
    r"|described|presumed)" + WS + r"){0,3}(?:to" + WS + r"be|as)\b",
    re.IGNORECASE,
)


_BARE_COMPLEMENT = re.compile(
    WS + r"(?:are|were|is|was)" + WS + r"(?:(?:all|mostly|reportedly|also)" + WS + r")?",
    re.IGNORECASE,
)


def complement_words(text: str, end: int, limit: int) -> list[str]:
    """For a figure with no noun after it, the noun phrase its verb names ("2,075 are
    believed to be farmers", "20 were children" -> ["children"]); [] when none does."""
    match = _COMPLEMENT.match(text, end, min(len(text), end + 80))
    if match:
        return phrase_words(text, match.end(), limit)
    match = _BARE_COMPLEMENT.match(text, end, min(len(text), end + 80))
    words = phrase_words(text, match.end(), limit) if match else []
    return words if subject_of(words) else []


# "fighters, numbering between 1,200 and 4,400": the counted noun stands before the figure.
_NUMBERING = re.compile(
    r"\b(?P<noun>[A-Za-z][\w’'-]*),\s*(?:numbering|totalling|totaling|estimated\s+at"
    r"|put\s+at|counted\s+at)\s+(?:(?:between|about|around|some|nearly|almost|roughly"
    r"|up\s+to|at\s+least|more\s+than|over)\s+)?$",
    re.IGNORECASE,
)


# "put the number of destroyed homes at 3,200", "the toll of dead rose to 40"
_NUMBER_OF = re.compile(
    r"\b(?:number|toll|total|count|tally)" + WS + r"of" + WS
    + r"(?P<words>[A-Za-z][\w\s’'-]{0,60}?)" + WS + r"(?:at|to|was|is|stood" + WS
    + r"at|reached|rose" + WS + r"to|climbed" + WS + r"to|ha[sd]" + WS + r"risen" + WS
    + r"to)" + WS
    + r"(?:(?:about|around|some|nearly|almost|roughly|at" + WS + r"least|more" + WS + r"than"
    + r"|over|close" + WS + r"to)" + WS + r")?$",
    re.IGNORECASE,
)


_POPULATION_OF = re.compile(
    r"\bpopulation" + WS + r"(?:of|was|is|stood" + WS + r"at)" + WS + r"(?:(?:about|around"
    r"|some|nearly|almost|roughly|more" + WS + r"than|over)" + WS + r")?$",
    re.IGNORECASE,
)


# "refugees from the north have surpassed 120,000", "the total of refugees reached 230,000"
_REACHED = re.compile(
    r"\b(?:reach(?:ed|es)?|surpass(?:ed|es)?|exceed(?:ed|s)?|top(?:ped|s)?|above|passed"
    r"|rose" + WS + r"to|climbed" + WS + r"to|stood" + WS + r"at|total(?:l?ed|s)?|amount(?:ed|s)?"
    + WS + r"to|jumped" + WS + r"to|increased" + WS + r"to)" + WS
    + r"(?:(?:about|around|some|nearly|almost|roughly|at" + WS + r"least|more" + WS + r"than"
    + r"|over|close" + WS + r"to)" + WS + r")?$",
    re.IGNORECASE,
)


def numbered_subject(left: str) -> str:
    """What a figure counts when the noun stands before it ("fighters, numbering 300",
    "the number of destroyed homes at 3,200", "refugees ... have surpassed 120,000")."""
    match = _NUMBERING.search(left)
    if match:
        return subject_of([match.group("noun")])
    match = _NUMBER_OF.search(left)
    if match:
        return subject_of(match.group("words").split())
    if _POPULATION_OF.search(left):
        return "people"
    if _REACHED.search(left):
        clause = re.split(r"[,;:()“”\"]", left)[-1]
        found = [SUBJECT_WORDS[w] for w in re.findall(r"[a-z-]+", clause.lower())
                 if w in SUBJECT_WORDS]
        return found[-1] if found else ""
    return ""


def phrase_words(text: str, end: int, limit: int) -> list[str]:
    """The words of the noun phrase after a figure, up to punctuation, a verb or another
    figure ("the two sides agreed a three-day truce": the truce is not the two's)."""
    after = _QUALIFIER_AFTER.sub("", text[end : min(len(text), end + 80)], count=1)
    chunk = re.match(r"[^,;:.!?()“”\"–—\n\d]*", after)
    words = re.findall(r"[A-Za-z][\w’'.-]*", chunk.group() if chunk else "")
    phrase = []
    for word in words[:limit]:
        lowered = word.lower()
        if lowered in _NP_STOP or (phrase and (lowered in SMALL_WORDS or lowered in SCALE_WORDS)):
            break
        phrase.append(word)
    return phrase


def unit_of(mention: NumberMention, words: list[str]) -> str:
    """The unit (`schema.UNITS`): percent, a length of time, an area or a distance when the
    figure says so, a share for "half" or "a quarter", else count."""
    if mention.percent:
        return "percent"
    lowered = tuple(word.lower().strip(".") for word in words[:2])
    for key in (lowered[:2], lowered[:1]):
        if key in UNIT_WORDS:
            return UNIT_WORDS[key]
    if mention.kind == "words" and mention.value is not None and 0 < mention.value < 1:
        return "share"  # "about half of them"
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
            if re.fullmatch(r"U\.?N\.?", previous):
                return "UN aid"
            continue
        if word in SUBJECT_WORDS:
            return SUBJECT_WORDS[word]
        if _demonym_plural(words[position]):
            return "people"
    return ""


def _cue_pattern(cues: dict[str, str]) -> re.Pattern[str]:
    """One pattern for a list of cues, a named group per measure."""
    return re.compile(
        r"\b(?:" + "|".join(f"(?P<{m}>{p})" for m, p in cues.items()) + r")\b", re.IGNORECASE
    )


_CUES_AFTER = (_cue_pattern(_OUTCOME_CUES), _cue_pattern(_EVENT_CUES))
_CUES_BEFORE = _cue_pattern({**_OUTCOME_CUES, **_EVENT_CUES})
_CUE_JUST_BEFORE = re.compile(
    _CUES_BEFORE.pattern + WS + r"(?:(?:at" + WS + r"least|more" + WS + r"than|over|about"
    r"|around|some|nearly|almost|up" + WS + r"to|an" + WS + r"estimated|another|a" + WS
    + r"further)" + WS + r")?$",
    re.IGNORECASE,
)


def _nearest_cue(window: str, cues: re.Pattern[str], from_end: bool) -> str:
    """The measure whose cue word stands nearest the figure in `window` ("" if none)."""
    if not from_end:
        match = cues.search(window)
        return match.lastgroup or "" if match else ""
    best, best_distance = "", len(window) + 1
    for match in cues.finditer(window):
        distance = len(window) - match.end()
        if distance < best_distance:
            best, best_distance = match.lastgroup or "", distance
    return best


_TIME_WINDOW = re.compile(
    r"\b(?:in|within|over|after|every|past|last|next|first|per|each)" + WS0 + "$", re.IGNORECASE
)
_PLACE_TAKEN = re.compile(
    r"\b(?:captur\w*|seiz\w*|tak(?:en|e|es|ing)|took|retak\w*|retook|recaptur\w*"
    r"|liberat\w*|control\w*|overr\w*|fell|fallen|regain\w*)\b",
    re.IGNORECASE,
)


def _measure_from_words(words: list[str], unit: str, context: str, left: str = "") -> str:
    """A measure the noun phrase itself gives: munitions fired, lives lost, pause lengths,
    areas and distances. "in 48 hours" is a time window, not a pause, unless the words
    after it name one."""
    lowered = {word.lower() for word in words}
    if unit == "percent" and "aid" in lowered:
        return "aid_share"
    if unit in AREA_UNITS:
        return "area"
    if unit in DISTANCE_UNITS:
        return "distance"
    own_pause = any(SUBJECT_WORDS.get(w) in ("pause", "truce") for w in lowered)
    if unit in ("hours", "days") and (own_pause or not _TIME_WINDOW.search(left)) and (
        pause_subject(words, context)
    ):
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
    from_words = _measure_from_words(words, unit, context, left)
    if from_words or unit not in ("count", "share"):
        return from_words
    subject = subject_of(words)
    if subject == "neighbourhoods" and _PLACE_TAKEN.search(f"{left} {right[:80]}"):
        return "captured"
    adjacent = _CUE_JUST_BEFORE.search(left)  # "killing 6 shoppers, injuring 11 others"
    measure = (
        (adjacent.lastgroup or "" if adjacent else "")
        or _nearest_cue(right, _CUES_AFTER[0], from_end=False)
        or _nearest_cue(right, _CUES_AFTER[1], from_end=False)
        or _nearest_cue(left, _CUES_BEFORE, from_end=True)
    )
    if not measure and subject == "medical treatments":
        return "treated"
    return measure


def pause_subject(words: list[str], context: str) -> str:
    """For a length of time: "pause" or "truce", from its own words or else the words
    around it in its sentence ("offered a halt to the fighting for 72 hours")."""
    for word in words:
        subject = SUBJECT_WORDS.get(word.lower())
        if subject in ("pause", "truce"):
            return subject
    for word in re.findall(r"[A-Za-z-]+", context):
        subject = SUBJECT_WORDS.get(word.lower())
        if subject in ("pause", "truce"):
            return subject
        if word.lower() in _PAUSE_VERBS:
            return "pause"
    return ""


@dataclass(frozen=True)
class Reading:
    """What a figure's own words say: qualifier, unit, subject, measure."""

    qualifier: str
    qualifier_text: str
    unit: str
    subject: str
    measure: str


def with_others(reading: Reading, previous: Reading | None, words: list[str]) -> Reading:
    """"at least 8 children killed and 20 others hurt": "others" shares noun and bound."""
    if previous is None or not words or words[0].lower() != "others":
        return reading
    qualifier, qualifier_text = reading.qualifier, reading.qualifier_text
    if qualifier == "exact":
        qualifier, qualifier_text = previous.qualifier, previous.qualifier_text
    return Reading(qualifier, qualifier_text, reading.unit, previous.subject or reading.subject,
                    reading.measure)


def with_change(reading: Reading, previous: Reading | None, gap: str) -> Reading:
    """"rose from 200 to 340": the figure a count changed to shares its noun and measure."""
    if previous is None or reading.subject or not _CHANGED_TO.fullmatch(gap):
        return reading
    return replace(reading, subject=previous.subject, measure=reading.measure or previous.measure)


_CHANGED_TO = re.compile(WS0 + r"(?:to|up" + WS + r"to)" + WS0, re.IGNORECASE)
# "deaths by province were Velmora, 25; Tarn, 14": the next label of a labelled list.
_NEXT_LABEL = re.compile(
    WS0 + r"[;,]" + WS0 + r"(?:and" + WS + r")?[A-Z][\w'’-]*(?:" + WS + r"[A-Z][\w'’-]*){0,3},"
    + WS0
)


def with_list_label(reading: Reading, previous: Reading | None, gap: str) -> Reading:
    """"Velmora, 25; Tarn, 14": a figure after the next label of a list counts what the
    figure before it counted."""
    if previous is None or reading.subject or reading.measure or not _NEXT_LABEL.fullmatch(gap):
        return reading
    return replace(reading, subject=previous.subject, measure=previous.measure)


def with_defaults(reading: Reading) -> Reading:
    """A measure about people with no noun counts "people"; a surrender counts fighters;
    an area or a distance is one of territory."""
    subject = reading.subject
    if not subject and reading.measure in _PEOPLE_MEASURES:
        subject = "people"
    if not subject and reading.measure in _FIGHTER_MEASURES:
        subject = "fighters"
    if not subject and reading.measure in ("area", "distance"):
        subject = "territory"
    return replace(reading, subject=subject)


def is_claim(reading: Reading) -> bool:
    """A figure is proposed when it counts something the schema knows, is a share, or is
    the length of a pause (other lengths of time, "three days of shelling", are not)."""
    if reading.unit in ("hours", "days"):
        return reading.measure == "pause_length"
    return bool(reading.subject or reading.measure or reading.unit != "count")


def period_of(periods: list[re.Match[str]], start: int, end: int) -> str:
    """The period phrase of the sentence nearest the figure at text[start:end]."""
    best, best_distance = "", None
    for match in periods:
        if match.start() <= start < match.end():
            continue
        distance = max(match.start() - end, start - match.end())
        if best_distance is None or distance < best_distance:
            best, best_distance = match.group().strip(), distance
    return best




def range_qualifiers(text: str, start: int, sentence_start: int,
                     reading: Reading) -> tuple[tuple[str, str], tuple[str, str]]:
    """The qualifiers of a range's two bounds, each with the article's words for it.

    "between 1,200 and 4,400" is at least the one and up to the other; a bare range
    ("8,000-9,000") is an estimate from below; a hedge before the range ("an estimated
    20,000-25,000") stays with the lower bound.
    """
    upper = ("up_to", "")
    if reading.qualifier != "exact":
        return (reading.qualifier, reading.qualifier_text), upper
    between = re.search(r"\bbetween" + WS + "$", text[max(sentence_start, start - 12) : start],
                        re.IGNORECASE)
    if between:
        return ("at_least", between.group().strip()), upper
    return ("estimated", ""), upper
