"""Properties of the number scanner and the extractor that must hold for any text at all."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from figures.extract import extract, non_claims
from figures.numbers import find_numbers

QUICK = settings(max_examples=200, deadline=None)

# Text that looks like news prose often enough to reach the deeper rules: words, figures,
# qualifiers, speech verbs, quotation marks and line breaks in any order.
PROSE_PIECES = st.sampled_from(
    [
        "At least", "more than", "some", "an estimated", "up to", "as little as", "only",
        "140,000", "2,718", "3 1/2", "1.2 million", "seven", "two hundred", "one", "half",
        "tens of thousands", "dozens of", "40%", "one percent", "72-hour", "6:45 PM",
        "May 3", "9 Nov 1999", "Route 9", "Article ID:", "children", "civilians", "fighters",
        "were killed", "surrendered", "pause", "truce", "said", "told", "according to",
        "quoted", "as saying", "he", "the statement", "the group", "Jane Roe",
        "Northern Relief Alliance", "Health Ministry", "where", "including", "“", "”", '"',
        ",", ".", ":", "\n", "\n\n", "(Photo: Staff)", "over the past 72 hours", "this week",
    ]
)  # fmt: skip
PROSE = st.lists(PROSE_PIECES, max_size=40).map(" ".join)


@QUICK
@given(st.text())
def test_find_numbers_never_raises(text: str) -> None:
    """Any text at all can be scanned for numbers, and each mention is where it says."""
    for mention in find_numbers(text):
        assert text[mention.start : mention.end] == mention.text


@QUICK
@given(st.text())
def test_extract_never_raises_on_any_text(text: str) -> None:
    """Any text at all gives a list of candidates, never an error."""
    assert isinstance(extract(text), list)


@QUICK
@given(PROSE)
def test_extract_never_raises_on_prose_like_text(text: str) -> None:
    """Jumbled news phrases reach every rule and still give a list, never an error."""
    assert isinstance(extract(text), list)


@QUICK
@given(st.one_of(st.text(), PROSE))
def test_every_quote_is_verbatim(text: str) -> None:
    """Every candidate's quote is exactly the text between its offsets."""
    for candidate in extract(text):
        assert candidate.quote == text[candidate.start : candidate.end]
        assert candidate.figure == text[candidate.figure_start : candidate.figure_end]
        assert candidate.start <= candidate.figure_start < candidate.figure_end <= candidate.end


@QUICK
@given(st.one_of(st.text(), PROSE))
def test_vague_amounts_never_carry_a_value(text: str) -> None:
    """A vague amount ("dozens of") is proposed without a value, never with an invented one."""
    for candidate in extract(text):
        assert candidate.vague == (candidate.value is None)


@QUICK
@given(st.one_of(st.text(), PROSE))
def test_every_number_is_accounted_for(text: str) -> None:
    """Each number in the text is either inside a proposed figure or set aside with a reason."""
    figures = [(c.figure_start, c.figure_end) for c in extract(text)]
    set_aside = {(mention.start, mention.end) for mention, _ in non_claims(text)}
    for mention in find_numbers(text):
        proposed = any(start <= mention.start < end for start, end in figures)
        assert proposed != ((mention.start, mention.end) in set_aside), mention
