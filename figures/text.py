"""Find a quoted passage in an article, insensitive only to whitespace.

Articles keep their odd characters (non-breaking spaces, line breaks inside sentences,
curly quotes and dashes). A quote typed into a CSV cannot show a non-breaking space or a
line break, so whitespace of any kind and length matches any other; every other
character, curly quotes included, must match exactly.

The search runs on the article with each whitespace run written as one space, then maps
the places found back to the article's own offsets, so a long corpus is searched with
plain string search rather than one compiled pattern per quote.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from dataclasses import dataclass

import numpy as np

# For every code point, whether Python counts it as whitespace (the set `str.split()`
# and the regular expression `\s` share); none lies above U+3000.
_IS_SPACE = np.zeros(0x110000, dtype=bool)
_IS_SPACE[[code for code in range(0x3001) if chr(code).isspace()]] = True


@dataclass(frozen=True)
class SpacedText:
    """An article with each whitespace run as one space, and where each word started."""

    spaced: str
    spaced_starts: array[int]  # each word's first character in `spaced`
    starts: array[int]  # the same word's first character in the article


def spaced_text(article: str) -> SpacedText:
    """The article's words joined by single spaces, with their offsets on both sides."""
    codes = np.frombuffer(article.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    is_space = _IS_SPACE[codes]
    edges = np.diff(np.concatenate(([0], (~is_space).astype(np.int8), [0])))
    starts = np.flatnonzero(edges == 1)
    ends = np.flatnonzero(edges == -1)
    spaced_starts = np.concatenate(([0], np.cumsum(ends - starts + 1)[:-1])).astype(np.int64)
    # Compact arrays: a large corpus holds millions of word offsets while it is checked.
    return SpacedText(" ".join(article.split()), array("q", spaced_starts.tobytes()),
                      array("q", starts.astype(np.int64).tobytes()))


def _article_offset(index: SpacedText, offset: int) -> int:
    """The article's offset of a non-space character at `offset` of the spaced text."""
    word = bisect_right(index.spaced_starts, offset) - 1
    return index.starts[word] + offset - index.spaced_starts[word]


def find_quote(article: str, quote: str,
               index: SpacedText | None = None) -> list[tuple[int, int]]:
    """The (start, end) offsets of every place `quote` stands in `article`.

    `index` is `spaced_text(article)`, passed by callers that search one article often.
    """
    wanted = " ".join(quote.split())
    if not wanted:
        return []
    index = spaced_text(article) if index is None else index
    spans = []
    found = index.spaced.find(wanted)
    while found >= 0:
        last = found + len(wanted) - 1
        spans.append((_article_offset(index, found), _article_offset(index, last) + 1))
        found = index.spaced.find(wanted, found + len(wanted))
    return spans


def normalise_space(text: str) -> str:
    """`text` with every run of whitespace (non-breaking spaces, line breaks) as one space."""
    return " ".join(text.split())
