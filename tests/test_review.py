"""The review queue through the real dashboard (AppTest): accepting and rejecting change
exactly the rows meant; proposed figures are shown only when asked, and marked."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from figures import pages, review, schema
from figures.corpus import Item, Options, add_items
from figures.table import build_figures
from tests.conftest import shown
from tests.test_add_article import NEW_ARTICLE
from tests.test_dashboard import APP, TIMEOUT, open_section

ARTICLE_ID = "aleppo_today_20161128"
FIRST, SECOND = f"{ARTICLE_ID}-01", f"{ARTICLE_ID}-02"


def rows_of(path: Path) -> dict[str, dict[str, str]]:
    """A table's rows by their first column."""
    reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline=""))
    return {row[reader.fieldnames[0]] + "|" + row.get("context", ""): row for row in reader}


@pytest.fixture
def proposals(data_copy: Path) -> Path:
    """A copy of the data with one added article whose two figures wait for review."""
    summary = add_items(data_copy, [Item("clinic.txt", NEW_ARTICLE.encode())],
                        Options(outlet="Aleppo Today", published="2016-11-28"))
    assert [added.claims for added in summary.added] == [2]
    return data_copy


@pytest.fixture
def review_page(proposals: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """The Review page on that copy."""
    monkeypatch.setenv("FIGURES_DATA_DIR", str(proposals))
    return AppTest.from_file(APP, default_timeout=TIMEOUT).run().switch_page(
        pages.REVIEW).run()


def test_queue_shows_each_proposal_with_its_quote_marked(review_page: AppTest) -> None:
    """The reader sees both waiting figures, each with its quote marked in the article, and
    the sidebar counts them."""
    at = review_page
    assert not at.exception
    assert "**2** claims waiting for review" in " ".join(c.value for c in at.sidebar.caption)
    marked = [html.proto.body for html in at.get("html") if "<mark" in html.proto.body]
    assert len(marked) == 2
    assert "At least 15 civilians were killed" in marked[0].split("<mark")[1]
    assert at.text_input(key=f"review_place_{FIRST}").value == ""


def test_accepting_changes_exactly_that_row(review_page: AppTest, proposals: Path) -> None:
    """Accepting one figure, with its place filled in, marks that claim checked and changes
    no other row of any table."""
    before = {name: rows_of(proposals / name) for name in (schema.CLAIMS_FILE,
                                                          schema.NOT_CLAIMS_FILE,
                                                          schema.SOURCES_FILE)}
    at = review_page
    at.text_input(key=f"review_place_{FIRST}").set_value("Bustan al-Qasr, Aleppo")
    at.button(key=f"review_accept_{FIRST}").click().run()
    assert not at.exception
    assert at.success and shown(at.success[0].value) == f"Fixed (place) and accepted {FIRST}."
    after = rows_of(proposals / schema.CLAIMS_FILE)
    changed = {key for key in after if after[key] != before[schema.CLAIMS_FILE].get(key)}
    assert changed == {f"{FIRST}|"}
    assert (after[f"{FIRST}|"]["review_status"], after[f"{FIRST}|"]["place"]) == (
        schema.CHECKED, "Bustan al-Qasr, Aleppo")
    assert set(after) == set(before[schema.CLAIMS_FILE])
    for name in (schema.NOT_CLAIMS_FILE, schema.SOURCES_FILE):
        assert rows_of(proposals / name) == before[name]
    assert build_figures(proposals).problems == ()
    assert rows_of(proposals / schema.PLACES_FILE)["Bustan al-Qasr, Aleppo|"]["part_of"] == ""
    assert "**1** claims waiting for review" in " ".join(c.value for c in at.sidebar.caption)


def test_rejecting_moves_the_figure_to_not_claims(review_page: AppTest, proposals: Path) -> None:
    """Rejecting one figure removes exactly that claim and lists its number in
    not_claims.csv with the reason chosen; everything else stays as it was."""
    claims_before = rows_of(proposals / schema.CLAIMS_FILE)
    not_claims_before = rows_of(proposals / schema.NOT_CLAIMS_FILE)
    at = review_page
    at.selectbox(key=f"review_reason_{SECOND}").set_value("not a count")
    at.button(key=f"review_reject_{SECOND}").click().run()
    assert not at.exception
    claims_after = rows_of(proposals / schema.CLAIMS_FILE)
    assert set(claims_before) - set(claims_after) == {f"{SECOND}|"}
    assert all(claims_after[key] == claims_before[key] for key in claims_after)
    not_claims_after = rows_of(proposals / schema.NOT_CLAIMS_FILE)
    added = [row for key, row in not_claims_after.items() if key not in not_claims_before]
    assert [(row["article_id"], row["text"], row["reason"]) for row in added] == [
        (ARTICLE_ID, "2,000", "not a count")]
    assert all(not_claims_after[key] == row for key, row in not_claims_before.items())
    assert build_figures(proposals).problems == ()


def test_accepting_without_a_place_changes_nothing(review_page: AppTest,
                                                   proposals: Path) -> None:
    """A figure accepted before its place is given is refused, saying what is missing."""
    before = (proposals / schema.CLAIMS_FILE).read_bytes()
    at = review_page
    at.button(key=f"review_accept_{FIRST}").click().run()
    assert not at.exception
    assert at.error and "place: is empty" in shown(at.error[0].value)
    assert (proposals / schema.CLAIMS_FILE).read_bytes() == before


def test_accepting_classifies_an_unassigned_claimant(review_page: AppTest,
                                                     proposals: Path) -> None:
    """A new claimant's type and party, chosen with the figure, are saved to it and its
    suggestions cleared."""
    at = review_page
    at.text_input(key=f"review_place_{FIRST}").set_value("Aleppo")
    at.selectbox(key=f"review_type_{FIRST}").set_value("NGO")
    at.selectbox(key=f"review_party_{FIRST}").set_value("humanitarian NGO")
    at.button(key=f"review_accept_{FIRST}").click().run()
    assert not at.exception
    figures = build_figures(proposals)
    claim = figures.table.set_index("claim_id").loc[FIRST]
    assert (claim["claimant_type"], claim["party"], claim["review_status"]) == (
        "NGO", "humanitarian NGO", schema.CHECKED)
    claimant = figures.dataset.claimants.set_index("claimant_id").loc[claim["claimant_id"]]
    assert (claimant["suggested_type"], claimant["suggested_party"]) == ("", "")


def test_choosing_another_claimant_leaves_its_classification_alone(
        review_page: AppTest, proposals: Path) -> None:
    """A figure moved to a stored claimant keeps that claimant's type and party, though the
    form still holds a choice for the new one; the new claimant, named by no claim now,
    is removed, and the folder checks clean."""
    at = review_page
    before = build_figures(proposals).dataset.claimants.set_index("claimant_id")
    created = build_figures(proposals).table.set_index("claim_id").loc[FIRST, "claimant_id"]
    at.text_input(key=f"review_place_{FIRST}").set_value("Aleppo")
    at.selectbox(key=f"review_type_{FIRST}").set_value("government")
    at.selectbox(key=f"review_party_{FIRST}").set_value("Syrian government")
    at.selectbox(key=f"review_claimant_id_{FIRST}").set_value("konashenkov")
    at.button(key=f"review_accept_{FIRST}").click().run()
    assert not at.exception
    figures = build_figures(proposals)
    assert figures.problems == ()
    claimants = figures.dataset.claimants.set_index("claimant_id")
    assert (claimants.loc["konashenkov", "claimant_type"], claimants.loc["konashenkov",
            "party"]) == (before.loc["konashenkov", "claimant_type"],
                          before.loc["konashenkov", "party"])
    assert figures.table.set_index("claim_id").loc[FIRST, "claimant_id"] == "konashenkov"
    assert (created in claimants.index) == (created in set(figures.table["claimant_id"]))


def test_explore_shows_proposals_only_when_asked(proposals: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Explore shows checked figures by default; the toggle adds the proposals, marked in the
    charts' legend and labels, the table and the citation."""
    monkeypatch.setenv("FIGURES_DATA_DIR", str(proposals))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert at.metric[2].value == "27"
    at.toggle(key="include_proposed").set_value(True).run()
    assert not at.exception
    assert at.metric[2].value == "29"
    citation = open_section(at, "Cite and download").code[-1].value
    assert "Not yet reviewed: 2 of the 29 claims" in citation
    assert "including figures not yet reviewed" in citation
    specs = " ".join(chart.proto.spec for section in ("Side by side", "All measures", "Timeline")
                     for chart in open_section(at, section).get("vega_lite_chart"))
    assert "proposed, not yet reviewed" in specs


def test_recording_a_wire_story(proposals: Path) -> None:
    """A near-duplicate recorded as a wire story keeps the wire in its source row."""
    outcome = review.apply(proposals, review.record_wire(ARTICLE_ID, "AFP"))
    assert outcome.ok, outcome.messages
    sources = build_figures(proposals).dataset.sources.set_index("article_id")
    assert sources.loc[ARTICLE_ID, "wire"] == "AFP"


def test_downloads_carry_the_review_status(proposals: Path) -> None:
    """The CSV and JSON of a view including proposals say which figures are proposed."""
    from figures.export import table_csv, table_json
    from figures.filters import Selection, apply_selection

    shown = apply_selection(build_figures(proposals).table, Selection(include_proposed=True))
    csv_text = table_csv(shown).decode("utf-8")
    assert csv_text.splitlines()[0].split(",")[len(schema.CLAIM_COLUMNS) - 1] == "review_status"
    assert csv_text.count(",proposed,") == 2
    assert table_json(shown).decode("utf-8").count('"review_status": "proposed"') == 2


def test_review_page_flags_a_near_duplicate(proposals: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """A second outlet's run of the same story is flagged on Review, and the reader records
    it as a wire story there."""
    rerun = NEW_ARTICLE.replace("Aleppo clinic hit", "Clinic struck") + "Talks resume Monday.\n"
    summary = add_items(proposals, [Item("rerun.txt", rerun.encode())],
                        Options(outlet="Courier", published="2016-11-29"))
    assert summary.added[0].near is not None
    monkeypatch.setenv("FIGURES_DATA_DIR", str(proposals))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run().switch_page(pages.REVIEW).run()
    at.selectbox(key="review_article").set_value("courier_20161129").run()
    assert not at.exception
    assert any(f"{ARTICLE_ID}.txt" in shown(warning.value) for warning in at.warning)
    at.text_input(key="review_wire").set_value("AFP")
    at.button(key="review_wire_save").click().run()
    assert not at.exception
    sources = build_figures(proposals).dataset.sources.set_index("article_id")
    assert sources.loc["courier_20161129", "wire"] == "AFP"
