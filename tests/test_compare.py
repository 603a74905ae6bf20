"""Like with like: which claims share a comparison, and how each claim is labelled."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from figures import compare, schema
from figures.table import Figures

NAN = math.nan


def claim(**changes: object) -> dict[str, object]:
    """One claim row of the figure table with every column empty but those given."""
    row: dict[str, object] = {column: "" for column in schema.TABLE_COLUMNS}
    row.update(value=NAN, value_max=NAN, unit="count", qualifier="exact")
    row.update(changes)
    return row


def frame_of(*rows: dict[str, object]) -> pd.DataFrame:
    """A figure table made of the given rows."""
    return pd.DataFrame.from_records(rows, columns=list(schema.TABLE_COLUMNS))


def by_claim(frame: pd.DataFrame) -> dict[str, dict[str, object]]:
    """Rows of a frame keyed by claim id."""
    return {row["claim_id"]: row for row in frame.to_dict("records")}


def test_every_claim_falls_in_exactly_one_comparison(shipped: Figures) -> None:
    """Each of the shipped claims is shown in one comparison and in no other."""
    table = shipped.table
    seen = [claim_id
            for label in compare.available_comparisons(table)
            for claim_id in compare.comparison_frame(table, label)["claim_id"]]
    assert sorted(seen) == sorted(table["claim_id"])
    assert len(seen) == len(set(seen)) == 27


def test_no_pair_is_named_in_two_comparisons() -> None:
    """A (measure, subject) pair belongs to one named comparison at most."""
    pairs = [pair for pairs in compare.COMPARISONS.values() for pair in pairs]
    assert len(pairs) == len(set(pairs))


def test_named_comparisons_use_only_contract_words() -> None:
    """Every pair a comparison names uses a measure and a subject the schema knows."""
    for pairs in compare.COMPARISONS.values():
        for measure, subject in pairs:
            assert measure in schema.MEASURES and subject in schema.SUBJECTS


def test_every_comparison_says_what_it_counts() -> None:
    """Each named comparison has a sentence saying what it counts."""
    assert set(compare.COUNTED) == set(compare.COMPARISONS)


def test_an_unnamed_pair_gets_a_comparison_of_its_own() -> None:
    """Fighters killed, which no named comparison holds, is not lost or mixed with people."""
    assert compare.comparison_of("killed", "fighters") == "Other: fighters killed"
    table = frame_of(claim(claim_id="x-01", measure="killed", subject="fighters", value=3.0))
    assert compare.available_comparisons(table) == ["Other: fighters killed"]


def test_available_comparisons_are_in_reading_order(shipped: Figures) -> None:
    """The menu lists only comparisons with claims, in the order COMPARISONS gives."""
    labels = compare.available_comparisons(shipped.table)
    assert labels == [label for label in compare.COMPARISONS if label in labels]
    assert labels[:2] == ["Children killed", "People killed"]
    assert "People injured" not in labels


def test_children_killed_holds_each_claimant_with_its_party(shipped: Figures) -> None:
    """UNICEF's 96, the Observatory's 68 and Syrian state TV's 4 stand side by side."""
    frame = compare.comparison_frame(shipped.table, "Children killed")
    rows = {row["claimant_label"]: row for row in frame.to_dict("records")}
    assert set(rows) == {"Anthony Lake (UNICEF)", "Syrian Observatory for Human Rights",
                         "Syrian state television"}
    assert (rows["Anthony Lake (UNICEF)"]["value_label"], rows["Anthony Lake (UNICEF)"]["party"],
            rows["Anthony Lake (UNICEF)"]["exactness"]) == (
        "at least 96", "United Nations", compare.INEXACT)
    observatory = rows["Syrian Observatory for Human Rights"]
    assert (observatory["value_label"], observatory["party"]) == ("68", "independent monitor")
    television = rows["Syrian state television"]
    assert (television["value_label"], television["party"]) == ("4", "Syrian government")
    assert list(frame["plot_value"]) == [96.0, 68.0, 4.0]


def test_children_killed_tells_places_and_periods_apart(shipped: Figures) -> None:
    """Each child toll says where and over what period it was counted."""
    frame = compare.comparison_frame(shipped.table, "Children killed")
    assert list(frame["context"]) == [
        "Aleppo · this week alone",
        "Aleppo · Since the army's assault began in late September",
        "western Aleppo (government-held)",
    ]


def test_pause_lengths_are_plotted_in_hours_and_labelled_in_the_articles_unit(
    shipped: Figures,
) -> None:
    """A seven-day truce sits at 168 hours but still reads "7 days"."""
    frame = compare.comparison_frame(shipped.table, "Pause and truce lengths")
    rows = by_claim(frame)
    assert (rows["eghtesad-03"]["plot_value"], rows["eghtesad-03"]["value_label"]) == (
        168.0, "7 days")
    assert (rows["eghtesad-01"]["plot_value"], rows["eghtesad-01"]["value_label"]) == (
        48.0, "48 hours")
    assert (rows["trt-02"]["plot_value"], rows["trt-02"]["value_label"]) == (3.0, "3 hours")
    assert set(frame["unit_label"]) == {"hours"}


def test_areas_and_distances_share_a_scale_and_keep_the_articles_unit() -> None:
    """300 hectares sits at 3 square km beside a claim of 5 square km, and still reads
    "300 hectares"; 10 miles sits at 16.09 km."""
    frame = compare.label_frame(frame_of(
        claim(claim_id="a", value=300.0, unit="hectares", measure="area", subject="territory"),
        claim(claim_id="b", value=5.0, unit="square km", measure="area", subject="territory"),
        claim(claim_id="c", value=10.0, unit="miles", measure="distance", subject="territory")))
    rows = by_claim(frame)
    assert rows["a"]["plot_value"] == pytest.approx(3.0)
    assert rows["a"]["value_label"] == "300 hectares"
    assert (rows["b"]["plot_value"], rows["b"]["value_label"]) == (5.0, "5 square km")
    assert rows["c"]["plot_value"] == pytest.approx(16.09344)
    assert [rows[key]["unit_label"] for key in "abc"] == ["square km", "square km", "km"]


def test_a_truce_ruled_out_is_not_shown_as_one_offered(shipped: Figures) -> None:
    """Ryabkov's seven days is labelled as ruled out, his 48 hours as offered."""
    rows = by_claim(compare.comparison_frame(shipped.table, "Pause and truce lengths"))
    assert rows["eghtesad-03"]["row_label"] == (
        "Sergei Ryabkov (Russian Foreign Ministry)\ntruce ruled out · Aleppo")
    assert rows["eghtesad-01"]["stance"] == "offered"


def test_children_and_people_are_not_compared(shipped: Figures) -> None:
    """Children who left are a comparison of their own, apart from all people who left."""
    table = shipped.table
    children = compare.comparison_frame(table, "Children who left or were freed")
    people = compare.comparison_frame(table, "People who left or were freed")
    assert set(children["subject"]) == {"children", "newborns"}
    assert set(people["subject"]) == {"people"}


def test_mixed_measures_name_what_each_claim_counts(shipped: Figures) -> None:
    """Hospitals attacked and shells fired each say which they count."""
    frame = compare.comparison_frame(shipped.table, "Hospitals attacked and shells fired")
    details = set(frame["detail"])
    assert details == {"hospitals attacked · eastern Aleppo · Earlier this week",
                       "artillery shells fired · eastern Aleppo · Earlier this week"}


@pytest.mark.parametrize(
    ("qualifier", "qualifier_text", "value", "value_max", "unit", "expected"),
    [
        ("at_least", "At least", 96, NAN, "count", "at least 96"),
        ("over", "more than", 370, NAN, "count", "more than 370"),
        ("over", "over", 80_000, NAN, "count", "over 80,000"),
        ("about", "some", 300_000, NAN, "count", "some 300,000"),
        ("estimated", "an estimated", 250_000, NAN, "count", "an estimated 250,000"),
        ("as_little_as", "as little as", 1, NAN, "percent", "as little as 1%"),
        ("up_to", "", 5_000, NAN, "count", "up to 5,000"),
        ("about", "", 10, 20, "count", "about 10–20"),
        ("exact", "", 48, NAN, "hours", "48 hours"),
        ("exact", "", 7, NAN, "days", "7 days"),
        ("exact", "", 1, NAN, "days", "1 day"),
        ("exact", "", 3_179, NAN, "count", "3,179"),
        ("exact", "exactly", 12.5, NAN, "percent", "12.5%"),
    ],
)
def test_value_label_keeps_the_articles_qualifier(
    qualifier: str, qualifier_text: str, value: float, value_max: float, unit: str,
    expected: str,
) -> None:
    """A figure reads as the article put it; exact figures carry no qualifier word."""
    row = claim(qualifier=qualifier, qualifier_text=qualifier_text, value=float(value),
                value_max=float(value_max), unit=unit)
    assert compare.value_label(row) == expected


@pytest.mark.parametrize(
    ("name", "organisation", "expected"),
    [
        ("Anthony Lake", "UNICEF (United Nations Children's Fund)", "Anthony Lake (UNICEF)"),
        ("Sergei Ryabkov", "Russian Foreign Ministry", "Sergei Ryabkov (Russian Foreign Ministry)"),
        ("Moscow", "Russian government", "Moscow (Russian government)"),
        ("AFP", "Agence France-Presse", "AFP"),
        ("RFE/RL", "Radio Free Europe/Radio Liberty", "RFE/RL"),
        ("Bloomberg", "Bloomberg News", "Bloomberg"),
        ("TRT World", "TRT World (Turkish Radio and Television Corporation)", "TRT World"),
        ("Russian Reconciliation Center",
         "Russian Centre for Reconciliation of Opposing Sides in Syria",
         "Russian Reconciliation Center"),
        ("Russian General Staff", "General Staff of the Russian Armed Forces",
         "Russian General Staff"),
    ],
)
def test_claimant_label_names_the_body_only_when_the_name_does_not(
    name: str, organisation: str, expected: str,
) -> None:
    """A person is shown with their organisation's short name; a body is not repeated."""
    assert compare.claimant_label(name, organisation) == expected


@pytest.mark.parametrize(
    ("place", "period_text", "start", "end", "expected"),
    [
        ("Aleppo", "this week alone", "", "", "Aleppo · this week alone"),
        ("Aleppo", "", "2016-10-01", "2016-10-03", "Aleppo · 1 Oct 2016 to 3 Oct 2016"),
        ("Aleppo", "", "2016-10-01", "2016-10-01", "Aleppo · 1 Oct 2016"),
        ("Aleppo", "", "2016-08-11", "", "Aleppo · from 11 Aug 2016"),
        ("Deir al-Zor", "", "", "", "Deir al-Zor"),
    ],
)
def test_context_tells_place_and_period_apart(
    place: str, period_text: str, start: str, end: str, expected: str,
) -> None:
    """The place, then the article's words for the period or else its dates."""
    row = claim(place=place, period_text=period_text, period_start=start, period_end=end)
    assert compare.context_label(row) == expected


def test_source_label_credits_claimant_outlet_and_date(shipped: Figures) -> None:
    """A reader sees who said it, who published it, and when."""
    rows = by_claim(compare.label_frame(shipped.table))
    assert rows["eghtesad-04"]["source_label"] == (
        "UNICEF via EghtesadOnline/Bloomberg, 1 Oct 2016")
    assert rows["eghtesad-04"]["published_label"] == "1 Oct 2016"
    assert rows["eghtesad-02"]["source_label"] == (
        "Russian Foreign Ministry via EghtesadOnline/Bloomberg/Interfax, 1 Oct 2016")
    assert rows["rt-01"]["source_label"] == (
        "Russian Defence Ministry via RT, 30 Nov 2016 (date inferred)")
    assert rows["rferl-01"]["source_label"] == "RFE/RL, 29 Jul 2016 (date inferred)"


def test_sources_line_for_children_killed(shipped: Figures) -> None:
    """The source line of the children-killed chart, word for word."""
    frame = compare.comparison_frame(shipped.table, "Children killed")
    assert compare.sources_line(frame) == (
        "Sources: UNICEF via EghtesadOnline/Bloomberg, 1 Oct 2016; "
        "Syrian Observatory for Human Rights via Ahram Online/AFP, 13 Oct 2016; "
        "Syrian state television via Ahram Online/AFP, 13 Oct 2016."
    )


def test_sources_line_names_each_source_once_oldest_first(shipped: Figures) -> None:
    """Four claims from one ministry's article give one entry with every relay."""
    frame = compare.comparison_frame(shipped.table, "Pause and truce lengths")
    assert compare.sources_line(frame) == (
        "Sources: Russian General Staff via TRT World, 16 Aug 2016 (date inferred); "
        "Bloomberg via EghtesadOnline, 1 Oct 2016; "
        "Russian Foreign Ministry via EghtesadOnline/Bloomberg/Interfax/TASS, 1 Oct 2016."
    )


def test_sources_line_takes_an_unlabelled_table(shipped: Figures) -> None:
    """The source line can be made from the figure table itself."""
    line = compare.sources_line(shipped.table)
    assert line.startswith("Sources: RFE/RL, 29 Jul 2016 (date inferred); ")


def test_an_empty_table_gives_empty_comparisons() -> None:
    """A selection with no claims lists no comparisons and labels nothing, without error."""
    empty = frame_of()
    assert compare.available_comparisons(empty) == []
    frame = compare.comparison_frame(empty, "Children killed")
    assert frame.empty
    assert set(compare.LABEL_COLUMNS) <= set(frame.columns)
    assert compare.sources_line(frame) == "Sources: none (no claims shown)."


def test_a_single_claim_is_labelled(shipped: Figures) -> None:
    """One claim alone makes a comparison of one."""
    one = shipped.table[shipped.table["claim_id"] == "rt-02"]
    frame = compare.comparison_frame(one, "Share of aid")
    assert list(frame["value_label"]) == ["as little as 1%"]
    assert list(frame["row_label"]) == ["Moscow (Russian government)\nDeir al-Zor"]


def test_small_and_large_frames_are_labelled_alike(
        shipped: Figures, monkeypatch: pytest.MonkeyPatch) -> None:
    """Labels grouped in plain Python (a view's few claims) equal those grouped by pandas
    (a whole corpus), missing values included; proposals too."""
    proposed = shipped.table.assign(claim_id=shipped.table["claim_id"] + "-proposed",
                                    review_status=schema.PROPOSED)
    proposed.loc[proposed.index[:3], "value_max"] = proposed["value"].iloc[:3] * 2
    table = pd.concat([shipped.table, proposed], ignore_index=True)
    assert table["value_max"].isna().any() and table["value_max"].notna().any()
    monkeypatch.setattr(compare, "SMALL_FRAME", 10**9)
    in_python = compare.label_frame(table)
    chosen_python = compare.comparison_frame(in_python, "Children killed")
    monkeypatch.setattr(compare, "SMALL_FRAME", 0)
    in_pandas = compare.label_frame(table)
    pd.testing.assert_frame_equal(in_python, in_pandas)
    pd.testing.assert_frame_equal(chosen_python,
                                  compare.comparison_frame(in_pandas, "Children killed"))


def test_missing_values_of_every_kind_are_one_group(monkeypatch: pytest.MonkeyPatch) -> None:
    """None, NaN and pandas' NA group together in plain Python as in pandas, the group's
    first row speaking for it, so a label is worked out once for them all."""
    frame = pd.DataFrame({"cell": pd.Series([None, float("nan"), pd.NA, "a", None],
                                            dtype=object)})
    calls: list[object] = []

    def label(row: dict[str, object]) -> str:
        calls.append(row["cell"])
        return repr(row["cell"])

    monkeypatch.setattr(compare, "SMALL_FRAME", 10**9)
    in_python = compare.per_distinct(frame, ["cell"], label)
    assert calls == [None, "a"]
    monkeypatch.setattr(compare, "SMALL_FRAME", 0)
    assert compare.per_distinct(frame, ["cell"], label) == in_python


def test_claims_are_ranked_alike_in_python_and_in_pandas(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A view's few claims sorted in plain Python come in pandas' order: the claimant with
    the largest figure first, ties by name, then by figure and id, missing figures last."""
    frame = pd.DataFrame({
        "claimant_label": ["b", "a", "c", "a", "b", "d", "c", "e"],
        "plot_value": [5.0, 9.0, 9.0, float("nan"), 5.0, float("nan"), 1.0, 2.0],
        "claim_id": ["b2", "a1", "c1", "a2", "b1", "d1", "c2", "e1"]})
    monkeypatch.setattr(compare, "SMALL_FRAME", 10**9)
    in_python = compare.ranked(frame)
    monkeypatch.setattr(compare, "SMALL_FRAME", 0)
    in_pandas = compare.ranked(frame)
    pd.testing.assert_frame_equal(in_python, in_pandas)
    assert list(in_python["claim_id"]) == ["a1", "a2", "c1", "c2", "b1", "b2", "e1", "d1"]
