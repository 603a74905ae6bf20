"""The reader's selection: which claims to show, as plain values the page and the URL share.

Everything here is pure: a `Selection` in, a narrower figure table out. The dashboard turns
its widgets into a `Selection`, and the same `Selection` is written to and read back from
the page's URL, so that a view a reader shares opens exactly as they saw it. A URL that
names something the data does not hold (an old link, a typo) is not an error: the unknown
part is dropped and the reader is told what was dropped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from figures import schema
from figures.check import parse_date

# Each multi-valued filter: the Selection field, the table column it narrows and the
# URL key it is written under. The column name is also the key of `filter_options`.
FILTERS: tuple[tuple[str, str], ...] = (
    ("parties", "party"),
    ("claimants", "claimant"),
    ("outlets", "outlet"),
    ("measures", "measure"),
    ("subjects", "subject"),
    ("places", "place"),
)
FILTER_COLUMNS: dict[str, str] = dict(FILTERS)

DATE_COLUMN = "published"

# URL keys of the single-valued parts of a selection.
FROM_KEY = "from"
TO_KEY = "to"
SEARCH_KEY = "q"
COMPARE_KEY = "compare"
PROPOSED_KEY = "unreviewed"
PROPOSED_VALUE = "include"
PARAM_KEYS: tuple[str, ...] = (
    *FILTER_COLUMNS.values(), FROM_KEY, TO_KEY, SEARCH_KEY, COMPARE_KEY, PROPOSED_KEY,
)
UNREVIEWED_WORDS = "including figures not yet reviewed"

# The columns free-text search looks in: what a claim says, who says it, where and when.
SEARCH_COLUMNS: tuple[str, ...] = (
    "quote",
    "claimant",
    "claimant_org",
    "outlet",
    "place",
    "notes",
    "measure",
    "subject",
    "article_title",
    "party",
    "period_text",
    "relayed_by",
    "blamed_on",
)


@dataclass(frozen=True)
class Selection:
    """What the reader has chosen to see; every empty or None part restricts nothing.

    `comparison` names the side-by-side comparison the reader picked ("" for the page's
    default). It does not narrow the rows; it is carried so that a shared URL reopens it.
    `include_proposed` adds the claims the extractor proposed that no person has reviewed;
    by default only checked claims are shown.
    """

    parties: tuple[str, ...] = ()
    claimants: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    measures: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    search: str = ""
    comparison: str = ""
    include_proposed: bool = False

    def __post_init__(self) -> None:
        # Widgets hand back lists; storing tuples keeps equality and hashing dependable.
        for field_name in FILTER_COLUMNS:
            object.__setattr__(self, field_name, tuple(getattr(self, field_name)))


def published_days(table: pd.DataFrame) -> pd.Series:
    """Each row's publication day as a date, or None where the cell is not a date (each
    distinct cell read once: a corpus has far fewer days than claims)."""
    cells = table[DATE_COLUMN].astype(str)
    days = {cell: parse_date(cell) for cell in cells.unique()}
    return cells.map(days.get)


def search_mask(table: pd.DataFrame, search: str) -> pd.Series:
    """Rows in which every word of the search appears in some searched column.

    Words are matched separately so that "children killed" finds a claim whose subject
    is children and whose measure is killed, which a whole-phrase match would miss.
    """
    texts = table[list(SEARCH_COLUMNS)].astype(str)
    # Columns are joined by a line break, which no search word holds, so a word is never
    # found straddling two columns.
    haystack = texts[SEARCH_COLUMNS[0]].str.cat(texts[list(SEARCH_COLUMNS[1:])], sep="\n")
    haystack = haystack.str.casefold()
    mask = pd.Series(True, index=table.index)
    for word in search.casefold().split():
        mask &= haystack.str.contains(word, regex=False)
    return mask


def date_mask(table: pd.DataFrame, date_from: date | None, date_to: date | None) -> pd.Series:
    """Rows published within the chosen days, both ends included; undated rows are not."""
    if date_from is None and date_to is None:
        return pd.Series(True, index=table.index)
    low, high = date_from or date.min, date_to or date.max
    within = [day is not None and low <= day <= high for day in published_days(table)]
    return pd.Series(within, index=table.index, dtype=bool)


def apply_selection(table: pd.DataFrame, selection: Selection) -> pd.DataFrame:
    """The rows of the figure table the selection keeps, in their order, index reset."""
    mask = pd.Series(True, index=table.index)
    if not selection.include_proposed and "review_status" in table.columns:
        mask &= table["review_status"] != schema.PROPOSED
    for field_name, column in FILTERS:
        chosen = getattr(selection, field_name)
        if chosen:
            mask &= table[column].isin(list(chosen))
    mask &= date_mask(table, selection.date_from, selection.date_to)
    if selection.search.strip():
        mask &= search_mask(table, selection.search)
    if mask.all() and isinstance(table.index, pd.RangeIndex) and table.index.start == 0 \
            and table.index.step == 1:
        return table  # every row kept: no copy of what may be a large corpus
    return table[mask].reset_index(drop=True)


def party_order(value: str) -> tuple[int, str]:
    """Sort key putting parties in the contract's display order, unknown ones last."""
    known = schema.PARTIES.index(value) if value in schema.PARTIES else len(schema.PARTIES)
    return known, value.casefold()


def filter_options(table: pd.DataFrame) -> dict[str, list[str]]:
    """The values each filter can take, by column: those in the table, sorted for reading.

    Parties follow the contract's order, so that the list matches the chart's colours;
    everything else is sorted without regard to case.
    """
    options: dict[str, list[str]] = {}
    for column in FILTER_COLUMNS.values():
        values = {str(value) for value in table[column].unique() if str(value).strip()}
        key = party_order if column == "party" else str.casefold
        options[column] = sorted(values, key=key)
    return options


def date_bounds(table: pd.DataFrame) -> tuple[date, date] | None:
    """The first and last publication days in the table, or None if it has none."""
    days = [day for day in published_days(table) if day is not None]
    return (min(days), max(days)) if days else None


def selection_to_params(selection: Selection) -> dict[str, str | list[str]]:
    """The selection as URL query parameters, leaving out every part left at its default."""
    params: dict[str, str | list[str]] = {}
    for field_name, column in FILTERS:
        chosen = getattr(selection, field_name)
        if chosen:
            params[column] = list(chosen)
    if selection.date_from is not None:
        params[FROM_KEY] = selection.date_from.isoformat()
    if selection.date_to is not None:
        params[TO_KEY] = selection.date_to.isoformat()
    if selection.search:
        params[SEARCH_KEY] = selection.search
    if selection.comparison:
        params[COMPARE_KEY] = selection.comparison
    if selection.include_proposed:
        params[PROPOSED_KEY] = PROPOSED_VALUE
    return params


def as_list(value: str | Sequence[str]) -> list[str]:
    """A query parameter's values, whether it came as one string or as a list."""
    return [value] if isinstance(value, str) else [str(item) for item in value]


def last_value(value: str | Sequence[str]) -> str | None:
    """A single-valued parameter; when repeated, the last one wins, as in st.query_params."""
    values = as_list(value)
    return values[-1] if values else None


NAMED_IN_WARNING = 5  # unknown values a warning names before it only counts the rest


def known_values(
    key: str, values: list[str], allowed: Sequence[str]
) -> tuple[tuple[str, ...], list[str]]:
    """The values the data holds, in the order given and once each; one warning naming
    the rest (the first few of them, so that a long link gives a short warning). An
    empty value, left by an emptied box, chooses nothing and is not warned about."""
    kept: list[str] = []
    unknown: list[str] = []
    for value in values:
        if not value.strip():
            continue
        if value not in allowed:
            unknown.append(value)
        elif value not in kept:
            kept.append(value)
    if not unknown:
        return tuple(kept), []
    named = ", ".join(f"'{value}'" for value in unknown[:NAMED_IN_WARNING])
    more = len(unknown) - NAMED_IN_WARNING
    return tuple(kept), [f"Ignored {key} {named}{f' and {more} more' if more > 0 else ''}: "
                         f"not in the data"]


def day_param(key: str, value: str | Sequence[str]) -> tuple[date | None, list[str]]:
    """A from or to day; a warning instead if it is not a day written YYYY-MM-DD."""
    text = last_value(value)
    if text is None or text == "":
        return None, []
    day = parse_date(text)
    if day is None:
        return None, [f"Ignored {key} '{text}': not a date (write it as YYYY-MM-DD)"]
    return day, []


def selection_from_params(
    params: Mapping[str, str | Sequence[str]], options: Mapping[str, Sequence[str]]
) -> tuple[Selection, list[str]]:
    """The selection a URL describes, and a warning for each part of it that was ignored.

    `options` is `filter_options(table)`: a value the table does not hold is dropped, as
    are unknown keys and days that do not parse, so that an old or mistyped link still
    opens a page, and the reader is told what of it could not be used.
    """
    warnings = [
        f"Ignored parameter '{key}': not a filter" for key in params if key not in PARAM_KEYS
    ]
    chosen: dict[str, object] = {}
    for field_name, column in FILTERS:
        if column in params:
            allowed = options.get(column, [])
            chosen[field_name], ignored = known_values(column, as_list(params[column]), allowed)
            warnings += ignored
    for field_name, key in (("date_from", FROM_KEY), ("date_to", TO_KEY)):
        if key in params:
            chosen[field_name], ignored = day_param(key, params[key])
            warnings += ignored
    for field_name, key in (("search", SEARCH_KEY), ("comparison", COMPARE_KEY)):
        if key in params:
            chosen[field_name] = last_value(params[key]) or ""
    if PROPOSED_KEY in params:
        chosen["include_proposed"] = last_value(params[PROPOSED_KEY]) == PROPOSED_VALUE
    return replace(Selection(), **chosen), warnings


def fit_dates(
    date_from: date | None, date_to: date | None, bounds: tuple[date, date]
) -> tuple[tuple[date, date], list[str]]:
    """A link's days as the date widget can hold them, and what had to change.

    The widget allows only days within the data's span (`bounds`), in order. An old link
    can name days outside that span, and a hand-edited one can give them the wrong way
    round; each is brought inside, and the reader is told, instead of the page failing
    or showing nothing without a word.
    """
    first, last = bounds
    warnings = []
    if date_from is not None and date_to is not None and date_from > date_to:
        warnings.append(f"The link's from {date_from} is later than its to {date_to}, so "
                        f"nothing could match; showing {date_to} to {date_from} instead")
        date_from, date_to = date_to, date_from
    fitted = []
    for key, day, default, words in ((FROM_KEY, date_from, first, "from"),
                                     (TO_KEY, date_to, last, "up to")):
        if day is None:
            fitted.append(default)
            continue
        inside = min(max(day, first), last)
        if inside != day:
            where = ("before the first article", first) if day < first else (
                "after the last article", last)
            warnings.append(f"The link's {key} {day} is {where[0]} ({where[1]}); "
                            f"showing {words} {inside}")
        fitted.append(inside)
    return (fitted[0], fitted[1]), warnings


def describe_dates(date_from: date | None, date_to: date | None) -> str:
    """The date part of a selection in words, or "" when no day is chosen."""
    if date_from is not None and date_to is not None:
        return f"published {date_from.isoformat()} to {date_to.isoformat()}"
    if date_from is not None:
        return f"published from {date_from.isoformat()}"
    if date_to is not None:
        return f"published up to {date_to.isoformat()}"
    return ""


def describe_selection(selection: Selection) -> str:
    """The active filters as one short line a person can read, or "all claims".

    The comparison is left out: it changes how claims are set side by side, not which.
    """
    parts = [
        f"{column}: {', '.join(getattr(selection, field_name))}"
        for field_name, column in FILTERS
        if getattr(selection, field_name)
    ]
    parts.append(describe_dates(selection.date_from, selection.date_to))
    if selection.search.strip():
        parts.append(f"search '{selection.search.strip()}'")
    active = [part for part in parts if part]
    described = "; ".join(active) if active else "all claims"
    return f"{described}, {UNREVIEWED_WORDS}" if selection.include_proposed else described
