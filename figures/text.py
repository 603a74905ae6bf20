"""Find a quoted passage in an article, insensitive only to whitespace.

Articles keep their odd characters (non-breaking spaces, line breaks inside sentences,
curly quotes and dashes). A quote typed into a CSV cannot show a non-breaking space or a
line break, so whitespace of any kind and length matches any other; every other
character, curly quotes included, must match exactly.
"""

from __future__ import annotations

import re


def quote_pattern(quote: str) -> re.Pattern[str] | None:
    """A pattern matching `quote` with every whitespace run loosened to any whitespace."""
    words = quote.split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(word) for word in words))


def find_quote(article: str, quote: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of every place `quote` stands in `article`."""
    pattern = quote_pattern(quote)
    if pattern is None:
        return []
    return [(match.start(), match.end()) for match in pattern.finditer(article)]


def normalise_space(text: str) -> str:
    """`text` with every run of whitespace (non-breaking spaces, line breaks) as one space."""
    return " ".join(text.split())
