"""Which existing claimant a name in an article means, if one clearly does."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pandas as pd

from figures.intake.rows import cell

# Words that say nothing about which body a name means.
_NAME_STOPWORDS = frozenset(("the", "of", "for", "and", "a", "an", "in", "on", "to", "s"))


def name_tokens(text: str) -> list[str]:
    """The words of a name, lower case, without punctuation or words like 'the' and 'of'."""
    folded = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
    return [word for word in re.findall(r"[^\W_]+", folded) if word not in _NAME_STOPWORDS]


def _contains(outer: list[str], inner: list[str]) -> bool:
    """Whether the words `inner` stand together, in order, inside `outer`."""
    size = len(inner)
    return size > 0 and any(outer[i : i + size] == inner for i in range(len(outer) - size + 1))


def _stands_inside(wanted: list[str], words: list[str], distinctive: set[str]) -> bool:
    """Whether one name stands inside the other and the shared words point to one body."""
    if _contains(words, wanted):
        return bool(distinctive & set(wanted))
    if _contains(wanted, words):
        return bool(distinctive & set(words))
    return False


def _claimant_score(
    wanted: list[str], name: list[str], organisation: list[str], distinctive: set[str]
) -> float:
    """How surely a text means one claimant: equal names, then contained names, then shared
    distinctive words (ones no other claimant uses) covering at least half the text."""
    if wanted == name:
        return 6.0
    if wanted == organisation:
        return 5.0
    if _stands_inside(wanted, name, distinctive):
        return 4.0
    if _stands_inside(wanted, organisation, distinctive):
        return 3.0
    shared = set(wanted) & (set(name) | set(organisation))
    coverage = len(shared) / len(set(wanted))
    return coverage if shared & distinctive and coverage >= 0.5 else 0.0


def match_claimant(text: str, claimants: pd.DataFrame) -> str:
    """The id of the one existing claimant `text` names, or "" when none or several fit.

    Generic on purpose (no list of known names): a name or organisation equal to the
    text, or standing inside it ("Igor Konashenkov" in "spokesman Igor Konashenkov"), or
    the text standing inside one ("the Observatory"), or sharing its distinctive words.
    A tie is no guess: the reader picks.
    """
    wanted = name_tokens(text)
    if not wanted or claimants.empty:
        return ""
    entries = [
        (cell(row.get("claimant_id")), name_tokens(cell(row.get("name"))),
         name_tokens(cell(row.get("organisation"))))
        for row in claimants.to_dict("records")
    ]
    frequency = Counter(word for _, name, org in entries for word in set(name) | set(org))
    distinctive = {word for word, count in frequency.items() if count == 1}
    scores: dict[str, float] = {}
    for claimant_id, name, organisation in entries:
        score = _claimant_score(wanted, name, organisation, distinctive)
        if claimant_id and score > 0:
            scores[claimant_id] = max(score, scores.get(claimant_id, 0.0))
    if not scores:
        return ""
    best = max(scores.values())
    winners = [claimant_id for claimant_id, score in scores.items() if score == best]
    return winners[0] if len(winners) == 1 else ""
