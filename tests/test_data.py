"""The shipped data: clean, complete, and holding the articles' headline figures as claimed."""

from __future__ import annotations

import hashlib
import io
import json
import re

import pandas as pd
import pytest

from figures import schema
from figures.__main__ import main
from figures.export import table_csv
from figures.load import DEFAULT_DATA_DIR
from figures.table import Figures

# SHA-256 of the five source articles as received; the stored copies must be byte-identical.
ARTICLE_SHA256 = {
    "000_4009dbee8e00b788.txt":
        "7cb0afaffda624563f39d76c49b12595ffb054fcf9926a5106d43de6fd8bb914",
    "001_f20d49c3a727c437.txt":
        "9a8598cdb016cd176b9d5a446d9b4b3df51ea47af74500b1185091facb0556ec",
    "002_7bc8ab39567d527b.txt":
        "bbd0ef76eac5efccad859f74541cade59b90298b6400e950552668c86d4d1313",
    "003_e50b3248676841e1.txt":
        "e9abeb93f3f4da53f1fa7d3a3c742bdaa1ab4268c4e5f9b8ae971baa3a0d43cc",
    "004_eb640161b00f142c.txt":
        "f1b44f6e59499e3ac0ff8614080ec09923f3f9d5d4cb0580c6fa70321aa2a977",
}


def test_shipped_data_checks_clean(shipped: Figures) -> None:
    """The checker finds no problem in the shipped data and rejects no claim."""
    assert [str(problem) for problem in shipped.problems] == []
    assert shipped.rejected.empty
    assert len(shipped.table) == shipped.rows_in == 27


@pytest.mark.parametrize(("file", "digest"), list(ARTICLE_SHA256.items()))
def test_articles_are_stored_byte_for_byte(file: str, digest: str) -> None:
    """Each article is the received file unchanged, odd characters and all."""
    raw = (DEFAULT_DATA_DIR / schema.ARTICLES_DIR / file).read_bytes()
    assert hashlib.sha256(raw).hexdigest() == digest


HEADLINES = [
    # (value, measure, subject, claimant, party, qualifier, qualifier words)
    (250_000, "besieged", "people", "AFP", "news media", "over", "over"),
    (96, "killed", "children", "Anthony Lake", "United Nations", "at_least", "At least"),
    (223, "injured", "children", "Anthony Lake", "United Nations", "at_least", "At least"),
    (370, "killed", "people", "Syrian Observatory for Human Rights", "independent monitor",
     "over", "more than"),
    (68, "killed", "children", "Syrian Observatory for Human Rights", "independent monitor",
     "exact", ""),
    (68, "killed", "people", "AFP", "news media", "exact", ""),
    (4, "killed", "children", "Syrian state television", "Syrian government", "exact", ""),
    (3179, "left", "people", "Russian Reconciliation Center", "Russia", "exact", ""),
    (1519, "left", "children", "Russian Reconciliation Center", "Russia", "exact", ""),
    (138, "left", "newborns", "Russian Reconciliation Center", "Russia", "exact", ""),
    (507, "surrendered", "fighters", "Russian Reconciliation Center", "Russia", "exact", ""),
    (484, "pardoned", "fighters", "Russian Reconciliation Center", "Russia", "exact", ""),
    (80_000, "freed", "people", "Igor Konashenkov", "Russia", "over", "over"),
    (300_000, "remaining", "people", "TRT World", "Turkey", "about", "some"),
    (300_000, "killed", "people", "AFP", "news media", "over", "more than"),
    (200_000, "trapped", "people", "Moscow", "Russia", "at_least", "at least"),
    (1, "aid_share", "UN aid", "Moscow", "Russia", "as_little_as", "as little as"),
    (48, "pause_length", "pause", "Sergei Ryabkov", "Russia", "exact", ""),
    (3, "pause_length", "pause", "Russian General Staff", "Russia", "exact", ""),
    (2, "attacked", "hospitals", "American Relief Coalition for Syria", "humanitarian NGO",
     "exact", ""),
]


@pytest.mark.parametrize("headline", HEADLINES, ids=lambda h: f"{h[0]}-{h[1]}-{h[2]}")
def test_headline_figure_present_with_claimant_and_qualifier(
    shipped: Figures, headline: tuple
) -> None:
    """A reader finds each headline figure, said by the right claimant, qualifier kept."""
    value, measure, subject, claimant, party, qualifier, words = headline
    table = shipped.table
    rows = table[(table["value"] == value) & (table["measure"] == measure)
                 & (table["subject"] == subject) & (table["claimant"] == claimant)]
    assert len(rows) >= 1, f"no {value} {subject} {measure} claimed by {claimant}"
    row = rows.iloc[0]
    assert (row["party"], row["qualifier"], row["qualifier_text"]) == (party, qualifier, words)


def test_every_figure_in_its_quote_keeps_its_qualifier_words(shipped: Figures) -> None:
    """Where a claim has qualifier words, they stand right before its figure in the quote."""
    for row in shipped.table.itertuples():
        if row.qualifier_text:
            assert row.qualifier_text.lower() in " ".join(row.quote.split()).lower()


def test_inferred_dates_say_how(shipped: Figures) -> None:
    """A date not stated in an article is marked inferred, with how it was inferred."""
    sources = shipped.dataset.sources.set_index("article_id")
    assert sources.loc["eghtesad", "published_basis"] == "stated"
    assert sources.loc["ahram", "published_basis"] == "stated"
    for article in ("rferl", "rt", "trt"):
        assert sources.loc[article, "published_basis"].startswith("inferred: ")


CODEBOOK = (DEFAULT_DATA_DIR / schema.CODEBOOK_FILE).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "column",
    sorted(set(schema.SOURCE_COLUMNS + schema.CLAIMANT_COLUMNS + schema.TABLE_COLUMNS
               + schema.NOT_CLAIM_COLUMNS)),
)
def test_codebook_documents_every_column(column: str) -> None:
    """Every column of every table, and of the figure table, has a row in the codebook."""
    assert re.search(rf"^\| `{re.escape(column)}` \|", CODEBOOK, re.MULTILINE)


@pytest.mark.parametrize(
    "value", sorted({value for values in schema.CONTROLLED.values() for value in values}),
)
def test_codebook_documents_every_controlled_value(value: str) -> None:
    """Every controlled value has a row in the codebook."""
    assert re.search(rf"^\| `{re.escape(value)}` \|", CODEBOOK, re.MULTILINE)


def test_table_command_writes_the_joined_table(
    shipped: Figures, capsysbinary: pytest.CaptureFixture
) -> None:
    """`table` writes every claim with its provenance columns, as the download does."""
    assert main(["table"]) == 0
    out = capsysbinary.readouterr().out
    frame = pd.read_csv(io.BytesIO(out), dtype=str, keep_default_na=False)
    assert tuple(frame.columns) == schema.TABLE_COLUMNS
    assert frame["claim_id"].tolist() == shipped.table["claim_id"].tolist()
    assert out == table_csv(shipped.table)
    assert table_csv(shipped.table, excel=True).startswith("\ufeff".encode())


def test_table_command_json(shipped: Figures, capsysbinary: pytest.CaptureFixture) -> None:
    """`table --format json` gives the same rows as objects, figures as numbers."""
    assert main(["table", "--format", "json"]) == 0
    rows = json.loads(capsysbinary.readouterr().out)
    assert len(rows) == 27
    lake = next(row for row in rows if row["claim_id"] == "eghtesad-04")
    assert (lake["value"], lake["qualifier"], lake["claimant"], lake["outlet"]) == (
        96, "at_least", "Anthony Lake", "EghtesadOnline")
    assert (lake["period_start"], lake["period_end"]) == ("2016-09-22", "2016-09-28")
    assert lake["period_basis"].startswith("inferred: ")
    assert next(row for row in rows if row["claim_id"] == "rferl-01")["period_basis"] is None


PERIODS = [
    # (claim, period_start, period_end, basis is stated)
    ("eghtesad-04", "2016-09-22", "2016-09-28", False),
    ("eghtesad-06", "2016-09-25", "2016-10-01", False),
    ("ahram-02", "2016-10-13", "2016-10-13", False),
    ("ahram-04", "2016-09-21", "2016-10-13", False),
    ("ahram-07", "", "2016-10-13", False),
    ("rt-05", "2016-11-27", "2016-11-28", False),
    ("trt-02", "2016-08-11", "", False),  # its day's year comes from an inferred date
]


@pytest.mark.parametrize("period", PERIODS, ids=lambda p: p[0])
def test_period_dates_follow_their_words(shipped: Figures, period: tuple) -> None:
    """A claim whose words give a period has its dates, and says how they are known."""
    claim_id, start, end, stated = period
    row = shipped.table.set_index("claim_id").loc[claim_id]
    assert (row["period_start"], row["period_end"]) == (start, end)
    assert (row["period_basis"] == "stated") is stated
    assert stated or row["period_basis"].startswith("inferred: ")


def test_claims_without_period_words_have_no_dates(shipped: Figures) -> None:
    """A claim whose words give no period has no period dates and no basis."""
    dated = {claim_id for claim_id, *_ in PERIODS} | {"eghtesad-05", "eghtesad-07",
                                                      "ahram-05"}
    rest = shipped.table[~shipped.table["claim_id"].isin(dated)]
    assert len(rest) == 17
    assert (rest[["period_start", "period_end", "period_basis"]] == "").all().all()


def test_every_claim_place_nests_up_to_syria(shipped: Figures) -> None:
    """Each place a claim names is listed and, followed up, is part of Syria."""
    parent = dict(zip(shipped.dataset.places["place"], shipped.dataset.places["part_of"],
                      strict=True))
    for place in set(shipped.table["place"]):
        chain = [place]
        while parent[chain[-1]]:
            chain.append(parent[chain[-1]])
        assert chain[-1] == "Syria", chain


@pytest.mark.parametrize(("part", "whole"), sorted(schema.SUBJECT_PART_OF.items()))
def test_codebook_documents_each_subject_nesting(part: str, whole: str) -> None:
    """Each subject the schema nests in another is listed so in the codebook."""
    assert re.search(rf"^\| `{part}` \| `{whole}` \|", CODEBOOK, re.MULTILINE)


def test_codebook_states_the_tolerance_and_the_window() -> None:
    """The tolerance of 'about' and the stocks' window in the codebook are the ones used."""
    assert f"give or take {round(schema.APPROXIMATE_TOLERANCE * 100)}%" in CODEBOOK
    assert f"at most {schema.STOCK_WINDOW_DAYS} days apart" in CODEBOOK


def test_every_measure_has_its_rule_in_the_codebook() -> None:
    """Each measure is held to one rule, or to none, and the codebook's table says which."""
    ruled = (schema.COUNT_MEASURES, schema.STOCK_MEASURES, schema.EVENT_MEASURES,
             schema.UNRULED_MEASURES)
    assert sorted(m for kind in ruled for m in kind) == sorted(schema.MEASURES)
    for kind, row in zip(ruled[:3], ("counts over time", "stocks at a moment",
                                     "claims of one event"), strict=True):
        line = next(text for text in CODEBOOK.splitlines() if text.startswith(f"| {row} |"))
        assert all(f"`{measure}`" in line for measure in kind), row
