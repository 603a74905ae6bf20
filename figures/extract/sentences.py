"""Stage 1: sentences, quotations and page furniture, all as character offsets.

Every later stage works on spans of the original text, so any candidate's quote is
`text[start:end]` exactly and can be highlighted in the source.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from figures.extract.lexicon import MONTH, WS, WS0

_CAPTION = re.compile(
    r"\(Photo\b|\bPhoto:|\bin this (?:picture|photo|image|handout)|\bpictured\b"
    r"|\bfile photo\b|\bPhotograph:",
    re.IGNORECASE,
)
# Wire photo captions end "Place, Country Month D, YYYY."
_CAPTION_DATELINE = re.compile(
    rf"\b[A-Z][\w-]*,{WS}[A-Z][\w-]*(?:{WS}[A-Z][\w-]*)?{WS}{MONTH}{WS}\d{{1,2}},{WS}\d{{4}}"
    rf"\.?{WS0}$"
)


_SENTENCE_END = re.compile(r"[.!?…]+[”\"’')\]]*(?=" + WS + r"[“\"‘'(\[]?[A-Z0-9])")
_ABBREVIATIONS = frozenset(
    ("mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "maj", "adm", "gov",
     "sen", "rep", "st", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan",
     "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx",
     "est", "fig", "mt", "ft")
)  # fmt: skip
INITIALISM = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets narrowed past surrounding whitespace, so a quote never starts with a space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Each paragraph of `text` as (start, end): articles put one paragraph a line, but a
    line broken mid-sentence (it ends on a word or a comma and the very next line goes
    on in lower case) is one paragraph with the next."""
    spans: list[tuple[int, int]] = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = _trim(text, match.start(), match.end())
        if start >= end:
            continue
        if spans and _goes_on(text, spans[-1], start):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _goes_on(text: str, previous: tuple[int, int], start: int) -> bool:
    """Whether the line at `start` carries on the sentence the previous line broke off."""
    gap = text[previous[1] : start]
    return (gap.count("\n") == 1 and text[start].islower()
            and bool(re.search(r"[\w,]$", text[previous[0] : previous[1]])))


def _is_abbreviation(text: str, stop: int) -> bool:
    """Whether the full stop at `stop` ends an abbreviation ("U.S.", "Gen.") not a sentence."""
    word = re.search(r"[\w.]+$", text[max(0, stop - 20) : stop])
    if word is None or text[stop] != ".":
        return False
    token = word.group()
    return token.lower().strip(".") in _ABBREVIATIONS or bool(INITIALISM.fullmatch(token))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Every sentence of `text` as (start, end), never crossing a paragraph's end."""
    spans = []
    for p_start, p_end in paragraph_spans(text):
        start = p_start
        for match in _SENTENCE_END.finditer(text, p_start, p_end):
            if _is_abbreviation(text, match.start()):
                continue
            spans.append(_trim(text, start, match.end()))
            start = match.end()
        spans.append(_trim(text, start, p_end))
    return [span for span in spans if span[0] < span[1]]


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Each quotation as (start, end) including its marks; one left open runs to the line end.

    News style leaves a quotation open at the end of a paragraph when it goes on in the
    next, so an unclosed mark is taken to close with its paragraph.
    """
    spans = []
    for p_start, p_end in paragraph_spans(text):
        opened: int | None = None
        for index in range(p_start, p_end):
            char = text[index]
            if opened is None and char in "“\"":
                opened = index
            elif opened is not None and char in "”\"":
                spans.append((opened, index + 1))
                opened = None
        if opened is not None:
            spans.append((opened, p_end))
    return spans


def _is_caption(line: str) -> bool:
    """Photo captions describe a picture, not the story: "(Photo: ...)", "in this picture"."""
    return bool(_CAPTION.search(line)) or (
        len(line) < 300
        and bool(_CAPTION_DATELINE.search(line))
        and not re.search(r"\b(?:said|says|told|according)\b", line)
    )


def _is_furniture(line: str) -> bool:
    """A short line with no sentence in it ("12 Comments", "Article ID: 5521") is page furniture."""
    line = line.rstrip()
    if re.match(r"[-–—•*·▪]" + WS0 + r"\d", line):
        return False  # a list item: "- 4 ambulances destroyed"
    return len(line.split()) <= 4 and not line.endswith((".", "!", "?", "”", '"'))


def furniture_reason(line: str) -> str | None:
    """Why no number of this line is a claim ("caption", "identifier"), or None."""
    if _is_caption(line):
        return "caption"
    return "identifier" if _is_furniture(line) else None



def containing(spans: list[tuple[int, int]], position: int) -> tuple[int, int] | None:
    """The span holding `position`, if any (`spans` sorted and not overlapping)."""
    index = bisect_right(spans, (position, float("inf"))) - 1
    if index >= 0 and spans[index][0] <= position < spans[index][1]:
        return spans[index]
    return None


def inside(spans: list[tuple[int, int]], position: int) -> bool:
    """Whether `position` falls strictly inside one of `spans` (past its opening mark)."""
    span = containing(spans, position)
    return span is not None and span[0] < position




def headline_span(text: str) -> tuple[int, int] | None:
    """The article's first line when it reads as a headline: a line of words that ends
    without a full stop, after any short lines of page furniture ("Home", "World news").
    A headline speaks in the outlet's voice, whoever it names."""
    paragraphs = [(a, b) for a, b in paragraph_spans(text)[:6]
                  if not _is_furniture(text[a:b]) or re.search(r"\d", text[a:b])]
    if not paragraphs:
        return None
    start, end = paragraphs[0]
    line = text[start:end]
    if len(line) > 200 or len(line.split()) < 3 or line.endswith((".", "!", "?", "”", '"')):
        return None
    return start, end


def is_title_case(line: str) -> bool:
    """A headline in title case, whose capitals say nothing about names."""
    words = [w for w in line.split() if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def repeated_lines(text: str, paragraphs: list[tuple[int, int]]) -> frozenset[tuple[int, int]]:
    """The lines that repeat an earlier line word for word: pages show a headline or a
    standfirst twice, and the second is furniture, not a second claim."""
    seen: set[str] = set()
    repeats = set()
    for start, end in paragraphs:
        words = " ".join(text[start:end].split())
        if words in seen:
            repeats.add((start, end))
        seen.add(words)
    return frozenset(repeats)
