"""Period words read as calendar days, at their widest, with how each was decided."""

from __future__ import annotations

from datetime import date

import pytest

from figures.periods import period_columns, period_of

D = date.fromisoformat

PHRASES = [
    # (words, said on, first day, last day, stated)
    ("At least 96 children have been killed this week alone", "2016-09-28",
     "2016-09-22", "2016-09-28", False),
    ("Earlier this week, two hospitals were hit", "2016-10-01", "2016-09-25", "2016-10-01",
     False),
    ("Over the past 24 hours, 507 fighters chose to leave", "2016-11-28", "2016-11-27",
     "2016-11-28", False),
    ("Since the army's assault began in late September, bombardment has killed 370",
     "2016-10-13", "2016-09-21", "2016-10-13", False),
    ("since mid-October", "2016-11-30", "2016-10-11", "2016-11-30", False),
    ("since early August", "2016-11-30", "2016-08-01", "2016-11-30", False),
    ("40 people were killed in four days", "2016-10-13", "2016-10-09", "2016-10-13", False),
    ("paused for three hours a day, starting from August 11", "2016-08-16", "2016-08-11",
     None, True),
    ("At least 12 civilians were killed on May 3", "2020-05-04", "2020-05-03", "2020-05-03",
     True),
    ("on 3 May 2019", "2020-05-04", "2019-05-03", "2019-05-03", True),
    ("between 3 and 9 May", "2020-05-20", "2020-05-03", "2020-05-09", True),
    ("since September 22", "2016-10-13", "2016-09-22", "2016-10-13", False),
    ("on Monday", "2016-11-30", "2016-11-28", "2016-11-28", False),
    ("yesterday", "2016-11-30", "2016-11-29", "2016-11-29", False),
    ("over the past week", "2016-10-13", "2016-10-06", "2016-10-13", False),
    ("in December", "2017-01-10", "2016-12-01", "2016-12-31", False),
    ("earlier this month", "2016-10-13", "2016-10-01", "2016-10-13", False),
]


@pytest.mark.parametrize("phrase", PHRASES, ids=lambda p: p[0][:40])
def test_period_words_become_days(phrase: tuple) -> None:
    """A reader's period words become the days they cover, with a basis saying how."""
    words, said_on, first, last, stated = phrase
    start, end, basis = period_of(words, said_on)
    assert (start, end) == (first and D(first), last and D(last))
    assert basis == "stated" if stated else basis.startswith("inferred: ")


def test_inferred_basis_names_the_words_and_the_day() -> None:
    """An inferred period says which words were read and against which day."""
    _, _, basis = period_of("this week alone", date(2016, 9, 28))
    assert basis == ("inferred: 'this week alone' read as the seven days up to the day it "
                     "was said, 22 September 2016 to 28 September 2016")


@pytest.mark.parametrize("words", [
    "Syria's brutal war, which has cost more than 300,000 lives",
    "where some 300,000 people remain",
    "in a series of early morning strikes",
    "this weekend",
    "since the start of the war",
])
def test_words_without_a_period_give_none(words: str) -> None:
    """Words that give no calendar period give no dates and no basis."""
    assert period_of(words, "2016-10-13") == (None, None, "")


def test_a_day_and_month_take_the_nearest_year() -> None:
    """'On December 30' said on 2 January means the December just past."""
    assert period_of("on December 30", "2017-01-02")[:2] == (D("2016-12-30"),
                                                              D("2016-12-30"))


def test_named_days_are_stated_only_under_a_stated_date() -> None:
    """'Starting from August 11' takes its year from the article's date: stated under a
    stated date, inferred under an inferred one, stated again when the year is written."""
    under_stated = period_columns("starting from August 11", "2016-08-16", "stated")
    under_inferred = period_columns("starting from August 11", "2016-08-16",
                                    "inferred: from the latest event it reports")
    with_year = period_columns("starting from August 11, 2016", "2016-08-16",
                               "inferred: from the latest event it reports")
    assert under_stated == {"period_start": "2016-08-11", "period_end": "",
                            "period_basis": "stated"}
    assert under_inferred["period_start"] == "2016-08-11"
    assert under_inferred["period_basis"] == (
        "inferred: 'starting from August 11' names the days but not their year, taken from "
        "the article's date, which the article does not state")
    assert with_year["period_basis"] == "stated"


def test_an_impossible_day_gives_no_period() -> None:
    """'On February 30' is no day, so it gives no dates rather than a wrong one."""
    assert period_of("on February 30", "2016-03-10") == (None, None, "")


SHIPPED = [
    # (claim, the day its words were said: the article's date or the statement's)
    ("eghtesad-04", "2016-09-28"),
    ("eghtesad-06", "2016-10-01"),
    ("ahram-04", "2016-10-13"),
    ("rt-05", "2016-11-28"),
    ("trt-02", "2016-08-16"),
]


@pytest.mark.parametrize(("claim_id", "said_on"), SHIPPED)
def test_reading_agrees_with_the_curated_dates(shipped, claim_id: str, said_on: str) -> None:
    """The reading a new article gets gives the dates a person chose for the shipped claims."""
    row = shipped.table.set_index("claim_id").loc[claim_id]
    start, end, _ = period_of(row["period_text"], said_on)
    assert (start.isoformat() if start else "", end.isoformat() if end else "") == (
        row["period_start"], row["period_end"])


def test_period_columns_fill_a_claims_row() -> None:
    """A proposed claim gets its period cells ready for claims.csv, empty when unknown."""
    assert period_columns("Over the past 24 hours", "2016-11-28") == {
        "period_start": "2016-11-27", "period_end": "2016-11-28",
        "period_basis": "inferred: 'Over the past 24 hours' read as the span up to the day "
                        "it was said, 27 November 2016 to 28 November 2016"}
    empty = {"period_start": "", "period_end": "", "period_basis": ""}
    assert period_columns("this week alone", "") == empty
    assert period_columns("this week alone", "not a date") == empty


def test_added_article_proposes_its_period_days(data_copy, tmp_path) -> None:
    """An article added in bulk has its figures' period days proposed, saying how."""
    from figures.__main__ import main
    from figures.table import build_figures

    article = tmp_path / "clashes.txt"
    article.write_text("Clashes in Northtown\n\nAt least 40 civilians have been killed this "
                       "week alone, the Northtown Monitor said.\n", encoding="utf-8")
    assert main(["--data-dir", str(data_copy), "add", str(article), "--outlet",
                 "Daily Example", "--title", "Clashes", "--published", "2020-05-08"]) == 0
    table = build_figures(data_copy).table
    (row,) = table[table["article_id"].str.startswith("daily_example")].to_dict("records")
    assert (row["period_start"], row["period_end"]) == ("2020-05-02", "2020-05-08")
    assert row["period_basis"].startswith("inferred: 'this week alone'")
    assert row["review_status"] == "proposed"


def test_article_added_on_the_page_gets_its_period_days(data_copy) -> None:
    """An article added on the Add articles page has its figures' period days, read
    against its date and saying how."""
    from figures.table import build_figures
    from tests.test_intake import add_article

    assert add_article(data_copy).added
    table = build_figures(data_copy).table.set_index("claim_id")
    fled = table[table["period_text"] == "over the past two days"].iloc[0]
    assert (fled["period_start"], fled["period_end"]) == ("2016-11-01", "2016-11-03")
    assert fled["period_basis"].startswith("inferred: 'over the past two days'")


def test_rewritten_period_words_get_new_days_in_review(data_copy) -> None:
    """A reviewer who rewrites a proposal's period words gets the days those words give,
    never the days read from the old ones."""
    from figures import review
    from figures.corpus import Item, Options, add_items
    from figures.table import build_figures

    text = ("Clashes in Northtown\n\nAt least 40 civilians have been killed this week alone, "
            "the Northtown Monitor said.\n")
    summary = add_items(data_copy, [Item("clashes.txt", text.encode())],
                        Options(outlet="Daily Example", published="2020-05-08"))
    (added,) = summary.added
    article_id = added.file.removesuffix(".txt")
    claim_id = f"{article_id}-01"
    outcome = review.apply(data_copy, review.accept(
        article_id, claim_id, {"place": "Aleppo", "period_text": "over the past 24 hours"}))
    assert outcome.ok, outcome.messages
    row = build_figures(data_copy).table.set_index("claim_id").loc[claim_id]
    assert (row["period_start"], row["period_end"]) == ("2020-05-07", "2020-05-08")
    outcome = review.apply(data_copy, review.accept(
        article_id, claim_id, {"period_text": "in the fighting"}))
    assert outcome.ok, outcome.messages
    row = build_figures(data_copy).table.set_index("claim_id").loc[claim_id]
    assert (row["period_start"], row["period_end"], row["period_basis"]) == ("", "", "")
