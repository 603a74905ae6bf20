"""Adding an article: bad uploads are refused, reviewed claims are saved whole or not at all.

Every test that saves works on a copy of the shipped data folder (`data_copy`), never on
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

from figures import intake, schema
from figures.intake import (
    MAX_UPLOAD_BYTES,
    PASTED,
    REVIEW_COLUMNS,
    appended_csv,
    article_id_for,
    context_for,
    file_name_for,
    match_claimant,
    plan_save,
    read_upload,
    review_frame,
    save,
    stored_articles,
)
from figures.load import DEFAULT_DATA_DIR, read_dataset
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
CIVIL_DEFENCE = {"name": "Syrian Civil Defence", "organisation": "Syrian Civil Defence",
                 "claimant_type": "NGO", "party": "humanitarian NGO"}
SHIPPED_ARTICLE = "000_4009dbee8e00b788.txt"


def folder_hashes(folder: Path) -> dict[str, str]:
    """A hash of every file under `folder`, so any change (or leftover file) shows."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def reviewed_frame(folder: Path, text: str = NEW_ARTICLE) -> pd.DataFrame:
    """The review table as a reader leaves it: headline dropped, Civil Defence created."""
    frame = review_frame(text, read_dataset(folder).claimants, outlet=OUTLET)
    frame.loc[frame["quote"].str.startswith("Air strikes"), "keep"] = False
    civil_defence = frame["claimant"] == "Syrian Civil Defence"
    frame.loc[civil_defence, "claimant_id"] = "Syrian Civil Defence"
    frame["place"] = "eastern Aleppo"
    return frame


def plan_for(folder: Path, frame: pd.DataFrame, text: str = NEW_ARTICLE) -> intake.SavePlan:
    """The plan of the invented article with the reader's review."""
    return plan_save(folder, text, OUTLET, TITLE, PUBLISHED, "stated", "AFP", frame,
                     [CIVIL_DEFENCE])


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


# --------------------------------------------------------------------------------------
# The review table
# --------------------------------------------------------------------------------------


def test_review_frame_offers_each_candidate_for_editing(data_copy: Path) -> None:
    """A reader sees every candidate, vague amounts unticked, the Observatory recognised."""
    frame = review_frame(NEW_ARTICLE, read_dataset(data_copy).claimants)
    assert tuple(frame.columns) == REVIEW_COLUMNS
    assert list(frame["keep"]) == [True, True, True, False]
    assert list(frame["claimant_id"]) == ["", "", "sohr", ""]
    assert set(frame["place"]) == {""}
    for row in frame.to_dict("records"):
        assert NEW_ARTICLE[row["start"] : row["end"]] == row["quote"]


def test_review_frame_of_text_without_figures_is_empty() -> None:
    """An article with no numbers gives an empty table with the same columns."""
    frame = review_frame("Nothing to count here.\n")
    assert frame.empty
    assert tuple(frame.columns) == REVIEW_COLUMNS


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
        ("the Alliance's relief teams", "relief"),
        ("Ministry", ""),
        ("Southtown Civil Defence", ""),
        ("", ""),
    ],
)
def test_match_claimant_guesses_only_a_clear_match(text: str, expected: str) -> None:
    """The claimant guess names one existing claimant or none, never a coin toss."""
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


# --------------------------------------------------------------------------------------
# Planning
# --------------------------------------------------------------------------------------


def test_plan_lists_what_a_kept_row_still_lacks(data_copy: Path) -> None:
    """A reader is told which cells to fill before the save is offered."""
    frame = reviewed_frame(data_copy)
    frame.loc[1, ["claimant_id", "place"]] = ""
    frame.loc[2, ["measure", "qualifier_text"]] = ["", ""]
    frame.loc[2, "quote"] = "the district over the past two days, 2,000 families"
    frame.loc[2, "subject"] = "families"
    plan = plan_save(data_copy, NEW_ARTICLE, "", TITLE, PUBLISHED, "guessed", "", frame,
                     [{"name": "Aleppo Daily", "claimant_type": "newspaper"}])
    assert plan.messages == [
        "article: outlet is empty",
        "article: published_basis must be 'stated' (the text gives the date) or "
        "'inferred: <how the date was worked out>'",
        "new claimant 'Aleppo Daily': organisation is empty",
        "new claimant 'Aleppo Daily': party is empty",
        "new claimant 'Aleppo Daily': claimant_type 'newspaper' is not one of: "
        + ", ".join(schema.CLAIMANT_TYPES),
        "row 2 (15): claimant_id is empty (the text names 'Syrian Civil Defence'): pick a "
        "claimant or create one",
        "row 2 (15): place is empty",
        "row 3 (2,000): measure is empty",
        "row 3 (2,000): subject 'families' is not one of: " + ", ".join(schema.SUBJECTS),
        "row 3 (2,000): qualifier_text is empty: type the article's words for 'about' as "
        "they stand in the quote",
    ]
    assert plan.claimants == []  # the created claimant is used by no kept row


def test_plan_takes_qualifier_words_from_the_quote(data_copy: Path) -> None:
    """A reader who leaves the qualifier's words empty gets the article's own."""
    frame = reviewed_frame(data_copy)
    frame["qualifier_text"] = ""
    plan = plan_for(data_copy, frame)
    assert plan.messages == []
    assert [(claim["qualifier"], claim["qualifier_text"]) for claim in plan.claims] == [
        ("at_least", "At least"), ("about", "Some")]


def test_plan_accounts_for_every_number(data_copy: Path) -> None:
    """Numbers that are not kept claims go to not_claims.csv, with the extractor's reason."""
    plan = plan_for(data_copy, reviewed_frame(data_copy))
    assert [(row["text"], row["reason"]) for row in plan.not_claims] == [
        ("15", "set aside"),
        ("3", "date"),
        ("2016", "date"),
        ("two", "period length"),
        ("Tens of thousands", "vague quantity"),
        ("one", "not a count"),
        ("five", "war length"),
    ]
    for row in plan.not_claims:
        assert len(find_quote(NEW_ARTICLE, row["context"])) == 1


# --------------------------------------------------------------------------------------
# Saving
# --------------------------------------------------------------------------------------


def test_saved_article_checks_clean_and_shows_its_claims(data_copy: Path) -> None:
    """A reader saves a new article and its claims appear with the right claimants."""
    plan = plan_for(data_copy, reviewed_frame(data_copy))
    result = save(data_copy, plan)
    assert result.ok, result.messages
    assert result.article_id == "aleppo_daily_20161103"
    figures = build_figures(data_copy)
    assert figures.problems == ()
    new = figures.table[figures.table["article_id"] == result.article_id]
    assert list(zip(new["claim_id"], new["value"], new["claimant"], new["party"],
                    strict=True)) == [
        ("aleppo_daily_20161103-01", 15.0, "Syrian Civil Defence", "humanitarian NGO"),
        ("aleppo_daily_20161103-02", 2000.0, "Syrian Observatory for Human Rights",
         "independent monitor"),
    ]
    stored = (data_copy / schema.ARTICLES_DIR / "aleppo_daily_20161103.txt").read_bytes()
    assert stored == NEW_ARTICLE.encode("utf-8")
    not_claims = figures.dataset.not_claims
    assert set(not_claims.loc[not_claims["article_id"] == result.article_id, "text"]) == {
        "15", "3", "2016", "two", "Tens of thousands", "one", "five"}


def test_save_only_appends_to_the_csv_files(data_copy: Path) -> None:
    """Every byte the tables held before a save is still there, at the start."""
    before = {name: (data_copy / name).read_bytes() for name in intake.TABLE_FILES}
    plan = plan_for(data_copy, reviewed_frame(data_copy))
    assert save(data_copy, plan).ok
    for name, old in before.items():
        new = (data_copy / name).read_bytes()
        assert new.startswith(old), name
        assert (len(new) > len(old)) is bool(plan.rows[name]), name


def test_save_lists_a_new_place(data_copy: Path) -> None:
    """A claim naming a place not yet listed adds it to places.csv, so the save holds."""
    frame = reviewed_frame(data_copy)
    frame.loc[frame["keep"], "place"] = "Idlib"
    plan = plan_for(data_copy, frame)
    assert plan.places == [{"place": "Idlib", "part_of": ""}]
    assert save(data_copy, plan).ok
    assert build_figures(data_copy).problems == ()
    assert (data_copy / "places.csv").read_text(encoding="utf-8").endswith("Idlib,\n")


def test_save_that_breaks_the_checker_changes_nothing(data_copy: Path) -> None:
    """A quote edited so it is no longer verbatim is refused, at its file and line."""
    frame = reviewed_frame(data_copy)
    frame.loc[1, "quote"] = (
        "At least 15 civilians died in air strikes, the Syrian Civil Defence said.")
    before = folder_hashes(data_copy)
    result = save(data_copy, plan_for(data_copy, frame))
    assert not result.ok
    assert result.messages == [
        "claims.csv:29: quote: not found verbatim in articles/aleppo_daily_20161103.txt"]
    assert folder_hashes(data_copy) == before


def test_save_refuses_a_plan_with_messages(data_copy: Path) -> None:
    """A save with cells left empty is refused with the plan's own messages."""
    frame = reviewed_frame(data_copy)
    frame["place"] = ""
    plan = plan_for(data_copy, frame)
    before = folder_hashes(data_copy)
    result = save(data_copy, plan)
    assert (result.ok, result.messages) == (False, plan.messages)
    assert folder_hashes(data_copy) == before


def test_saving_a_stored_article_again_is_refused(data_copy: Path) -> None:
    """An article already stored cannot be added a second time, even respaced."""
    text = shipped_text_respaced().decode("utf-8")
    plan = plan_save(data_copy, text, "RFE/RL", "Again", PUBLISHED, "stated", "",
                     review_frame(text), [])
    before = folder_hashes(data_copy)
    result = save(data_copy, plan)
    assert not result.ok
    assert f"article: has the same text as the stored article {SHIPPED_ARTICLE}" in (
        result.messages)
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

    monkeypatch.setattr(intake.os, "replace", failing_replace)
    before = folder_hashes(data_copy)
    result = save(data_copy, plan_for(data_copy, reviewed_frame(data_copy)))
    assert not result.ok
    assert result.messages == [f"{data_copy / schema.SOURCES_FILE}: could not be written "
                               f"(No space left on device); nothing was saved"]
    assert calls[:3] == ["aleppo_daily_20161103.txt", "claimants.csv", "sources.csv"]
    assert folder_hashes(data_copy) == before


def test_save_never_overwrites_an_edit_made_meanwhile(data_copy: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """If someone edits a table while the save is checking, the save stops and their edit stays."""
    claims = data_copy / schema.CLAIMS_FILE
    real_new_problems = intake.new_problems

    def edit_meanwhile(originals: dict[str, bytes], changes: dict[str, bytes]) -> list[str]:
        found = real_new_problems(originals, changes)
        claims.write_bytes(claims.read_bytes() + b"\n")
        return found

    monkeypatch.setattr(intake, "new_problems", edit_meanwhile)
    original = claims.read_bytes()
    before = folder_hashes(data_copy)
    result = save(data_copy, plan_for(data_copy, reviewed_frame(data_copy)))
    assert (result.ok, result.messages) == (
        False, ["claims.csv: changed while saving; nothing was saved, try again"])
    assert claims.read_bytes() == original + b"\n"
    after = folder_hashes(data_copy)
    assert {name for name in before if after.get(name) != before[name]} == {"claims.csv"}
    assert set(after) == set(before)
