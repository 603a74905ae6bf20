"""Add many articles at once: text files, saved web pages, folders of them, or pasted text.

The command line (`python -m figures add`) and the dashboard's *Add articles* page both
call `add_items`, so a batch behaves the same wherever it starts:

1. each item is read (`read_item`): a `.txt` file as UTF-8 text, a saved web page through
   trafilatura (`figures.webpage`); its outlet, title and date come from the folder's
   `articles.csv`, else from the options given, else from the page's metadata;
2. an item with the same text as a stored article (spacing and quotation marks folded)
   is skipped, naming the stored file; one sharing most of its sentences with a stored
   article is added and flagged as a near-duplicate (`figures.duplicates`);
3. the extractor's candidates become `proposed` claims, their claimants matched to
   stored ones by name and organisation or created as `unassigned`, with a suggested
   type and party where the name tells (`figures.suggest`); every other number of the
   article goes to `not_claims.csv`, so the folder still accounts for every number;
4. each article's rows are checked on their own with the real checker before they join
   the batch: an article that would not check clean is refused with the reason;
5. the articles are committed a chunk at a time, with the data folder's lock held from
   reading the folder to the last file replaced (`intake.folder_lock`, `intake.commit`):
   a chunk is written whole or not at all, and a second batch or a dashboard save
   started meanwhile waits its turn instead of losing its rows.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from figures import intake, schema
from figures.check import check, parse_date
from figures.duplicates import DuplicateIndex, NearDuplicate
from figures.extract import Candidate
from figures.load import (
    LINE,
    TABLE_FILES,
    Dataset,
    data_files,
    is_plain_file,
    read_dataset,
)
from figures.periods import with_period
from figures.problems import Problem
from figures.suggest import Suggestion, outlet_voice, suggest

SIDECAR = "articles.csv"
SIDECAR_COLUMNS: tuple[str, ...] = ("file", "url", "outlet", "published", "title")
TEXT_SUFFIXES = (".txt",)
PAGE_SUFFIXES = (".html", ".htm")
CHUNK = 50  # articles committed at a time: a lock held seconds, not minutes
TITLE_LIMIT = 200  # characters: a first line longer than this is no headline

Progress = Callable[[int], None]


@dataclass(frozen=True)
class Options:
    """What the reader says of every item that its sidecar row or page does not."""

    outlet: str = ""
    title: str = ""
    published: str = ""
    published_basis: str = schema.PUBLISHED_ON_COMMAND_LINE  # how `published` is known


@dataclass(frozen=True)
class Item:
    """One file or pasted text to add: its name for messages, its bytes, its sidecar row."""

    name: str
    raw: bytes
    listed: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Incoming:
    """An article read and described, ready to plan."""

    name: str
    text: str
    outlet: str
    title: str
    published: str
    published_basis: str
    url: str = ""


@dataclass(frozen=True)
class Added:
    """An article the batch added (or, in a dry run, would add)."""

    name: str
    file: str
    claims: int
    new_claimants: int
    near: NearDuplicate | None = None


@dataclass
class Summary:
    """What a batch did: added, skipped as duplicates, refused, and what it proposed."""

    added: list[Added] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (item, stored file)
    refused: list[str] = field(default_factory=list)  # "name: reason"
    dry_run: bool = False

    @property
    def claims_proposed(self) -> int:
        return sum(added.claims for added in self.added)

    @property
    def new_claimants(self) -> int:
        return sum(added.new_claimants for added in self.added)

    @property
    def near_duplicates(self) -> list[Added]:
        return [added for added in self.added if added.near is not None]

    def lines(self) -> list[str]:
        """The summary as a reader reads it on a terminal or a page."""
        verb = "Would add" if self.dry_run else "Added"
        lines = [f"{verb} {len(self.added)} articles: {self.claims_proposed} claims proposed "
                 f"for review, {self.new_claimants} new claimants."]
        for added in self.added:
            lines.append(f"  {added.name} -> {schema.ARTICLES_DIR}/{added.file} "
                         f"({added.claims} claims proposed)")
        if self.near_duplicates:
            lines.append(f"Near-duplicates added ({len(self.near_duplicates)}), flagged on "
                         f"the Review page to record as a wire story:")
            lines += [f"  {added.name} shares {added.near.share:.0%} of its sentences with "
                      f"{schema.ARTICLES_DIR}/{added.near.file}"
                      for added in self.near_duplicates if added.near is not None]
        if self.duplicates:
            lines.append(f"Skipped as duplicates ({len(self.duplicates)}):")
            lines += [f"  {name}: same text as the stored {schema.ARTICLES_DIR}/{stored}"
                      for name, stored in self.duplicates]
        if self.refused:
            lines.append(f"Refused ({len(self.refused)}):")
            lines += [f"  {message}" for message in self.refused]
        return lines


# --------------------------------------------------------------------------------------
# 1. Items from paths, and their sidecar rows.
# --------------------------------------------------------------------------------------


def read_sidecar(folder: Path) -> tuple[dict[str, dict[str, str]], list[str]]:
    """The rows of a folder's articles.csv by file name, and what is wrong with it."""
    path = folder / SIDECAR
    if not path.is_file():
        return {}, []
    try:
        return parse_sidecar(path.read_bytes(), str(path))
    except OSError as error:
        return {}, [f"{path}: cannot be read ({error.strerror}); its files are added "
                    f"without it"]


def parse_sidecar(raw: bytes, name: str) -> tuple[dict[str, dict[str, str]], list[str]]:
    """The rows of an articles.csv by file name, and what is wrong with it."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return {}, [f"{name}: is not UTF-8 (byte {error.start}); its files are added "
                    f"without it"]
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [column.strip() for column in reader.fieldnames or []]
    if "file" not in header:
        return {}, [f"{name}: has no 'file' column (expected: {', '.join(SIDECAR_COLUMNS)})"]
    rows = {}
    for row in reader:
        cells = {(key or "").strip(): (value or "").strip() for key, value in row.items()
                 if isinstance(value, str)}
        if cells.get("file"):
            rows[cells["file"]] = {column: cells.get(column, "") for column in SIDECAR_COLUMNS}
    return rows, []


def is_article_file(path: Path) -> bool:
    """Whether a file in a folder is one to add (not hidden, not the sidecar)."""
    return not path.name.startswith(".") and path.name != SIDECAR


def files_under(path: Path) -> list[Path]:
    """The files of a folder and its subfolders, in order, hidden ones left out."""
    return sorted(found for found in path.rglob("*") if found.is_file() and is_article_file(
        found) and not any(part.startswith(".") for part in found.relative_to(path).parts))


def items_from_paths(paths: Sequence[Path | str]) -> tuple[list[Item], list[str]]:
    """An item for every file the paths name (folders opened), and paths that name none."""
    items: list[Item] = []
    refused: list[str] = []
    sidecars: dict[Path, dict[str, dict[str, str]]] = {}
    for given in map(Path, paths):
        if given.is_dir():
            files = files_under(given)
            if not files:
                refused.append(f"{given}: the folder holds no file to add")
        elif given.is_file():
            files = [given]
        else:
            refused.append(f"{given}: no such file or folder")
            continue
        for path in files:
            if path.parent not in sidecars:
                sidecars[path.parent], problems = read_sidecar(path.parent)
                refused += problems
            try:
                raw = path.read_bytes()
            except OSError as error:
                refused.append(f"{path}: cannot be read ({error.strerror})")
                continue
            items.append(Item(str(path), raw, sidecars[path.parent].get(path.name, {})))
    return items, refused


# --------------------------------------------------------------------------------------
# 2. Reading one item.
# --------------------------------------------------------------------------------------


def first_line(text: str) -> str:
    """The first line of text, as the headline of an article that names none."""
    for line in text.splitlines():
        if line.strip():
            return " ".join(line.split())[:TITLE_LIMIT]
    return ""


def dated(listed: Mapping[str, str], options: Options, page_date: str) -> tuple[str, str]:
    """The publication day and how it is known: the sidecar, the option, the page, none."""
    for day, basis in ((listed.get("published", ""), schema.PUBLISHED_IN_SIDECAR),
                       (options.published, options.published_basis),
                       (page_date, schema.PUBLISHED_IN_METADATA)):
        if day.strip():
            return day.strip(), basis
    return "", schema.PUBLISHED_UNKNOWN


def read_item(item: Item, options: Options) -> tuple[Incoming | None, str]:
    """An item read and described, or why it cannot be added."""
    suffix = Path(item.name).suffix.lower()
    page_title = site_name = page_date = url = ""
    if suffix in PAGE_SUFFIXES:
        from figures.webpage import read_web_page  # trafilatura only when a page comes

        message = intake.unreadable(item.raw, item.name)
        if message:
            return None, message
        page, message = read_web_page(item.raw, item.name)
        if page is None:
            return None, message
        text, page_title, site_name, page_date, url = (page.text, page.title, page.site_name,
                                                       page.published, page.url)
    elif suffix in TEXT_SUFFIXES or item.name == intake.PASTED:
        text, messages = intake.read_upload(item.raw, item.name, {})
        if text is None:
            return None, messages[0]
    else:
        return None, (f"{item.name}: is not a .txt file or a saved web page (.html, .htm); "
                      f"save the article as one of those")
    listed = item.listed
    outlet = listed.get("outlet") or options.outlet or site_name
    published, basis = dated(listed, options, page_date)
    title = listed.get("title") or options.title or page_title or first_line(text)
    return Incoming(item.name, text, outlet.strip(), " ".join(title.split()), published,
                    basis, (listed.get("url") or url).strip()), ""


def description_problem(incoming: Incoming) -> str:
    """Why an article read well cannot be described as a source row, if it cannot."""
    if not incoming.outlet:
        return (f"{incoming.name}: no outlet: give it in {SIDECAR} beside the file (column "
                f"outlet), with --outlet, or in the form")
    if incoming.published and parse_date(incoming.published) is None:
        return f"{incoming.name}: published '{incoming.published}' is not a date (YYYY-MM-DD)"
    return ""


# --------------------------------------------------------------------------------------
# 3. Planning one article against what the folder (and the batch so far) holds.
# --------------------------------------------------------------------------------------


@dataclass
class FolderState:
    """The ids, claimants and texts a new article must not clash with or should reuse."""

    article_ids: set[str]
    claim_ids: set[str]
    claimant_ids: set[str]
    claimants: pd.DataFrame
    index: DuplicateIndex
    matched: dict[str, str] = field(default_factory=dict)  # claimant text -> id
    # Articles no source row lists, left by a save cut off half way, whose file name is
    # free to take: the same text added again finishes that save under that name.
    leftovers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, dataset: Dataset) -> FolderState:
        """The state of a folder just read."""
        claimants = dataset.claimants.drop(columns=LINE)
        source_ids = set(dataset.sources["article_id"].map(intake.cell))
        unlisted = intake.unlisted_articles(dataset)
        return cls(
            article_ids=source_ids | {Path(name).stem for name in dataset.articles},
            claim_ids=set(dataset.claims["claim_id"].map(intake.cell)),
            claimant_ids=set(claimants["claimant_id"].map(intake.cell)),
            claimants=claimants,
            index=DuplicateIndex.of({name: text for name, text in dataset.articles.items()
                                     if name not in unlisted}),
            leftovers={name: text for name, text in unlisted.items()
                       if Path(name).stem not in source_ids},
        )

    def forget(self, plan: intake.SavePlan, kept_claimants: Collection[str]) -> None:
        """Take back a plan refused after it was counted in: its text, and the claimants it
        created that no kept plan took over, so that no later article names them."""
        self.index.forget(plan.file_name, plan.text)
        gone = {row["claimant_id"] for row in plan.claimants} - set(kept_claimants)
        if gone:
            self.claimants = self.claimants[~self.claimants["claimant_id"].isin(list(gone))]
            self.claimant_ids -= gone
            self.matched = {name: found for name, found in self.matched.items()
                            if found not in gone}

    def absorb(self, plan: intake.SavePlan) -> None:
        """Count a planned article in, so the next one neither clashes nor duplicates it."""
        self.article_ids.add(plan.article_id)
        self.claim_ids |= {claim["claim_id"] for claim in plan.claims}
        self.index.add(plan.file_name, plan.text)
        if plan.claimants:
            self.claimant_ids |= {row["claimant_id"] for row in plan.claimants}
            self.claimants = pd.concat([self.claimants, pd.DataFrame(plan.claimants)],
                                       ignore_index=True)


def new_claimant(name: str, claimant_id: str, suggestion: Suggestion) -> dict[str, str]:
    """A claimant row the extractor created: unassigned, with the name's suggestion."""
    return {"claimant_id": claimant_id, "name": name, "organisation": name,
            "claimant_type": schema.UNASSIGNED, "party": schema.UNASSIGNED,
            "suggested_type": suggestion.claimant_type, "suggested_party": suggestion.party}


def claimant_for(name: str, outlet: str, state: FolderState,
                 created: list[dict[str, str]]) -> str:
    """The id of the stored claimant `name` means, else of one created for it now."""
    key = intake.name_tokens(name)
    lookup = " ".join(key)
    if lookup in state.matched:
        return state.matched[lookup]
    for row in created:
        if intake.name_tokens(row["name"]) == key:
            return row["claimant_id"]
    found = intake.match_claimant(name, state.claimants)
    if not found:
        found = intake.claimant_id_for(name, state.claimant_ids
                                       | {row["claimant_id"] for row in created})
        voice = outlet_voice(name) if name == outlet else suggest(name)
        created.append(new_claimant(name, found, voice))
        return found
    state.matched[lookup] = found
    return found


# What stands between a range's two figures: "200 and 340", "10-15", "6,000 to 7,000".
RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|and)\s*", re.IGNORECASE)


def one_range(candidates: Sequence[Candidate], text: str) -> list[Candidate]:
    """The candidates with each range's two bounds, which the extractor proposes one by
    one, made one claim from `value` to `value_max`: neither bound is set aside for want
    of its own qualifying words, and the range is reviewed as the article gives it."""
    merged: list[Candidate] = []
    for candidate in candidates:
        lower = merged[-1] if merged else None
        if (lower is not None and candidate.qualifier == "up_to"
                and not candidate.qualifier_text and lower.value_max is None
                and lower.value is not None and candidate.value is not None
                and lower.quote == candidate.quote and lower.value < candidate.value
                and 0 <= lower.figure_end <= candidate.figure_start
                and RANGE_JOIN.fullmatch(text[lower.figure_end:candidate.figure_start])):
            merged[-1] = replace(lower, value_max=candidate.value, qualifier="exact",
                                 qualifier_text="")
            continue
        merged.append(candidate)
    return merged


def proposed_claims(text: str, article_id: str, outlet: str, state: FolderState,
                    created: list[dict[str, str]]) -> list[dict[str, str]]:
    """The extractor's candidates with a figure, as proposed claims of `article_id`."""
    claims: list[dict[str, str]] = []
    for candidate in one_range(intake.candidates_for(text, outlet), text):
        if candidate.value is None or candidate.vague:
            continue  # no figure to compare: not_claims.csv lists it
        claimant = candidate.claimant or outlet
        row = {"value": candidate.value, "value_max": candidate.value_max,
               "unit": candidate.unit, "qualifier": candidate.qualifier,
               "qualifier_text": candidate.qualifier_text, "measure": candidate.measure,
               "subject": candidate.subject, "place": "", "period_text": candidate.period_text,
               "quote": candidate.quote, "review_status": schema.PROPOSED}
        claim_id = f"{article_id}-{len(claims) + 1:02d}"
        claim = intake.claim_row(row, claim_id, article_id,
                                 claimant_for(claimant, outlet, state, created))
        if claim["qualifier"] in schema.INEXACT_QUALIFIERS and not claim["qualifier_text"]:
            continue  # the qualifier's words cannot be found: set aside for a person
        claims.append(claim)
    return claims


def source_row(incoming: Incoming, article_id: str, file_name: str) -> dict[str, str]:
    """The new article's row of sources.csv."""
    return {"article_id": article_id, "file": file_name, "outlet": incoming.outlet,
            "title": incoming.title, "published": incoming.published,
            "published_basis": incoming.published_basis, "credits": "", "wire": "",
            "url": incoming.url, "public_copy": ""}


Owners = dict[str, list[int]]  # table or article file -> the plan each staged line is from


def staged_dataset(plans: Sequence[intake.SavePlan], state: FolderState
                   ) -> tuple[Dataset, Owners]:
    """New articles and their rows alone (with the claimants they use), as the checker
    reads a folder, so they are checked without re-reading the whole corpus; and which
    plan each staged row comes from."""
    created = {row["claimant_id"] for plan in plans for row in plan.claimants}
    used = {claim["claimant_id"] for plan in plans for claim in plan.claims} - created
    known = state.claimants[state.claimants["claimant_id"].map(intake.cell).isin(used)]
    rows: dict[str, list[Mapping[str, object]]] = {name: [] for name in TABLE_FILES}
    owners: Owners = {name: [] for name in TABLE_FILES}
    rows[schema.CLAIMANTS_FILE] += known.to_dict("records")
    owners[schema.CLAIMANTS_FILE] += [-1] * len(known)
    for number, plan in enumerate(plans):
        for name, planned in plan.rows.items():
            rows[name] += planned
            owners[name] += [number] * len(planned)
        owners[f"{schema.ARTICLES_DIR}/{plan.file_name}"] = [number]
    tables = {}
    for name, columns in TABLE_FILES.items():
        # Each row on its own line from 2, as the loader numbers a table's rows.
        records = [[intake.cell(row.get(column)) for column in columns] + [line]
                   for line, row in enumerate(rows[name], start=2)]
        tables[name] = pd.DataFrame(records, columns=[*columns, LINE], dtype=object)
    articles = {plan.file_name: plan.text for plan in plans}
    return Dataset(Path("."), tables, articles), owners


def faulted_plans(problems: Iterable[Problem], owners: Owners,
                  plans: Sequence[intake.SavePlan]) -> set[int]:
    """The plans (by position) that a problem of the staged dataset stands in."""
    faulted: set[int] = set()
    for problem in problems:
        lines = owners.get(problem.file, [])
        if problem.file.startswith(f"{schema.ARTICLES_DIR}/"):
            faulted.update(lines)
        elif 2 <= problem.line < len(lines) + 2 and lines[problem.line - 2] >= 0:
            faulted.add(lines[problem.line - 2])
        else:  # a stored claimant's row, or the header: every plan that may touch it
            faulted.update(range(len(plans)))
    return faulted


def claim_lines(problems: Iterable[Problem]) -> set[int]:
    """The lines of claims.csv (in a staged dataset) that the problems stand on."""
    return {problem.line for problem in problems
            if problem.file == schema.CLAIMS_FILE and problem.line > 1}


def draft_plan(incoming: Incoming, article_id: str, claims: list[dict[str, str]],
               created: list[dict[str, str]]) -> intake.SavePlan:
    """The rows an article adds: its source, its proposals, the claimants they create, and
    a not_claims row for every other number."""
    file_name = intake.file_name_for(article_id)
    used = {claim["claimant_id"] for claim in claims}
    return intake.SavePlan(
        article_id, file_name, incoming.text, [source_row(incoming, article_id, file_name)],
        [row for row in created if row["claimant_id"] in used], claims,
        intake.not_claim_rows(incoming.text, article_id, claims))


def checked_plan(incoming: Incoming, plan: intake.SavePlan, state: FolderState
                 ) -> tuple[intake.SavePlan | None, list[str]]:
    """The article's plan once it checks clean on its own; proposals the checker faults
    are set aside (to not_claims.csv) rather than saved; else why it cannot be added."""
    claims = plan.claims
    for _ in range(2):
        if not claims:
            break
        plan = draft_plan(incoming, plan.article_id, claims, plan.claimants)
        problems = check(staged_dataset([plan], state)[0])
        if not problems:
            return plan, []
        faulted = claim_lines(problems)
        if not faulted or len(faulted) == len(claims):
            return None, [f"{incoming.name}: would not check clean: {problem.column}: "
                          f"{problem.message}" for problem in problems]
        # Staged lines are 2, 3, ... in order: drop the faulted proposals and try again.
        claims = [claim for line, claim in enumerate(claims, start=2) if line not in faulted]
    return None, [f"{incoming.name}: no figure found to propose that checks clean; an "
                  f"article is stored with at least one claim"]


def plan_article(incoming: Incoming, state: FolderState) -> tuple[intake.SavePlan | None,
                                                                   list[str]]:
    """The rows one article adds, not yet checked, or why it cannot be added."""
    leftover = intake.same_text_as(incoming.text, state.leftovers)
    if leftover is not None:
        del state.leftovers[leftover]
        article_id = Path(leftover).stem
    else:
        article_id = intake.article_id_for(incoming.outlet, incoming.published or "undated",
                                           state.article_ids)
    created: list[dict[str, str]] = []
    claims = [with_period(claim, incoming.published, incoming.published_basis) for claim in
              proposed_claims(incoming.text, article_id, incoming.outlet, state, created)]
    if not claims:
        return None, [f"{incoming.name}: no figure found to propose; an article is stored "
                      f"with at least one claim"]
    return draft_plan(incoming, article_id, claims, created), []



# --------------------------------------------------------------------------------------
# 4. The batch: chunks planned and committed under the folder's lock.
# --------------------------------------------------------------------------------------


def batch_changes(originals: Mapping[str, bytes], plans: Sequence[intake.SavePlan]
                  ) -> dict[str, bytes]:
    """The new bytes of every file the chunk touches: its articles and the grown tables."""
    changes = {f"{schema.ARTICLES_DIR}/{plan.file_name}": plan.text.encode("utf-8")
               for plan in plans}
    for name, columns in TABLE_FILES.items():
        rows = [row for plan in plans for row in plan.rows[name]]
        if rows:
            changes[name] = intake.appended_csv(originals.get(name, b""), columns, rows)
    return changes


def same_file(path: Path, data: bytes) -> bool:
    """Whether a plain file already holds exactly these bytes (a cut-off save's article)."""
    return is_plain_file(path) and path.read_bytes() == data


def read_tables(folder: Path) -> dict[str, bytes]:
    """The bytes of the four tables, as a commit compares and grows them."""
    return {name: (folder / name).read_bytes() for name in TABLE_FILES
            if (folder / name).is_file()}


def chunks(items: Sequence[Item], size: int) -> Iterator[Sequence[Item]]:
    """The items a chunk at a time."""
    for start in range(0, len(items), size):
        yield items[start:start + size]


@dataclass
class Planned:
    """An article planned into a chunk, waiting for the chunk's check."""

    name: str
    incoming: Incoming
    plan: intake.SavePlan
    near: NearDuplicate | None


Stamp = tuple[tuple[str, int, int], ...]


def folder_stamp(folder: Path) -> Stamp:
    """What the data files are now (name, size, time), to tell whether anyone wrote."""
    return tuple((str(path), path.stat().st_size, path.stat().st_mtime_ns)
                 for path in data_files(folder))


@dataclass
class Known:
    """The folder's state as the batch left it, and the files' stamp just after."""

    state: FolderState
    stamp: Stamp


def add_chunk(folder: Path, chunk: Sequence[Item], options: Options, summary: Summary,
              progress: Progress | None, known: Known | None = None) -> Known | None:
    """Plan, check and (unless a dry run) commit one chunk, holding the folder's lock.

    The chunk's articles are checked together, in one run of the checker over their rows
    alone; only an article it faults is checked again on its own, to set aside the
    proposals at fault or to refuse the article.
    """
    with intake.folder_lock(folder):
        intake.remove_leftovers(folder)
        # The state the last chunk left serves again unless someone wrote meanwhile.
        if known is not None and known.stamp == folder_stamp(folder):
            state = known.state
        else:
            state = FolderState.of(read_dataset(folder))
        planned: list[Planned] = []
        for item in chunk:
            entry = plan_item(item, options, state, summary)
            if entry is not None:
                planned.append(entry)
            if progress is not None:
                progress(1)
        planned = checked_chunk(planned, state, summary)
        if planned and not summary.dry_run:
            plans = [entry.plan for entry in planned]
            (folder / schema.ARTICLES_DIR).mkdir(parents=True, exist_ok=True)
            originals = read_tables(folder)
            changes = {relative: data for relative, data in batch_changes(originals,
                                                                          plans).items()
                       if not same_file(folder / relative, data)}
            try:
                intake.commit(folder, originals, changes)
            except (intake.FolderChanged, OSError) as error:
                summary.refused += [f"{entry.name}: not saved, the data folder could not be "
                                    f"written ({error}); nothing of this chunk was saved"
                                    for entry in planned]
                return None
        summary.added += [Added(entry.name, entry.plan.file_name, len(entry.plan.claims),
                                len(entry.plan.claimants), entry.near) for entry in planned]
        return Known(state, folder_stamp(folder))


def checked_chunk(planned: list[Planned], state: FolderState, summary: Summary
                  ) -> list[Planned]:
    """The chunk's articles that check clean, each as it will be saved; the rest refused."""
    if not planned:
        return planned
    plans = [entry.plan for entry in planned]
    dataset, owners = staged_dataset(plans, state)
    faulted = faulted_plans(check(dataset), owners, plans)
    kept: list[Planned] = []
    dropped: list[intake.SavePlan] = []
    for number, entry in enumerate(planned):
        if number not in faulted:
            kept.append(entry)
            continue
        plan, messages = checked_plan(entry.incoming, entry.plan, state)
        if plan is None:
            summary.refused += messages
            dropped.append(entry.plan)
        else:
            kept.append(Planned(entry.name, entry.incoming, plan, entry.near))
    kept = adopt_claimants(kept, dropped)
    saved = {row["claimant_id"] for entry in kept for row in entry.plan.claimants}
    for plan in dropped:
        state.forget(plan, saved)
    return kept


def adopt_claimants(kept: list[Planned], dropped: Sequence[intake.SavePlan]
                    ) -> list[Planned]:
    """Kept plans that name a claimant a refused plan created take that claimant's row
    over (the first of them), so no saved claim names a claimant that is not saved."""
    orphans = {row["claimant_id"]: row for plan in dropped for row in plan.claimants}
    adopted: list[Planned] = []
    for entry in kept:
        needed = [orphans.pop(claimant_id) for claimant_id in
                  dict.fromkeys(claim["claimant_id"] for claim in entry.plan.claims)
                  if claimant_id in orphans]
        if needed:
            entry = replace(entry, plan=replace(entry.plan,
                                                claimants=[*entry.plan.claimants, *needed]))
        adopted.append(entry)
    return adopted


def plan_item(item: Item, options: Options, state: FolderState, summary: Summary
              ) -> Planned | None:
    """Read and plan one item, or record why it is skipped or refused."""
    incoming, message = read_item(item, options)
    if incoming is None:
        summary.refused.append(message)
        return None
    twin = state.index.same_text(incoming.text)
    if twin is not None:
        summary.duplicates.append((item.name, twin))
        return None
    problem = description_problem(incoming)
    if problem:
        summary.refused.append(problem)
        return None
    near = state.index.near(incoming.text)
    plan, messages = plan_article(incoming, state)
    if plan is None:
        summary.refused += messages
        return None
    state.absorb(plan)
    return Planned(item.name, incoming, plan, near)


def add_items(data_dir: Path | str, items: Sequence[Item], options: Options = Options(),
              dry_run: bool = False, progress: Progress | None = None,
              chunk_size: int = CHUNK) -> Summary:
    """Add every item to the data folder as proposed claims; say what happened to each."""
    summary = Summary(dry_run=dry_run)
    known: Known | None = None
    # A dry run writes nothing between chunks, so it plans the batch as one.
    for chunk in chunks(items, len(items) if dry_run else chunk_size):
        known = add_chunk(Path(data_dir), chunk, options, summary, progress, known)
    return summary
