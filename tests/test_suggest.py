"""A new claimant's suggested type and party come from general words in its name."""

from __future__ import annotations

import pytest

from figures import schema
from figures.suggest import RULES, Suggestion, outlet_voice, suggest


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("the Syrian Observatory for Human Rights", Suggestion("monitor", "independent monitor")),
        ("UN Office for the Coordination of Humanitarian Affairs",
         Suggestion("UN agency", "United Nations")),
        ("Velmora Children's Charity", Suggestion("NGO", "humanitarian NGO")),
        ("the Defence Ministry", Suggestion("military")),
        ("Palestinian Ministry of Health", Suggestion("government")),
        ("Un hombre de la calle", Suggestion()),
        ("Sergei Ryabkov", Suggestion()),
    ],
)
def test_name_suggests_a_kind_of_body(name: str, expected: Suggestion) -> None:
    """The words of a name suggest what kind of body it is, and a party only where the
    kind settles it; a person's name suggests nothing."""
    assert suggest(name) == expected


def test_outlet_in_its_own_voice_is_news_media_unless_its_name_says_otherwise() -> None:
    """An outlet speaking for itself is suggested as news media, a UN office as a UN body."""
    assert outlet_voice("Daily Example") == Suggestion("news media", "news media")
    assert outlet_voice("UN OCHA") == Suggestion("UN agency", "United Nations")


def test_every_suggestion_is_a_controlled_value() -> None:
    """Every type and party a rule suggests is in the codebook's lists, never 'unassigned'."""
    for _, rule in RULES:
        assert rule.claimant_type in schema.CLAIMANT_TYPES
        assert rule.party in ("", *schema.PARTIES)
        assert schema.UNASSIGNED not in (rule.claimant_type, rule.party)
