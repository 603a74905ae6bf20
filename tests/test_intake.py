"""Adding an article: bad uploads are refused, new articles are saved whole or not at all.

Every test that saves adds the article through the batch add that the Add articles page
and `python -m figures add` share (`corpus.add_items`), or edits it through the review
queue (`review.apply`), on a copy of the shipped data folder (`data_copy`), never on
`data/` itself, and compares a hash of every file before and after where nothing may
change.
"""

from __future__ import annotations

import hashlib
import os
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from figures import corpus, intake, review, schema
from figures.intake import (
    MAX_UPLOAD_BYTES,
    PASTED,
    appended_csv,
    article_id_for,
    claim_row,
    context_for,
    file_name_for,
    match_claimant,
    read_upload,
    stored_articles,
)
from figures.load import DEFAULT_DATA_DIR
from figures.table import build_figures
from figures.text import find_quote

# An invented report, not one of the shipped articles.
NEW_ARTICLE = (
    "Air strikes kill 15 civilians in eastern Aleppo\n"
    "\n"
    "Published on 3 November 2016\n"
    "\n"
    "At least 15 civilians were killed in air strikes on the Bustan al-Qasr district of "
    "eastern Aleppo on Wednesday, the Syrian Civil Defence said.\n"
    "\n"
    "Some 2,000 families fled the district over the past two days, according to the "
    "Syrian Observatory for Human Rights.\n"
    "\n"
    "Tens of thousands of people remain in the besieged east of the city, one of the "
    "worst-hit areas in the five-year war.\n"
)
OUTLET = "Aleppo Daily"
TITLE = "Air strikes kill 15 civilians in eastern Aleppo"
PUBLISHED = date(2016, 11, 3)
ARTICLE_ID = "aleppo_daily_20161103"
SHIPPED_ARTICLE = "000_4009dbee8e00b788.txt"


def folder_hashes(folder: Path) -> dict[str, str]:
    """A hash of every file under `folder`, so any change (or leftover file) shows."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def add_article(folder: Path, text: str = NEW_ARTICLE, outlet: str = OUTLET,
                published: str = PUBLISHED.isoformat(), name: str = "upload.txt"
                ) -> corpus.Summary:
    """Add one article to the folder as the Add articles page does."""
    return corpus.add_items(folder, [corpus.Item(name, text.encode("utf-8"))],
                            corpus.Options(outlet=outlet, published=published))


def rows_of(frame: pd.DataFrame, article_id: str = ARTICLE_ID) -> pd.DataFrame:
    """The rows of a table that belong to one article."""
    return frame[frame["article_id"] == article_id]


# --------------------------------------------------------------------------------------
# Uploads
# --------------------------------------------------------------------------------------


def shipped_text_respaced() -> bytes:
    """A shipped article with its line breaks and spaces changed: still the same text."""
    text = (DEFAULT_DATA_DIR / schema.ARTICLES_DIR / SHIPPED_ARTICLE).read_text("utf-8")
    return "  ".join(text.split()).encode("utf-8")


BAD_UPLOADS = [
    pytest.param(b"", "upload.txt: is empty", id="empty"),
    pytest.param(b" \r\n\t \n", "upload.txt: holds only whitespace", id="whitespace"),
    pytest.param(b"\xef\xbb\xbf\xc2\xa0\n", "upload.txt: holds only whitespace",
                 id="bom-and-nbsp"),
    pytest.param(b"a" * (MAX_UPLOAD_BYTES + 1),
                 "upload.txt: is 2.0 MB (2,097,153 bytes), over the 2 MB limit", id="too-big"),
    pytest.param(b"%PDF-1.4\n\x00\x01binary", "upload.txt: looks binary, not plain text "
                 "(it holds NUL bytes)", id="nul-bytes"),
    pytest.param(bytes(range(1, 9)) * 4 + b" some words", "upload.txt: looks binary, not "
                 "plain text (74% of its bytes are control characters)", id="control-chars"),
    pytest.param("Aleppo\nCaf\u00e9 owner".encode("latin-1"),
                 "upload.txt: is not UTF-8: byte 10 (line 2) is 0xE9", id="latin-1"),
    pytest.param(b"\xef\xbb\xbf" + "Aleppo\n\nCaf\u00e9".encode("cp1252"),
                 "upload.txt: is not UTF-8: byte 14 (line 3) is 0xE9", id="bom-then-cp1252"),
    pytest.param(shipped_text_respaced(), f"upload.txt: has the same text as the stored "
                 f"article {SHIPPED_ARTICLE}", id="already-stored"),
]


@pytest.mark.parametrize(("raw", "message"), BAD_UPLOADS)
def test_bad_upload_is_refused_with_a_clear_message(data_copy: Path, raw: bytes,
                                                    message: str) -> None:
    """A reader uploads a bad file and is told what is wrong with it; nothing changes."""
    before = folder_hashes(data_copy)
    text, messages = read_upload(raw, "upload.txt", stored_articles(data_copy))
    assert text is None
    assert len(messages) == 1
    assert messages[0].startswith(message)
    assert folder_hashes(data_copy) == before


def test_upload_drops_the_byte_order_mark() -> None:
    """A file saved by Notepad with a BOM reads as its text alone."""
    text, messages = read_upload(b"\xef\xbb\xbf" + NEW_ARTICLE.encode(), "a.txt", {})
    assert (text, messages) == (NEW_ARTICLE, [])


def test_pasted_text_meets_the_same_rules() -> None:
    """A reader pastes an article already stored and is told so, naming the stored file."""
    stored = {"old.txt": NEW_ARTICLE}
    pasted = NEW_ARTICLE.replace("\n", "\r\n").encode("utf-8")
    assert read_upload(pasted, PASTED, stored) == (
        None, ["pasted text: has the same text as the stored article old.txt; "
               "it is already in the data"])
    assert read_upload(b"  ", PASTED, {}) == (
        None, ["pasted text: holds only whitespace, no text to read"])


CLAIMANTS = pd.DataFrame(
    [
        ("monitor", "Northtown Monitor", "Northtown Monitor"),
        ("roe", "Jane Roe", "Example Defence Ministry"),
        ("health", "Health Ministry", "Example Health Ministry"),
        ("relief", "Northern Relief Alliance", "Northern Relief Alliance"),
    ],
    columns=["claimant_id", "name", "organisation"],
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Northtown Monitor", "monitor"),
        ("the northtown monitor", "monitor"),
        ("Roe", "roe"),
        ("ministry spokeswoman Jane Roe", "roe"),
        ("Example Defence Ministry", "roe"),
        ("Relief Alliance", "relief"),
        ("the Alliance's relief teams", ""),
        ("Ministry", ""),
        ("Southtown Civil Defence", ""),
        ("Southtown Health Ministry", ""),
        ("Northtown Monitor for Refugees", ""),
        ("", ""),
    ],
)
def test_match_claimant_guesses_only_a_clear_match(text: str, expected: str) -> None:
    """The claimant guess names one existing claimant or none, never a coin toss: shared
    words alone ("Southtown Health Ministry" beside "Example Health Ministry") are none."""
    assert match_claimant(text, CLAIMANTS) == expected


# --------------------------------------------------------------------------------------
# Ids, contexts, appending
# --------------------------------------------------------------------------------------


def test_article_id_is_a_unique_slug_of_outlet_and_day() -> None:
    """Two articles from one outlet on one day get different ids."""
    assert article_id_for("Aleppo Daily", PUBLISHED, set()) == "aleppo_daily_20161103"
    assert article_id_for("Aleppo Daily", "2016-11-03", {"aleppo_daily_20161103"}) == (
        "aleppo_daily_20161103_2")
    assert article_id_for("RFE/RL", date(2016, 7, 29), set()) == "rfe_rl_20160729"
    assert article_id_for("Ça m’intéresse", date(2016, 7, 29), set()) == (
        "ca_m_interesse_20160729")
    assert file_name_for("rfe_rl_20160729") == "rfe_rl_20160729.txt"


def test_context_finds_its_number_and_no_other() -> None:
    """A not_claims context is short, verbatim, and stands only once in the article."""
    text = "On 3 May 2016 shelling.\nOn 3 May 2016 shelling resumed near Route 6 today.\n"
    second = text.index("3", 10)
    context = context_for(text, second, second + 1)
    assert context == "On 3 May 2016 shelling resumed"
    assert find_quote(text, context) == [(text.index("On 3", 10), text.index(" near"))]


def test_appended_csv_keeps_existing_bytes_and_line_endings() -> None:
    """Rows are added after the file's own bytes, in its header order and line ending."""
    existing = b"\xef\xbb\xbfb,a\r\n1,2"
    grown = appended_csv(existing, ("a", "b"), [{"a": "x", "b": "y, z"}])
    assert grown == existing + b'\r\n"y, z",x\r\n'
    assert appended_csv(b"", ("a", "b"), [{"a": "1", "b": "2"}]) == b"a,b\n1,2\n"


def test_claim_row_takes_qualifier_words_from_the_quote() -> None:
    """A figure whose qualifier's words were left empty gets the article's own."""
    rows = [{"value": 15.0, "qualifier": "at_least", "qualifier_text": "",
             "quote": "At least 15 civilians were killed in air strikes"},
            {"value": "2,000", "qualifier": "about", "qualifier_text": None,
             "quote": "Some 2,000 families fled the district"}]
    claims = [claim_row(row, f"a-0{number}", "a", "sohr") for number, row in
              enumerate(rows, start=1)]
    assert [(claim["value"], claim["qualifier"], claim["qualifier_text"]) for claim in
            claims] == [("15", "at_least", "At least"), ("2000", "about", "Some")]


# --------------------------------------------------------------------------------------
# Adding an article
# --------------------------------------------------------------------------------------


def test_new_article_proposes_each_figure_with_its_claimant(data_copy: Path) -> None:
    """A reader adds an article: each figure waits for review with its quote verbatim, the
    Observatory recognised, the Civil Defence and the outlet's own voice created."""
    summary = add_article(data_copy)
    assert (summary.refused, summary.duplicates) == ([], [])
    assert [(added.file, added.claims, added.new_claimants) for added in summary.added] == [
        ("aleppo_daily_20161103.txt", 3, 2)]
    dataset = build_figures(data_copy).dataset
    claims = rows_of(dataset.claims)
    assert list(zip(claims["claim_id"], claims["value"], claims["claimant_id"],
                    claims["review_status"], strict=True)) == [
        (f"{ARTICLE_ID}-01", "15", "aleppo_daily", schema.PROPOSED),
        (f"{ARTICLE_ID}-02", "15", "syrian_civil_defence", schema.PROPOSED),
        (f"{ARTICLE_ID}-03", "2000", "sohr", schema.PROPOSED),
    ]
    for quote in claims["quote"]:
        assert len(find_quote(NEW_ARTICLE, quote)) == 1
    created = dataset.claimants[dataset.claimants["claimant_id"].isin(
        ["aleppo_daily", "syrian_civil_defence"])]
    assert list(zip(created["name"], created["claimant_type"], created["party"],
                    strict=True)) == [("Aleppo Daily", "unassigned", "unassigned"),
                                      ("Syrian Civil Defence", "unassigned", "unassigned")]


def test_new_article_accounts_for_every_number(data_copy: Path) -> None:
    """Numbers that are not proposed figures go to not_claims.csv, each with the
    extractor's reason and a context that finds it and no other."""
    add_article(data_copy)
    figures = build_figures(data_copy)
    assert figures.problems == ()
    not_claims = rows_of(figures.dataset.not_claims)
    assert list(zip(not_claims["text"], not_claims["reason"], strict=True)) == [
        ("3", "date"),
        ("2016", "date"),
        ("two", "period length"),
        ("Tens of thousands", "vague quantity"),
        ("one", "not a count"),
        ("five", "war length"),
    ]
    for context in not_claims["context"]:
        assert len(find_quote(NEW_ARTICLE, context)) == 1


def test_saved_article_checks_clean_and_shows_its_claims(data_copy: Path) -> None:
    """A reader adds a new article; the folder checks clean, the article is stored as it
    came, and its figures show with their claimants and parties."""
    add_article(data_copy)
    figures = build_figures(data_copy)
    assert figures.problems == ()
    new = rows_of(figures.table)
    assert list(zip(new["value"], new["claimant"], new["party"], strict=True)) == [
        (15.0, "Aleppo Daily", "unassigned"),
        (15.0, "Syrian Civil Defence", "unassigned"),
        (2000.0, "Syrian Observatory for Human Rights", "independent monitor"),
    ]
    stored = (data_copy / schema.ARTICLES_DIR / file_name_for(ARTICLE_ID)).read_bytes()
    assert stored == NEW_ARTICLE.encode("utf-8")
    source = rows_of(figures.dataset.sources).iloc[0]
    assert (source["outlet"], source["title"], source["published"]) == (
        OUTLET, TITLE, PUBLISHED.isoformat())


def test_save_only_appends_to_the_csv_files(data_copy: Path) -> None:
    """Every byte the tables held before a save is still there, at the start."""
    names = (schema.SOURCES_FILE, schema.CLAIMANTS_FILE, schema.CLAIMS_FILE,
             schema.NOT_CLAIMS_FILE, schema.PLACES_FILE)
    before = {name: (data_copy / name).read_bytes() for name in names}
    assert add_article(data_copy).added
    grown = {name for name in names if (data_copy / name).read_bytes() != before[name]}
    assert grown == set(names) - {schema.PLACES_FILE}
    for name, old in before.items():
        assert (data_copy / name).read_bytes().startswith(old), name


# --------------------------------------------------------------------------------------
# Refused and failed saves change nothing
# --------------------------------------------------------------------------------------


REFUSED = [
    pytest.param("Nothing to count here.\n", OUTLET, "2016-11-03",
                 "upload.txt: no figure found to propose; an article is stored with at least "
                 "one claim", id="no-figure"),
    pytest.param(NEW_ARTICLE, "", "2016-11-03",
                 "upload.txt: no outlet: give it in articles.csv beside the file (column "
                 "outlet), with --outlet, or in the form", id="no-outlet"),
    pytest.param(NEW_ARTICLE, OUTLET, "2016-13-45",
                 "upload.txt: published '2016-13-45' is not a date (YYYY-MM-DD)",
                 id="not-a-date"),
]


@pytest.mark.parametrize(("text", "outlet", "published", "message"), REFUSED)
def test_refused_article_changes_nothing(data_copy: Path, text: str, outlet: str,
                                        published: str, message: str) -> None:
    """An article that cannot be added is refused, saying why; no file changes."""
    before = folder_hashes(data_copy)
    summary = add_article(data_copy, text, outlet, published)
    assert (summary.added, summary.refused) == ([], [message])
    assert folder_hashes(data_copy) == before


def test_adding_a_stored_article_again_is_refused(data_copy: Path) -> None:
    """An article already stored cannot be added a second time, even respaced."""
    before = folder_hashes(data_copy)
    summary = add_article(data_copy, shipped_text_respaced().decode("utf-8"), "RFE/RL")
    assert (summary.added, summary.duplicates) == ([], [("upload.txt", SHIPPED_ARTICLE)])
    assert folder_hashes(data_copy) == before


def test_edit_that_breaks_the_checker_changes_nothing(data_copy: Path) -> None:
    """A reviewer's fix that no longer matches the quote is refused, at its file and line."""
    add_article(data_copy)
    before = folder_hashes(data_copy)
    outcome = review.apply(data_copy, review.accept(
        ARTICLE_ID, f"{ARTICLE_ID}-02", {"place": "eastern Aleppo", "value": "16"}))
    assert not outcome.ok
    assert outcome.messages == [
        f"articles/{ARTICLE_ID}.txt:5: -: '15' is in no claim and not in not_claims.csv",
        "claims.csv:30: value: 16 is not written in the quote"]
    assert folder_hashes(data_copy) == before


def test_review_cannot_drop_the_articles_qualifier(data_copy: Path) -> None:
    """Accepting "At least 15" as an exact 15 is refused, naming the words it would drop."""
    add_article(data_copy)
    proposed = rows_of(build_figures(data_copy).table).set_index("claim_id")
    assert proposed.loc[f"{ARTICLE_ID}-02", "qualifier"] == "at_least"
    before = folder_hashes(data_copy)
    outcome = review.apply(data_copy, review.accept(
        ARTICLE_ID, f"{ARTICLE_ID}-02",
        {"place": "eastern Aleppo", "qualifier": "exact", "qualifier_text": ""}))
    assert not outcome.ok
    assert outcome.messages == [
        "claims.csv:30: qualifier: is 'exact' but the quote says 'At least' before 15; keep "
        "the article's 'at_least'"]
    assert folder_hashes(data_copy) == before


def test_failed_write_puts_the_folder_back(data_copy: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """If the disk fails half way through a save, the files already replaced are restored."""
    real_replace = os.replace
    calls = []

    def failing_replace(source: str | Path, target: str | Path) -> None:
        calls.append(Path(target).name)
        if len(calls) == 3:
            raise OSError(28, "No space left on device", str(target))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", failing_replace)
    before = folder_hashes(data_copy)
    summary = add_article(data_copy)
    assert summary.added == []
    assert summary.refused == [
        f"upload.txt: not saved, the data folder could not be written ([Errno 28] No space "
        f"left on device: '{data_copy / schema.SOURCES_FILE}'); nothing of this chunk was "
        f"saved"]
    assert calls[:3] == ["aleppo_daily_20161103.txt", "claimants.csv", "sources.csv"]
    assert folder_hashes(data_copy) == before


def edit_claims_meanwhile(claims: Path) -> None:
    """Someone else adds a line to claims.csv."""
    claims.write_bytes(claims.read_bytes() + b"\n")


def test_save_never_overwrites_an_edit_made_meanwhile(data_copy: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """If someone edits a table while an article is being added, the save stops and their
    edit stays."""
    claims = data_copy / schema.CLAIMS_FILE
    real_batch_changes = corpus.batch_changes

    def changes_then_edit(originals: dict[str, bytes], plans: list[intake.SavePlan]
                          ) -> dict[str, bytes]:
        changes = real_batch_changes(originals, plans)
        edit_claims_meanwhile(claims)
        return changes

    monkeypatch.setattr(corpus, "batch_changes", changes_then_edit)
    original = claims.read_bytes()
    before = folder_hashes(data_copy)
    summary = add_article(data_copy)
    assert summary.added == []
    assert summary.refused == ["upload.txt: not saved, the data folder could not be written "
                               "(claims.csv); nothing of this chunk was saved"]
    assert claims.read_bytes() == original + b"\n"
    after = folder_hashes(data_copy)
    assert {name for name in before if after.get(name) != before[name]} == {"claims.csv"}
    assert set(after) == set(before)


def test_review_never_overwrites_an_edit_made_meanwhile(data_copy: Path) -> None:
    """If someone edits a table while a reviewer's accept is being checked, the accept stops
    and their edit stays."""
    add_article(data_copy)
    claims = data_copy / schema.CLAIMS_FILE
    accept = review.accept(ARTICLE_ID, f"{ARTICLE_ID}-03", {"place": "eastern Aleppo"})

    def change_then_edit(tables: dict[str, bytes], articles: dict[str, str]
                         ) -> dict[str, bytes]:
        changes = accept.change(tables, articles)
        edit_claims_meanwhile(claims)
        return changes

    original = claims.read_bytes()
    before = folder_hashes(data_copy)
    outcome = review.apply(data_copy, review.Edit(change_then_edit, accept.articles,
                                                  accept.summary))
    assert outcome == review.Outcome(False, ["claims.csv: could not be written; nothing was "
                                             "saved"])
    assert claims.read_bytes() == original + b"\n"
    after = folder_hashes(data_copy)
    assert {name for name in before if after.get(name) != before[name]} == {"claims.csv"}
    assert set(after) == set(before)
