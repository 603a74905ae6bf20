"""Stage 1 of extraction: sentences, quotations, headlines and page furniture, as offsets."""

from __future__ import annotations

from figures.extract import extract, non_claims
from figures.extract.sentences import (
    furniture_reason,
    headline_span,
    is_title_case,
    quote_spans,
    repeated_lines,
    sentence_spans,
)


def test_sentences_are_offsets_into_the_text() -> None:
    """Each sentence is the text between its offsets; abbreviations do not end one."""
    text = "Gen. Tarn Roe said 40 fled. The U.N. agreed.\nA new line starts here."
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == [
        "Gen. Tarn Roe said 40 fled.", "The U.N. agreed.", "A new line starts here."]


def test_an_unclosed_quotation_runs_to_the_end_of_its_line() -> None:
    """A quotation left open at the end of a paragraph closes with the paragraph."""
    text = "“We counted 12 bodies, he said\nNext line."
    assert quote_spans(text) == [(0, 30)]


def test_first_line_without_a_full_stop_is_the_headline() -> None:
    """An article opening with a title line has a headline; one opening with prose has not."""
    assert headline_span("Forty families flee the valley\n\nBody text.") == (0, 30)
    assert headline_span("Forty families fled the valley on Monday.\nMore.") is None


def test_a_line_the_page_repeats_is_found() -> None:
    """The second of two identical lines (a headline shown twice) is a repeat."""
    text = "Forty families flee\nBody text.\nForty  families flee\n"
    paragraphs = [(0, 19), (20, 30), (31, 51)]
    assert repeated_lines(text, paragraphs) == frozenset({(31, 51)})


def test_repeated_headline_is_proposed_once() -> None:
    """A reader reviewing a page that shows its headline twice sees its figure once."""
    headline = "Army takes 12 villages from the rebels"
    text = f"{headline}\n{headline}\nThe army took 12 villages.\n"
    assert [c.figure_start for c in extract(text)] == [text.index("12"), text.rindex("12")]
    assert ("12", "repeated line") in [(m.text, reason) for m, reason in non_claims(text)]


def test_captions_and_short_lines_are_furniture() -> None:
    """Photo captions and short lines with no sentence in them hold no claims."""
    assert furniture_reason("Smoke rises over the town (Photo: Staff)") == "caption"
    assert furniture_reason("12 Comments") == "identifier"
    assert furniture_reason("Forty people fled the town on Monday.") is None


def test_title_case_is_told_from_prose() -> None:
    """A headline in title case is told from a sentence with a few names in it."""
    assert is_title_case("Army Retakes 64 Villages From Rebels")
    assert not is_title_case("The army retook 64 villages from rebels on Friday")


def test_headline_after_navigation_lines() -> None:
    """Short navigation lines before the title do not hide the headline."""
    text = "Home\nWorld news\nUN says 40 people killed in Velmora\nBody text follows.\n"
    start = text.index("UN says")
    assert headline_span(text) == (start, text.index("\nBody"))
