"""Stage 4b: attribution: which words in a sentence say who claims a figure.

"according to X", "X said", ", said X", "quoted X as saying", "X's toll", a quotation
with its speaker before or after it. The phrase found is handed to `speakers` to be
resolved to a name.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from figures.extract.lexicon import FUNCTION_WORDS, REACH, SPEAKER_NOUNS, WEEKDAY, WS, WS0
from figures.extract.sentences import _is_abbreviation, containing, inside
from figures.extract.speakers import CAP, Memory, Name, names_in, resolve_speaker

_SAY = (
    r"(?:said|says|told|tells|reported|reports|noted|notes|added|adds|stated|announced"
    r"|announces|claimed|claims|estimated|estimates|confirmed|confirms|warned|warns"
    r"|insisted|insists|wrote|writes|explained|stressed|suggested|alleged|declared|asserted"
    r"|argued|counted|recorded|documented|offered|proposed|pointed" + WS + r"out|points" + WS
    + r"out|say|tell|believes|believed|predicted|predicts|projected|forecast|verified"
    + r"|registered|tallied|found|finds|showed|shows|revealed|reveals|indicated|indicates"
    + r"|concluded|concludes"
    # "put the toll at", "puts the number of dead at"
    + r"|puts?(?=" + WS + r"(?:the|its|their)" + WS + r"(?:[\w-]+" + WS
    + r")?(?:toll|number|figure|total|count|tally)\b))"
)
_SAY_VERB = re.compile(rf"(?<![\w-]){_SAY}\b")
# A speech word after an article, a possessive or a preposition is a noun ("claims from
# the ministry", "their reports"), and so is one followed by "by", "from" or "of".
_NOUN_BEFORE_VERB = re.compile(
    r"(?:\b(?:a|an|the|these|those|such|to|his|her|its|their|our|my|your|new|latest"
    r"|previous|with|of|from|by|in|on|about|against|despite|amid|unconfirmed"
    r"|initial|preliminary)" + WS + r")$",
    re.I,
)
_NOUN_AFTER_VERB = re.compile(WS + r"(?:by|from|of|on)\b|" + WS0 + r"[,.;:]", re.I)
_SPEAKER_BEFORE = re.compile(r"(?:\b(?:he|she|they|it|we|I)|[A-Z][\w.’'-]*)" + WS + "$")
# "are said", "were reported", "is believed": the figure is reported, the speaker is only
# the agent after "by", if any.
_PASSIVE = re.compile(
    r"\b(?:is|are|was|were|be|been|being)" + WS + r"(?:(?:also|widely|now|still|initially"
    r"|reportedly|officially|already)" + WS + r")?$",
    re.I,
)
_AGENT = re.compile(WS + r"by" + WS + r"(?P<who>(?:the" + WS + r")?[^,.;:!?“”\"\n]{2,80})")
# Where a new clause begins inside the words before a speech verb: the subject is after it.
_CLAUSE_CUT = re.compile(
    r"^.*\b(?:while|whereas|but|although|though|because|when|after|before|as|if|since|until"
    r"|unless|whether|where)" + WS,
    re.I,
)
_RELATIVE = re.compile(r"(?:who|which|whose|whom)\b", re.I)
_BE_TAIL = re.compile(WS0 + r"\b(?:was|were|is|are|has" + WS + r"been|had" + WS + r"been)"
                      + WS0 + "$", re.I)
_AND_BEFORE = re.compile(r"\band" + WS + r"(?:also" + WS + r")?$", re.I)
_PARENTHESIS = re.compile(r"\([^()\n]{0,60}\)")
_FIGURE_WORD = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundred"
                          r"|thousand|million|dozens|hundreds|thousands)\b", re.I)
_AUX_TAIL = re.compile(
    r"(?:" + WS0 + r"\b(?:has|have|had|also|later|earlier|previously|then|again|separately"
    r"|further|repeatedly|once|already|now|recently|quickly|on" + WS + rf"{WEEKDAY})\b)+"
    + WS0 + "$",
    re.IGNORECASE,
)
_ACCORDING = re.compile(
    r"\baccording" + WS + r"to" + WS + r"(?P<who>(?:[^,.;:!?“”\"()\n]|\.(?=[\w-]|" + WS
    + r"[a-z]))+)",
    re.IGNORECASE,
)
_QUOTED_AS_SAYING = re.compile(
    r"\bquoted" + WS + r"(?P<who>[^.;:!?“”\"\n]{1,80}?)" + WS + r"as" + WS + r"saying\b"
)
_POSSESSIVE_TOLL = re.compile(
    r"(?P<who>(?:\b[Tt]he" + WS + r")?\b[A-Z][\w.-]*(?:" + WS + r"[A-Z][\w.-]*){0,5})['’]s"
    + WS + r"(?:(?:latest|own|death|casualty)" + WS + r")*"
    + r"(?:toll|tally|count|figures?|estimates?|data)\b"
)
_SAYING = re.compile(
    r"(?:,[^\S\n]*|\b)(?:saying|stating|adding|noting|warning|claiming|telling|explaining"
    r"|insisting|arguing|estimating|reporting|confirming|citing)\b"
)
# An account goes on past its sentence when the next one opens by pointing back at what
# was counted ("Of these, ...", "Among them ...").
_BACK_REFERENCE = re.compile(
    r"(?:Of|Among)" + WS + r"(?:the|these|those|them|whom|which|this)\b", re.I
)
_CLAUSE_BOUNDARY = re.compile(r",?" + WS + r"(?:and|but|while|whereas)" + WS + r"|;", re.I)
_INVERTED = re.compile(
    WS + r"(?P<who>(?:(?:[Tt]he|[Aa]n?)" + WS + r")?[A-Za-z](?:[^,.;:!?“”\"\n]|\.(?=[\w-]|"
    + WS + r"[A-Z])){0,80})"
)
# "claims from the capital", "figures released by the ministry", "estimates by the agency"
_SOURCE_OF = re.compile(
    r"(?i:\b(?:claims?|figures?|estimates?|reports?|data|statistics|tall(?:y|ies)|counts?"
    r"|assessments?|numbers)" + WS + r"(?:(?:released|published|compiled|collected|issued"
    r"|provided|given)" + WS + r")?(?:from|by)" + WS + r")(?P<who>(?:the" + WS + r")?" + CAP
    + r"(?:" + WS + r"(?:(?:of|for|and|the)" + WS + r")*" + CAP + r")*)"
)
_WHERE = re.compile(r"\bwhere\b", re.IGNORECASE)
_OPENING = re.compile(
    r"^(?:(?:But|And|Yet|So|Then|However|Meanwhile)\b,?" + WS0
    + r"|(?:On|In|At|Earlier|Later)\b[^,]{0,30}," + WS0 + r")+"
)
_PHRASE_ATTRIBUTIONS = (_QUOTED_AS_SAYING, _ACCORDING, _POSSESSIVE_TOLL, _SOURCE_OF)
_CHECKED = (_ACCORDING, _SOURCE_OF)  # phrases that must be able to name a speaker

@dataclass(frozen=True)
class Attribution:
    """An attribution in a sentence: where it stands and the phrase naming the speaker."""

    position: int
    phrase: str
    start: int = -1  # where the words naming the speaker begin, when before the verb


def _subject_before(text: str, clause_start: int, verb_start: int) -> str:
    """The subject of a speech verb: the words before it back to the clause boundary.

    "Jane Roe, the agency's director, said" and "the director, Jane Roe, said" put the
    name in one of the two segments before the verb; a segment with a person wins.
    """
    head = text[max(clause_start, verb_start - REACH) : verb_start]
    head = _PARENTHESIS.sub(lambda m: " " * len(m.group()), head)  # "(KMHR)", "(MoH)"
    head = _AUX_TAIL.sub("", head).rstrip()
    segments = [_after_last_stop(re.split(r"[;:“”\"()\[\]–—]", s)[-1]).strip()
                for s in re.split(r",(?!\d)", head)]
    segments = [_CLAUSE_CUT.sub("", s) for s in segments]
    if head.endswith(","):
        options = [s for s in segments[-3:-1][::-1] if not _RELATIVE.match(s)]
        named = [s for s in options if names_in(s)]
        people = [s for s in named if any(n.kind == "person" for n in names_in(s))]
        speaking = [s for s in options if set(s.lower().split()) & SPEAKER_NOUNS]
        return (people or named or speaking or [""])[0]
    if re.match(r"(?:which|who)\b", segments[-1]) and len(segments) > 1:
        return segments[-2]  # "the agency, which has counted ..." speaks for the agency
    subject = " ".join(segments[-1].split()[-12:])
    earlier = list(_SAY_VERB.finditer(subject))
    if earlier and _PRONOUN_ONLY.fullmatch(subject, earlier[-1].end()):
        return subject[: earlier[-1].start()].rstrip()  # "The ministry said it had recorded"
    return subject


# What is left of a subject after an earlier speech verb when the same body goes on: "it".
_PRONOUN_ONLY = re.compile(WS0 + r"(?:that" + WS + r")?(?:it|they|he|she|we)" + WS0, re.I)


def _after_last_stop(segment: str) -> str:
    """The words after the last full stop that ends a sentence ("Lt. Gen." and "Dr." end
    none: "An aide to Dr. Jane Roe" stays whole)."""
    for stop in reversed(list(re.finditer(r"\.(?=\s)", segment))):
        if not _is_abbreviation(segment, stop.start()):
            return segment[stop.end() :]
    return segment


def _inverted_subject(text: str, start: int, verb: re.Match[str], end: int) -> str:
    """The speaker after the verb (", said the agency"), when the words before the verb are
    what is said: nothing, or a clause that gives a figure ("Another 1,700 left, reported
    the monitoring group")."""
    head = text[max(start, verb.start() - REACH) : verb.start()].rstrip()
    if head.strip():
        if not head.endswith(","):
            return ""
        *before, said = re.split(r",(?!\d)", head[:-1])
        if not _FIGURE_WORD.search(said) or _is_age_after_name(before, said):
            return ""
    inverted = _INVERTED.match(text, verb.end(), end)
    if inverted is None or not _could_speak(inverted.group("who")):
        return ""
    return inverted.group("who")


def _is_age_after_name(before: list[str], said: str) -> bool:
    """Whether ", 25," after a name is the person's age ("Jane Roe, 25, said"), not a
    clause that gives a figure."""
    return (bool(re.fullmatch(WS0 + r"\d{1,3}" + WS0, said)) and bool(before)
            and bool(re.search(r"[A-Z][\w'’-]*" + WS0 + "$", before[-1])))


def _verb_attributions(text: str, start: int, end: int, quotes) -> list[Attribution]:
    """Each "X said" / "X told" / ", said X" of a sentence outside quotations."""
    found = []
    for match in _SAY_VERB.finditer(text, start, end):
        before = text[max(start, match.start() - 20) : match.start()]
        if inside(quotes, match.start()) or _NOUN_BEFORE_VERB.search(before):
            continue
        if (match.group().endswith("s") and _NOUN_AFTER_VERB.match(text, match.end())
                and not _SPEAKER_BEFORE.search(before)):
            continue  # "reports from the city", "made wild claims, some of which"
        if _PASSIVE.search(before):
            agent = _AGENT.match(text, match.end(), end)
            if agent:
                found.append(Attribution(match.start(), agent.group("who")))
            continue
        if found and _AND_BEFORE.search(before):
            found.append(Attribution(match.start(), found[-1].phrase))
            continue  # "The agency said ... and added that": one subject, two verbs
        subject = _inverted_subject(text, start, match, end)
        if subject:
            found.append(Attribution(match.start(), subject))
            continue
        subject = _subject_before(text, start, match.start())
        if subject.strip():
            at = text.rfind(subject.strip(), start, match.start())
            found.append(Attribution(match.start(), subject, at))
    return found


_SUBJECT_OPENING = re.compile(r"(?:[Hh]e|[Ss]he|[Tt]hey)\b|" + CAP + r"(?:" + WS + CAP + r")*")


def _sentence_subject(text: str, start: int, end: int) -> str:
    """The pronoun or name opening a sentence, past a conjunction or a time phrase."""
    opening = _OPENING.sub("", text[start : min(end, start + REACH)], count=1)
    match = _SUBJECT_OPENING.match(opening)
    return match.group() if match else ""


def _quoted_speaker(text: str, start: int, match: re.Match[str]) -> str:
    """The speaker a phrase names; for "X was quoted by state media as saying", X."""
    who = match.group("who")
    if not re.match(r"by" + WS, who):
        return who
    head = _BE_TAIL.sub("", text[start : match.start()])
    return _subject_before(text, start, start + len(head)) if head.strip() else who


def _attributions(text: str, start: int, end: int, quotes) -> list[Attribution]:
    """Every attribution in text[start:end], in order of position."""
    found = [Attribution(m.start(), _quoted_speaker(text, start, m))
             for pattern in _PHRASE_ATTRIBUTIONS for m in pattern.finditer(text, start, end)
             if pattern not in _CHECKED or _could_speak(m.group("who"))]
    found += _verb_attributions(text, start, end, quotes)
    for saying in _SAYING.finditer(text, start, end):
        if inside(quotes, saying.start()):
            continue
        earlier = [a for a in found if a.position < saying.start()]
        named = names_in(text[start : saying.start()])
        if earlier:  # "X said ..., warning that": X goes on speaking
            subject = earlier[-1].phrase
        else:
            people = [name for name in named if name.kind == "person"]
            subject = (people or named)[0].name if named else _sentence_subject(text, start, end)
        found.append(Attribution(saying.start(), subject))
    return sorted((a for a in found if a.phrase.strip()), key=lambda a: a.position)


def _could_speak(phrase: str) -> bool:
    """Whether the words after "according to" can name a speaker: a capitalised name, a
    title or body ("officials", "the ministry"), not a thing ("the serious injuries")."""
    words = re.findall(r"[\w'’-]+", phrase)
    if any(word[0].isupper() and word not in FUNCTION_WORDS for word in words):
        return True
    return any(word.lower() in SPEAKER_NOUNS for word in words)


@dataclass
class Voices:
    """What attribution reads of a whole article: its text, sentences and quotations, the
    reader's memory of names and speakers, and each quotation's speaker once found."""

    text: str
    sentences: list[tuple[int, int]]
    quotes: list[tuple[int, int]]
    memory: Memory
    quote_speakers: dict[tuple[int, int], Attribution | None] = field(default_factory=dict)
    account: tuple[tuple[int, int], Name] | None = None  # the paragraph and its speaker


@dataclass(frozen=True)
class Speech:
    """The attributions of one sentence, in order, and where its "where" clauses open."""

    found: list[Attribution]
    positions: list[int]
    wheres: list[int]
    text: str = ""


def speech_of(article: Voices, sentence: tuple[int, int]) -> Speech:
    """Find the attributions of a sentence once, for all its figures."""
    found = _attributions(article.text, sentence[0], sentence[1], article.quotes)
    wheres = [m.start() for m in _WHERE.finditer(article.text, sentence[0], sentence[1])]
    return Speech(found, [a.position for a in found], wheres, article.text)


def _choose(speech: Speech, figure: tuple[int, int]) -> Attribution | None:
    """The attribution covering a figure: the nearest before it, else the nearest after.

    An attribution before a "where ..." clause does not cover figures inside that
    clause: such clauses give the writer's own background about a place.
    """
    before = bisect_left(speech.positions, figure[0])
    after = bisect_left(speech.positions, figure[1])
    following = speech.found[after] if after < len(speech.found) else None
    if following is not None and 0 <= following.start <= figure[0]:
        following = None  # the figure describes the speaker: "Roe, one of 3 doctors, said"
    if before:
        nearest = speech.found[before - 1]
        where = bisect_right(speech.wheres, nearest.position)
        if where == len(speech.wheres) or speech.wheres[where] >= figure[0]:
            if following is None or not _separated(speech, nearest.position, figure[0]):
                return nearest
    return following


def _separated(speech: Speech, attribution: int, figure: int) -> bool:
    """Whether a new clause (", and ...", "; ") opens between an attribution and a figure,
    so that a speaker named after the figure is the nearer one."""
    return bool(_CLAUSE_BOUNDARY.search(speech.text, attribution, figure))


def _quote_attribution(article: Voices, quote: tuple[int, int]) -> Attribution | None:
    """The speaker named just after a quotation (", Jane Roe said") or just before it."""
    if quote not in article.quote_speakers:
        article.quote_speakers[quote] = _find_quote_attribution(article, quote)
    return article.quote_speakers[quote]


def _find_quote_attribution(article: Voices, quote: tuple[int, int]) -> Attribution | None:
    """Look for a quotation's speaker right after it, then right before it."""
    text, quotes = article.text, article.quotes
    closing = containing(article.sentences, quote[1] - 1)
    if closing is not None and quote[1] < closing[1]:
        tail = _attributions(text, quote[1], min(closing[1], quote[1] + REACH), quotes)
        if tail:
            return tail[0]
    opening = containing(article.sentences, quote[0])
    if opening is not None and re.search(r"[:,]" + WS0 + "$", text[opening[0] : quote[0]]):
        head = _attributions(text, max(opening[0], quote[0] - REACH), quote[0], quotes)
        if head:
            return head[-1]
    return None


def claimant_at(article: Voices, speech: Speech, figure: tuple[int, int]) -> Name | None:
    """Who claims the figure at `figure`: its quotation's speaker, else its sentence's."""
    quote = containing(article.quotes, figure[0])
    if quote is not None and quote[0] < figure[0]:
        found = _quote_attribution(article, quote)
        if found is not None:
            return resolve_speaker(found.phrase, article.memory, found.position)
        opening = containing(article.sentences, quote[0])
        if opening is None or opening[0] == quote[0]:
            # A quotation opening its sentence with no speaker of its own goes on with
            # the last speaker ("..." said Jane Roe. "More words.").
            return article.memory.last_speaker(("person", "org", "other"))
    found = _choose(speech, figure)
    if found is None:
        return None
    return resolve_speaker(found.phrase, article.memory, found.position)


def remember_speaker(article: Voices, speech: Speech, sentence: tuple[int, int],
                     paragraph: tuple[int, int], gives_figures: bool) -> None:
    """Note who speaks in a sentence, so that "he" or "the statement" later finds them,
    and whose account goes on into the next sentence: an account goes on from sentence
    to sentence through figures, and a sentence with none of its own ends it."""
    opening = sentence[0] + 1
    if speech.found and not inside(article.quotes, opening):
        first = speech.found[0]
        speaker = resolve_speaker(first.phrase, article.memory, first.position)
    else:
        speaker = claimant_at(article, speech, (opening, opening))
    if speaker is not None:
        article.memory.speakers.append(speaker)
        article.account = (paragraph, speaker)
    elif not gives_figures or account_speaker(article, sentence, paragraph) is None:
        article.account = None


def account_speaker(article: Voices, sentence: tuple[int, int],
                    paragraph: tuple[int, int]) -> Name | None:
    """Whose account an unattributed sentence goes on with: the speaker of an earlier
    sentence of its paragraph, or of the paragraph before when it opens by pointing back
    at what was counted ("Of these, 40 were children")."""
    if article.account is None:
        return None
    where, speaker = article.account
    if where == paragraph:
        return speaker
    opens = sentence[0] == paragraph[0]
    if opens and _BACK_REFERENCE.match(article.text, sentence[0]):
        article.account = (paragraph, speaker)
        return speaker
    return None


