"""The figure table: one row per valid claim, joined with its article and its claimant.

This is the one loader the command line, the dashboard and the downloads share. A claim
is shown only if it and the article and claimant it names are free of problems; every
other claim row is listed as rejected with its line and reasons, so that the rows read
always equal the rows shown plus the rows rejected.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pandas as pd

from figures import collector, schema
from figures.check import check, memo, parse_value, rows
from figures.load import LINE, Dataset, read_dataset
from figures.problems import Problem

REJECTED_COLUMNS = ("file", "line", "claim_id", "reason")
Progress = Callable[[float, str], None]  # told the share done (0 to 1) and what is under way
T = TypeVar("T")


@dataclass(frozen=True)
class Figures:
    """The figure table with everything a reader needs to trust it."""

    table: pd.DataFrame
    rejected: pd.DataFrame
    problems: tuple[Problem, ...]
    dataset: Dataset

    @property
    def rows_in(self) -> int:
        return len(self.dataset.claims)


def problems_by_line(problems: list[Problem], name: str) -> dict[int, list[Problem]]:
    """The problems of one CSV file, grouped by the row they stand on."""
    grouped: dict[int, list[Problem]] = defaultdict(list)
    for problem in problems:
        if problem.file == name and problem.line > 1:
            grouped[problem.line].append(problem)
    return grouped


def bad_keys(dataset: Dataset, problems: list[Problem], name: str, key: str) -> dict[str, str]:
    """Ids of lookup rows that have problems, each with where to look."""
    bad_lines = problems_by_line(problems, name)
    return {
        row[key]: f"{name}:{line}"
        for line, row in rows(dataset.tables[name])
        if line in bad_lines
    }


def rejection_reasons(dataset: Dataset, problems: list[Problem]) -> dict[int, list[str]]:
    """For each claim row that cannot be shown, by line, why not."""
    reasons: dict[int, list[str]] = defaultdict(list)
    for line, found in problems_by_line(problems, schema.CLAIMS_FILE).items():
        reasons[line] += [f"{problem.column}: {problem.message}" for problem in found]
    bad_articles = bad_keys(dataset, problems, schema.SOURCES_FILE, "article_id")
    bad_claimants = bad_keys(dataset, problems, schema.CLAIMANTS_FILE, "claimant_id")
    for line, row in rows(dataset.claims):
        if row["article_id"] in bad_articles:
            reasons[line].append(f"article_id: its article row has problems "
                                 f"({bad_articles[row['article_id']]})")
        if row["claimant_id"] in bad_claimants:
            reasons[line].append(f"claimant_id: its claimant row has problems "
                                 f"({bad_claimants[row['claimant_id']]})")
    return reasons


def join_claims(claims: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    """Claims with their article's and claimant's columns, in the contract's order."""
    joined = merged_rows(claims, dataset)
    for column in schema.TABLE_COLUMNS:
        cells = cleaned_cells(joined[column])
        joined[column] = pd.Series(cells, index=joined.index, dtype=str if cells else object)
    for column in schema.NUMBER_COLUMNS[schema.CLAIMS_FILE]:
        joined[column] = joined[column].map(parse_value).astype("float64")
    return joined.reset_index(drop=True)


def merged_rows(claims: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    """Claims merged with their article's and claimant's rows, the contract's columns
    in its order, the cells as the tables give them (missing where a row is)."""
    sources = dataset.sources.drop_duplicates("article_id").rename(
        columns={"file": "article_file", "title": "article_title"})
    claimants = dataset.claimants.drop_duplicates("claimant_id").rename(
        columns={"name": "claimant", "organisation": "claimant_org"})
    joined = claims.merge(
        sources[["article_id", "article_file", "outlet", "published", "published_basis",
                 "article_title", "wire"]], on="article_id", how="left"
    ).merge(
        claimants[["claimant_id", "claimant", "claimant_org", "claimant_type", "party"]],
        on="claimant_id", how="left",
    )
    return joined[list(schema.TABLE_COLUMNS)].copy()


def cleaned_cells(column: pd.Series) -> list[str]:
    """A joined column's cells as the table holds them: the text without the spaces
    around it, "" for a claim whose article or claimant row is missing. A cell read from
    a file is already text, so only the others pay for the test of a missing value."""
    return [cell.strip() if type(cell) is str else "" if pd.isna(cell) else str(cell).strip()
            for cell in column.astype(object).tolist()]


def rejected_frame(dataset: Dataset, reasons: dict[int, list[str]]) -> pd.DataFrame:
    """One row per rejected claim: where it is and why it is not shown."""
    records = [
        {"file": schema.CLAIMS_FILE, "line": line, "claim_id": row["claim_id"],
         "reason": "; ".join(reasons[line])}
        for line, row in rows(dataset.claims)
        if reasons.get(line)
    ]
    return pd.DataFrame.from_records(records, columns=list(REJECTED_COLUMNS))


def build_figures(data_dir: Path | str | None = None,
                  progress: Progress | None = None) -> Figures:
    """Read, check and join a data folder into the figure table; `progress`, if given, is
    told how far it has got."""
    return build_and_derive(data_dir, progress)[0]


def build_and_derive(data_dir: Path | str | None = None, progress: Progress | None = None,
                     derive: Callable[[pd.DataFrame, Dataset], T] | None = None
                     ) -> tuple[Figures, T | None]:
    """`build_figures`, and `derive` (a pure function of the figure table and the
    dataset) of the table, worked out ahead while worker processes check the articles.

    Ahead, the table is joined from the claims the other rules leave, as if the article
    rules rejected none; that guess is kept only when the claims rejected in the end are
    exactly those, so the table is the one a check in one process gives. When the guess
    fails, or no worker ran, the second item is None: the caller derives it itself.
    """
    shown = [0.0]  # the share last reported

    def report(share: float, text: str) -> None:
        shown[0] = share
        if progress is not None:
            progress(share, text)

    report(0.0, "Reading the data files")
    ahead: list[tuple[set[int], pd.DataFrame, T | None]] = []

    def guess(found: list[Problem]) -> None:
        report(shown[0], "Joining and labelling the claims while the articles are checked")
        lines = set(rejection_reasons(dataset, found))
        table = join_claims(dataset.claims[~dataset.claims[LINE].isin(list(lines))], dataset)
        ahead.append((lines, table, derive(table, dataset) if derive is not None else None))

    with collector.paused():
        dataset = read_dataset(Path(data_dir) if data_dir is not None else None)
        with memo():
            problems = check(dataset, lambda share, text: report(0.15 + 0.75 * share, text),
                             guess)
            report(0.9, "Joining claims with their articles and claimants")
            reasons = rejection_reasons(dataset, problems)
            rejected = rejected_frame(dataset, reasons)
        derived: T | None = None
        if ahead and ahead[0][0] == set(reasons):
            _, table, derived = ahead[0]
        else:
            table = join_claims(dataset.claims[~dataset.claims[LINE].isin(list(reasons))],
                                dataset)
        figures = Figures(table, rejected, tuple(problems), dataset)
    report(1.0, "Done")
    return figures, derived
