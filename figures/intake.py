"""Add an article: read an upload, propose its claims for review, and save them safely.

The dashboard's "Add an article" panel is a thin layer over these functions, so each step
can be tested without Streamlit:

1. `read_upload` turns the uploaded (or pasted) bytes into text, or says plainly why it
   cannot: empty, too large, binary, not UTF-8, or an article already stored;
2. `review_frame` lays the extractor's candidates out as an editable table, each with a
   guess at the existing claimant it names (`match_claimant`);
3. `plan_save` turns the reviewed table into the rows each file would gain, and lists
   what a person must still fill in; it writes nothing;
4. `save` tries the plan on a staging copy of the data folder, runs the checker there,
   and only if the save adds no problem writes the files into the real folder, each
   through a temporary file and `os.replace`, so a reader never sees half a file.

Every number phrase of the new article ends up either in a kept claim or in
`not_claims.csv`, because the checker refuses a folder where one is in neither.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
import os
import re
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pandas as pd
from filelock import FileLock

from figures import schema
from figures.check import check, claim_accounts, is_accounted, parse_date, parse_value
from figures.duplicates import fold
from figures.extract import Candidate, extract, non_claims, qualifier_of
from figures.load import (
    TABLE_FILES,
    Dataset,
    data_files,
    read_articles,
    read_dataset,
    wide_unicode,
)
from figures.numbers import find_numbers, format_value, mentions_of
from figures.periods import with_period
from figures.text import normalise_space

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
PASTED = "pasted text"  # the name `read_upload` gives text pasted into the panel
UTF8_BOM = b"\xef\xbb\xbf"
# Bytes that plain text does not hold (tab, line feed, form feed and carriage return do).
CONTROL_BYTES = frozenset(range(32)) - {9, 10, 12, 13} | {127}
MAX_CONTROL_SHARE = 0.05  # above this share of control bytes a file is taken as binary

SET_ASIDE = "set aside"
VAGUE_QUANTITY = "vague quantity"
CONTEXT_WORDS = 3  # words either side of a number in a not_claims context, at first
MAX_CONTEXT_WORDS = 8  # ... widened up to this many until the context stands only once

REVIEW_COLUMNS: tuple[str, ...] = (
    "keep", "value", "value_max", "unit", "qualifier", "qualifier_text", "measure",
    "subject", "place", "claimant", "claimant_id", "period_text", "quote", "start", "end",
)  # fmt: skip
# Cells of a kept row the dashboard must see filled before it offers to save.
ROW_REQUIRED: tuple[str, ...] = ("claimant_id", "measure", "subject", "unit", "qualifier",
                                 "place")
ROW_CONTROLLED: dict[str, tuple[str, ...]] = {
    column: allowed for (name, column), allowed in schema.CONTROLLED.items()
    if name == schema.CLAIMS_FILE
}
NEW_CLAIMANT_FIELDS: tuple[str, ...] = ("name", "organisation", "claimant_type", "party")
# Words that say nothing about which body a name means.
_NAME_STOPWORDS = frozenset(("the", "of", "for", "and", "a", "an", "in", "on", "to", "s"))
# Files in the order `save` replaces them: each only after everything it refers to.
# What `write_temporary` names a file before it is renamed into place.
LEFTOVER = re.compile(r"\..+\.(?:csv|txt)\.[a-z0-9_]{8}\.tmp")
LOCK_TIMEOUT = 120.0  # seconds to wait for another save before giving up
COMMIT_ORDER: tuple[str, ...] = (
    schema.ARTICLES_DIR, schema.CLAIMANTS_FILE, schema.SOURCES_FILE, schema.NOT_CLAIMS_FILE,
    schema.PLACES_FILE, schema.CLAIMS_FILE,
)  # fmt: skip


# --------------------------------------------------------------------------------------
# 1. Reading an upload.
# --------------------------------------------------------------------------------------


def stored_articles(data_dir: Path | str) -> dict[str, str]:
    """The text of every article stored in the folder, by file name, for `read_upload`.

    Only articles listed in sources.csv count: a file nothing lists is the leftover of a
    save cut off half way (see `unlisted_articles`), and adding its text again finishes
    that save instead of being refused as a duplicate of itself.
    """
    articles, _ = read_articles(Path(data_dir))
    listed = set(read_dataset(Path(data_dir)).sources["file"])
    return {name: text for name, text in articles.items() if name in listed}


def unlisted_articles(dataset: Dataset) -> dict[str, str]:
    """Articles in the folder that sources.csv does not list, by file name."""
    listed = set(dataset.sources["file"])
    return {name: text for name, text in dataset.articles.items() if name not in listed}


def folder_lock(data_dir: Path | str) -> FileLock:
    """The data folder's lock: every save holds it from reading the folder to the last
    file replaced, so two saves at once run one after the other and neither is lost.

    The lock file lives in the system's temporary folder, named after the data folder's
    full path, so that the data folder itself holds only data.
    """
    key = hashlib.sha256(str(Path(data_dir).resolve()).encode("utf-8")).hexdigest()[:16]
    lock_path = Path(tempfile.gettempdir()) / f"contested-figures-{key}.lock"
    return FileLock(str(lock_path), timeout=LOCK_TIMEOUT)


def candidates_for(text: str, outlet: str = "") -> list[Candidate]:
    """The extractor's candidate claims in an article published by `outlet`.

    Every call to the extractor from intake and the batch add goes through here.
    """
    return extract(text, outlet)


def unreadable(raw: bytes, name: str) -> str:
    """Why a file cannot be an article whatever its format (too large, empty, binary)."""
    for rule in (_too_large, _empty, _binary):
        message = rule(raw, name)
        if message:
            return message
    return ""


def read_upload(
    raw: bytes, name: str, stored: Mapping[str, str]
) -> tuple[str | None, list[str]]:
    """The text of an uploaded or pasted article, or messages saying why it cannot be added.

    Each message names the file and what to do, because the reader cannot see the bytes.
    A UTF-8 byte-order mark is dropped (the loader ignores it too). Pasted text is passed
    encoded, as `read_upload(text.encode(), PASTED, stored)`, so it meets the same rules.
    """
    raw, message = _wide_unicode_as_utf8(raw, name)
    if message:
        return None, [message]
    message = unreadable(raw, name)
    if message:
        return None, [message]
    text, message = _decode(raw, name)
    if text is None:
        return None, [message]
    if not text.strip():
        return None, [f"{name}: holds only whitespace, no text to read"]
    twin = same_text_as(text, stored)
    if twin is not None:
        return None, [f"{name}: has the same text as the stored article {twin}; "
                      f"it is already in the data"]
    return text, []


def _wide_unicode_as_utf8(raw: bytes, name: str) -> tuple[bytes, str]:
    """Text saved as UTF-16 or UTF-32 with its byte-order mark ('Unicode' in Windows
    editors), as UTF-8 bytes; other bytes as they are; or why it does not decode."""
    codec = wide_unicode(raw)
    if codec is None:
        return raw, ""
    try:
        return raw.decode(codec).encode("utf-8"), ""
    except UnicodeDecodeError as error:
        return raw, (f"{name}: starts as {codec.upper()} but byte {error.start} does not "
                     f"decode; save the article as UTF-8 and upload it again")


def _too_large(raw: bytes, name: str) -> str:
    """Why a file is too big to be an article, if it is."""
    if len(raw) <= MAX_UPLOAD_BYTES:
        return ""
    return (f"{name}: is {len(raw) / 1024 / 1024:.1f} MB ({len(raw):,} bytes), over the "
            f"{MAX_UPLOAD_BYTES // 1024 // 1024} MB limit for an article")


def _empty(raw: bytes, name: str) -> str:
    """Why a file has nothing to read, if it has not."""
    body = raw.removeprefix(UTF8_BOM)
    if not body:
        return f"{name}: is empty, no text to read"
    if not body.strip():
        return f"{name}: holds only whitespace, no text to read"
    return ""


def _binary(raw: bytes, name: str) -> str:
    """Why a file looks like a picture, PDF or document rather than plain text, if it does."""
    if b"\x00" in raw:
        return (f"{name}: looks binary, not plain text (it holds NUL bytes); save the article "
                f"as a plain-text .txt file")
    share = sum(byte in CONTROL_BYTES for byte in raw) / len(raw)
    if share > MAX_CONTROL_SHARE:
        return (f"{name}: looks binary, not plain text ({share:.0%} of its bytes are control "
                f"characters); save the article as a plain-text .txt file")
    return ""


def _decode(raw: bytes, name: str) -> tuple[str | None, str]:
    """The text of UTF-8 bytes, or where the first byte that is not UTF-8 stands."""
    skipped = len(UTF8_BOM) if raw.startswith(UTF8_BOM) else 0
    try:
        return raw[skipped:].decode("utf-8"), ""
    except UnicodeDecodeError as error:
        offset = skipped + error.start
        line = raw[:offset].count(b"\n") + 1
        return None, (f"{name}: is not UTF-8: byte {offset} (line {line}) is "
                      f"0x{raw[offset]:02X}; save the file as UTF-8 and upload it again")


def same_text_as(text: str, stored: Mapping[str, str]) -> str | None:
    """The stored article with the same words as `text` whatever its spacing and the
    shapes of its quotation marks, if any."""
    wanted = fold(text)
    for file, stored_text in stored.items():
        if fold(stored_text) == wanted:
            return file
    return None


# --------------------------------------------------------------------------------------
# 2. The review table and the claimant guess.
# --------------------------------------------------------------------------------------


def review_frame(
    text: str, claimants: pd.DataFrame | None = None, outlet: str = ""
) -> pd.DataFrame:
    """The extractor's candidates as the table a reader edits before saving.

    Vague amounts ("tens of thousands") start unticked: they give no figure, so they
    belong in not_claims.csv. `claimant_id` is a guess among `claimants`; where the
    extractor found no attribution the figure is the article's own voice, so the guess is
    made from the outlet's name. `place` starts empty: the reader says where.
    """
    known = claimants if claimants is not None else pd.DataFrame()
    records = [
        {
            "keep": candidate.value is not None and not candidate.vague,
            "value": candidate.value, "value_max": candidate.value_max,
            "unit": candidate.unit, "qualifier": candidate.qualifier,
            "qualifier_text": candidate.qualifier_text, "measure": candidate.measure,
            "subject": candidate.subject, "place": "", "claimant": candidate.claimant,
            "claimant_id": match_claimant(candidate.claimant or outlet, known),
            "period_text": candidate.period_text, "quote": candidate.quote,
            "start": candidate.start, "end": candidate.end,
        }
        for candidate in candidates_for(text, outlet)
    ]  # fmt: skip
    frame = pd.DataFrame.from_records(records, columns=list(REVIEW_COLUMNS))
    return frame.astype({"keep": bool, "value": "float64", "value_max": "float64",
                         "start": "int64", "end": "int64"})


def name_tokens(text: str) -> list[str]:
    """The words of a name, lower case, without punctuation or words like 'the' and 'of'."""
    folded = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
    return [word for word in re.findall(r"[^\W_]+", folded) if word not in _NAME_STOPWORDS]


def _contains(outer: list[str], inner: list[str]) -> bool:
    """Whether the words `inner` stand together, in order, inside `outer`."""
    size = len(inner)
    return size > 0 and any(outer[i : i + size] == inner for i in range(len(outer) - size + 1))


def _stands_inside(wanted: list[str], words: list[str], distinctive: set[str]) -> bool:
    """Whether one name stands inside the other and the shared words point to one body."""
    if _contains(words, wanted):
        return bool(distinctive & set(wanted))
    if _contains(wanted, words):
        return bool(distinctive & set(words))
    return False


def _claimant_score(
    wanted: list[str], name: list[str], organisation: list[str], distinctive: set[str]
) -> float:
    """How surely a text means one claimant: equal names, then contained names, then shared
    distinctive words (ones no other claimant uses) covering at least half the text."""
    if wanted == name:
        return 6.0
    if wanted == organisation:
        return 5.0
    if _stands_inside(wanted, name, distinctive):
        return 4.0
    if _stands_inside(wanted, organisation, distinctive):
        return 3.0
    shared = set(wanted) & (set(name) | set(organisation))
    coverage = len(shared) / len(set(wanted))
    return coverage if shared & distinctive and coverage >= 0.5 else 0.0


def match_claimant(text: str, claimants: pd.DataFrame) -> str:
    """The id of the one existing claimant `text` names, or "" when none or several fit.

    Generic on purpose (no list of known names): a name or organisation equal to the
    text, or standing inside it ("Igor Konashenkov" in "spokesman Igor Konashenkov"), or
    the text standing inside one ("the Observatory"), or sharing its distinctive words.
    A tie is no guess: the reader picks.
    """
    wanted = name_tokens(text)
    if not wanted or claimants.empty:
        return ""
    entries = [
        (cell(row.get("claimant_id")), name_tokens(cell(row.get("name"))),
         name_tokens(cell(row.get("organisation"))))
        for row in claimants.to_dict("records")
    ]
    frequency = Counter(word for _, name, org in entries for word in set(name) | set(org))
    distinctive = {word for word, count in frequency.items() if count == 1}
    scores: dict[str, float] = {}
    for claimant_id, name, organisation in entries:
        score = _claimant_score(wanted, name, organisation, distinctive)
        if claimant_id and score > 0:
            scores[claimant_id] = max(score, scores.get(claimant_id, 0.0))
    if not scores:
        return ""
    best = max(scores.values())
    winners = [claimant_id for claimant_id, score in scores.items() if score == best]
    return winners[0] if len(winners) == 1 else ""


# --------------------------------------------------------------------------------------
# 3. Ids and file names.
# --------------------------------------------------------------------------------------


def slug(text: str, limit: int = 24) -> str:
    """Plain lower-case ASCII words joined by '_', cut at a word to at most `limit` chars."""
    spaced = re.sub(r"[\W_]+", " ", text)  # "m’intéresse" is two words, not one
    ascii_text = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    kept: list[str] = []
    for word in words:
        if kept and len("_".join([*kept, word])) > limit:
            break
        kept.append(word[:limit])
    return "_".join(kept)


def unique_id(base: str, taken: Collection[str]) -> str:
    """`base`, or `base_2`, `base_3`... whichever is not taken yet."""
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}_{number}", number + 1
    return candidate


def iso_day(published: date | str) -> str:
    """A publication date as ISO text, whether given as a date or as text."""
    if isinstance(published, datetime):
        return published.date().isoformat()
    if isinstance(published, date):
        return published.isoformat()
    return str(published).strip()


def article_id_for(outlet: str, published: date | str, existing_ids: Collection[str]) -> str:
    """A short id from the outlet and the day ("daily_example_20161103"), not yet in use."""
    day = iso_day(published).replace("-", "")
    return unique_id(f"{slug(outlet, 20) or 'article'}_{day}", existing_ids)


def file_name_for(article_id: str) -> str:
    """The article's file name under `articles/`: its id, so one finds the other."""
    return f"{article_id}.txt"


def claimant_id_for(name: str, existing_ids: Collection[str]) -> str:
    """A short id for a new claimant from its name ("syrian_civil_defence"), not in use."""
    return unique_id(slug(name) or "claimant", existing_ids)


# --------------------------------------------------------------------------------------
# 4. Planning a save.
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SavePlan:
    """What a save would add to each file, and what must be mended before it may run."""

    article_id: str
    file_name: str
    text: str
    sources: list[dict[str, str]] = field(default_factory=list)
    claimants: list[dict[str, str]] = field(default_factory=list)
    claims: list[dict[str, str]] = field(default_factory=list)
    not_claims: list[dict[str, str]] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    places: list[dict[str, str]] = field(default_factory=list)

    @property
    def rows(self) -> dict[str, list[dict[str, str]]]:
        """The new rows of each CSV file, by file name."""
        return {schema.SOURCES_FILE: self.sources, schema.CLAIMANTS_FILE: self.claimants,
                schema.CLAIMS_FILE: self.claims, schema.NOT_CLAIMS_FILE: self.not_claims,
                schema.PLACES_FILE: self.places}

    @property
    def ready(self) -> bool:
        """Whether nothing is left to fill in before saving."""
        return not self.messages


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


def is_kept(value: object) -> bool:
    """Whether the reader ticked `keep`; an unticked or blank box (a new row) is not kept."""
    return cell(value).lower() in ("true", "1", "yes")


def credits_text(credits: str | Sequence[str]) -> str:
    """Credited agencies as the codebook writes them: "AFP; Reuters"."""
    parts = credits.split(";") if isinstance(credits, str) else list(credits)
    return "; ".join(part.strip() for part in parts if part.strip())


def source_row(
    article_id: str, file_name: str, outlet: str, title: str, published: date | str,
    published_basis: str, credits: str | Sequence[str],
) -> tuple[dict[str, str], list[str]]:
    """The article's row of sources.csv, and what is missing from it."""
    row = {"article_id": article_id, "file": file_name, "outlet": outlet.strip(),
           "title": normalise_space(title), "published": iso_day(published),
           "published_basis": published_basis.strip(), "credits": credits_text(credits), "wire": "",
           "url": "", "public_copy": ""}
    messages = [f"article: {column} is empty" for column in ("outlet", "title")
                if not row[column]]
    if not row["published"]:
        messages.append("article: published is empty (give the date of publication)")
    elif parse_date(row["published"]) is None:
        messages.append(f"article: published '{row['published']}' is not a date")
    basis = row["published_basis"]
    inferred = basis.startswith(schema.PUBLISHED_INFERRED_PREFIX) and basis[
        len(schema.PUBLISHED_INFERRED_PREFIX):].strip()
    if basis != schema.PUBLISHED_STATED and not inferred:
        messages.append("article: published_basis must be 'stated' (the text gives the date) "
                        "or 'inferred: <how the date was worked out>'")
    return row, messages


def new_claimant_rows(
    new_claimants: Iterable[Mapping[str, object]], claimants: pd.DataFrame
) -> tuple[list[dict[str, str]], dict[str, str], list[str]]:
    """Rows for the claimants the reader created, the ids rows may use for them, messages.

    A reviewed row names a new claimant by the id given with it or by its name; both map
    to the id assigned here (see `claimant_id_for`).
    """
    taken = set(claimants.get("claimant_id", pd.Series(dtype=object)).map(cell))
    rows: list[dict[str, str]] = []
    aliases: dict[str, str] = {}
    messages: list[str] = []
    for entry in new_claimants:
        row = {column: cell(entry.get(column)) for column in NEW_CLAIMANT_FIELDS}
        claimant_id = claimant_id_for(cell(entry.get("claimant_id")) or row["name"], taken)
        taken.add(claimant_id)
        rows.append({"claimant_id": claimant_id, **row})
        for alias in (cell(entry.get("claimant_id")), row["name"], claimant_id):
            if alias:
                aliases[alias.casefold()] = claimant_id
        messages += _new_claimant_messages(row, claimants)
    return rows, aliases, messages


def _new_claimant_messages(row: Mapping[str, str], claimants: pd.DataFrame) -> list[str]:
    """What a created claimant still lacks, or that it exists already."""
    label = f"new claimant '{row['name'] or '?'}'"
    messages = [f"{label}: {column} is empty" for column in NEW_CLAIMANT_FIELDS
                if not row[column]]
    for column, allowed in (("claimant_type", tuple(schema.CLAIMANT_TYPES)),
                            ("party", schema.PARTIES)):
        if row[column] and row[column] not in allowed:
            messages.append(f"{label}: {column} '{row[column]}' is not one of: "
                            f"{', '.join(allowed)}")
    twin = match_claimant(row["name"], claimants) if row["name"] else ""
    if twin and name_tokens(row["name"]) in _names_of(claimants, twin):
        messages.append(f"{label}: already exists as '{twin}'; pick it instead")
    return messages


def _names_of(claimants: pd.DataFrame, claimant_id: str) -> list[list[str]]:
    """The name and organisation words of one existing claimant."""
    chosen = claimants[claimants["claimant_id"].map(cell) == claimant_id]
    return [name_tokens(cell(value)) for column in ("name", "organisation")
            for value in chosen[column]]


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


def _row_label(number: int, row: Mapping[str, object]) -> str:
    """How a message names a row of the review table: its number and its figure."""
    value = parse_value(plain_number(row.get("value")))
    return f"row {number} ({format_value(value)})" if value is not None else f"row {number}"


def row_messages(label: str, claim: Mapping[str, str], row: Mapping[str, object],
                 known_ids: Collection[str]) -> list[str]:
    """What a kept row still lacks before it can be saved as a claim."""
    messages = [f"{label}: {column} is empty" for column in ("value", "quote")
                if not claim[column]]
    for column in ROW_REQUIRED:
        if not claim[column]:
            hint = ""
            if column == "claimant_id":
                named = cell(row.get("claimant"))
                hint = f" (the text names '{named}')" if named else " (the outlet's own voice?)"
                hint += ": pick a claimant or create one"
            messages.append(f"{label}: {column} is empty{hint}")
        elif column in ROW_CONTROLLED and claim[column] not in ROW_CONTROLLED[column]:
            messages.append(f"{label}: {column} '{claim[column]}' is not one of: "
                            f"{', '.join(ROW_CONTROLLED[column])}")
    if claim["claimant_id"] and claim["claimant_id"] not in known_ids:
        messages.append(f"{label}: claimant_id '{claim['claimant_id']}' is not a known "
                        f"claimant; pick one or create it")
    if claim["qualifier"] in schema.INEXACT_QUALIFIERS and not claim["qualifier_text"]:
        messages.append(f"{label}: qualifier_text is empty: type the article's words for "
                        f"'{claim['qualifier']}' as they stand in the quote")
    return messages


def claim_rows(
    reviewed: pd.DataFrame, article_id: str, existing_ids: Collection[str],
    aliases: Mapping[str, str],
) -> tuple[list[dict[str, str]], list[str]]:
    """The kept rows as claims numbered `<article_id>-01`, `-02`..., and their messages."""
    claims: list[dict[str, str]] = []
    messages: list[str] = []
    known = set(existing_ids) | set(aliases.values())
    for number, row in enumerate(reviewed.to_dict("records"), start=1):
        if not is_kept(row.get("keep")):
            continue
        chosen = cell(row.get("claimant_id"))
        claimant_id = chosen if chosen in existing_ids else aliases.get(chosen.casefold(), chosen)
        claim = claim_row(row, f"{article_id}-{len(claims) + 1:02d}", article_id, claimant_id)
        claims.append(claim)
        messages += row_messages(_row_label(number, row), claim, row, known)
    return claims, messages


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
    (a date, a war's length); a vague amount is a 'vague quantity'; anything else, a
    candidate the reader dropped included, is 'set aside' for a person to review.
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


def plan_save(
    data_dir: Path | str, text: str, outlet: str, title: str, published: date | str,
    published_basis: str, credits: str | Sequence[str], reviewed: pd.DataFrame,
    new_claimants: Sequence[Mapping[str, object]],
) -> SavePlan:
    """The rows a save of this article would add to each file, and what is still missing.

    Pure: it reads the folder for the ids already in use and writes nothing. New
    claimants that no kept row uses are left out, since the checker refuses an unused
    claimant. Every number of the article that no kept claim accounts for gets a
    not_claims row, so the saved folder still accounts for every number.
    """
    dataset = read_dataset(Path(data_dir))
    taken = set(dataset.sources["article_id"].map(cell)) | {
        path.stem for path in (Path(data_dir) / schema.ARTICLES_DIR).glob("*.txt")}
    leftover = same_text_as(text, unlisted_articles(dataset))
    if leftover is not None and Path(leftover).stem not in set(dataset.sources["article_id"]):
        article_id, file_name = Path(leftover).stem, leftover  # finish the cut-off save
    else:
        article_id = article_id_for(outlet, published, taken)
        file_name = file_name_for(article_id)
    source, messages = source_row(article_id, file_name, outlet, title, published,
                                  published_basis, credits)
    created, aliases, claimant_messages = new_claimant_rows(new_claimants, dataset.claimants)
    existing_ids = set(dataset.claimants["claimant_id"].map(cell))
    claims, row_problems = claim_rows(reviewed, article_id, existing_ids, aliases)
    # The days each figure's period words give, read against the article's date.
    claims = [with_period(claim, iso_day(published) if published else "") for claim in claims]
    used = {claim["claimant_id"] for claim in claims}
    created_used = [row for row in created if row["claimant_id"] in used]
    listed = {name: body for name, body in dataset.articles.items()
              if name not in unlisted_articles(dataset)}
    messages += _text_messages(text, listed, claims)
    messages += claimant_messages + row_problems
    return SavePlan(article_id, file_name, text, [source], created_used, claims,
                    not_claim_rows(text, article_id, claims), messages,
                    new_place_rows(claims, dataset.places))


def new_place_rows(claims: Sequence[Mapping[str, str]], places: pd.DataFrame
                   ) -> list[dict[str, str]]:
    """A places.csv row for each place the new claims name that is not listed yet; what
    it is part of is left for a person to fill in, as the codebook asks."""
    listed = set(places["place"].map(cell))
    named = dict.fromkeys(claim["place"] for claim in claims if claim["place"])
    return [{"place": place, "part_of": ""} for place in named if place not in listed]


def _text_messages(text: str, stored: Mapping[str, str], claims: list[dict[str, str]]) -> list[str]:
    """Why the article as a whole cannot be saved: no text, stored already, no claim."""
    if not text.strip():
        return ["article: the text is empty"]
    messages = []
    twin = same_text_as(text, stored)
    if twin is not None:
        messages.append(f"article: has the same text as the stored article {twin}")
    if not claims:
        messages.append("article: no row is kept; an article is stored with at least one "
                        "claim (tick keep on one)")
    return messages


# --------------------------------------------------------------------------------------
# 5. Saving: staged, checked, then replaced file by file.
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SaveResult:
    """Whether the article was saved, and what the reader should read about it."""

    ok: bool
    messages: list[str]
    article_id: str


class FolderChanged(Exception):
    """The data folder changed between reading it and writing it (another save, an edit)."""


def csv_header(existing: bytes) -> list[str]:
    """The column names of a CSV file's first row, as the loader reads them."""
    text = existing.decode("utf-8-sig", errors="replace")
    header = next(csv.reader(io.StringIO(text, newline="")), None)
    return [name.strip() for name in header] if header else []


def appended_csv(existing: bytes, columns: Sequence[str], rows: Sequence[Mapping[str, str]]
                 ) -> bytes:
    """The file's bytes with `rows` added at the end, the bytes before them untouched.

    The rows follow the file's own header order and line ending ("\\r\\n" if it uses
    them, else "\\n"); a missing final line break is added first; an empty file gets the
    contract's header.
    """
    if not rows:
        return existing
    newline = "\r\n" if b"\r\n" in existing else "\n"
    header = csv_header(existing)
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=header or list(columns), restval="",
                            extrasaction="ignore", lineterminator=newline)
    prefix = existing
    if not header:
        writer.writeheader()
    elif not existing.endswith(b"\n"):
        prefix += newline.encode()
    writer.writerows(rows)
    return prefix + buffer.getvalue().encode("utf-8")


def read_folder(data_dir: Path) -> dict[str, bytes]:
    """The bytes of every file the checker reads, by path relative to the folder."""
    return {path.relative_to(data_dir).as_posix(): path.read_bytes()
            for path in data_files(data_dir)}


def changed_files(originals: Mapping[str, bytes], plan: SavePlan) -> dict[str, bytes]:
    """The new bytes of every file the plan touches: the article and the grown CSV files."""
    changes = {f"{schema.ARTICLES_DIR}/{plan.file_name}": plan.text.encode("utf-8")}
    for name, rows in plan.rows.items():
        if rows:
            changes[name] = appended_csv(originals.get(name, b""), TABLE_FILES[name], rows)
    return changes


def _write_tree(folder: Path, files: Mapping[str, bytes]) -> None:
    """Write files under `folder`, making the folders they need."""
    for relative, data in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def new_problems(originals: Mapping[str, bytes], changes: Mapping[str, bytes]) -> list[str]:
    """The problems the checker finds once the changes are made that it did not before.

    Both checks run on a staging copy in a temporary folder, so the real folder is not
    touched and the two reports are worded alike.
    """
    with tempfile.TemporaryDirectory(prefix="figures-staging-") as staging:
        folder = Path(staging)
        _write_tree(folder, originals)
        (folder / schema.ARTICLES_DIR).mkdir(exist_ok=True)
        before = {str(problem) for problem in check(read_dataset(folder))}
        _write_tree(folder, changes)
        after = check(read_dataset(folder))
    return [str(problem) for problem in after if str(problem) not in before]


def remove_leftovers(folder: Path) -> list[Path]:
    """Delete the temporary files a save killed half way left behind; return them.

    Only names `write_temporary` makes (`.<file>.<8 random characters>.tmp`, beside a
    table or an article), and only with the folder's lock held, when no save can be
    writing one.
    """
    found = [path for directory in (folder, folder / schema.ARTICLES_DIR) if directory.is_dir()
             for path in directory.glob(".*.tmp") if LEFTOVER.fullmatch(path.name)
             and path.is_file() and not path.is_symlink()]
    for path in found:
        path.unlink(missing_ok=True)
    return found


def file_mode(target: Path) -> int:
    """The permissions a replacement keeps: the file's own, else a sibling's, else 0o644."""
    for path in (target, *sorted(target.parent.glob(f"*{target.suffix}"))):
        if path.is_file():
            return path.stat().st_mode & 0o777
    return 0o644


def write_temporary(target: Path, data: bytes) -> Path:
    """Write `data` to a new hidden file beside `target`, flushed to disk, and return it.

    Beside the target, so that `os.replace` is a rename within one file system; named
    `.<name>.<random>.tmp`, so a leftover is never read as an article or a table.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, file_mode(target))
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def commit_order(changes: Mapping[str, bytes]) -> list[str]:
    """The changed files in the order they are replaced (see `COMMIT_ORDER` and `save`)."""
    def rank(relative: str) -> int:
        top = relative.split("/", 1)[0]
        return COMMIT_ORDER.index(top) if top in COMMIT_ORDER else len(COMMIT_ORDER)
    return sorted(changes, key=rank)


def _ensure_unchanged(folder: Path, originals: Mapping[str, bytes], relatives: Iterable[str]
                      ) -> None:
    """Refuse to write over a file that changed since the save read it."""
    for relative in relatives:
        path = folder / relative
        current = path.read_bytes() if path.exists() else None
        if current != originals.get(relative):
            raise FolderChanged(relative)


def _restore(folder: Path, originals: Mapping[str, bytes], replaced: Iterable[str]) -> None:
    """Put back the files already replaced, newest first, after a failed commit."""
    for relative in reversed(list(replaced)):
        target = folder / relative
        if relative in originals:
            os.replace(write_temporary(target, originals[relative]), target)
        else:
            target.unlink(missing_ok=True)


def commit(folder: Path, originals: Mapping[str, bytes], changes: Mapping[str, bytes]) -> None:
    """Write every changed file into the real folder, or leave the folder as it was.

    All temporary files are written first; only then is each renamed over its target,
    in `commit_order`. If anything fails, the temporaries are removed and the files
    already replaced are put back, and the error is raised again.
    """
    order = commit_order(changes)
    temporaries: dict[str, Path] = {}
    replaced: list[str] = []
    try:
        for relative in order:
            temporaries[relative] = write_temporary(folder / relative, changes[relative])
        _ensure_unchanged(folder, originals, order)
        for relative in order:
            os.replace(temporaries[relative], folder / relative)
            del temporaries[relative]
            replaced.append(relative)
    except BaseException:
        for temporary in temporaries.values():
            temporary.unlink(missing_ok=True)
        _restore(folder, originals, replaced)
        raise


def save(data_dir: Path | str, plan: SavePlan) -> SaveResult:
    """Add the planned article and rows to the data folder, or change nothing and say why.

    A plan with messages is refused. Otherwise the changes are tried on a staging copy
    and checked; any problem the real folder did not already have is reported as
    `FILE:LINE: column: message` and nothing is written. A clean save replaces files in
    this order: the new article first, then claimants.csv, sources.csv, not_claims.csv,
    and claims.csv last. Each file goes in only after everything it refers to, so even a
    save cut off half way never leaves a claim pointing at a missing article, source or
    claimant; the worst it leaves is an article or claimant nothing uses yet, which the
    checker reports. Replacing claims.csv is the moment the new claims appear.
    """
    folder = Path(data_dir)
    if plan.messages:
        return SaveResult(False, list(plan.messages), plan.article_id)
    with folder_lock(folder):
        return _save_locked(folder, plan)


def _save_locked(folder: Path, plan: SavePlan) -> SaveResult:
    """`save`, with the folder's lock held."""
    remove_leftovers(folder)
    originals = read_folder(folder)
    changes = changed_files(originals, plan)
    article = f"{schema.ARTICLES_DIR}/{plan.file_name}"
    if article in originals and originals[article] != changes[article]:
        return SaveResult(False, [f"{article}: already exists; nothing was saved"],
                          plan.article_id)
    if article in originals:  # the article of a save cut off half way, kept as it is
        del changes[article]
    problems = new_problems(originals, changes)
    if problems:
        return SaveResult(False, problems, plan.article_id)
    try:
        commit(folder, originals, changes)
    except FolderChanged as changed:
        return SaveResult(False, [f"{changed}: changed while saving; nothing was saved, "
                                  f"try again"], plan.article_id)
    except OSError as error:
        return SaveResult(False, [f"{error.filename or folder}: could not be written "
                                  f"({error.strerror}); nothing was saved"], plan.article_id)
    return SaveResult(True, [_saved_summary(plan)], plan.article_id)


def _saved_summary(plan: SavePlan) -> str:
    """One line telling the reader what the save added."""
    set_aside = sum(row["reason"] == SET_ASIDE for row in plan.not_claims)
    return (f"Saved {schema.ARTICLES_DIR}/{plan.file_name}: {len(plan.claims)} claims, "
            f"{len(plan.claimants)} new claimants, {len(plan.not_claims)} numbers listed in "
            f"{schema.NOT_CLAIMS_FILE} ({set_aside} set aside for review).")
