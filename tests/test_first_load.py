"""A large corpus's first load is faster, and what it loads is exactly what it was: the
same table, problems, labels and disputes on the shipped data and on a grown corpus."""

from __future__ import annotations

import gc
import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.grow_corpus import grow
from figures import collector, numbers, schema
from figures.check import parse_value
from figures.load import DEFAULT_DATA_DIR, Dataset, read_dataset
from figures.table import build_figures, join_claims


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """A grown corpus of about 2,000 claims, read."""
    folder = tmp_path_factory.mktemp("grown") / "data"
    grow(2_000, folder)
    return read_dataset(folder)


def join_cell_by_cell(claims: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    """The join as it was written before: every cell cleaned on its own through pandas."""
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
    joined = joined[list(schema.TABLE_COLUMNS)].copy()
    for column in schema.TABLE_COLUMNS:
        joined[column] = joined[column].astype(object).map(
            lambda cell: "" if pd.isna(cell) else str(cell).strip())
    for column in schema.NUMBER_COLUMNS[schema.CLAIMS_FILE]:
        joined[column] = joined[column].map(parse_value).astype("float64")
    return joined.reset_index(drop=True)


def assert_same_frame(found: pd.DataFrame, expected: pd.DataFrame) -> None:
    """Two frames equal in values, columns, index and every column's type."""
    assert list(found.columns) == list(expected.columns)
    assert list(found.dtypes) == list(expected.dtypes)
    assert found.index.equals(expected.index)
    assert found.equals(expected)


def claim_selections(dataset: Dataset) -> dict[str, pd.DataFrame]:
    """Every claim, none, some, and some naming an article or claimant no row lists."""
    claims = dataset.claims
    orphans = claims.iloc[:6].copy()
    orphans.loc[orphans.index[:3], "article_id"] = "nowhere"
    orphans.loc[orphans.index[3:], "claimant_id"] = "nobody"
    orphans.loc[orphans.index[0], "quote"] = "  spaces around it  "
    return {"all": claims, "none": claims.iloc[0:0], "every other": claims.iloc[::2],
            "orphans": orphans}


@pytest.mark.parametrize("selection", ["all", "none", "every other", "orphans"])
def test_the_join_gives_the_table_it_gave_cell_by_cell(grown: Dataset, selection: str) -> None:
    """The figure table is the same table, cell for cell and type for type, as before."""
    for dataset in (read_dataset(DEFAULT_DATA_DIR), grown):
        claims = claim_selections(dataset)[selection]
        assert_same_frame(join_claims(claims, dataset), join_cell_by_cell(claims, dataset))


def test_a_build_leaves_the_collector_as_it_found_it() -> None:
    """Reading and checking pause the cycle collector, and only while they run."""
    assert gc.isenabled()
    build_figures(DEFAULT_DATA_DIR)
    assert gc.isenabled()
    gc.disable()
    try:
        build_figures(DEFAULT_DATA_DIR)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_comes_back_after_a_failure() -> None:
    """A build that fails half way does not leave the collector paused."""
    with pytest.raises(RuntimeError), collector.paused():
        assert not gc.isenabled()
        raise RuntimeError("the folder vanished")
    assert gc.isenabled()


def plain_starts(text: str) -> list[int]:
    """Possible starts as the words side by side in one alternation find them."""
    pattern = re.compile(
        r"\d+|\b(?:" + "|".join(numbers._SEARCHED_WORDS)
        + r"|a(?=(?:[^\S\n]+|-)(?:" + "|".join([*numbers._PARTS, "pair"]) + r")))")
    return [match.start() for match in pattern.finditer(text.lower())]


WORDY = st.lists(st.sampled_from(
    ["one", "ones", "often", "ten", "tent", "thirteen", "thirty", "third", "three", "six",
     "sixty", "a half", "a-pair", "a\nthird", "fifteen", "fiftyfive", "zero", " ", "-",
     "7", "x", "_", "é", "\u00a0", "\n", "million", "hundreds"]), max_size=25).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), WORDY))
def test_the_tree_of_first_words_finds_the_same_starts(text: str) -> None:
    """The first words written as a tree of their beginnings start at the same places."""
    assert numbers._possible_starts(text.lower()) == plain_starts(text)


def test_the_tree_of_first_words_agrees_on_every_shipped_and_grown_article(
        grown: Dataset) -> None:
    """On real articles the possible starts are the same as the plain alternation's."""
    texts = [*read_dataset(DEFAULT_DATA_DIR).articles.values(),
             *list(grown.articles.values())[:50]]
    for text in texts:
        assert numbers._possible_starts(text.lower()) == plain_starts(text)
