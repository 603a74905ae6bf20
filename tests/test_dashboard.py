"""The real dashboard on the real data, run through Streamlit's AppTest."""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from figures import pages
from figures.table import Figures
from tests.conftest import shown

APP = str(Path(__file__).resolve().parent.parent / "dashboard.py")
TIMEOUT = 60


class RecordingManager(MediaFileManager):
    """AppTest's media file manager, kept so a test can read what a download holds."""

    last: RecordingManager | None = None

    def __init__(self, storage) -> None:
        super().__init__(storage)
        self.storage = storage
        RecordingManager.last = self


@pytest.fixture(autouse=True)
def recorded_downloads(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Make every app run keep its media file manager, for reading downloads."""
    monkeypatch.setattr("streamlit.testing.v1.app_test.MediaFileManager", RecordingManager)
    yield


def run_app(query: dict[str, str | list[str]] | None = None,
            section: str | None = None) -> AppTest:
    """Run the dashboard once, optionally opened from a URL with query parameters and on
    one section's tab (the side-by-side tab otherwise)."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    if section is not None:
        at.session_state["section"] = section
    return at.run()


def open_section(at: AppTest, section: str) -> AppTest:
    """Click a section's tab: the page runs again with that section alone drawn."""
    at.session_state["section"] = section
    return at.run()


SECTIONS = pages.EXPLORE_SECTIONS
CHART_SECTIONS = {"chart_side_by_side": "Side by side", "chart_overview": "All measures",
                  "chart_timeline": "Timeline"}


def charts(at: AppTest) -> dict[str, dict]:
    """Each of the three main charts as its spec with its data, each read from its tab."""
    return {key: chart_in_tab(open_section(at, section))
            for key, section in CHART_SECTIONS.items()}


def chart_in_tab(at: AppTest) -> dict:
    """The one chart of the open tab, as its spec with its data."""
    (element,) = at.get("vega_lite_chart")
    spec = json.loads(element.proto.spec)
    spec["__datasets__"] = {
        dataset.name: dataset_frame(dataset.data.data) for dataset in element.proto.datasets
    }
    return spec


def dataset_frame(arrow: bytes) -> pd.DataFrame:
    """A chart dataset's Arrow bytes as a frame."""
    from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

    return convert_arrow_bytes_to_pandas_df(arrow)


def chart_rows(spec: dict) -> pd.DataFrame:
    """All the rows a chart spec carries, across its datasets and inline values."""
    frames = list(spec.get("__datasets__", {}).values())
    frames += [pd.DataFrame(values) for values in inline_values(spec)]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def inline_values(node: object) -> Iterator[list[dict]]:
    """Every inline `data.values` list in a spec."""
    if isinstance(node, dict):
        data = node.get("data")
        if isinstance(data, dict) and isinstance(data.get("values"), list):
            yield data["values"]
        for value in node.values():
            yield from inline_values(value)
    elif isinstance(node, list):
        for item in node:
            yield from inline_values(item)


def claim_ids_in_chart(at: AppTest, key: str) -> set[str]:
    """The claim ids a chart plots."""
    rows = chart_rows(chart_in_tab(open_section(at, CHART_SECTIONS[key])))
    return set(rows["claim_id"].dropna()) if "claim_id" in rows else set()


def claims_table(at: AppTest) -> pd.DataFrame:
    """The claims table as the page shows it, in its tab."""
    open_section(at, "Claims")
    for frame in at.dataframe:
        if frame.key == "claims_table" or frame.proto.id.endswith("claims_table"):
            return frame.value
    frames = [frame.value for frame in at.dataframe]
    return max(frames, key=lambda value: len(value.columns))


def download(at: AppTest, key: str) -> bytes:
    """The bytes a download button hands the reader, from the tab of the view's downloads."""
    open_section(at, "Cite and download")
    button = next(b for b in at.get("download_button") if b.proto.id.endswith(key))
    manager = RecordingManager.last
    assert manager is not None
    url = button.proto.url or manager.execute_deferred(button.proto.deferred_file_id)
    return manager.storage.get_file(url.rsplit("/", 1)[1]).content


def url_values(at: AppTest, key: str) -> list[str]:
    """The values of one query parameter of the page's URL after a run."""
    value = at.query_params.get(key, [])
    return [value] if isinstance(value, str) else list(value)


def marked_passage(body: str) -> str:
    """The text an article view highlights."""
    match = re.search(r"<mark[^>]*>(.*?)</mark>", body, re.DOTALL)
    assert match is not None, "no passage is highlighted"
    return match.group(1)


def open_more_filters(at: AppTest) -> AppTest:
    """Open the sidebar's "More filters": the page runs again with its widgets drawn."""
    at.session_state["more_filters"] = True
    return at.run()


def sidebar_multiselect(at: AppTest, field: str):
    """A sidebar filter by its stable key, "More filters" opened first when it is there."""
    if field != "parties":
        open_more_filters(at)
    return at.multiselect(key=f"filter_{field}")


@pytest.fixture(scope="module")
def first_view() -> AppTest:
    """The page as a reader first opens it."""
    return run_app()


def test_page_runs_without_exception(first_view: AppTest) -> None:
    """A reader opens the dashboard and sees no error."""
    assert not first_view.exception
    assert not first_view.error
    assert first_view.title[0].value == "Contested Figures"


def test_header_shows_corpus_at_a_glance(first_view: AppTest, shipped: Figures) -> None:
    """The header counts articles, claims, claimants and parties, and gives the date span."""
    metrics = {metric.label: metric.value for metric in first_view.metric}
    assert metrics["Articles"] == "5"
    assert metrics[f"Claims shown of {len(shipped.table)}"] == str(len(shipped.table))
    assert metrics["Claimants"] == "13"
    assert metrics["Parties"] == "8"
    assert metrics["Published in 2016"] == "Jul–Nov"
    assert "not verified" in first_view.caption[0].value


def test_only_the_open_tab_is_drawn() -> None:
    """The page opens on the side-by-side tab and sends that section alone: one chart, its
    two image buttons, no table; another tab sends its own section and no chart."""
    at = run_app()
    assert [tab.label for tab in at.tabs] == list(SECTIONS)
    assert [header.value for header in at.main.header] == ["Side by side"]
    assert len(at.get("vega_lite_chart")) == 1
    assert sorted(b.label for b in at.get("download_button")) == ["PNG image", "SVG image"]
    assert not at.dataframe and not at.code
    open_section(at, "Claims")
    assert [header.value for header in at.main.header] == ["Claims"]
    assert not at.get("vega_lite_chart") and len(claims_table(at)) == 27
    for section in SECTIONS:
        open_section(at, section)
        assert not at.exception and not at.error, section
        assert at.main.header[0].value == section


def test_choices_made_in_a_tab_hold_while_another_is_open() -> None:
    """The claim whose article is shown and the article whose claims are shown are still
    chosen after a visit to another tab."""
    at = run_app(section="Claims")
    at.selectbox(key="claim_choice").set_value("eghtesad-04").run()
    open_section(at, "Sources")
    at.selectbox(key="source_choice").set_value("rt").run()
    open_section(at, "Timeline")
    assert open_section(at, "Claims").selectbox(key="claim_choice").value == "eghtesad-04"
    assert open_section(at, "Sources").selectbox(key="source_choice").value == "rt"


def test_the_open_tab_is_in_the_url() -> None:
    """A link names the open tab, so it (and a screenshot of it) reopens there; the first
    tab needs no name, and a name the page does not know is said to be ignored."""
    at = run_app({"section": "Claims", "view": "screenshot"})
    assert not at.exception and not at.warning
    assert [header.value for header in at.main.header] == ["Claims"]
    assert url_values(at, "section") == ["Claims"]
    leave = next(m.value for m in at.markdown if m.value.startswith("[Leave screenshot mode]"))
    assert "section=Claims" in leave and "view=" not in leave
    open_section(at, "Side by side")
    assert url_values(at, "section") == []
    at = run_app({"section": "Charts"})
    assert [header.value for header in at.main.header] == ["Side by side"]
    assert any("Ignored section 'Charts'" in shown(warning.value) for warning in at.warning)


def test_the_comparison_chosen_holds_on_every_tab() -> None:
    """The comparison is picked on the side-by-side tab but belongs to the view: the URL
    (which the citation quotes) keeps it while another tab is open, and the tab shows it
    on return."""
    at = run_app()
    at.selectbox(key="comparison").set_value("People killed").run()
    open_section(at, "Cite and download")
    assert url_values(at, "compare") == ["People killed"]
    open_section(at, "Claims")
    assert url_values(at, "compare") == ["People killed"]
    open_section(at, "Side by side")
    assert at.selectbox(key="comparison").value == "People killed"
    assert chart_in_tab(at)["title"]["text"].startswith("People killed")


def test_every_chart_holds_every_claim(shipped: Figures) -> None:
    """Unfiltered, the overview and timeline plot all 27 claims."""
    every = set(shipped.table["claim_id"])
    at = run_app()
    assert claim_ids_in_chart(at, "chart_overview") == every
    assert claim_ids_in_chart(at, "chart_timeline") == every


def test_children_killed_side_by_side() -> None:
    """Children killed: UNICEF's 96, the Observatory's 68 and state television's 4."""
    at = run_app({"compare": "Children killed"})
    assert not at.exception
    rows = chart_rows(chart_in_tab(at)).drop_duplicates("claim_id")
    found = {(row.claimant, int(row.value), row.party) for row in rows.itertuples()}
    assert found == {
        ("Anthony Lake", 96, "United Nations"),
        ("Syrian Observatory for Human Rights", 68, "independent monitor"),
        ("Syrian state television", 4, "Syrian government"),
    }
    labels = dict(zip(rows["claimant"], rows["value_label"], strict=True))
    assert labels["Anthony Lake"] == "at least 96"


@pytest.mark.parametrize(
    ("field", "choice", "expected"),
    [
        ("parties", ["United Nations"], {"eghtesad-04", "eghtesad-05"}),
        ("claimants", ["Syrian state television"], {"ahram-03"}),
        ("outlets", ["TRT World"], {"trt-01", "trt-02"}),
        ("measures", ["pardoned"], {"rt-06"}),
        ("subjects", ["newborns"], {"rt-09"}),
        ("places", ["Deir al-Zor"], {"rt-02", "rt-03"}),
    ],
)
def test_each_filter_narrows_charts_and_table(field: str, choice: list[str],
                                              expected: set[str]) -> None:
    """A reader narrows by one filter and every chart and the table hold only those claims."""
    at = run_app()
    sidebar_multiselect(at, field).set_value(choice).run()
    assert not at.exception
    assert set(claims_table(at)["claim_id"]) == expected
    assert claim_ids_in_chart(at, "chart_timeline") == expected
    assert claim_ids_in_chart(at, "chart_overview") == expected
    assert claim_ids_in_chart(at, "chart_side_by_side") <= expected
    assert (at.metric[2].label, at.metric[2].value) == ("Claims shown of 27", str(len(expected)))


def test_more_filters_hold_while_closed_and_say_so() -> None:
    """The page opens with search and party drawn and the other filters folded under
    "More filters"; one chosen there still narrows the view after it is closed, and the
    sidebar names it; a link that uses one opens the fold."""
    at = run_app()
    assert [box.key for box in at.sidebar.multiselect] == ["filter_parties"]
    sidebar_multiselect(at, "outlets").set_value(["RT"]).run()
    at.session_state["more_filters"] = False
    at.run()
    at.run()  # a second run without the widget drawn: Streamlit would have forgotten it
    assert [box.key for box in at.sidebar.multiselect] == ["filter_parties"]
    assert set(claims_table(at)["outlet"]) == {"RT"}
    assert "In use: outlet." in [caption.value for caption in at.sidebar.caption]
    assert url_values(at, "outlet") == ["RT"]
    linked = run_app({"outlet": "RT"})
    assert linked.multiselect(key="filter_outlets").value == ["RT"]
    dated = run_app()
    open_more_filters(dated).date_input(key="filter_dates").set_value(
        (pd.Timestamp("2016-10-01").date(), pd.Timestamp("2016-10-13").date())).run()
    dated.session_state["more_filters"] = False
    dated.run()
    dated.run()
    assert set(claims_table(dated)["article_id"]) == {"eghtesad", "ahram"}
    assert url_values(dated, "from") == ["2016-10-01"]
    assert "In use: published between." in [c.value for c in dated.sidebar.caption]


def test_search_and_dates_narrow_the_view() -> None:
    """Free-text search and the date range narrow the table."""
    at = run_app()
    at.text_input(key="filter_search").set_value("newborn").run()
    assert set(claims_table(at)["claim_id"]) == {"rt-07", "rt-08", "rt-09"}
    at.text_input(key="filter_search").set_value("").run()
    open_more_filters(at).date_input(key="filter_dates").set_value(
        (pd.Timestamp("2016-10-01").date(), pd.Timestamp("2016-10-13").date())).run()
    assert set(claims_table(at)["article_id"]) == {"eghtesad", "ahram"}


def test_filter_matching_nothing_shows_empty_state() -> None:
    """A search that matches nothing shows a friendly message, not an error."""
    at = run_app({"q": "zeppelin"})
    assert not at.exception
    assert "No claim matches" in at.info[0].value


def test_reset_clears_filters() -> None:
    """Reset brings back every claim."""
    at = run_app({"party": "Russia"})
    assert len(claims_table(at)) == 13
    at.button(key="reset").click().run()
    assert len(claims_table(at)) == 27


def test_query_parameters_restore_a_view() -> None:
    """A copied link reopens the same view: filters and comparison come from the URL."""
    at = run_app({"party": ["Russia", "Turkey"], "compare": "Pause and truce lengths"})
    assert not at.exception
    assert sidebar_multiselect(at, "parties").value == ["Russia", "Turkey"]
    assert at.selectbox(key="comparison").value == "Pause and truce lengths"
    assert set(claims_table(at)["party"]) == {"Russia", "Turkey"}
    assert url_values(at, "party") == ["Russia", "Turkey"]
    assert url_values(at, "compare") == ["Pause and truce lengths"]


def test_view_is_written_to_the_url() -> None:
    """Choosing a filter writes it into the URL's query parameters."""
    at = run_app()
    sidebar_multiselect(at, "outlets").set_value(["RT"]).run()
    assert url_values(at, "outlet") == ["RT"]


def test_unknown_url_values_are_ignored_with_a_warning() -> None:
    """A link naming a party the data does not hold opens with a warning, not an error."""
    at = run_app({"party": "Mars"})
    assert not at.exception
    assert any("Mars" in warning.value for warning in at.warning)
    assert len(claims_table(at)) == 27


def test_downloads_hold_exactly_the_filtered_rows() -> None:
    """The CSV and JSON downloads hold exactly the rows shown, with provenance."""
    at = run_app({"outlet": "Ahram Online"})
    listed = list(claims_table(at)["claim_id"])
    raw_csv = download(at, "download_csv")
    assert raw_csv.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(io.BytesIO(raw_csv), encoding="utf-8-sig")
    assert list(frame["claim_id"]) == listed
    assert {"quote", "claimant", "party", "outlet", "published_basis"} <= set(frame.columns)
    rows = json.loads(download(at, "download_json"))
    assert [row["claim_id"] for row in rows] == listed


def test_zip_download_holds_the_whole_dataset() -> None:
    """The dataset zip holds the tables, the articles, the codebook and datapackage.json."""
    at = run_app({"outlet": "RT"})
    names = set(zipfile.ZipFile(io.BytesIO(download(at, "download_zip"))).namelist())
    assert {"claims.csv", "sources.csv", "claimants.csv", "not_claims.csv", "README.md",
            "datapackage.json"} <= names
    assert sum(name.endswith(".txt") for name in names) == 5


def test_chosen_claim_shows_its_article_with_quote_marked() -> None:
    """Choosing a claim shows its article, escaped, with the quote highlighted."""
    at = run_app(section="Claims")
    at.selectbox(key="claim_choice").set_value("eghtesad-04").run()
    assert not at.exception
    bodies = [element.proto.body for element in at.get("html")]
    article = next(body for body in bodies if "article-text" in body)
    assert marked_passage(article).startswith("At least 96 children have been killed")
    assert "we&#x27;ve" in article or "we’ve" in article


def test_broken_data_folder_shows_rejected_rows_and_valid_claims(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bad rows are listed with file, line and reason; the valid claims still show."""
    claims = data_copy / "claims.csv"
    text = claims.read_text(encoding="utf-8")
    text = text.replace("ahram-03,ahram,syrian_tv,4,", "ahram-03,ahram,syrian_tv,four,", 1)
    text = text.replace("rt-09,rt,reconciliation,138,,count,exact,,left,newborns",
                        "rt-09,rt,reconciliation,138,,count,exact,,evacuated,newborns", 1)
    claims.write_text(text, encoding="utf-8")
    monkeypatch.setenv("FIGURES_DATA_DIR", str(data_copy))
    at = run_app()
    assert not at.exception
    rejected = next(frame.value for frame in at.dataframe if "reason" in frame.value.columns)
    assert list(rejected["claim_id"]) == ["ahram-03", "rt-09"]
    assert list(rejected["line"]) == [13, 26]
    assert "not a number" in rejected["reason"].iloc[0]
    assert "'evacuated' is not one of" in rejected["reason"].iloc[1]
    assert len(claims_table(at)) == 25
    assert "2 of 27 claim rows rejected" in at.expander[0].label


def test_screenshot_mode_from_the_url_hides_the_controls() -> None:
    """Opened with ?view=screenshot, the page shows the view without widgets or warnings."""
    at = run_app({"view": "screenshot", "compare": "People killed"})
    assert not at.exception
    assert not at.warning
    assert at.session_state["screenshot_mode"] is True
    assert chart_rows(chart_in_tab(at))["claim_id"].nunique() == 4
    for section in SECTIONS:
        open_section(at, section)
        assert not at.exception
        assert not [box for box in at.selectbox if box.key in ("comparison", "claim_choice")]
        assert not list(at.get("download_button")), section


def test_clicking_a_table_row_shows_its_article() -> None:
    """A reader clicks a row of the claims table and its article opens, quote marked."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.session_state["section"] = "Claims"
    at.session_state["claims_table"] = {"selection": {"rows": [14], "columns": [],
                                                      "cells": []}}
    at.run()
    assert not at.exception
    assert at.selectbox(key="claim_choice").value == "ahram-06"
    article = next(e.proto.body for e in at.get("html") if "article-text" in e.proto.body)
    assert "has killed 68 people" in marked_passage(article)


def test_folder_with_nothing_valid_says_so_without_a_traceback(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With claimants.csv gone no claim can be shown: the page lists why, and never crashes."""
    (data_copy / "claimants.csv").unlink()
    monkeypatch.setenv("FIGURES_DATA_DIR", str(data_copy))
    at = run_app()
    assert not at.exception
    assert any("No claim could be read" in error.value for error in at.error)
    problems = next(frame.value for frame in at.dataframe if "message" in frame.value.columns)
    assert "claimants.csv" in set(problems["file"])
    assert "27 of 27 claim rows rejected" in at.expander[0].label


def test_missing_data_folder_does_not_crash(monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path) -> None:
    """A FIGURES_DATA_DIR that does not exist gives the problem list, not a traceback."""
    monkeypatch.setenv("FIGURES_DATA_DIR", str(tmp_path / "nowhere"))
    at = run_app()
    assert not at.exception
    assert any("No claim could be read" in error.value for error in at.error)


def test_page_follows_an_edited_data_file(data_copy: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The cached table is rebuilt when a data file changes: an edit shows on the next run."""
    monkeypatch.setenv("FIGURES_DATA_DIR", str(data_copy))
    at = run_app()
    assert len(claims_table(at)) == 27 and not any(
        expander.label.startswith("⚠") for expander in at.expander)
    claims = data_copy / "claims.csv"
    claims.write_text(claims.read_text(encoding="utf-8").replace(
        "trt-01,trt,trt,300000,", "trt-01,trt,trt,three hundred thousand,", 1), encoding="utf-8")
    at.run()
    assert not at.exception
    assert len(claims_table(at)) == 26
    assert "1 of 27 claim rows rejected" in at.expander[0].label


def test_sources_never_show_an_inferred_date_as_stated() -> None:
    """Each article in Sources is listed with its date, marked where it is inferred."""
    listing = next(frame.value for frame in run_app(section="Sources").dataframe
                   if "how the date is known" in frame.value.columns)
    assert sorted(listing["outlet"]) == sorted(["RFE/RL", "EghtesadOnline", "Ahram Online",
                                                "RT", "TRT World"])
    for row in listing.to_dict("records"):
        stated = row["outlet"] in ("EghtesadOnline", "Ahram Online")
        assert ("(date inferred)" in row["date"]) is not stated, row
        assert (row["how the date is known"] == "stated in the article") is stated, row
    assert listing["claims"].sum() == 27


def test_sources_show_the_claims_of_the_article_chosen() -> None:
    """Choosing an article under the sources table shows its date, credits and claims."""
    at = run_app(section="Sources")
    at.selectbox(key="source_choice").set_value("rt").run()
    assert not at.exception
    claims = next(frame.value for frame in at.dataframe
                  if "review_status" in frame.value.columns and "subject" in frame.value.columns
                  and len(frame.value.columns) <= 9)
    listing = next(frame.value for frame in at.dataframe
                   if "how the date is known" in frame.value.columns)
    assert set(claims["claim_id"]) == {c for c in claims["claim_id"] if c.startswith("rt-")}
    assert len(claims) == listing.set_index("article_id").loc["rt", "claims"] > 0
    assert any("003_e50b3248676841e1.txt" in shown(markdown.value).replace("\u2060", "")
               for markdown in at.markdown if "**File**" in markdown.value)
    (date_line,) = [shown(markdown.value) for markdown in at.markdown
                    if markdown.value.startswith("**Date**")]
    assert date_line.startswith("**Date**: 2016-11-30 (inferred:")  # said once, not twice
