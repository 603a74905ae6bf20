"""A first guess at what kind of body a new claimant is, from the words of its name.

When articles are added in bulk the extractor names claimants no person has classified.
Their `claimant_type` and `party` stay `unassigned`; where the name itself says what kind
of body it is ("... Observatory ...", "... Ministry ...", "United Nations ..."), this
suggests a type, and a party where the kind of body implies one, for a person to confirm.
The rules are general organisation words, never the names of particular bodies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Suggestion:
    """A suggested claimant type and party; either may be empty (no guess)."""

    claimant_type: str = ""
    party: str = ""


# (pattern over the name, suggestion), first match wins. Party is suggested only where
# the kind of body settles it; a ministry or an army may speak for any state.
UN_BODY = re.compile(r"\b(United Nations|UN|U\.N\.)(?=\W|$)")  # capitals: "un" is a word
RULES: tuple[tuple[re.Pattern[str], Suggestion], ...] = (
    (UN_BODY, Suggestion("UN agency", "United Nations")),
) + tuple(
    (re.compile(pattern, re.IGNORECASE), suggestion) for pattern, suggestion in (
        (r"\b(observatory|monitor|monitoring group|documentation cent(er|re)|"
         r"human rights network|casualty count)\b",
         Suggestion("monitor", "independent monitor")),
        # The Red Cross and Red Crescent are a movement of national societies, not one body.
        (r"\b(red cross|red crescent|relief|humanitarian|charity|aid (group|agency)|"
         r"doctors|medical aid|ngo)\b",
         Suggestion("NGO", "humanitarian NGO")),
        (r"\b(defen[cs]e ministry|ministry of defen[cs]e|army|armed forces|military|"
         r"general staff|air force|troops|command)\b", Suggestion("military")),
        (r"\b(ministry|minister|government|president|prime minister|governor|"
         r"spokesm[ae]n|spokeswoman|embassy|foreign office|state department)\b",
         Suggestion("government")),
        (r"\b(rebels?|opposition|insurgents?|militants?)\b", Suggestion("opposition")),
        (r"\b(news agency|press agency|agency|wire)\b", Suggestion("news agency")),
        (r"\b(television|tv|radio|broadcaster|news|times|post|daily|herald|journal)\b",
         Suggestion("news media")),
    )
)


def suggest(name: str, organisation: str = "") -> Suggestion:
    """The type (and party, where implied) that a claimant's name suggests, if any."""
    text = f"{name} {organisation}"
    for pattern, suggestion in RULES:
        if pattern.search(text):
            return suggestion
    return Suggestion()


def outlet_voice(outlet: str) -> Suggestion:
    """An outlet speaking in its own voice: what its name suggests (a UN office, an NGO's
    own page), else what most outlets are, privately owned news media."""
    named = suggest(outlet)
    if named.claimant_type in ("", "news media", "news agency"):
        return Suggestion("news media", "news media")
    return named

