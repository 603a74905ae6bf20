"""The rows a new article adds: its claims, and a not_claims row for every other number.

Every number phrase of the article ends up in a claim or in `not_claims.csv`, because the
checker refuses a folder where one is in neither.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from figures import schema
from figures.check import claim_accounts, is_accounted, parse_value
from figures.extract import Candidate, extract, non_claims, qualifier_of
from figures.numbers import find_numbers, mentions_of
from figures.text import normalise_space

SET_ASIDE = "set aside"
VAGUE_QUANTITY = "vague quantity"
CONTEXT_WORDS = 3  # words either side of a number in a not_claims context, at first
MAX_CONTEXT_WORDS = 8  # ... widened up to this many until the context stands only once


def candidates_for(text: str, outlet: str = "") -> list[Candidate]:
    """The extractor's candidate claims in an article published by `outlet`.

    Every call to the extractor from intake and the batch add goes through here.
    """
    return extract(text, outlet)


@dataclass(frozen=True)
class SavePlan:
    """The rows one new article adds to each file, and its text under its file name."""

    article_id: str
    file_name: str
    text: str
    sources: list[dict[str, str]] = field(default_factory=list)
    claimants: list[dict[str, str]] = field(default_factory=list)
    claims: list[dict[str, str]] = field(default_factory=list)
    not_claims: list[dict[str, str]] = field(default_factory=list)

    @property
    def rows(self) -> dict[str, list[dict[str, str]]]:
        """The new rows of each CSV file, by file name; none in places.csv, since a new
        article's claims name no place until a reviewer gives it."""
        return {schema.SOURCES_FILE: self.sources, schema.CLAIMANTS_FILE: self.claimants,
                schema.CLAIMS_FILE: self.claims, schema.NOT_CLAIMS_FILE: self.not_claims,
                schema.PLACES_FILE: []}


def cell(value: object) -> str:
    """An edited cell as stripped text; None and NaN (an empty cell) as ""."""
    if value is None:
        return ""
    try:
        if pd.isna(value):  # type: ignore[arg-type]
            return ""
    except (TypeError, ValueError):
        pass
    return str(value).strip()


def plain_number(value: object) -> str:
    """A figure as the CSV stores it: "2000", "5.5"; "" for an empty cell."""
    text = cell(value)
    number = parse_value(text) if text else None
    if number is None and isinstance(value, int | float) and math.isfinite(value) \
            and value >= 0:
        number = float(value)  # a figure the editor holds as a number, even 1e+20
    if number is None:
        return text
    if number.is_integer():
        return str(int(number))
    return f"{number:.10f}".rstrip("0").rstrip(".")


def qualifier_words(quote: str, value: float | None) -> str:
    """The article's own words qualifying `value` in `quote` ("At least"), or ""."""
    if value is None:
        return ""
    for mention in mentions_of(quote, value):
        _, words = qualifier_of(quote, mention.start, mention.end)
        if words:
            return words
    return ""


def claim_row(
    row: Mapping[str, object], claim_id: str, article_id: str, claimant_id: str
) -> dict[str, str]:
    """One kept review row as a row of claims.csv."""
    claim = {column: "" for column in schema.CLAIM_COLUMNS}
    claim.update({column: cell(row.get(column)) for column in schema.CLAIM_COLUMNS
                  if column in row})
    claim.update(claim_id=claim_id, article_id=article_id, claimant_id=claimant_id,
                 value=plain_number(row.get("value")),
                 value_max=plain_number(row.get("value_max")),
                 review_status=cell(row.get("review_status")) or schema.CHECKED)
    if claim["qualifier"] in schema.INEXACT_QUALIFIERS and not claim["qualifier_text"]:
        claim["qualifier_text"] = qualifier_words(claim["quote"], parse_value(claim["value"]))
    return claim


def context_for(text: str, start: int, end: int, spaced: str | None = None) -> str:
    """A short verbatim passage of the line around text[start:end] that finds it.

    Whole words only, a few either side, widened until the passage stands once in the
    text (or fills its line), so the not_claims row points at this number and no other.
    Occurrences are counted in `spaced`, the text with its whitespace normalised (as
    `find_quote` matches), given by a caller asking for many contexts of one long text.
    """
    spaced = normalise_space(text) if spaced is None else spaced
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = [match.start() for match in re.finditer(r"\S+", text[line_start:start])]
    after = [match.end() for match in re.finditer(r"\S+", text[end:line_end])]
    context = ""
    for reach in range(CONTEXT_WORDS, MAX_CONTEXT_WORDS + 1):
        left = line_start + before[-reach] if len(before) >= reach else line_start
        right = end + after[reach - 1] if len(after) >= reach else line_end
        context = normalise_space(text[left:right])
        if spaced.count(context) == 1 or (left, right) == (line_start, line_end):
            break
    return context


def not_claim_rows(
    text: str, article_id: str, claims: Iterable[Mapping[str, str]]
) -> list[dict[str, str]]:
    """A not_claims.csv row for every number phrase no kept claim accounts for.

    The reason is the extractor's when it set the number aside for one the codebook knows
    (a date, a war's length); a vague amount is a 'vague quantity'; anything else is
    'set aside' for a person to review.
    """
    accounts = claim_accounts(text, claims)
    reasons = {(mention.start, mention.end): reason for mention, reason in non_claims(text)
               if reason in schema.NOT_CLAIM_REASONS}
    rows: dict[tuple[str, str], dict[str, str]] = {}
    spaced = normalise_space(text)
    for mention in find_numbers(text):
        if is_accounted(mention, accounts):
            continue
        reason = reasons.get((mention.start, mention.end)) or (
            VAGUE_QUANTITY if mention.kind == "vague" else SET_ASIDE)
        written = normalise_space(mention.text)
        context = context_for(text, mention.start, mention.end, spaced)
        rows.setdefault((written, context), {"article_id": article_id, "text": written,
                                             "context": context, "reason": reason})
    return list(rows.values())
