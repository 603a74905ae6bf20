"""The checker: each kind of problem on a tiny broken folder, reported whole and located."""

from __future__ import annotations

from pathlib import Path

import pytest

from figures import schema
from figures.__main__ import main
from figures.load import read_dataset
from figures.table import build_figures
from tests.conftest import TINY_ARTICLE, TinyFolder, edited


def report(folder: Path) -> list[str]:
    """The checker's whole report on a folder, as the command line prints it."""
    return [str(problem) for problem in build_figures(folder).problems]


def test_tiny_folder_is_clean(tiny_folder: TinyFolder) -> None:
    """The fixture every broken case starts from has no problem at all."""
    assert report(tiny_folder()) == []


BROKEN_CASES = {
    "quote not verbatim": (
        {"claims": edited("claims.csv", 1, quote="The army said 40 fighters gave up.")},
        ["articles/tiny.txt:4: -: '40' is in no claim and not in not_claims.csv",
         "claims.csv:3: quote: not found verbatim in articles/tiny.txt"],
    ),
    "value not in quote": (
        {"claims": edited("claims.csv", 0, value="13")},
        ["articles/tiny.txt:3: -: '12' is in no claim and not in not_claims.csv",
         "claims.csv:2: value: 13 is not written in the quote"],
    ),
    "unknown claimant and unused claimant": (
        {"claims": edited("claims.csv", 1, claimant_id="navy")},
        ["claimants.csv:3: claimant_id: 'army' is used by no claim",
         "claims.csv:3: claimant_id: 'navy' is not in claimants.csv"],
    ),
    "unknown article": (
        {"not_claims": [{"article_id": "other", "text": "3", "context": "on May 3",
                         "reason": "date"}]},
        ["articles/tiny.txt:3: -: '3' is in no claim and not in not_claims.csv",
         "not_claims.csv:2: article_id: 'other' is not in sources.csv"],
    ),
    "controlled values": (
        {"claims": edited("claims.csv", 1, measure="conquered", qualifier="roughly"),
         "claimants": edited("claimants.csv", 1, party="Mars")},
        ["claimants.csv:3: party: 'Mars' is not one of: Russia, Syrian government, "
         "Syrian opposition, United States, Turkey, United Nations, independent monitor, "
         "humanitarian NGO, news media, unassigned",
         "claims.csv:3: measure: 'conquered' is not one of: " + ", ".join(schema.MEASURES),
         "claims.csv:3: qualifier: 'roughly' is not one of: exact, at_least, over, about, "
         "estimated, up_to, under, as_little_as"],
    ),
    "qualifier dropped": (
        {"claims": edited("claims.csv", 0, qualifier="exact", qualifier_text="")},
        ["claims.csv:2: qualifier: is 'exact' but the quote says 'At least' before 12; keep "
         "the article's 'at_least'"],
    ),
    "qualifier words that say another": (
        {"claims": edited("claims.csv", 0, qualifier="over")},
        ["claims.csv:2: qualifier: is 'over' but its words 'At least' say 'at_least'"],
    ),
    "dates": (
        {"sources": edited("sources.csv", 0, published="4 May 2020"),
         "claims": edited("claims.csv", 0, period_start="2020-05-09")},
        ["claims.csv:2: period_end: 2020-05-03 is before period_start 2020-05-09",
         "sources.csv:2: published: '4 May 2020' is not an ISO date (YYYY-MM-DD)"],
    ),
    "duplicate id and empty required cell": (
        {"claims": edited("claims.csv", 1, claim_id="tiny-01", place="")},
        ["claims.csv:3: claim_id: duplicate id 'tiny-01' (first at line 2)",
         "claims.csv:3: place: is empty but the claim is 'checked' (a person fills it in "
         "when accepting a proposal)"],
    ),
    "review status": (
        {"claims": edited("claims.csv", 1, review_status="maybe")},
        ["claims.csv:3: review_status: 'maybe' is not one of: checked, proposed"],
    ),
    "review status missing": (
        {"claims": edited("claims.csv", 1, review_status="")},
        ["claims.csv:3: review_status: is empty"],
    ),
    "date unknown but given": (
        {"sources": edited("sources.csv", 0, published_basis="unknown")},
        ["sources.csv:2: published: '2020-05-04' is given but published_basis is 'unknown'"],
    ),
    "date missing": (
        {"sources": edited("sources.csv", 0, published="")},
        ["sources.csv:2: published: is empty (give the date, or set published_basis to "
         "'unknown')"],
    ),
    "numbers and units": (
        {"claims": edited("claims.csv", 1, value_max="thirty", unit="hours")},
        ["claims.csv:3: unit: 'hours' does not fit measure 'surrendered' (expected: count)",
         "claims.csv:3: value_max: 'thirty' is not a number"],
    ),
    "qualifier words": (
        {"claims": edited("claims.csv", 0, qualifier_text="")},
        ["claims.csv:2: qualifier_text: is empty but the qualifier is 'at_least'"],
    ),
    "published basis": (
        {"sources": edited("sources.csv", 0, published_basis="guessed")},
        ["sources.csv:2: published_basis: 'guessed' is none of 'stated', 'stated in <where>', "
         "'inferred: <how>' or 'unknown'"],
    ),
    "period dates without a basis, and a basis without dates": (
        {"claims": [{**edited("claims.csv", 0, period_basis="")[0]},
                    {**edited("claims.csv", 1, period_basis="inferred: the day before")[1]}]},
        ["claims.csv:2: period_basis: is empty but the period has a date; say 'stated' or "
         "'inferred: <how>'",
         "claims.csv:3: period_basis: says how the period's dates are known, but there are "
         "none"],
    ),
    "period basis that says neither stated nor how": (
        {"claims": edited("claims.csv", 0, period_basis="inferred:")},
        ["claims.csv:2: period_basis: 'inferred:' is neither 'stated' nor 'inferred: <how>'"],
    ),
    "place not listed": (
        {"claims": edited("claims.csv", 1, place="Southtown")},
        ["claims.csv:3: place: 'Southtown' is not in places.csv"],
    ),
    "place part of a place not listed": (
        {"places": edited("places.csv", 1, part_of="Atlantis")},
        ["places.csv:3: part_of: 'Atlantis' is not a place in places.csv"],
    ),
    "places part of each other": (
        {"places": edited("places.csv", 1, part_of="Northtown")},
        ["places.csv:2: part_of: is part of itself: Northtown -> Example -> Northtown",
         "places.csv:3: part_of: is part of itself: Example -> Northtown -> Example"],
    ),
    "place listed twice": (
        {"places": [*edited("places.csv", 1), {"place": "Example", "part_of": ""}]},
        ["places.csv:4: place: duplicate id 'Example' (first at line 3)"],
    ),
    "number not accounted for": (
        {"not_claims": []},
        ["articles/tiny.txt:3: -: '3' is in no claim and not in not_claims.csv"],
    ),
    "non-claim not in its context": (
        {"not_claims": [{"article_id": "tiny", "text": "4", "context": "on May 3",
                         "reason": "date"}]},
        ["articles/tiny.txt:3: -: '3' is in no claim and not in not_claims.csv",
         "not_claims.csv:2: text: '4' is not a number phrase of its context"],
    ),
}


def test_proposal_may_leave_what_and_where_empty(tiny_folder: TinyFolder) -> None:
    """A proposed claim without measure, subject or place checks clean; a checked one not."""
    proposed = edited("claims.csv", 1, review_status="proposed", measure="", subject="",
                      place="")
    assert report(tiny_folder(claims=proposed)) == []


def test_undated_article_checks_clean(tiny_folder: TinyFolder) -> None:
    """An article whose date is unknown says so and has an empty date."""
    undated = edited("sources.csv", 0, published="", published_basis="unknown")
    assert report(tiny_folder(sources=undated)) == []


@pytest.mark.parametrize("case", list(BROKEN_CASES))
def test_checker_reports_each_kind_of_problem(tiny_folder: TinyFolder, case: str) -> None:
    """Each kind of problem is reported at its file, line and column, every one of them."""
    tables, expected = BROKEN_CASES[case]
    assert report(tiny_folder(**tables)) == expected


def test_article_not_listed_and_file_missing(tiny_folder: TinyFolder) -> None:
    """An article file nobody lists, and a listed file that is missing, are both reported."""
    folder = tiny_folder()
    (folder / "articles" / "tiny.txt").rename(folder / "articles" / "renamed.txt")
    assert report(folder) == [
        "articles/renamed.txt:0: -: not listed in sources.csv",
        "sources.csv:2: file: 'tiny.txt' is not in articles/",
    ]


SUGGESTIBLE_TYPES = ("government, military, UN agency, monitor, NGO, opposition, state media, "
                     "state-funded media, news agency, news media")


def test_missing_column_and_unreadable_file(tiny_folder: TinyFolder) -> None:
    """A file with a missing column or bytes that are not UTF-8 is reported, not raised."""
    folder = tiny_folder()
    claimants = folder / "claimants.csv"
    claimants.write_text(claimants.read_text().replace(",party,", ",", 1), encoding="utf-8")
    (folder / "not_claims.csv").write_bytes(b"article_id,text,context,reason\n\xff\xfe\n")
    assert report(folder) == [
        "articles/tiny.txt:3: -: '3' is in no claim and not in not_claims.csv",
        "claimants.csv:1: party: missing column",
        "claimants.csv:2: -: 7 cells but the header has 6",
        "claimants.csv:2: party: is empty",
        "claimants.csv:2: suggested_type: 'independent monitor' is not one of: "
        f"{SUGGESTIBLE_TYPES}",
        "claimants.csv:3: -: 7 cells but the header has 6",
        "claimants.csv:3: party: is empty",
        "claimants.csv:3: suggested_type: 'Syrian government' is not one of: "
        f"{SUGGESTIBLE_TYPES}",
        "not_claims.csv:2: -: not UTF-8 (byte 31)",
    ]


def test_quote_matches_non_breaking_space_in_article(tiny_folder: TinyFolder) -> None:
    """The tiny article's 'May\u00a03' matches the quote's plain 'May 3'."""
    assert "May\u00a03" in TINY_ARTICLE
    assert build_figures(tiny_folder()).table["claim_id"].tolist() == ["tiny-01", "tiny-02"]


def test_bad_rows_are_rejected_and_counted(tiny_folder: TinyFolder) -> None:
    """Valid rows still show; rows in equals rows shown plus rows rejected."""
    figures = build_figures(tiny_folder(claims=edited("claims.csv", 1, value="forty")))
    assert figures.table["claim_id"].tolist() == ["tiny-01"]
    assert figures.rejected.to_dict("records") == [
        {"file": "claims.csv", "line": 3, "claim_id": "tiny-02",
         "reason": "value: 'forty' is not a number"},
    ]
    assert figures.rows_in == len(figures.table) + len(figures.rejected)


def test_claims_of_a_bad_claimant_are_rejected(tiny_folder: TinyFolder) -> None:
    """A claim is not shown when the claimant it names has a problem."""
    figures = build_figures(tiny_folder(claimants=edited("claimants.csv", 1, party="")))
    assert figures.table["claim_id"].tolist() == ["tiny-01"]
    assert figures.rejected["reason"].tolist() == [
        "claimant_id: its claimant row has problems (claimants.csv:3)"
    ]


def test_missing_places_file_is_reported_once(tiny_folder: TinyFolder) -> None:
    """A folder without places.csv is told so once; its claims still show."""
    folder = tiny_folder()
    (folder / "places.csv").unlink()
    figures = build_figures(folder)
    assert [str(p) for p in figures.problems] == [
        f"places.csv:0: -: file not found in {folder}"]
    assert figures.table["claim_id"].tolist() == ["tiny-01", "tiny-02"]


def test_missing_folder_reports_every_file(tmp_path: Path) -> None:
    """A data folder that does not exist gives one problem per file, and no rows."""
    figures = build_figures(tmp_path / "nowhere")
    assert [str(p) for p in figures.problems] == [
        "articles:0: -: articles folder not found",
        "claimants.csv:0: -: file not found in " + str(tmp_path / "nowhere"),
        "claims.csv:0: -: file not found in " + str(tmp_path / "nowhere"),
        "not_claims.csv:0: -: file not found in " + str(tmp_path / "nowhere"),
        "places.csv:0: -: file not found in " + str(tmp_path / "nowhere"),
        "sources.csv:0: -: file not found in " + str(tmp_path / "nowhere"),
    ]
    assert figures.table.empty


def test_check_command_exit_codes(tiny_folder: TinyFolder, capsys: pytest.CaptureFixture) -> None:
    """`check` exits 0 with a summary when clean and 1 with the located report when not."""
    clean = tiny_folder()
    assert main(["--data-dir", str(clean), "check"]) == 0
    assert capsys.readouterr().out == "OK: 1 articles, 2 claims, 2 claimants, 2 parties\n"
    (clean / "claims.csv").write_text(
        (clean / "claims.csv").read_text().replace("tiny-02", "tiny-01"), encoding="utf-8")
    assert main(["--data-dir", str(clean), "check"]) == 1
    assert capsys.readouterr().out == (
        "claims.csv:3: claim_id: duplicate id 'tiny-01' (first at line 2)\n"
    )


def test_data_dir_from_environment(tiny_folder: TinyFolder, monkeypatch) -> None:
    """FIGURES_DATA_DIR points the loader at another folder."""
    folder = tiny_folder()
    monkeypatch.setenv("FIGURES_DATA_DIR", str(folder))
    assert read_dataset().data_dir == folder
    assert build_figures().table["claim_id"].tolist() == ["tiny-01", "tiny-02"]
