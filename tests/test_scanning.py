"""The fast searches agree with the plain ones they replace, on any text at all."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from figures.numbers import NUMBER_PATTERN, number_matches
from figures.text import find_quote

QUICK = settings(max_examples=300, deadline=None)
# Pieces that reach every kind of number phrase and every kind of whitespace.
PIECES = st.sampled_from(
    ["one", "Two", "hundred", "and", "tens of thousands", "dozen", "half", "40", "3,179",
     "1.2 million", "5 1/2", "9:30 pm", "per cent", "%", "-", "x", "ſix", "the", "a",
     "\u212aey", "fıve", "\u0130", "someone", "often", "Sixty-one", "_two", "2a",
     " ", "  ", "\n", "\t", "\u00a0", "\u2009", "\u3000", "\x1c", ".", ",", "/", ":"]
)
TEXT = st.one_of(st.text(), st.lists(PIECES, max_size=30).map("".join))


def quote_by_pattern(article: str, quote: str) -> list[tuple[int, int]]:
    """The plain way: one pattern per quote, any whitespace run matching any other."""
    words = quote.split()
    if not words:
        return []
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
    return [(match.start(), match.end()) for match in pattern.finditer(article)]


@QUICK
@given(TEXT)
def test_number_scan_finds_what_the_whole_pattern_finds(text: str) -> None:
    """Jumping between possible starts finds exactly the phrases a full scan finds."""
    fast = [(m.start(), m.end(), m.lastgroup) for m in number_matches(text)]
    assert fast == [(m.start(), m.end(), m.lastgroup) for m in NUMBER_PATTERN.finditer(text)]


@QUICK
@given(TEXT, TEXT)
def test_quote_search_matches_the_pattern_search(article: str, quote: str) -> None:
    """A quote is found at the same places as a whitespace-loose pattern finds it."""
    assert find_quote(article, quote) == quote_by_pattern(article, quote)


@QUICK
@given(TEXT, st.data())
def test_every_passage_of_an_article_is_found_where_it_stands(article: str,
                                                              data: st.DataObject) -> None:
    """Any passage cut from an article, its spaces written differently, is found there."""
    start = data.draw(st.integers(0, len(article)))
    end = data.draw(st.integers(start, len(article)))
    passage = article[start:end]
    respaced = " ".join(passage.split())
    assert find_quote(article, respaced) == quote_by_pattern(article, respaced)
