"""Stage 4a: speakers: the names of an article and what a reference back to one means.

Runs of capitalised words are read as people (a title split off) or organisations; a
reader's memory of names and speakers resolves "he", "the agency", "the minister".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace

from figures.extract.lexicon import (
    ANY_ORG_NOUNS,
    ANY_REFERENCES,
    COMPASS_WORDS,
    CONNECTORS,
    DEMONYMS,
    MEMORY_REACH,
    MONTH,
    NOT_FIRST_NAMES,
    ORG_WORDS,
    PERSON_REFERENCES,
    PRONOUNS,
    RUN_STOP,
    SPEAKER_NOUNS,
    TITLE_WORDS,
    WEEKDAY,
    WS,
    WS0,
)
from figures.extract.sentences import INITIALISM, is_title_case, sentence_spans

_TRAILING_NOUNS = re.compile(
    r"(?:['’]s)?(?:" + WS + r"(?:latest|own|death|casualty))*(?:" + WS
    + r"(?:toll|tally|count|figures?|estimates?|data|report|statement|sources?))+$",
    re.IGNORECASE,
)
_PHRASE_CUT = re.compile(
    r"," + WS0 + r"|" + WS + r"(?:as" + WS + r"quoted|in" + WS + r"an?" + WS
    + r"(?:statement|interview|briefing)|on" + WS + rf"{WEEKDAY}|(?:from|in){WS}the{WS}"
    + r"(?=[a-z])|who" + WS + r"|which" + WS + r"|that" + WS + r")"
)


CAP = r"(?:(?:al|el|ad|ash|as|at|an|ar|ibn|bin)-)?[A-Z][\w’'.-]*"  # "al-Assad" too
_RUN = re.compile(
    CAP + r"(?:" + WS + r"(?:(?:" + "|".join(CONNECTORS) + r")" + WS + r")*" + CAP + r")*"
)
_DEMONYM = re.compile(
    r"[A-Z][a-z]+(?:ian|ean|ese|ish|ch)|[A-Z]\.?[A-Z]\.?|"
    + "|".join(sorted(DEMONYMS, key=len, reverse=True))
)


@dataclass(frozen=True)
class Name:
    """A name in the text: a person (title split off), an organisation, or another name."""

    name: str
    kind: str  # "person", "org" or "other"
    title: str = ""
    start: int = 0


_MODIFIER = re.compile(r"[\w.]+-(?:run|backed|based|led|held|owned|funded|controlled)")
_DAY_OR_MONTH = re.compile(rf"{WEEKDAY}|{MONTH}")
_NOT_A_NAME = re.compile(rf"{WEEKDAY}|{MONTH}|{_DEMONYM.pattern}")


def _clean_tokens(words: list[str]) -> list[str]:
    """A run's words without sentence-opening words, modifiers ("army-backed"), full
    stops or a final possessive."""
    tokens = [w.rstrip(".") if not INITIALISM.fullmatch(w.rstrip(".")) else w for w in words]
    tokens = [t for t in tokens if t and not _MODIFIER.fullmatch(t)]
    while tokens and (tokens[0].lower() in RUN_STOP or _DAY_OR_MONTH.fullmatch(tokens[0])):
        tokens = tokens[1:]
    if tokens:
        tokens[-1] = re.sub(r"['’]s$", "", tokens[-1])
    return tokens


def _split_title(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Titles before a name ("Deputy Foreign Minister") apart from the name itself.

    A title's complement goes with the title: "Secretary of State John Roe" -> "John Roe".
    """
    last = max((i for i, t in enumerate(tokens) if t.lower() in TITLE_WORDS), default=-1)
    title, rest = tokens[: last + 1], tokens[last + 1 :]
    while last >= 0 and rest and rest[0].lower() in ("of", "for", "the"):
        while rest and rest[0].lower() in ("of", "for", "the"):
            title, rest = title + rest[:1], rest[1:]
        title, rest = title + rest[:1], rest[1:]
    return title, rest


def _is_person(tokens: list[str], titled: bool) -> bool:
    """Whether tokens read as a person's name: short, no organisation word, no "for"/"of"."""
    if not tokens or len(tokens) > 4 or tokens[0].lower() in CONNECTORS:
        return False
    if any(t.lower() in ORG_WORDS or t.lower() in ("of", "for", "the") for t in tokens):
        return False
    if tokens[0].lower() in NOT_FIRST_NAMES or any(t.isupper() for t in tokens):
        return False
    return titled or len(tokens) >= 2


def _classify_run(words: list[str], start: int = 0) -> Name | None:
    """A run of capitalised words read as a person (title split off) or an organisation.

    A lone weekday, month or nationality ("Peruvian") is a modifier, not a name.
    """
    tokens = _clean_tokens(words)
    joined = " ".join(tokens)
    if not tokens or _NOT_A_NAME.fullmatch(joined):
        return None
    owner = next((i for i, t in enumerate(tokens[:-1]) if re.search(r"['’]s$", t)), None)
    if owner is not None and _is_person(tokens[owner + 1 :], titled=False):
        # "the Agency's Jane Roe": a person of the body named before the possessive
        return Name(" ".join(tokens[owner + 1 :]), "person",
                    re.sub(r"['’]s$", "", " ".join(tokens[: owner + 1])), start)
    owned = owner is not None  # "Country's Daily News"
    if owned or any(t.lower() in ORG_WORDS for t in tokens):
        return Name(joined, "org", "", start)
    title, name = _split_title(tokens)
    if _is_person(name, bool(title)):
        return Name(" ".join(name), "person", " ".join(title), start)
    if not name:
        return None
    acronym = len(tokens) == 1 and len(joined) >= 3 and joined.isupper()  # "UNHCR"
    return Name(joined, "org" if len(tokens) > 1 or acronym else "other", "", start)


# "in Eastern Velmora", "from North Tarn": after a place preposition, a name opened by a
# compass word is a place ("North Korea said" still names a speaker).
_PLACE_PREPOSITION = re.compile(
    r"\b(?:in|from|near|across|into|throughout|outside|around|inside)" + WS
    + r"(?:the" + WS + r")?$", re.IGNORECASE
)


def _is_compass_place(text: str, match: re.Match[str]) -> bool:
    """Whether the run at `match` is a compass word and a name after a place preposition."""
    first = match.group().split()[0].lower()
    return first in COMPASS_WORDS and bool(_PLACE_PREPOSITION.search(text, 0, match.start()))


def names_in(text: str) -> list[Name]:
    """Every person and organisation named in `text`, in order."""
    names = []
    for match in _RUN.finditer(text):
        if _is_compass_place(text, match):
            continue
        name = _classify_run(match.group().split(), match.start())
        if name is not None:
            names.append(name)
    return names


def article_names(text: str) -> list[Name]:
    """The names of a whole article, leaving out title-case headlines (all words capitalised).

    Names are read sentence by sentence, so a run of capitals never crosses a full stop
    ("... at the HQ. Jane Roe said" names Jane Roe, not "HQ Jane Roe")."""
    names = []
    spans = sentence_spans(text)
    starts = [start for start, _ in spans]
    for line in re.finditer(r"[^\n]+", text):
        if is_title_case(line.group()):
            continue
        index = max(0, bisect_left(starts, line.start()) - 1)
        for start, end in spans[index:]:
            if start >= line.end():
                break
            low, high = max(start, line.start()), min(end, line.end())
            if low < high:
                names += [replace(n, start=n.start + low) for n in names_in(text[low:high])]
    return names


@dataclass
class Memory:
    """What a reader remembers: the names met so far and who has spoken, most recent last."""

    names: list[Name]
    speakers: list[Name]
    sentence_start: int = 0  # where the sentence being read begins
    starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.starts = [name.start for name in self.names]

    def before(self, position: int) -> list[Name]:
        """The names mentioned last before `position` (a reader's memory is not endless)."""
        index = bisect_left(self.starts, position)
        return self.names[max(0, index - MEMORY_REACH) : index]

    def last_person(self) -> Name | None:
        """Whom a "he" or "she" most likely means: the last person who spoke, else the
        person named last before the current sentence ("Roe" counts as Jane Roe)."""
        speaker = self.last_speaker(("person",))
        if speaker is not None:
            return speaker
        for name in reversed(self.before(self.sentence_start)):
            if name.kind == "person":
                return name
            known = _full_name(name.name, self, name.start) if " " not in name.name else None
            if known is not None and known.kind == "person":
                return known
        return self.last_speaker(("person",))

    def last_speaker(self, kinds: tuple[str, ...]) -> Name | None:
        """The most recent speaker of one of `kinds`."""
        recent = self.speakers[-MEMORY_REACH:]
        return next((s for s in reversed(recent) if s.kind in kinds), None)


def _full_name(token: str, memory: Memory, position: int) -> Name | None:
    """A short name in its fullest earlier form: a surname ("Roe" -> "Jane Roe") or the
    head word of an organisation ("the Institute" -> "Institute for Peace Studies")."""
    for name in reversed(memory.before(position)):
        parts = name.name.split()
        if len(parts) < 2:
            continue
        if name.kind == "person" and token in (parts[-1], parts[-1].split("-")[-1]):
            return name
        if name.kind == "org" and (token in parts[1:] or _abbreviates(token, parts)):
            return name
    return None


def _abbreviates(token: str, parts: list[str]) -> bool:
    """Whether `token` is the initials of a name: "KMHR", "MoH" ("Ministry of Health")."""
    capitals = "".join(c for c in token if c.isupper())
    initials = "".join(part[0] for part in parts if part[:1].isupper())
    return len(capitals) >= 2 and len(initials) >= 2 and initials.endswith(capitals)


def _resolve_reference(phrase: str, memory: Memory, position: int) -> Name | None:
    """A pronoun or definite description ("he", "the statement", "the minister")."""
    words = re.findall(r"[a-z-]+", phrase.lower())
    if len(words) == 1 and words[0] in PERSON_REFERENCES:
        return memory.last_person()
    if len(words) == 1 and words[0] in ("they", "it"):
        return memory.last_speaker(("person", "org", "other"))
    if len(words) >= 2 and words[0] in ("its", "their"):
        return _last_org(memory, position)  # "its spokesman" speaks for the organisation
    if len(words) < 2 or words[0] != "the":
        return None
    head = words[-1]
    if head in ANY_REFERENCES:
        return memory.last_speaker(("person", "org", "other")) or _last_org(memory, position)
    if head in TITLE_WORDS:
        return _titled_person(head, memory, position)
    return _named_org(head, memory, position)


def _titled_person(head: str, memory: Memory, position: int) -> Name | None:
    """"the minister": the last person so titled, else the last person who spoke (one
    named by surname alone, "Roe said", included)."""
    for name in reversed(memory.before(position)):
        if name.kind == "person" and head in name.title.lower():
            return name
    return memory.last_speaker(("person",)) or memory.last_speaker(("other",))


def _last_org(memory: Memory, position: int) -> Name | None:
    """The organisation named last before `position`."""
    return next((n for n in reversed(memory.before(position)) if n.kind == "org"), None)


def _named_org(head: str, memory: Memory, position: int) -> Name | None:
    """"the ministry", "the group": the last organisation that fits the noun."""
    for name in reversed(memory.before(position)):
        if name.kind == "org" and head in name.name.lower().split():
            return name
    for speaker in reversed(memory.speakers[-MEMORY_REACH:]):
        if head in speaker.name.lower().split():
            return speaker  # "the Velmora health ministry said ..." then "the ministry"
    if head in ANY_ORG_NOUNS:
        return memory.last_speaker(("org",))
    return None


# Linking words and time adverbs before a speaker: "But the ministry", "Later the agency".
_LEADING_LINKS = re.compile(
    r"^(?:(?:but|and|yet|so|however|then|later|earlier|meanwhile|separately|previously"
    r"|initially|additionally|also|now|today|yesterday|afterwards)\b" + WS0 + r",?" + WS0
    + ")+",
    re.IGNORECASE,
)


def _clean_phrase(phrase: str) -> str:
    """A speaker phrase cut to its head: no appositive, no "on Monday", no "'s toll"."""
    phrase = _PHRASE_CUT.split(phrase.strip(), maxsplit=1)[0].strip()
    without_noun = _TRAILING_NOUNS.sub("", phrase).strip()
    if not re.fullmatch(r"(?:the|an?)?", without_noun, re.IGNORECASE):
        phrase = without_noun
    return _trimmed(_LEADING_LINKS.sub("", phrase))


def _trimmed(phrase: str) -> str:
    """A phrase without spaces and punctuation at its ends, "U.N." keeping its last stop."""
    phrase = phrase.strip(" \t\u00a0,;:")
    if re.search(r"\b(?:[A-Z]\.){2,}$", phrase):
        return phrase
    return phrase.rstrip(".").rstrip()


def _chosen_name(phrase: str, memory: Memory, position: int) -> Name | None:
    """The name a phrase gives: a person before an organisation, short names in full."""
    found = names_in(phrase)
    chosen = next((n for n in found if n.kind == "person"), None) or next(iter(found), None)
    if chosen is None:
        return None
    if " " not in chosen.name and re.search(r"\b[a-z]{3,}$", phrase):
        return None  # "U.S. official", "Government forces": the name only qualifies a noun
    if len(chosen.name.split()) == 1:
        return _full_name(chosen.name, memory, position) or chosen
    return chosen


def resolve_speaker(phrase: str, memory: Memory, position: int) -> Name | None:
    """The claimant a speaker phrase names, resolved against what came before.

    A person's name wins over an organisation in the same phrase ("Ministry spokesman
    Jane Roe" -> Jane Roe); a surname takes its fullest earlier form; "he", "the
    statement", "the group", "the minister" take the most recent speaker or name that
    fits; a description with no name ("state television") is kept as written.
    """
    raw, phrase = phrase, _clean_phrase(phrase)
    if not phrase:
        return None
    named = _chosen_name(phrase, memory, position)
    if named is not None:
        return named
    reference = _resolve_reference(phrase, memory, position)
    if reference is not None:
        return reference
    described = _trimmed(re.sub(r"^(?:the|a|an)" + WS, "", _LEADING_LINKS.sub(
        "", _clean_phrase_keeping_nouns(raw)), flags=re.IGNORECASE))
    if not re.search(r"[A-Za-z]", described) or described.lower() in PRONOUNS:
        return None
    if not _can_speak(_clean_phrase_keeping_nouns(raw)):
        return None  # "bomb attacks", "12 people", "000 farmers were": not a speaker
    return Name(described, "other", "", position)


def _clean_phrase_keeping_nouns(phrase: str) -> str:
    """A speaker phrase cut at its first comma or clause, its head nouns kept."""
    return _PHRASE_CUT.split(phrase.strip(), maxsplit=1)[0].strip()


_PLACE_WORDS = frozenset(("in", "from", "near", "across", "into", "throughout", "outside"))


def _can_speak(description: str) -> bool:
    """Whether a description with no name can name a speaker: no figure in it, and a
    word for people or bodies that speak ("officials", "state television", "medics") or
    a capitalised word, not after a place preposition ("UN", not "in Eastern Velmora")."""
    if re.search(r"\d", description):
        return False
    words = re.findall(r"[\w'’-]+", description)
    lowered = [w.lower() for w in words if w.lower() not in ("the", "a", "an")]
    if any(w in SPEAKER_NOUNS or w.rstrip("s") in SPEAKER_NOUNS for w in lowered):
        return True
    if not lowered or lowered[0] in _PLACE_WORDS:
        return False  # "in Eastern Velmora": a place, not a speaker
    return any(w[:1].isupper() and w.lower() not in RUN_STOP for w in words)


