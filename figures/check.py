"""Validate a data folder and return every problem, located; never raise on bad data.

Each check is a small function from the raw `Dataset` to a list of `Problem`s, so a new
rule is one more function in `CHECKS`. Together they prove what the figure table
promises: every claim's quote stands verbatim in its article and holds its figure, every
reference resolves both ways, every controlled value is from its list, and every
number-bearing phrase of every article is either a claim or listed as not one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date

import pandas as pd

from figures import check_pool, schema
from figures.extract.reading import qualifier_of
from figures.load import LINE, Dataset
from figures.numbers import NumberMention, find_numbers, same_value
from figures.problems import Problem
from figures.text import find_quote, normalise_space, spaced_text

Row = dict[str, str]
CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f-\x9f]")
UNIT_FOR_MEASURE: dict[str, tuple[str, ...]] = {
    "pause_length": ("hours", "days"),
    "aid_share": ("percent",),
}


# While one check runs, each table's rows are read once and each article scanned for
# numbers once, however many rules ask: the memo is private to the running context, so
# concurrent checks (one per page session) never share it.
_MEMO: ContextVar[dict[tuple[str, int, Hashable], tuple[object, object]] | None] = ContextVar(
    "check_memo", default=None)


@contextmanager
def memo() -> Iterator[None]:
    """Read each table and scan each article once for every rule run inside this block."""
    token = _MEMO.set({} if _MEMO.get() is None else _MEMO.get())
    try:
        yield
    finally:
        _MEMO.reset(token)


def _remembered(kind: str, owner: object, make: Callable[[], object],
                detail: Hashable = "") -> object:
    """`make()`, kept as `kind` (and `detail`) of `owner` while a memo block runs (the
    owner is held, so its id stays its own)."""
    store = _MEMO.get()
    if store is None:
        return make()
    key = (kind, id(owner), detail)
    found = store.get(key)
    if found is None or found[0] is not owner:
        found = (owner, make())
        store[key] = found
    return found[1]


def read_rows(table: pd.DataFrame) -> list[tuple[int, Row]]:
    """Every row of a raw table as (line, {column: stripped text})."""
    columns = [column for column in table.columns if column != LINE]
    cells = [[str(value).strip() for value in table[column].tolist()] for column in columns]
    lines = [int(line) for line in table[LINE].tolist()]
    return [(line, dict(zip(columns, values, strict=True)))
            for line, *values in zip(lines, *cells, strict=True)]


def rows(table: pd.DataFrame) -> Iterator[tuple[int, Row]]:
    """Each row of a raw table as (line, {column: stripped text})."""
    yield from _remembered("rows", table, lambda: read_rows(table))  # type: ignore[misc]


def numbers_in(text: str) -> list[NumberMention]:
    """The number phrases of an article or a quote, scanned once per check."""
    return _remembered("numbers", text, lambda: find_numbers(text))  # type: ignore[return-value]


_QUOTES = object()  # the owner of every claim's quote's number phrases in the memo


def quote_numbers(claim: Row) -> list[NumberMention]:
    """The number phrases of a claim's quote, scanned once for all the claims of one
    article that quote the same words (a sentence that gives several figures)."""
    quote = claim["quote"]
    return _remembered("quote numbers", _QUOTES, lambda: find_numbers(quote),  # type: ignore
                       (claim["article_id"], quote))  # type: ignore[return-value]


def quote_in(text: str, quote: str) -> list[tuple[int, int]]:
    """Where a quote stands in an article; the article is indexed once per check, and
    each quote looked for once."""
    index = _remembered("spaced", text, lambda: spaced_text(text))
    return _remembered("spans", text, lambda: find_quote(text, quote, index),  # type: ignore
                       quote)  # type: ignore[return-value]


def quote_stands_in(text: str, quote: str) -> bool:
    """Whether a quote stands in an article, whitespace aside."""
    index = _remembered("spaced", text, lambda: spaced_text(text))
    wanted = normalise_space(quote)
    return bool(wanted) and wanted in index.spaced  # type: ignore[attr-defined]


def check_required(dataset: Dataset) -> list[Problem]:
    """Cells the contract says must hold a value."""
    return [
        Problem(name, line, column, "is empty")
        for name, table in dataset.tables.items()
        for line, row in rows(table)
        for column in schema.REQUIRED[name]
        if not row.get(column)
    ]


def check_review_fields(dataset: Dataset) -> list[Problem]:
    """Cells a proposal may leave empty but a checked claim must hold."""
    return [
        Problem(schema.CLAIMS_FILE, line, column, f"is empty but the claim is "
                f"'{schema.CHECKED}' (a person fills it in when accepting a proposal)")
        for line, row in rows(dataset.claims)
        if row.get("review_status") == schema.CHECKED
        for column in schema.REQUIRED_WHEN_CHECKED
        if not row.get(column)
    ]


def check_ids(dataset: Dataset) -> list[Problem]:
    """Ids that are used twice in their table."""
    problems = []
    for name, column in schema.ID_COLUMNS.items():
        first_seen: dict[str, int] = {}
        for line, row in rows(dataset.tables[name]):
            key = row[column]
            if key and key in first_seen:
                problems.append(
                    Problem(name, line, column, f"duplicate id '{key}' (first at line "
                            f"{first_seen[key]})")
                )
            first_seen.setdefault(key, line)
    return problems


def check_key_text(dataset: Dataset) -> list[Problem]:
    """Ids and file names with a control character (a NUL, a tab, a line break) inside."""
    problems = []
    for name, columns in schema.KEY_COLUMNS.items():
        for line, row in rows(dataset.tables[name]):
            for column in columns:
                found = CONTROL_CHARACTER.search(row[column])
                if found:
                    problems.append(Problem(
                        name, line, column, f"'{repr(row[column])[1:-1]}' holds a control "
                        f"character (U+{ord(found.group()):04X}); an id is plain text on one line"))
    return problems


def check_controlled(dataset: Dataset) -> list[Problem]:
    """Cells whose value must come from a documented list."""
    return [
        Problem(name, line, column, f"'{row[column]}' is not one of: {', '.join(allowed)}")
        for (name, column), allowed in schema.CONTROLLED.items()
        for line, row in rows(dataset.tables[name])
        if row[column] and row[column] not in allowed
    ]


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(text: str) -> date | None:
    """An ISO date (YYYY-MM-DD), or None if `text` is not one."""
    if not ISO_DATE.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def check_dates(dataset: Dataset) -> list[Problem]:
    """Dates that do not parse, and periods that end before they start."""
    problems = [
        Problem(name, line, column, f"'{row[column]}' is not an ISO date (YYYY-MM-DD)")
        for name, columns in schema.DATE_COLUMNS.items()
        for line, row in rows(dataset.tables[name])
        for column in columns
        if row[column] and parse_date(row[column]) is None
    ]
    for line, row in rows(dataset.claims):
        start, end = parse_date(row["period_start"]), parse_date(row["period_end"])
        if start and end and end < start:
            problems.append(Problem(schema.CLAIMS_FILE, line, "period_end",
                                    f"{end} is before period_start {start}"))
    return problems


# The days a date in the data may name: wide enough for any news archive, narrow enough
# for every chart, table and spreadsheet to place (pandas stops at 1677 and 2262).
EARLIEST_DATE = date(1800, 1, 1)
LATEST_DATE = date(2199, 12, 31)


def check_date_range(dataset: Dataset) -> list[Problem]:
    """Dates no news article can carry: year 1 or 9999, or a publication in the future."""
    problems = []
    today = date.today()
    for name, columns in schema.DATE_COLUMNS.items():
        for line, row in rows(dataset.tables[name]):
            for column in columns:
                day = parse_date(row[column])
                if day is None:
                    continue
                if not EARLIEST_DATE <= day <= LATEST_DATE:
                    problems.append(Problem(name, line, column, f"{day} is outside the dates "
                                            f"the data can hold ({EARLIEST_DATE} to "
                                            f"{LATEST_DATE})"))
                elif column == "published" and day > today:
                    problems.append(Problem(name, line, column, f"{day} is after today; an "
                                            f"article cannot be published in the future"))
    return problems


# A figure as a CSV cell holds it: ASCII digits, commas only between groups of three,
# an optional decimal part. Python's float() would also take "4_8", "1e3", "+12", "inf"
# and other scripts' digits, none of which a person typing a figure means.
PLAIN_FIGURE = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")


def parse_value(text: str) -> float | None:
    """A figure written plainly in a CSV cell ("250000", "250,000", "5.5"), or None."""
    stripped = text.strip()
    if not PLAIN_FIGURE.fullmatch(stripped):
        return None
    value = float(stripped.replace(",", ""))
    return value if abs(value) != float("inf") else None


def check_numbers(dataset: Dataset) -> list[Problem]:
    """Figures that are not numbers, and ranges whose top is below their bottom."""
    problems = []
    for line, row in rows(dataset.claims):
        for column in schema.NUMBER_COLUMNS[schema.CLAIMS_FILE]:
            if row[column] and parse_value(row[column]) is None:
                problems.append(Problem(schema.CLAIMS_FILE, line, column,
                                        f"'{row[column]}' is not a number"))
        low, high = parse_value(row["value"]), parse_value(row["value_max"])
        if low is not None and high is not None and high < low:
            problems.append(Problem(schema.CLAIMS_FILE, line, "value_max",
                                    f"{row['value_max']} is below value {row['value']}"))
    return problems


def is_known_basis(basis: str) -> bool:
    """Whether a published_basis is one the codebook allows: 'stated', 'stated in <where>',
    'inferred: <how>' or 'unknown'."""
    if basis in (schema.PUBLISHED_STATED, schema.PUBLISHED_UNKNOWN):
        return True
    for prefix in (schema.PUBLISHED_INFERRED_PREFIX, schema.PUBLISHED_STATED_IN_PREFIX):
        if basis.startswith(prefix) and basis[len(prefix):].strip():
            return True
    return False


def check_published_basis(dataset: Dataset) -> list[Problem]:
    """How each date is known, and a date wherever one is claimed to be known."""
    problems = []
    for line, row in rows(dataset.sources):
        basis, published = row["published_basis"], row["published"]
        if basis and not is_known_basis(basis):
            problems.append(Problem(schema.SOURCES_FILE, line, "published_basis",
                                    f"'{basis}' is none of 'stated', 'stated in <where>', "
                                    f"'inferred: <how>' or 'unknown'"))
        elif basis == schema.PUBLISHED_UNKNOWN and published:
            problems.append(Problem(schema.SOURCES_FILE, line, "published",
                                    f"'{published}' is given but published_basis is "
                                    f"'unknown'"))
        elif basis and basis != schema.PUBLISHED_UNKNOWN and not published:
            problems.append(Problem(schema.SOURCES_FILE, line, "published",
                                    "is empty (give the date, or set published_basis to "
                                    "'unknown')"))
    return problems


def check_period_basis(dataset: Dataset) -> list[Problem]:
    """A claim's period dates say how they are known, and a basis has dates to explain."""
    problems = []
    for line, row in rows(dataset.claims):
        basis, dated = row["period_basis"], bool(row["period_start"] or row["period_end"])
        inferred = basis.startswith(schema.PERIOD_INFERRED_PREFIX) and basis[
            len(schema.PERIOD_INFERRED_PREFIX):].strip()
        if basis and basis != schema.PERIOD_STATED and not inferred:
            problems.append(Problem(schema.CLAIMS_FILE, line, "period_basis",
                                    f"'{basis}' is neither 'stated' nor 'inferred: <how>'"))
        elif dated and not basis:
            problems.append(Problem(schema.CLAIMS_FILE, line, "period_basis",
                                    "is empty but the period has a date; say 'stated' or "
                                    "'inferred: <how>'"))
        elif basis and not dated:
            problems.append(Problem(schema.CLAIMS_FILE, line, "period_basis",
                                    "says how the period's dates are known, but there are none"))
    return problems


def place_chain_problem(place: str, parent: Mapping[str, str]) -> str:
    """What is wrong with a place's `part_of`: it names no listed place, or following the
    chain up from it comes back to it; empty when neither. A place that only leads into
    someone else's loop is left for that loop's own rows to report."""
    if parent[place] not in parent:
        return f"'{parent[place]}' is not a place in {schema.PLACES_FILE}"
    seen = [place]
    current = parent[place]
    while current and current in parent and current not in seen:
        seen.append(current)
        current = parent[current]
    if current == place:
        return "is part of itself: " + " -> ".join([*seen, place])
    return ""


def check_places(dataset: Dataset) -> list[Problem]:
    """Every claim's place is listed, and each place's `part_of` leads up without a loop."""
    listed = [(line, row) for line, row in rows(dataset.places)]
    parent = {row["place"]: row["part_of"] for _, row in listed if row["place"]}
    unread = any(problem.file == schema.PLACES_FILE and problem.line <= 1
                 for problem in dataset.problems)
    # A places file that could not be read is reported once, not against every claim.
    problems = [] if unread else reference_problems(
        schema.CLAIMS_FILE, dataset.claims, "place", set(parent), schema.PLACES_FILE)
    for line, row in listed:
        if row["place"] and row["part_of"]:
            message = place_chain_problem(row["place"], parent)
            if message:
                problems.append(Problem(schema.PLACES_FILE, line, "part_of", message))
    return problems


def check_units(dataset: Dataset) -> list[Problem]:
    """Units that do not fit their measure (a pause is not counted in people)."""
    problems = []
    for line, row in rows(dataset.claims):
        if row["measure"] not in schema.MEASURES or row["unit"] not in schema.UNITS:
            continue
        allowed = UNIT_FOR_MEASURE.get(row["measure"], ("count",))
        if row["unit"] not in allowed:
            problems.append(Problem(schema.CLAIMS_FILE, line, "unit",
                                    f"'{row['unit']}' does not fit measure '{row['measure']}' "
                                    f"(expected: {', '.join(allowed)})"))
    return problems


def check_qualifier_words(dataset: Dataset) -> list[Problem]:
    """A bound or estimate must keep the article's own words, and they must be in the quote."""
    problems = []
    for line, row in rows(dataset.claims):
        words, quote = row["qualifier_text"], row["quote"]
        if row["qualifier"] in schema.INEXACT_QUALIFIERS and not words:
            problems.append(Problem(schema.CLAIMS_FILE, line, "qualifier_text",
                                    f"is empty but the qualifier is '{row['qualifier']}'"))
        elif words and normalise_space(words).lower() not in normalise_space(quote).lower():
            problems.append(Problem(schema.CLAIMS_FILE, line, "qualifier_text",
                                    f"'{words}' is not in the quote"))
        elif words and (reading := words_reading(words)) not in ("exact", row["qualifier"]):
            problems.append(Problem(schema.CLAIMS_FILE, line, "qualifier",
                                    f"is '{row['qualifier']}' but its words '{words}' say "
                                    f"'{reading}'"))
    return problems


def words_reading(words: str) -> str:
    """The qualifier that qualifying words give a figure ("more than" gives 'over'), read
    as the extractor reads them; 'exact' for words it does not know."""
    phrase = f"{words} 1"
    return qualifier_of(phrase, len(phrase) - 1, len(phrase))[0]


def check_qualifier_kept(dataset: Dataset) -> list[Problem]:
    """A claim marked exact whose quote bounds every writing of its figure ("at least 96")
    has dropped the article's qualifier, which a comparison must never do."""
    problems = []
    for line, row in rows(dataset.claims):
        value = parse_value(row["value"])
        if row["qualifier"] != "exact" or value is None or row["value_max"]:
            continue  # a range's bounds are written with its own words ("between")
        quote = row["quote"]
        readings = [qualifier_of(quote, mention.start, mention.end)
                    for mention in quote_numbers(row) if same_value(mention.value, value)]
        if readings and all(qualifier != "exact" for qualifier, _ in readings):
            qualifier, words = readings[0]
            problems.append(Problem(schema.CLAIMS_FILE, line, "qualifier",
                                    f"is 'exact' but the quote says '{words}' before "
                                    f"{row['value']}; keep the article's '{qualifier}'"))
    return problems


def reference_problems(
    name: str, table: pd.DataFrame, column: str, known: set[str], target: str
) -> list[Problem]:
    """Rows whose `column` names something `target` does not hold."""
    return [
        Problem(name, line, column, f"'{row[column]}' is not in {target}")
        for line, row in rows(table)
        if row[column] and row[column] not in known
    ]


def unused_problems(name: str, table: pd.DataFrame, column: str, used: set[str]) -> list[Problem]:
    """Rows of a lookup table that nothing refers to."""
    return [
        Problem(name, line, column, f"'{row[column]}' is used by no claim")
        for line, row in rows(table)
        if row[column] and row[column] not in used
    ]


def check_references(dataset: Dataset) -> list[Problem]:
    """Foreign keys, both ways: every reference exists and every article and claimant is used."""
    article_ids = set(dataset.sources["article_id"].str.strip())
    claimant_ids = set(dataset.claimants["claimant_id"].str.strip())
    listed_files = set(dataset.sources["file"].str.strip())
    problems = reference_problems(schema.CLAIMS_FILE, dataset.claims, "article_id", article_ids,
                                  schema.SOURCES_FILE)
    problems += reference_problems(schema.CLAIMS_FILE, dataset.claims, "claimant_id",
                                   claimant_ids, schema.CLAIMANTS_FILE)
    problems += reference_problems(schema.NOT_CLAIMS_FILE, dataset.not_claims, "article_id",
                                   article_ids, schema.SOURCES_FILE)
    problems += reference_problems(schema.SOURCES_FILE, dataset.sources, "file",
                                   set(dataset.articles), f"{schema.ARTICLES_DIR}/")
    # An article whose figures a reviewer all rejected stays, its numbers listed as
    # non-claims; one that neither file names is a leftover.
    problems += unused_problems(schema.SOURCES_FILE, dataset.sources, "article_id",
                                set(dataset.claims["article_id"].str.strip())
                                | set(dataset.not_claims["article_id"].str.strip()))
    problems += unused_problems(schema.CLAIMANTS_FILE, dataset.claimants, "claimant_id",
                                set(dataset.claims["claimant_id"].str.strip()))
    problems += [
        Problem(f"{schema.ARTICLES_DIR}/{file}", 0, "-", f"not listed in {schema.SOURCES_FILE}")
        for file in sorted(set(dataset.articles) - listed_files)
    ]
    return problems


def article_texts(dataset: Dataset) -> dict[str, tuple[str, str]]:
    """Each listed article's (file, text), by article_id, for those that could be read."""
    return {
        row["article_id"]: (row["file"], dataset.articles[row["file"]])
        for _, row in rows(dataset.sources)
        if row["file"] in dataset.articles
    }


def check_quotes(dataset: Dataset) -> list[Problem]:
    """Each quote stands verbatim in its article and holds its figure in some written form."""
    texts = article_texts(dataset)
    problems = []
    for line, row in rows(dataset.claims):
        if row["article_id"] not in texts or not row["quote"]:
            continue
        file, text = texts[row["article_id"]]
        if not quote_stands_in(text, row["quote"]):
            problems.append(Problem(schema.CLAIMS_FILE, line, "quote",
                                    f"not found verbatim in {schema.ARTICLES_DIR}/{file}"))
        value = parse_value(row["value"])
        if value is not None and not any(
            same_value(mention.value, value) for mention in quote_numbers(row)
        ):
            problems.append(Problem(schema.CLAIMS_FILE, line, "value",
                                    f"{row['value']} is not written in the quote"))
    return problems


def check_not_claims(dataset: Dataset) -> list[Problem]:
    """Each listed non-claim stands in its article, in the context given."""
    texts = article_texts(dataset)
    problems = []
    for line, row in rows(dataset.not_claims):
        if row["article_id"] not in texts or not row["context"]:
            continue
        file, text = texts[row["article_id"]]
        spans = quote_in(text, row["context"])
        if not spans:
            problems.append(Problem(schema.NOT_CLAIMS_FILE, line, "context",
                                    f"not found verbatim in {schema.ARTICLES_DIR}/{file}"))
        elif not any(covers_written(text, span, row["text"]) for span in spans):
            problems.append(Problem(schema.NOT_CLAIMS_FILE, line, "text",
                                    f"'{row['text']}' is not a number phrase of its context"))
    return problems


def written_numbers(text: str) -> tuple[list[int], list[tuple[int, str]]]:
    """An article's number phrases in the order they start: where each starts, then
    where it ends and how it is written (`written_form`); made once per check, so a
    context looks only at the phrases that start inside it."""
    def made() -> tuple[list[int], list[tuple[int, str]]]:
        mentions = sorted(numbers_in(text), key=lambda mention: mention.start)
        return ([mention.start for mention in mentions],
                [(mention.end, written_form(mention.text)) for mention in mentions])
    return _remembered("written", text, made)  # type: ignore[return-value]


def covers_written(text: str, span: tuple[int, int], written: str) -> bool:
    """Whether a number phrase written as `written` stands inside `span` of `text`."""
    starts, phrases = written_numbers(text)
    wanted = written_form(written)
    return any(end <= span[1] and form == wanted for end, form in
               phrases[bisect_left(starts, span[0]):bisect_right(starts, span[1])])


def written_form(phrase: str) -> str:
    """A number phrase as written, whatever its spacing or case."""
    return normalise_space(phrase).lower()


def same_written(a: str, b: str) -> bool:
    """Whether two number phrases are written alike, whatever their spacing or case."""
    return written_form(a) == written_form(b)


@dataclass(frozen=True)
class Account:
    """A stretch of an article that accounts for some of its number phrases.

    A claim's quote accounts for the phrases in it worth the claim's figure (`value`); a
    non-claim's context for the phrases in it written as its `written` text.
    """

    start: int
    end: int
    value: float | None = None
    written: str = ""

    def covers(self, mention: NumberMention) -> bool:
        """Whether this stretch accounts for the number phrase."""
        if not (self.start <= mention.start and mention.end <= self.end):
            return False
        if self.value is not None:
            return same_value(mention.value, self.value)
        return same_written(mention.text, self.written)


def claim_accounts(text: str, claims: Iterable[Mapping[str, str]]) -> list[Account]:
    """Where each claim's quote stands in the text, once for its figure and its range's top."""
    accounts = []
    for claim in claims:
        values = [value for value in (parse_value(claim["value"]),
                                      parse_value(claim["value_max"])) if value is not None]
        spans = quote_in(text, claim["quote"]) if values else []
        accounts += [Account(start, end, value=value)
                     for value in values for start, end in spans]
    return accounts


def not_claim_accounts(text: str, not_claims: Iterable[Mapping[str, str]]) -> list[Account]:
    """Where each listed non-claim's context stands in the text, with the phrase it names."""
    return [Account(start, end, written=row["text"])
            for row in not_claims for start, end in quote_in(text, row["context"])]


def is_accounted(mention: NumberMention, accounts: list[Account]) -> bool:
    """Whether a claim or a listed non-claim accounts for this number phrase."""
    return any(account.covers(mention) for account in accounts)


def by_article(table: pd.DataFrame) -> dict[str, list[Row]]:
    """The rows of a table that names articles, grouped by article_id in one pass."""
    grouped: dict[str, list[Row]] = defaultdict(list)
    for _, row in rows(table):
        grouped[row["article_id"]].append(row)
    return grouped


def article_accounts(text: str, claims: Iterable[Mapping[str, str]],
                     listed: Iterable[Mapping[str, str]]) -> list[Account]:
    """Every stretch of one article that its claims and non-claims account for."""
    return claim_accounts(text, claims) + not_claim_accounts(text, listed)


def check_coverage(dataset: Dataset) -> list[Problem]:
    """Every number-bearing phrase of every article is a claim or listed as not one."""
    problems = []
    claims, listed = by_article(dataset.claims), by_article(dataset.not_claims)
    for article_id, (file, text) in article_texts(dataset).items():
        accounts = article_accounts(text, claims.get(article_id, []), listed.get(article_id, []))
        for mention in numbers_in(text):
            if not is_accounted(mention, accounts):
                line = text.count("\n", 0, mention.start) + 1
                problems.append(Problem(
                    f"{schema.ARTICLES_DIR}/{file}", line, "-",
                    f"'{normalise_space(mention.text)}' is in no claim and not in "
                    f"{schema.NOT_CLAIMS_FILE}",
                ))
    return problems


CHECKS: tuple[Callable[[Dataset], list[Problem]], ...] = (
    check_required,
    check_review_fields,
    check_ids,
    check_key_text,
    check_controlled,
    check_dates,
    check_date_range,
    check_numbers,
    check_published_basis,
    check_period_basis,
    check_places,
    check_units,
    check_qualifier_words,
    check_qualifier_kept,
    check_references,
    check_quotes,
    check_not_claims,
    check_coverage,
)


# The rules that read an article's text or a claim's quote: most of a large corpus's
# checking time. Each reads only the rows that name an article, with that article's text,
# so they can be run on parts of a corpus cut by article, in several processes at once.
ARTICLE_RULES = (check_qualifier_kept, check_quotes, check_not_claims, check_coverage)

# The rough share of a large corpus's checking time each slow rule takes, for progress.
RULE_WEIGHTS: dict[str, float] = {"check_qualifier_kept": 2.0, "check_quotes": 4.0,
                                  "check_not_claims": 8.0, "check_coverage": 3.0}


def check_articles(dataset: Dataset) -> list[Problem]:
    """The problems the article rules find in a dataset, or in a part of one."""
    with memo():
        return [problem for rule in ARTICLE_RULES for problem in rule(dataset)]


def check(dataset: Dataset,
          progress: Callable[[float, str], None] | None = None,
          meanwhile: Callable[[list[Problem]], object] | None = None) -> list[Problem]:
    """Every problem in the dataset, in file and line order; `progress`, if given, is told
    the share done and the rule under way.

    In a large corpus the article rules run on parts of it in worker processes while this
    one runs the other rules (see `figures.check_pool`); the problems are the same. Then,
    while the workers go on, `meanwhile` (if given) is called with the problems found so
    far, those of every rule but the article rules, before this process takes parts too.
    """
    report = progress or (lambda share, text: None)
    problems = set(dataset.problems)
    weights = {rule: RULE_WEIGHTS.get(rule.__name__, 0.2) for rule in CHECKS}
    total, done = sum(weights.values()), 0.0
    with memo(), check_pool.started(dataset, check_articles) as pooled:
        here = [rule for rule in CHECKS if pooled is None or rule not in ARTICLE_RULES]
        for rule in here:
            report(done / total, rule_description(rule))
            problems.update(rule(dataset))
            done += weights[rule]
        if pooled is not None:
            if meanwhile is not None:
                meanwhile(sorted(problems))
            left = total - done
            for part in pooled.finish(lambda parts_done, parts: report(
                    (done + left * parts_done / parts) / total,
                    f"Checking quotes and numbers against the articles: {parts_done} of "
                    f"{parts} parts done")):
                problems.update(part.problems)
    return sorted(problems)


def rule_description(rule: Callable[[Dataset], list[Problem]]) -> str:
    """What a rule checks, from the first line of its docstring."""
    return (rule.__doc__ or rule.__name__).strip().splitlines()[0].rstrip(".")
