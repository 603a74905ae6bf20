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


def _stands_inside(wanted: list[str], words: list[str], distinctive: set[str],
                   extra_proper: bool) -> bool:
    """Whether one name stands inside the other and the shared words point to one body.
    A text that holds a claimant's name with a proper word more ("Southtown Health
    Ministry" around "Health Ministry") names another body; a title more ("spokesman")
    does not."""
    if _contains(words, wanted):
        return bool(distinctive & set(wanted))
    if _contains(wanted, words) and not extra_proper:
        return bool(distinctive & set(words))
    return False


def proper_words(text: str) -> set[str]:
    """The words of a text that start with a capital letter, as `name_tokens` writes them."""
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    return set(name_tokens(" ".join(word for word in words if word[0].isupper())))


def _claimant_score(
    wanted: list[str], name: list[str], organisation: list[str], distinctive: set[str],
    proper: set[str],
) -> float:
    """How surely a text means one claimant: equal names, then contained names. Words
    shared without one name standing inside the other are no match: "Human Rights Watch"
    is not an observatory "for Human Rights", nor one country's foreign ministry another's."""
    if wanted == name:
        return 6.0
    if wanted == organisation:
        return 5.0
    extra_proper = bool(proper - set(name) - set(organisation))
    if _stands_inside(wanted, name, distinctive, extra_proper):
        return 4.0
    if _stands_inside(wanted, organisation, distinctive, extra_proper):
        return 3.0
    return 0.0


def match_claimant(text: str, claimants: pd.DataFrame) -> str:
    """The id of the one existing claimant `text` names, or "" when none or several fit.

    Generic on purpose (no list of known names): a name or organisation equal to the
    text, or standing inside it ("Igor Konashenkov" in "spokesman Igor Konashenkov"), or
    the text standing inside one ("the Observatory"). A tie is no guess: the reader picks.
    """
    wanted = name_tokens(text)
    proper = proper_words(text)
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
        score = _claimant_score(wanted, name, organisation, distinctive, proper)
        if claimant_id and score > 0:
            scores[claimant_id] = max(score, scores.get(claimant_id, 0.0))
    if not scores:
        return ""
    best = max(scores.values())
    winners = [claimant_id for claimant_id, score in scores.items() if score == best]
    return winners[0] if len(winners) == 1 else ""
