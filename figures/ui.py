"""The page's Streamlit glue: the cached loader, the sidebar filters and the URL.

This is the one module of the package that imports Streamlit. Its widgets return plain
values (a `Selection`), so everything downstream stays pure and testable without it.
"""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from figures.filters import (
    COMPARE_KEY,
    FILTERS,
    Selection,
    date_bounds,
    filter_options,
    selection_from_params,
    selection_to_params,
)
from figures.load import data_dir_from_env, data_files
from figures.table import Figures, build_figures

SCREENSHOT_PARAM = "view"
SCREENSHOT_VALUE = "screenshot"
FILTER_LABELS: dict[str, str] = {
    "parties": "Party",
    "claimants": "Claimant",
    "outlets": "Outlet",
    "measures": "Measure",
    "subjects": "Subject",
    "places": "Place",
}
DATES_KEY = "filter_dates"
SEARCH_KEY = "filter_search"
COMPARISON_KEY = "comparison"
SCREENSHOT_KEY = "screenshot_mode"
STARTED_KEY = "view_restored"
WARNINGS_KEY = "url_warnings"


def widget_key(field: str) -> str:
    """The session-state key of a filter's widget."""
    return f"filter_{field}"


def files_stamp(data_dir: Path) -> tuple[tuple[str, int, int], ...]:
    """What the data files are now (name, size, time), so the cache sees any edit."""
    stamp = []
    for path in data_files(data_dir):
        info = path.stat()
        stamp.append((str(path), info.st_size, info.st_mtime_ns))
    return tuple(stamp)


@st.cache_data(show_spinner="Reading and checking the data...")
def cached_figures(data_dir: str, stamp: tuple[tuple[str, int, int], ...]) -> Figures:
    """The figure table, rebuilt only when the folder or one of its files changes."""
    del stamp  # part of the cache key only
    return build_figures(data_dir)


def load_figures() -> Figures:
    """The figure table of the folder FIGURES_DATA_DIR names, or of `data/`."""
    data_dir = data_dir_from_env()
    return cached_figures(str(data_dir), files_stamp(data_dir))


def url_params() -> dict[str, list[str]]:
    """The page's query parameters, every key with all its values."""
    return {key: st.query_params.get_all(key) for key in st.query_params.keys()}


def restore_view(table: pd.DataFrame) -> None:
    """On a session's first run, set the widgets from the URL, so a copied link reopens it."""
    if st.session_state.get(STARTED_KEY):
        return
    st.session_state[STARTED_KEY] = True
    params = url_params()
    selection, warnings = selection_from_params(params, filter_options(table))
    st.session_state[WARNINGS_KEY] = warnings
    for field, _ in FILTERS:
        st.session_state[widget_key(field)] = list(getattr(selection, field))
    bounds = date_bounds(table)
    if bounds is not None:
        st.session_state[DATES_KEY] = (selection.date_from or bounds[0],
                                       selection.date_to or bounds[1])
    st.session_state[SEARCH_KEY] = selection.search
    if selection.comparison:
        st.session_state[COMPARISON_KEY] = selection.comparison
    st.session_state[SCREENSHOT_KEY] = SCREENSHOT_VALUE in params.get(SCREENSHOT_PARAM, [])


def reset_filters(table: pd.DataFrame) -> None:
    """Clear every filter (a button's callback, run before the widgets are drawn)."""
    for field, _ in FILTERS:
        st.session_state[widget_key(field)] = []
    st.session_state[DATES_KEY] = date_bounds(table) or ()
    st.session_state[SEARCH_KEY] = ""


def chosen_dates(bounds: tuple[date, date] | None) -> tuple[date | None, date | None]:
    """The date range the reader chose, with 'everything' as None at either end."""
    chosen = st.session_state.get(DATES_KEY) or ()
    if bounds is None or len(chosen) != 2:
        return None, None
    start, end = chosen
    return (start if start != bounds[0] else None, end if end != bounds[1] else None)


def sidebar_selection(table: pd.DataFrame) -> Selection:
    """Draw the sidebar filters and return what the reader chose."""
    options = filter_options(table)
    bounds = date_bounds(table)
    sidebar = st.sidebar
    sidebar.header("Filters")
    sidebar.caption("Every chart, table, count and download follows these.")
    sidebar.text_input("Search quotes, claimants, places", key=SEARCH_KEY,
                       placeholder="e.g. children, UNICEF, Deir al-Zor")
    for field, column in FILTERS:
        sidebar.multiselect(FILTER_LABELS[field], options.get(column, []),
                            key=widget_key(field), placeholder="All")
    if bounds is not None:
        sidebar.date_input("Published between", min_value=bounds[0], max_value=bounds[1],
                           key=DATES_KEY, format="YYYY-MM-DD")
    sidebar.button("Reset filters", key="reset", on_click=reset_filters, args=(table,),
                   icon=":material/restart_alt:")
    sidebar.toggle("Screenshot mode", key=SCREENSHOT_KEY,
                   help="Hides the sidebar and the controls and lays the view out at a "
                        "fixed width, for clean captures. Also reachable as ?view=screenshot.")
    date_from, date_to = chosen_dates(bounds)
    return Selection(
        **{field: tuple(st.session_state.get(widget_key(field), [])) for field, _ in FILTERS},
        date_from=date_from,
        date_to=date_to,
        search=str(st.session_state.get(SEARCH_KEY, "")).strip(),
        comparison=str(st.session_state.get(COMPARISON_KEY, "") or ""),
    )


def keep_view_in_url(selection: Selection, screenshot: bool) -> None:
    """Write the current view into the URL's query parameters."""
    params: dict[str, str | list[str]] = dict(selection_to_params(selection))
    if screenshot:
        params[SCREENSHOT_PARAM] = SCREENSHOT_VALUE
    if params != {key: (values[0] if len(values) == 1 else values)
                  for key, values in url_params().items()}:
        st.query_params.from_dict(params)


def url_without_screenshot() -> str:
    """A relative link to the same view with screenshot mode off."""
    params = {key: values for key, values in url_params().items() if key != SCREENSHOT_PARAM}
    return "?" + urlencode(params, doseq=True)


def page_style() -> None:
    """Charts keep a readable minimum width; on a narrow window they scroll sideways
    instead of squeezing their labels into each other."""
    st.html(
        "<style>"
        "[data-testid='stVegaLiteChart'] {min-width: 880px;}"
        "[data-testid='stElementContainer']:has(> [data-testid='stVegaLiteChart'])"
        " {overflow-x: auto;}"
        "</style>"
    )


def screenshot_layout() -> None:
    """Hide the sidebar and the toolbar and fix the page's width for a clean capture."""
    st.html(
        "<style>"
        "[data-testid='stSidebar'], [data-testid='stSidebarCollapsedControl'],"
        "[data-testid='stExpandSidebarButton'], [data-testid='stToolbar'],"
        "[data-testid='stHeader'] {display: none !important;}"
        ".block-container, [data-testid='stMainBlockContainer'] {"
        "max-width: 1240px !important; width: 1240px !important; padding-top: 1rem !important;}"
        "</style>"
    )


def highlighted_article(text: str, start: int, end: int) -> str:
    """An article as escaped HTML with one passage marked; nothing in it is ever rendered."""
    return (
        "<div class='article-text' style='white-space: pre-wrap; font-family: Georgia, serif;"
        " line-height: 1.55; max-height: 28rem; overflow-y: auto; padding: 0.75rem 1rem;"
        " border: 1px solid #d0d5dd; border-radius: 0.5rem;'>"
        f"{html.escape(text[:start])}<mark style='background: #ffe58f; padding: 0 2px;'>"
        f"{html.escape(text[start:end])}</mark>{html.escape(text[end:])}</div>"
    )


__all__ = [
    "COMPARE_KEY",
    "COMPARISON_KEY",
    "SCREENSHOT_KEY",
    "WARNINGS_KEY",
    "highlighted_article",
    "keep_view_in_url",
    "load_figures",
    "restore_view",
    "page_style",
    "screenshot_layout",
    "url_without_screenshot",
    "sidebar_selection",
]
