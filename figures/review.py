"""The review queue's edits: accept or fix a proposed claim, reject it, classify a claimant,
record an article as a wire story.

Each edit is a pure change to the bytes of the tables (`Edit`), applied by `apply`: with
the data folder's lock held it reads the tables, makes the change, checks the articles it
touches with the real checker, and writes the files through `intake.commit`, so that an
edit is whole or does not happen, and one made at the same moment as a save or another
edit never undoes it. Only the touched articles are checked, so an edit stays quick in a
corpus of thousands of articles; a problem they already had is not held against it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from figures import intake, schema
from figures.check import check, parse_value
from figures.load import TABLE_FILES, Dataset, parse_csv, read_text
from figures.numbers import mentions_of
from figures.periods import period_columns
from figures.text import find_quote

Tables = dict[str, bytes]


@dataclass(frozen=True)
class Outcome:
    """Whether an edit was saved, and what the reader should read about it."""

    ok: bool
    messages: list[str]


# --------------------------------------------------------------------------------------
# Rows of a table as text, changed and written back in the file's own layout.
# --------------------------------------------------------------------------------------


def read_rows(raw: bytes) -> tuple[list[str], list[dict[str, str]]]:
    """A table's header and rows; a byte-order mark and surrounding spaces are ignored."""
    reader = csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""))
    header = [name.strip() for name in next(reader, [])]
    rows = [dict(zip(header, row, strict=False)) for row in reader if any(map(str.strip, row))]
    return header, rows


def write_rows(raw: bytes, header: list[str], rows: list[dict[str, str]]) -> bytes:
    """The table's bytes with these rows, in its own header order and line ending; rows a
    change left alone come out as they went in."""
    newline = "\r\n" if b"\r\n" in raw else "\n"
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=header, restval="", extrasaction="ignore",
                            lineterminator=newline)
    writer.writeheader()
    writer.writerows(rows)
    prefix = "\ufeff" if raw.startswith(b"\xef\xbb\xbf") else ""
    return (prefix + buffer.getvalue()).encode("utf-8")


def changed_rows(raw: bytes, key: str, wanted: Mapping[str, Mapping[str, str]]) -> bytes:
    """The table with the rows whose `key` is in `wanted` updated with its values."""
    header, rows = read_rows(raw)
    for row in rows:
        update = wanted.get(row.get(key, "").strip())
        if update:
            row.update({column: value for column, value in update.items() if column in header})
    return write_rows(raw, header, rows)


def without_rows(raw: bytes, key: str, unwanted: Collection[str]) -> bytes:
    """The table without the rows whose `key` is in `unwanted`."""
    header, rows = read_rows(raw)
    return write_rows(raw, header, [row for row in rows
                                    if row.get(key, "").strip() not in unwanted])


# --------------------------------------------------------------------------------------
# Edits.
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Edit:
    """A change to the tables and the articles whose rows it touches."""

    change: Callable[[Tables, Mapping[str, str]], Tables]  # (tables, articles) -> tables
    articles: tuple[str, ...]  # article ids whose rows change
    summary: str


CLAIM_FIELDS: tuple[str, ...] = (
    "claimant_id", "value", "value_max", "unit", "qualifier", "qualifier_text", "measure",
    "subject", "place", "period_text", "notes",
)  # fmt: skip
CLAIMANT_FIELDS: tuple[str, ...] = ("name", "organisation", "claimant_type", "party")


def accept(article_id: str, claim_id: str, fields: Mapping[str, str] | None = None) -> Edit:
    """Mark a claim checked, with the reader's fixes to its fields (none: as proposed)."""
    update = {column: str(value).strip() for column, value in (fields or {}).items()
              if column in CLAIM_FIELDS}
    update["review_status"] = schema.CHECKED

    def change(tables: Tables, _: Mapping[str, str]) -> Tables:
        fixes = {**update, **period_fix(tables, article_id, claim_id, update)}
        changed = {schema.CLAIMS_FILE: changed_rows(tables[schema.CLAIMS_FILE], "claim_id",
                                                    {claim_id: fixes})}
        # A claim moved to another claimant may leave its first one named by no claim.
        _, claims = read_rows(tables[schema.CLAIMS_FILE])
        old = next((row for row in claims if row.get("claim_id", "").strip() == claim_id), {})
        left_behind = old.get("claimant_id", "").strip()
        if update.get("claimant_id", left_behind) != left_behind:
            others = [row for row in claims if row is not old]
            changed.update(without_unused_claimant(tables, others, left_behind))
        return {**changed, **listed_place(tables, update.get("place", ""))}

    fixed = sorted(set(update) - {"review_status"})
    verb = f"Fixed ({', '.join(fixed)}) and accepted" if fixed else "Accepted"
    return Edit(change, (article_id,), f"{verb} {claim_id}.")


def without_unused_claimant(tables: Tables, claims: list[dict[str, str]],
                            claimant_id: str) -> Tables:
    """claimants.csv without `claimant_id` when none of `claims` names it any more (the
    checker allows no unused claimant); nothing otherwise."""
    if not claimant_id or any(row.get("claimant_id", "").strip() == claimant_id
                              for row in claims):
        return {}
    return {schema.CLAIMANTS_FILE: without_rows(tables[schema.CLAIMANTS_FILE], "claimant_id",
                                                {claimant_id})}


def period_fix(tables: Tables, article_id: str, claim_id: str, update: Mapping[str, str]
               ) -> dict[str, str]:
    """New period days when the reader rewrites a claim's period words, read against its
    article's date, so that no date read from the old words stays; none otherwise."""
    if "period_text" not in update:
        return {}
    _, claims = read_rows(tables[schema.CLAIMS_FILE])
    old = next((row for row in claims if row.get("claim_id", "").strip() == claim_id), {})
    if old.get("period_text", "").strip() == update["period_text"]:
        return {}
    _, sources = read_rows(tables.get(schema.SOURCES_FILE, b""))
    source = next((row for row in sources if row.get("article_id", "").strip() == article_id),
                  {})
    return period_columns(update["period_text"], source.get("published", "").strip(),
                          source.get("published_basis", "").strip())


def listed_place(tables: Tables, place: str) -> Tables:
    """places.csv with a place added when a claim names one it does not list yet (what it
    is part of left for a person to fill in, as the codebook asks); nothing otherwise."""
    raw = tables.get(schema.PLACES_FILE, b"")
    _, rows = read_rows(raw)
    if not place or place in {row.get("place", "").strip() for row in rows}:
        return {}
    return {schema.PLACES_FILE: intake.appended_csv(raw, schema.PLACE_COLUMNS,
                                                    [{"place": place, "part_of": ""}])}


def figure_phrases(text: str, claim: Mapping[str, str]) -> list[tuple[int, int]]:
    """Where a claim's figure (and its range's top) is written in the article."""
    spans = []
    for start, end in find_quote(text, claim.get("quote", ""))[:1]:
        for cell in (claim.get("value", ""), claim.get("value_max", "")):
            value = parse_value(cell) if cell else None
            if value is None:
                continue
            spans += [(start + mention.start, start + mention.end)
                      for mention in mentions_of(text[start:end], value)[:1]]
    return spans


def reject(article_id: str, claim_id: str, reason: str = schema.REJECTED_IN_REVIEW) -> Edit:
    """Take a claim out of claims.csv and list its figure in not_claims.csv with why."""

    def change(tables: Tables, articles: Mapping[str, str]) -> Tables:
        _, claims = read_rows(tables[schema.CLAIMS_FILE])
        claim = next((row for row in claims if row.get("claim_id", "").strip() == claim_id),
                     None)
        if claim is None:
            raise LookupError(f"{schema.CLAIMS_FILE}: no claim '{claim_id}' (it may have been "
                              f"reviewed already)")
        text = articles.get(article_id, "")
        rows = [{"article_id": article_id, "text": " ".join(text[start:end].split()),
                 "context": intake.context_for(text, start, end), "reason": reason}
                for start, end in figure_phrases(text, claim)]
        changes = {schema.CLAIMS_FILE: without_rows(tables[schema.CLAIMS_FILE], "claim_id",
                                                    {claim_id}),
                   schema.NOT_CLAIMS_FILE: intake.appended_csv(
                       tables.get(schema.NOT_CLAIMS_FILE, b""), schema.NOT_CLAIM_COLUMNS,
                       rows)}
        others = [row for row in claims if row is not claim]
        return {**changes, **without_unused_claimant(tables, others,
                                                     claim.get("claimant_id", "").strip())}

    return Edit(change, (article_id,), f"Rejected {claim_id} ({reason}); its figure is "
                                       f"listed in {schema.NOT_CLAIMS_FILE}, and a claimant "
                                       f"named by no other claim is removed.")


def classify_claimant(claimant_id: str, fields: Mapping[str, str],
                      articles: tuple[str, ...]) -> Edit:
    """Set a claimant's name, organisation, type or party; its suggestions are then done."""
    update = {column: str(value).strip() for column, value in fields.items()
              if column in CLAIMANT_FIELDS and str(value).strip()}
    update.update(suggested_type="", suggested_party="")

    def change(tables: Tables, _: Mapping[str, str]) -> Tables:
        return {schema.CLAIMANTS_FILE: changed_rows(tables[schema.CLAIMANTS_FILE],
                                                    "claimant_id", {claimant_id: update})}

    return Edit(change, articles, f"Claimant {claimant_id} saved.")


def record_wire(article_id: str, wire: str) -> Edit:
    """Record the wire service whose story an article is (a syndication)."""

    def change(tables: Tables, _: Mapping[str, str]) -> Tables:
        return {schema.SOURCES_FILE: changed_rows(tables[schema.SOURCES_FILE], "article_id",
                                                  {article_id: {"wire": wire.strip()}})}

    return Edit(change, (article_id,), f"Recorded {article_id} as a story of {wire.strip()}.")


def combined(*edits: Edit) -> Edit:
    """Several edits made as one: all saved, or none."""

    def change(tables: Tables, articles: Mapping[str, str]) -> Tables:
        current = dict(tables)
        for edit in edits:
            current.update(edit.change(current, articles))
        return current

    touched = tuple(dict.fromkeys(article for edit in edits for article in edit.articles))
    return Edit(change, touched, " ".join(edit.summary for edit in edits))


# --------------------------------------------------------------------------------------
# Applying an edit: lock, change, check the touched articles, commit.
# --------------------------------------------------------------------------------------


def tables_dataset(tables: Tables, articles: Mapping[str, str], article_ids: Collection[str],
                   folder: Path) -> Dataset:
    """The touched articles' rows, at their real lines, and the claimants they use."""
    frames: dict[str, pd.DataFrame] = {}
    for name, columns in TABLE_FILES.items():
        frames[name], _ = parse_csv(tables.get(name, b"").decode("utf-8-sig"), name, columns)
    for name in (schema.SOURCES_FILE, schema.CLAIMS_FILE, schema.NOT_CLAIMS_FILE):
        frame = frames[name]
        frames[name] = frame[frame["article_id"].str.strip().isin(list(article_ids))]
    used = set(frames[schema.CLAIMS_FILE]["claimant_id"].str.strip())
    claimants = frames[schema.CLAIMANTS_FILE]
    frames[schema.CLAIMANTS_FILE] = claimants[claimants["claimant_id"].str.strip().isin(used)]
    files = {str(file).strip() for file in frames[schema.SOURCES_FILE]["file"]}
    texts = {file: text for file, text in articles.items() if file in files}
    return Dataset(folder, frames, texts)


def article_texts(folder: Path, tables: Tables, article_ids: Collection[str]
                  ) -> tuple[dict[str, str], dict[str, str]]:
    """The touched articles' texts by file name, and by article id."""
    _, sources = read_rows(tables.get(schema.SOURCES_FILE, b""))
    by_file: dict[str, str] = {}
    by_id: dict[str, str] = {}
    for row in sources:
        article_id, file = row.get("article_id", "").strip(), row.get("file", "").strip()
        if article_id in article_ids and file:
            text, _ = read_text(folder / schema.ARTICLES_DIR / file, file)
            if text is not None:
                by_file[file] = by_id[article_id] = text
    return by_file, by_id


def apply(data_dir: Path | str, edit: Edit) -> Outcome:
    """Make the edit in the data folder if the touched articles still check clean after it
    (problems they had before do not count against it); else change nothing and say why."""
    folder = Path(data_dir)
    with intake.folder_lock(folder):
        originals = {name: (folder / name).read_bytes() for name in TABLE_FILES
                     if (folder / name).is_file()}
        by_file, by_id = article_texts(folder, originals, edit.articles)
        try:
            changes = edit.change(originals, by_id)
        except LookupError as error:
            return Outcome(False, [str(error.args[0])])
        after = {**originals, **changes}
        before = {str(problem) for problem in
                  check(tables_dataset(originals, by_file, edit.articles, folder))}
        problems = [str(problem) for problem in
                    check(tables_dataset(after, by_file, edit.articles, folder))
                    if str(problem) not in before]
        if problems:
            return Outcome(False, problems)
        try:
            intake.commit(folder, originals, changes)
        except (intake.FolderChanged, OSError) as error:
            return Outcome(False, [f"{error}: could not be written; nothing was saved"])
    return Outcome(True, [edit.summary])
