"""Numbers as news prose writes them, and quotes found whatever their whitespace."""

from __future__ import annotations

import pytest

from figures.numbers import find_numbers, format_value, mentions_of, parse_number
from figures.text import find_quote


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("3,179", 3179),
        ("250,000", 250_000),
        ("96", 96),
        ("1.5", 1.5),
        ("5 1/2", 5.5),
        ("1/2", 0.5),
        ("seven", 7),
        ("Four", 4),
        ("twenty-five", 25),
        ("two hundred", 200),
        ("two hundred and five", 205),
        ("one thousand", 1000),
        ("1.2 million", 1_200_000),
        ("3 million", 3_000_000),
        ("dozen", 12),
        ("one percent", 1),
        ("40%", 40),
        ("12 per cent", 12),
        ("half", 0.5),
    ],
)
def test_parse_number_reads_each_written_form(written: str, value: float) -> None:
    """A figure written in digits, words, fractions or percent reads as its value."""
    assert parse_number(written) == pytest.approx(value)


@pytest.mark.parametrize("written", ["tens of thousands", "hundreds of", "dozens", "9:01 AM"])
def test_vague_amounts_and_times_have_no_value(written: str) -> None:
    """Vague amounts and times of day are found but given no invented value."""
    assert parse_number(written) is None
    assert len(find_numbers(written)) == 1


@pytest.mark.parametrize("text", ["no number here", "someone alone at the phone", "", "B52x"])
def test_text_without_numbers_gives_none(text: str) -> None:
    """Words that merely contain a number word ('someone') are not numbers."""
    assert parse_number(text) is None


def test_find_numbers_gives_offsets_and_kinds() -> None:
    """Each number phrase comes with where it stands and what kind it is."""
    text = "At least 96 children, seven doctors and tens of thousands of people; 40% left."
    mentions = find_numbers(text)
    assert [(m.text, m.value, m.kind, m.percent) for m in mentions] == [
        ("96", 96, "digits", False),
        ("seven", 7, "words", False),
        ("tens of thousands", None, "vague", False),
        ("40%", 40, "digits", True),
    ]
    assert all(text[m.start:m.end] == m.text for m in mentions)


def test_hyphenated_lengths_and_time_with_narrow_space() -> None:
    """'48-hour', 'five-year-old' and '9:01\u202fAM' are found as the number they hold."""
    found = find_numbers("a 48-hour pause in a five-year-old war at 9:01\u202fAM")
    assert [m.text for m in found] == ["48", "five", "9:01\u202fAM"]


def test_mentions_of_matches_value_in_any_form() -> None:
    """A claimed value is recognised in a quote whether written in digits or words."""
    assert [m.text for m in mentions_of("four children and 4 adults", 4)] == ["four", "4"]
    assert mentions_of("over 80,000 Syrians", 8000) == []


def test_format_value_separates_thousands() -> None:
    """Figures are shown the way a reader writes them."""
    assert [format_value(v) for v in (250_000.0, 96.0, 5.5)] == ["250,000", "96", "5.5"]


def test_quote_found_across_non_breaking_spaces_and_line_breaks() -> None:
    """A quote typed with plain spaces matches an article's non-breaking spaces and breaks."""
    article = "He said\u00a0\u00a096 children\nwere killed \u201cthis week\u201d."
    [(start, end)] = find_quote(article, "said 96 children were killed \u201cthis week\u201d")
    assert article[start:end] == "said\u00a0\u00a096 children\nwere killed \u201cthis week\u201d"


def test_quote_is_strict_about_everything_but_whitespace() -> None:
    """Straight quotes do not stand in for curly ones; only whitespace is loosened."""
    article = "\u201cThe world is watching,\u201d he said."
    assert find_quote(article, "\u201cThe world is watching,\u201d") == [(0, 24)]
    assert find_quote(article, '"The world is watching,"') == []
    assert find_quote(article, "") == []


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("279 000", 279_000),
        ("163.428", 163_428),
        ("140.000", 140_000),
        ("2,5 million", 2_500_000),
        ("a quarter-million", 250_000),
        ("half a million", 500_000),
        ("a quarter of a million", 250_000),
        ("three-quarters of a million", 750_000),
        ("a pair", 2),
        ("0.125", 0.125),
        ("1.500 million", 1_500_000),
    ],
)
def test_grouped_thousands_and_parts_of_a_million(written: str, value: float) -> None:
    """Thousands grouped by spaces or full stops, decimal commas and 'quarter-million'."""
    assert parse_number(written) == pytest.approx(value)


def test_a_year_and_a_count_side_by_side_stay_apart() -> None:
    """'In 2016 300 people' is a year and a count, not 2,016,300."""
    assert [m.value for m in find_numbers("In 2016 300 people fled")] == [2016, 300]


def test_one_in_four_is_a_share() -> None:
    """'one in four' reads as the share 0.25, not as 1 and 4."""
    assert [(m.text, m.value) for m in find_numbers("one in four children")] == [
        ("one in four", 0.25)]


def test_parts_of_a_whole_are_shares() -> None:
    """'two-thirds of' and 'a quarter of' read as shares; 'the third day' is no share."""
    found = [(m.text, round(m.value, 3)) for m in
             find_numbers("two-thirds of them and a quarter of the rest on the third day")]
    assert found == [("two-thirds", 0.667), ("a quarter", 0.25)]
