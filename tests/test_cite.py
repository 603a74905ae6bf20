"""The citation of a view: data set, version, filters, claims shown, sources, day of access."""

from __future__ import annotations

from datetime import date

from figures import schema
from figures.cite import cite_view
from figures.filters import Selection, apply_selection, describe_selection
from figures.table import Figures, build_figures
from tests.conftest import TinyFolder, edited

ACCESSED = date(2026, 11, 21)


def test_citation_of_a_tiny_view(tiny_folder: TinyFolder) -> None:
    """A reader citing one monitor's claims gets this text, ready to paste."""
    selection = Selection(parties=("independent monitor",))
    shown = apply_selection(build_figures(tiny_folder()).table, selection)
    assert cite_view(describe_selection(selection), shown, ACCESSED) == (
        "Contested Figures (2026). Contested Figures: the battle of Aleppo, 2016, "
        "version 0.1.0 [data set].\n"
        "Selection: party: independent monitor (1 claim shown).\n"
        "Sources: Daily Example, 4 May 2020.\n"
        "Accessed 21 Nov 2026.\n"
    )


def test_citation_marks_inferred_dates_and_gives_the_link(tiny_folder: TinyFolder) -> None:
    """A date worked out rather than stated is marked so, and the view's link is given."""
    sources = edited("sources.csv", 0, published_basis="inferred: from the events it reports")
    shown = build_figures(tiny_folder(sources=sources)).table
    url = "http://localhost:8501/?outlet=Daily+Example"
    assert cite_view("all claims", shown, date(2026, 3, 5), url) == (
        "Contested Figures (2026). Contested Figures: the battle of Aleppo, 2016, "
        "version 0.1.0 [data set].\n"
        "Selection: all claims (2 claims shown).\n"
        "Sources: Daily Example, 4 May 2020 (date inferred).\n"
        "View: http://localhost:8501/?outlet=Daily+Example\n"
        "Accessed 5 Mar 2026.\n"
    )


def test_citation_of_the_real_table_names_every_article(shipped: Figures) -> None:
    """Citing the whole table lists each outlet once with its day, earliest first."""
    text = cite_view("all claims", shipped.table, ACCESSED)
    assert schema.DATASET_NAME in text and f"version {schema.DATASET_VERSION}" in text
    assert "Selection: all claims (27 claims shown)." in text
    assert (
        "Sources: RFE/RL, 29 Jul 2016 (date inferred); TRT World, 16 Aug 2016 (date inferred); "
        "EghtesadOnline, 1 Oct 2016; Ahram Online, 13 Oct 2016; RT, 30 Nov 2016 (date inferred)."
    ) in text
    assert text.endswith("Accessed 21 Nov 2026.\n")


def test_citation_of_a_filtered_view_names_only_its_sources(shipped: Figures) -> None:
    """A narrowed view cites its filters and only the articles its claims come from."""
    selection = Selection(measures=("killed",), subjects=("children",))
    shown = apply_selection(shipped.table, selection)
    lines = cite_view(describe_selection(selection), shown, ACCESSED).splitlines()
    assert lines[1:3] == [
        "Selection: measure: killed; subject: children (3 claims shown).",
        "Sources: EghtesadOnline, 1 Oct 2016; Ahram Online, 13 Oct 2016.",
    ]


def test_citation_of_an_empty_view(shipped: Figures) -> None:
    """A view with no claims says so, rather than citing sources it does not show."""
    shown = apply_selection(shipped.table, Selection(search="no such words"))
    lines = cite_view("search 'no such words'", shown, ACCESSED).splitlines()
    assert lines[1:3] == ["Selection: search 'no such words' (0 claims shown).",
                          "Sources: none."]
