"""Add an article: read an upload, build the rows a new article adds, and commit them.

The batch add (`figures.corpus`, behind `python -m figures add` and the Add articles page)
and the review queue (`figures.review`) are built on these functions:

1. `read_upload` turns uploaded (or pasted) bytes into text, or says plainly why it
   cannot: empty, too large, binary, not UTF-8, or an article already stored;
2. `match_claimant` and the id makers (`article_id_for`, `claimant_id_for`) tie a new
   article's figures to the claimants and ids the folder already holds;
3. `claim_row` and `not_claim_rows` give the rows of claims.csv and not_claims.csv, so that
   every number phrase of the article ends up in a claim or in `not_claims.csv` (the
   checker refuses a folder where one is in neither);
4. `commit`, with the folder's lock (`folder_lock`) held, writes the changed files into the
   real folder, each through a temporary file and `os.replace`, so a reader never sees
   half a file and a save is whole or does not happen.
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
from figures.check import claim_accounts, is_accounted, parse_value
from figures.duplicates import fold
from figures.extract import Candidate, extract, non_claims, qualifier_of
from figures.load import (
    Dataset,
    read_articles,
    read_dataset,
    wide_unicode,
)
from figures.numbers import find_numbers, mentions_of
from figures.text import normalise_space

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
PASTED = "pasted text"  # the name `read_upload` gives text pasted on the page
UTF8_BOM = b"\xef\xbb\xbf"
# Bytes that plain text does not hold (tab, line feed, form feed and carriage return do).
CONTROL_BYTES = frozenset(range(32)) - {9, 10, 12, 13} | {127}
MAX_CONTROL_SHARE = 0.05  # above this share of control bytes a file is taken as binary

SET_ASIDE = "set aside"
VAGUE_QUANTITY = "vague quantity"
CONTEXT_WORDS = 3  # words either side of a number in a not_claims context, at first
MAX_CONTEXT_WORDS = 8  # ... widened up to this many until the context stands only once

# Words that say nothing about which body a name means.
_NAME_STOPWORDS = frozenset(("the", "of", "for", "and", "a", "an", "in", "on", "to", "s"))
# What `write_temporary` names a file before it is renamed into place.
LEFTOVER = re.compile(r"\..+\.(?:csv|txt)\.[a-z0-9_]{8}\.tmp")
LOCK_TIMEOUT = 120.0  # seconds to wait for another save before giving up
# Files in the order `commit` replaces them: each only after everything it refers to.
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
# 2. The claimant guess.
# --------------------------------------------------------------------------------------


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
# 4. The rows a new article adds.
# --------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------
# 5. Committing: every changed file replaced, or none.
# --------------------------------------------------------------------------------------


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
    """The changed files in the order they are replaced (see `COMMIT_ORDER`): each file
    goes in only after everything it refers to, so even a commit cut off half way never
    leaves a claim pointing at a missing article, source or claimant; replacing claims.csv
    is the moment the new claims appear."""
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


