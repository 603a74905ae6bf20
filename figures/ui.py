"""The page's Streamlit glue: the cached loader, the sidebar filters and the URL.

This is the one module of the package that imports Streamlit. Its widgets return plain
values (a `Selection`), so everything downstream stays pure and testable without it.
"""

from __future__ import annotations

import gc
import hashlib
import html
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import urlencode

import pandas as pd
import streamlit as st
from streamlit import dataframe_util
from streamlit.runtime.scriptrunner import get_script_run_ctx

from figures import collector, compare, pages, schema
from figures.cache import (
    Checked,
    FileStamp,
    load_checked,
    read_spec,
    store_spec,
)
from figures.disputes import Disputes, find_disputes
from figures.disputes.chart import dispute_chart
from figures.disputes.frame import checked_text
from figures.duplicates import NearDuplicate, near_duplicates
from figures.filters import (
    COMPARE_KEY,
    FILTER_COLUMNS,
    FILTERS,
    Selection,
    apply_selection,
    date_bounds,
    filter_options,
    fit_dates,
    selection_from_params,
    selection_to_params,
)
from figures.images import chart_png, chart_svg
from figures.load import data_dir_from_env
from figures.markdown import as_text
from figures.stamps import looks_paused, stamp_this_run
from figures.table import Figures
from figures.text import find_quote
from figures.vegalite import ChartSpec

if TYPE_CHECKING:
    from streamlit.elements.lib.mutable_tab_container import TabContainer

    from figures import corpus

T = TypeVar("T")
SCREENSHOT_PARAM = "view"
SECTION_PARAM = "section"
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
SECTION_KEY = "section"
SCREENSHOT_KEY = "screenshot_mode"
STARTED_KEY = "view_restored"
WARNINGS_KEY = "url_warnings"
PROPOSED_KEY = "include_proposed"
MORE_FILTERS_KEY = "more_filters"
FIRST_FILTER = "parties"  # drawn open; the others are under "More filters"


def waiting_for_review(table: pd.DataFrame) -> int:
    """How many claims are proposals no person has reviewed yet."""
    if "review_status" not in table.columns:
        return 0
    return int((table["review_status"] == schema.PROPOSED).sum())


def review_count_in_sidebar(table: pd.DataFrame) -> None:
    """The number of claims waiting in the review queue, on every page."""
    waiting = waiting_for_review(table)
    if waiting:
        st.sidebar.caption(f":material/pending: **{waiting}** claims waiting for review")
    else:
        st.sidebar.caption(":material/task_alt: No claim waiting for review")


def widget_key(field: str) -> str:
    """The session-state key of a filter's widget."""
    return f"filter_{field}"


# The checked table and disputes of each data folder this server has loaded, with the
# files' stamp they were built from. One object shared by every session: nothing on the
# page changes it, and unlike st.cache_data it is not copied on each run (a copy of a
# large corpus costs more than the whole run). A lock lets one session build it while
# the others wait for it.
_LOADED: dict[str, tuple[FileStamp, Checked]] = {}
_LOADING = threading.Lock()


def this_run() -> object | None:
    """A token for the page's current run (a new object on every run), None outside one."""
    context = get_script_run_ctx()
    return context.cursors if context is not None else None


def load_figures() -> Figures:
    """The figure table of the folder FIGURES_DATA_DIR names, or of `data/`: kept in
    memory while its files are unchanged, else from the checked tables on disk, else read
    and checked afresh with a progress bar."""
    data_dir = data_dir_from_env()
    key, stamp = str(data_dir), stamp_this_run(data_dir, this_run())
    found = _LOADED.get(key)
    if found is not None and found[0] == stamp:
        return found[1].figures
    with _LOADING:
        found = _LOADED.get(key)
        if found is not None and found[0] == stamp:
            return found[1].figures
        bar = st.empty()

        def show(share: float, text: str) -> None:
            bar.progress(min(max(share, 0.0), 1.0), text=f"Reading and checking the data: "
                         f"{text[:1].lower()}{text[1:]}…")

        reloading = gc.get_freeze_count() > 0
        gc.unfreeze()  # what an earlier load froze may now be let go
        with collector.paused():  # the collector would walk the new objects for nothing
            try:
                # The run's stamp is the files before the load; while it runs, the
                # background looks (`stamps`) would only take processor time from it.
                # A table checked afresh is kept on disk once this run has drawn the page.
                with st.spinner("Opening the data…"), looks_paused():
                    checked = load_checked(data_dir, show,
                                           on_build=lambda: show(0.0, "Starting"),
                                           before=stamp,
                                           store_after=threading.current_thread())
            finally:
                bar.empty()
            _LOADED[key] = (stamp, checked)
            with _DERIVING:
                _DERIVED.clear()  # views of the table this one replaces
            if reloading:  # cycles of the table this one replaces, before they are frozen
                gc.collect()
            # A large corpus is millions of objects that live as long as it is loaded;
            # kept out of the collector's reach, a click never waits for it to walk them.
            gc.freeze()
        return checked.figures


# What the page derives from the loaded table (its labels, the filters' options, each
# view's rows and chart specs), kept while that table is the one loaded: a rerun that
# changes nothing rebuilds nothing, and a large corpus is labelled once per load.
# The least recently used go first once more than DERIVED_KEPT are kept; so do the least
# recently used tables once those kept hold more than DERIVED_ROWS_KEPT rows: a view of
# a large corpus is tens of megabytes, and a reader going through many views must not
# fill the memory with them.
_DERIVED: OrderedDict[tuple[Hashable, ...], tuple[object, object]] = OrderedDict()
DERIVED_KEPT = 96
DERIVED_ROWS_KEPT = 300_000
_DERIVING = threading.Lock()


def rows_in(value: object, owner: object) -> int:
    """The rows a kept value holds apart from its owner: a table's, unless it is the
    owner itself (the whole corpus as a view costs nothing more to keep)."""
    return len(value) if isinstance(value, pd.DataFrame) and value is not owner else 0


def derived(owner: object, key: tuple[Hashable, ...], make: Callable[[], T]) -> T:
    """`make()`, kept for `owner` (the loaded table or figures) under `key`. Every
    session's run uses this at once, so the keeping is done under a lock (the making
    is not: two sessions may make the same value, and the later one is kept)."""
    full = (id(owner), *key)
    with _DERIVING:
        found = _DERIVED.get(full)
        if found is not None and found[0] is owner:
            _DERIVED.move_to_end(full)
            return found[1]  # type: ignore[return-value]
    value = make()
    with _DERIVING:
        _DERIVED[full] = (owner, value)
        _DERIVED.move_to_end(full)
        while len(_DERIVED) > DERIVED_KEPT:
            _DERIVED.popitem(last=False)
        sizes = {kept: rows_in(held, holder) for kept, (holder, held) in _DERIVED.items()}
        rows = sum(sizes.values())
        for kept, size in sizes.items():  # the least recently used first
            if rows <= DERIVED_ROWS_KEPT:
                break
            if size and kept != full:
                del _DERIVED[kept]
                rows -= size
    return value


def labelled_table(figures: Figures) -> pd.DataFrame:
    """The figure table with every claim's chart labels, made once per version of the data
    (and kept on disk with the table)."""
    checked = loaded_with(figures)
    if checked is not None:
        return checked.labelled
    return derived(figures, ("labelled",), lambda: compare.label_frame(figures.table))


def loaded_with(held: Figures | pd.DataFrame) -> Checked | None:
    """What was loaded with the figures `load_figures` returned, or with their labelled
    table (None for anything else)."""
    return next((checked for _stamp, checked in list(_LOADED.values())
                 if checked.figures is held or checked.labelled is held), None)


def shown_rows(table: pd.DataFrame, selection: Selection) -> pd.DataFrame:
    """The rows a selection keeps, kept across reruns of one view."""
    return derived(table, ("shown", selection), lambda: apply_selection(table, selection))


def chart_spec(table: pd.DataFrame, key: tuple[Hashable, ...],
               make: Callable[[], ChartSpec], keep_on_disk: bool = False) -> dict:
    """A chart's Vega-Lite spec, its rows as Arrow bytes, built once per view, not on
    every rerun; the page's first view (`keep_on_disk`) is also kept on disk with the
    table, so a restarted page draws it at once. It is not checked against the schema
    here: the tests check every chart the builders make."""
    def built() -> dict:
        checked = loaded_with(table) if keep_on_disk else None
        if checked is not None and not checked.key:
            checked = None  # a table not stored keeps no chart on disk either
        view = repr(key)
        if checked is not None:  # kept on disk with the table, for after a restart
            stored = read_spec(data_dir_from_env(), checked.key, view)
            if stored is not None:
                return stored
        spec = streamlit_spec(make())
        if checked is not None:
            store_spec(data_dir_from_env(), checked.key, view, spec)
        return spec
    return derived(table, ("spec", *key), built)


def streamlit_spec(chart: ChartSpec) -> dict:
    """The spec with its rows as Arrow bytes, named by their content, as Streamlit sends a
    dataset (a chart whose rows change gets a new name, so the browser never mistakes new
    rows for more of the old, and a rerun does not convert them again)."""
    data = dataframe_util.convert_anything_to_arrow_bytes(chart.rows)
    name = "data-" + hashlib.blake2b(data, digest_size=16).hexdigest()
    return {**chart.spec, "data": {"name": name}, "datasets": {name: data}}


def draw_chart(spec: dict, key: str, width: str = "stretch") -> None:
    """Draw a kept spec (Streamlit copies a spec before it takes the data out of it)."""
    st.vega_lite_chart(spec=spec, width=width, key=key)


def load_disputes(figures: Figures) -> Disputes:
    """Every dispute of the table `load_figures` returned, found with it (and kept on
    disk with it), shared by every session; a view then keeps those whose claims it
    shows (`Disputes.within`)."""
    checked = loaded_with(figures)
    if checked is not None:
        return checked.disputes
    # Only a table loaded some other way (none is, on the pages) is compared here.
    return find_disputes(figures.table, figures.dataset.places)


def url_params() -> dict[str, list[str]]:
    """The page's query parameters, every key with all its values."""
    return {key: st.query_params.get_all(key) for key in st.query_params.keys()}


def restore_view(table: pd.DataFrame) -> None:
    """On a session's first run, set the widgets from the URL, so a copied link reopens it."""
    if st.session_state.get(STARTED_KEY):
        return
    st.session_state[STARTED_KEY] = True
    params = url_params()
    filters = {key: values for key, values in params.items()
               if key not in (SCREENSHOT_PARAM, SECTION_PARAM)}
    selection, warnings = selection_from_params(
        filters, derived(table, ("options",), lambda: filter_options(table)))
    st.session_state[WARNINGS_KEY] = warnings
    for field, _ in FILTERS:
        st.session_state[widget_key(field)] = list(getattr(selection, field))
    bounds = date_bounds(table)
    if bounds is not None:
        st.session_state[DATES_KEY], fitted = fit_dates(selection.date_from,
                                                        selection.date_to, bounds)
        st.session_state[WARNINGS_KEY] = warnings + fitted
    st.session_state[SEARCH_KEY] = selection.search
    # A link narrowed by a filter under "More filters" opens it, so the reader sees why;
    # days fitted back to the data's whole span narrow nothing.
    st.session_state[MORE_FILTERS_KEY] = any(
        getattr(selection, field) for field, _ in FILTERS if field != FIRST_FILTER) or (
        chosen_dates(bounds) != (None, None))
    if selection.comparison and not table.empty \
            and selection.comparison not in compare.available_comparisons(table):
        st.session_state[WARNINGS_KEY] = [
            *st.session_state[WARNINGS_KEY],
            f"Ignored {COMPARE_KEY} '{selection.comparison}': not a comparison these claims "
            f"offer"]
    elif selection.comparison:
        st.session_state[COMPARISON_KEY] = selection.comparison
    st.session_state[PROPOSED_KEY] = selection.include_proposed
    st.session_state[SCREENSHOT_KEY] = SCREENSHOT_VALUE in params.get(SCREENSHOT_PARAM, [])
    section = (params.get(SECTION_PARAM) or [""])[-1]
    if section in pages.EXPLORE_SECTIONS:
        st.session_state[SECTION_KEY] = section
    elif section:
        st.session_state[WARNINGS_KEY] = [
            *st.session_state[WARNINGS_KEY],
            f"Ignored {SECTION_PARAM} '{section}': not a tab of this page"]


def reset_filters(table: pd.DataFrame) -> None:
    """Clear every filter (a button's callback, run before the widgets are drawn)."""
    for field, _ in FILTERS:
        st.session_state[widget_key(field)] = []
    st.session_state[DATES_KEY] = date_bounds(table) or ()
    st.session_state[SEARCH_KEY] = ""


def chosen_dates(bounds: tuple[date, date] | None) -> tuple[date | None, date | None]:
    """The date range the reader chose, with 'everything' as None at either end."""
    chosen = st.session_state.get(DATES_KEY) or ()
    if bounds is None or not isinstance(chosen, tuple | list) or len(chosen) != 2:
        return None, None
    start, end = chosen
    return (start if start != bounds[0] else None, end if end != bounds[1] else None)


def sidebar_selection(table: pd.DataFrame) -> Selection:
    """Draw the sidebar filters and return what the reader chose."""
    options = derived(table, ("options",), lambda: filter_options(table))
    bounds = derived(table, ("bounds",), lambda: date_bounds(table))
    sidebar = st.sidebar
    sidebar.header("Filters")
    sidebar.caption("Every chart, table, count and download follows these.")
    sidebar.text_input("Search quotes, claimants, places", key=SEARCH_KEY,
                       placeholder="e.g. children, UNICEF, Deir al-Zor")
    sidebar.multiselect(FILTER_LABELS[FIRST_FILTER], options.get(FILTER_COLUMNS[FIRST_FILTER], []),
                        key=widget_key(FIRST_FILTER), placeholder="All")
    if bounds is not None and not isinstance(st.session_state.get(DATES_KEY), tuple | list):
        st.session_state[DATES_KEY] = bounds  # the whole span, until the reader narrows it
    more_filters(options, bounds)
    sidebar.toggle("Include figures not yet reviewed", key=PROPOSED_KEY,
                   help="Adds the figures the extractor proposed that no person has checked "
                        "yet. They are marked as not reviewed in every chart, the table, "
                        "the images, the downloads and the citation.")
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
        include_proposed=bool(st.session_state.get(PROPOSED_KEY, False)),
    )


def more_filters(options: dict[str, list[str]], bounds: tuple[date, date] | None) -> None:
    """The filters past the first, in a sidebar expander whose widgets are drawn only
    while it is open: a page's first run lays out two filters, not eight (the eight were
    about a quarter of the browser's work before its first chart). Their values are held
    while it is closed, and what is in use is named under it."""
    others = [field for field, _ in FILTERS if field != FIRST_FILTER]
    hold_values([*map(widget_key, others), DATES_KEY])
    more = st.sidebar.expander("More filters: claimant, outlet, measure, subject, place, date",
                               key=MORE_FILTERS_KEY, on_change="rerun",
                               icon=":material/filter_list:")
    if more.open:
        for field in others:
            more.multiselect(FILTER_LABELS[field], options.get(FILTER_COLUMNS[field], []),
                             key=widget_key(field), placeholder="All")
        if bounds is not None:
            more.date_input("Published between", min_value=bounds[0], max_value=bounds[1],
                            key=DATES_KEY, format="YYYY-MM-DD")
        return
    in_use = [FILTER_LABELS[field].lower() for field in others
              if st.session_state.get(widget_key(field))]
    if chosen_dates(bounds) != (None, None):
        in_use.append("published between")
    if in_use:
        st.sidebar.caption(f"In use: {', '.join(in_use)}.")


def hold_values(keys: Iterable[str]) -> None:
    """Hold the values of widgets a run may not draw (in a closed tab or expander).
    Streamlit forgets the value of a widget a run does not draw; one written back as a
    value of its own, before its widget is drawn, is kept."""
    for key in keys:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def chosen_comparison(choices: list[str]) -> str:
    """The comparison the side-by-side chart shows: the reader's choice while the view
    offers it, else the first. Set on every run, because its selectbox is drawn only while
    its tab is open, and Streamlit forgets the value of a widget a run does not draw; the
    URL and the citation need it on every tab."""
    chosen = st.session_state.get(COMPARISON_KEY)
    if chosen not in choices:
        chosen = choices[0]
    st.session_state[COMPARISON_KEY] = chosen
    return chosen


def section_tabs() -> Sequence[TabContainer]:
    """Explore's sections as tabs that know which is open, so a run draws that one alone:
    a click computes and sends one section, and the browser lays out one. The open tab is
    kept in the URL (see keep_view_in_url), so a link or a screenshot opens it."""
    return st.tabs(list(pages.EXPLORE_SECTIONS), key=SECTION_KEY, on_change="rerun")


# The choices made inside tabs: the claim and the article shown, and each page chooser.
SECTION_CHOICES = ("claim_choice", "source_choice", "disputes_page", "claims_page",
                   "sources_page")


def keep_view_in_url(selection: Selection, screenshot: bool) -> None:
    """Write the current view into the URL's query parameters."""
    params: dict[str, str | list[str]] = dict(selection_to_params(selection))
    section = st.session_state.get(SECTION_KEY)
    if section in pages.EXPLORE_SECTIONS[1:]:  # the first tab is where a link opens anyway
        params[SECTION_PARAM] = section
    if screenshot:
        params[SCREENSHOT_PARAM] = SCREENSHOT_VALUE
    if params != {key: (values[0] if len(values) == 1 else values)
                  for key, values in url_params().items()}:
        st.query_params.from_dict(params)


def view_url() -> str | None:
    """The address that reopens the current view, where the browser has told it. The
    open tab is left out: the citation that quotes it is read on the Cite and download
    tab, and the view it cites opens on the first."""
    base = st.context.url
    if not base:
        return None
    params = {key: values for key, values in url_params().items()
              if key not in (SCREENSHOT_PARAM, SECTION_PARAM)}
    return f"{base}?{urlencode(params, doseq=True)}" if params else base


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
    """Hide the sidebar, the toolbar and the tab bar and fix the page's width for a clean
    capture of the open section."""
    st.html(
        "<style>"
        "[data-testid='stSidebar'], [data-testid='stSidebarCollapsedControl'],"
        "[data-testid='stExpandSidebarButton'], [data-testid='stToolbar'],"
        "[data-testid='stHeader'], [data-testid='stTabs'] [role='tablist']"
        " {display: none !important;}"
        ".block-container, [data-testid='stMainBlockContainer'] {"
        "max-width: 1240px !important; width: 1240px !important; padding-top: 1rem !important;}"
        "</style>"
    )


def follow_table_choice(rows: list[int], claim_ids: list[str]) -> None:
    """A row newly clicked in the claims table becomes the claim whose article is shown;
    the choice made in the selectbox stands until another row is clicked."""
    clicked = claim_ids[rows[0]] if rows and rows[0] < len(claim_ids) else None
    if clicked and clicked != st.session_state.get("claim_clicked"):
        st.session_state["claim_choice"] = clicked
    st.session_state["claim_clicked"] = clicked


def image_downloads(make_chart: Callable[[], ChartSpec], name: str) -> None:
    """PNG (2x, for print) and SVG buttons for a chart, drawn only when clicked, from the
    same builder as the chart on screen; a click downloads without rerunning the page."""
    left, right, _ = st.columns([1, 1, 4])
    left.download_button("PNG image", lambda: chart_png(make_chart()), f"{name}.png",
                         "image/png", key=f"png_{name}", icon=":material/image:",
                         on_click="ignore")
    right.download_button("SVG image", lambda: chart_svg(make_chart()), f"{name}.svg",
                          "image/svg+xml", key=f"svg_{name}", icon=":material/draw:",
                          on_click="ignore")


def highlighted_passage(text: str, start: int, end: int) -> str:
    """The paragraph around text[start:end], that passage marked, as escaped HTML."""
    before = text.rfind("\n\n", 0, start)
    after = text.find("\n\n", end)
    low = 0 if before < 0 else before + 2
    high = len(text) if after < 0 else after
    return highlighted_article(text[low:high], start - low, end - low)


@st.cache_data(show_spinner=False, max_entries=64)
def cached_near_duplicate(data_dir: str, stamp: tuple[tuple[str, int, int], ...],
                          file: str) -> NearDuplicate | None:
    """The stored article `file` nearly repeats, if any, kept until the folder changes."""
    del stamp  # part of the cache key only
    from figures import intake  # with the extractor: see uploaded_items

    articles = intake.stored_articles(data_dir)
    return near_duplicates(articles, [file]).get(file)


CLAIMS_PAGE = 500  # rows of the claims table sent at a time
SOURCES_PAGE = 20  # articles listed at a time in Sources
TABLE_COLUMNS = ("claim_id", "claimant", "party", "value", "value_max", "unit",
                 "qualifier_text", "measure", "subject", "place", "period_text", "outlet",
                 "published", "article_id", "quote")
SOURCE_HEADER_COLUMNS = ("outlet", "published", "published_basis", "article_title")
SOURCE_COLUMNS = ("claim_id", "review_status", "claimant", "party", "value", "qualifier_text",
                  "subject", "measure", "place")


def page_of(rows: pd.DataFrame, size: int, key: str, noun: str,
            view: Hashable = None) -> pd.DataFrame:
    """One page of `rows`, with a page chooser when there is more than one page."""
    chosen = page_range(len(rows), size, key, noun, view)
    return rows.iloc[chosen.start:chosen.stop]


def page_range(count: int, size: int, key: str, noun: str, view: Hashable = None) -> range:
    """The positions of one page of `count` items, with a page chooser and a caption
    saying which items it holds when there is more than one page. A new `view` (other
    filters) opens on the first page."""
    pages_count = max(1, -(-count // size))
    if st.session_state.get(f"{key}_view") != view:
        st.session_state[f"{key}_view"] = view
        st.session_state[key] = 1
    if pages_count == 1:
        return range(count)
    if int(st.session_state.get(key, 1) or 1) > pages_count:
        st.session_state[key] = 1
    page = int(st.number_input(f"Page (of {pages_count:,}; {size:,} {noun} a page)",
                               min_value=1, max_value=pages_count, step=1, key=key))
    first = (page - 1) * size
    st.caption(f"{noun.capitalize()} {first + 1:,} to {min(first + size, count):,} of "
               f"{count:,}.")
    return range(first, min(first + size, count))


def claim_label(row: dict[str, object]) -> str:
    """A claim as the article chooser names it."""
    proposed = " (proposed, not reviewed)" if row.get("review_status") == schema.PROPOSED \
        else ""
    return (f"{row['claim_id']}: {row['claimant']}, {compare.value_label(row)} "
            f"{row['subject']} {row['measure']}{proposed}")


def claim_positions(figures: Figures, shown: pd.DataFrame, selection: Selection) -> pd.Series:
    """Each shown claim's row number, by claim_id, kept for the view."""
    return derived(figures.table, ("claim positions", selection),
                   lambda: pd.Series(range(len(shown)), index=shown["claim_id"]))


DISPUTES_PAGE = 3  # disputes drawn at a time, each a chart and two quotes


def disputes_section(figures: Figures, shown: pd.DataFrame, selection: Selection,
                     in_view: Disputes, screenshot: bool, made_on: date) -> None:
    """5. The disputes in view, a page at a time: each as its rule in words, a chart that
    stands alone, and the two quotes with who said them and where."""
    st.header("Disputes")
    st.caption(
        "Claims by different claimants that cannot all hold as stated: a **contradiction** "
        "when nothing recorded tells them apart, a **tension** when they would contradict "
        "each other only if they counted the same thing and the data records how they differ "
        "(the cause each names, the subject, the word for a stock). Each claim stands for the "
        "values its qualifier allows; the rules are in the codebook.")
    if not in_view.disputes:
        st.info(f"No dispute among the claims in view: {checked_text(in_view)} by different "
                "claimants were checked, and each pair can hold as stated.",
                icon=":material/check_circle:")
        return
    positions = claim_positions(figures, shown, selection)
    for number in page_range(len(in_view.disputes), DISPUTES_PAGE, "disputes_page",
                             "disputes", selection):
        dispute = in_view.disputes[number]
        claims = shown.iloc[positions.loc[list(dispute.claim_ids)].to_numpy()]
        make_chart = partial(dispute_chart, claims, dispute, made_on)
        st.subheader(as_text(f"{dispute.dispute_id}: a {dispute.strength}, "
                             f"{dispute.parties}"))
        st.markdown(as_text(dispute.sentence))
        # A dispute's chart shows its first claim on each side in view and how many more
        # give each figure: views that agree on those share it.
        draw_chart(chart_spec(labelled_table(figures), (
            "dispute", dispute.dispute_id, dispute.claim_ids, len(dispute.sides[0]),
            len(dispute.sides[1]), made_on), make_chart,
            keep_on_disk=selection == Selection()),
                   key=f"chart_dispute_{dispute.dispute_id}")
        for quote_column, said in zip(st.columns(len(claims)), claims.to_dict("records"),
                                      strict=True):
            quote_column.markdown(
                f"> {as_text(said['quote'])}\n\n**{as_text(said['claimant'])}** "
                + as_text(f"({said['party']}), {said['outlet']}, {said['published']} · "
                          f"{said['claim_id']}"))
        if not screenshot:
            image_downloads(make_chart, f"dispute-{dispute.dispute_id.lower()}")


def claims_section(figures: Figures, shown: pd.DataFrame, selection: Selection,
                   screenshot: bool,
                   extra: Callable[[pd.DataFrame], pd.DataFrame] | None = None) -> None:
    """8. The claims table, a page at a time and only the columns a reader reads (and the
    `extra` columns, by row), and the article of the chosen claim with its quote marked."""
    st.header("Claims")
    st.caption("Sort by a column's header, search with the table's magnifier, or click a row "
               "to read its article below.")
    part = page_of(shown, CLAIMS_PAGE, "claims_page", "claims", selection)
    columns = [column for column in TABLE_COLUMNS if column in part.columns]
    if selection.include_proposed:  # the review status leads, so no proposal passes unseen
        columns = ["review_status", *columns]
    listing = part[columns]
    # A range's top is blank, not "None", where a claim gives a single figure.
    listing = listing.assign(value_max=listing["value_max"].astype(object).where(
        listing["value_max"].notna(), ""))
    if extra is not None:  # worked out for the page shown, kept while it is
        listing = listing.join(derived(figures.table, (
            "claims page", selection, tuple(part["claim_id"][:1]), len(part)),
            lambda: extra(part)))
    picked = st.dataframe(listing, hide_index=True, key="claims_table", width="stretch",
                          on_select="rerun", selection_mode="single-row",
                          column_config={"quote": st.column_config.TextColumn(
                              "quote", width="large")})
    ids = part["claim_id"].tolist()
    follow_table_choice(picked.selection.rows, ids)
    positions = claim_positions(figures, shown, selection)
    if st.session_state.get("claim_choice") not in positions.index:
        st.session_state["claim_choice"] = ids[0]
    chosen = st.session_state["claim_choice"]
    if chosen not in ids:
        ids = [chosen, *ids]
    wanted = ["claim_id", "claimant", "subject", "measure", "qualifier", "qualifier_text",
              "value", "value_max", "unit", "article_file", "quote", "outlet", "published",
              "published_basis", "article_title",
              *(["review_status"] if "review_status" in shown.columns else [])]
    records = shown.iloc[positions.loc[ids].to_numpy()][wanted].to_dict("records")
    labels = {str(row["claim_id"]): claim_label(row) for row in records}
    if not screenshot:
        st.selectbox("Show the article of claim", ids, format_func=labels.get,
                     key="claim_choice")
    claim = next(row for row in records if row["claim_id"] == chosen)
    article = figures.dataset.articles.get(str(claim["article_file"]), "")
    spans = find_quote(article, str(claim["quote"]))
    st.caption(as_text(f"{claim['outlet']}, {claim['published']} ({claim['published_basis']}): "
                       f"{claim['article_title']}"))
    if spans:
        st.html(highlighted_article(article, *spans[0]))


def date_known(published: str, basis: str) -> tuple[str, str]:
    """An article's date as Sources lists it, marked where it is inferred, and how it is
    known in words."""
    inferred = compare.INFERRED_NOTE if compare.is_inferred(basis) else ""
    how = "stated in the article" if basis == schema.PUBLISHED_STATED else basis
    return f"{published or 'not known'}{inferred}", how


def source_listing(listed: pd.DataFrame, article_ids: list[str],
                   claims: dict[str, int]) -> pd.DataFrame:
    """One row per article: its outlet, date and how it is known, title, credits, wire,
    public copy, file and how many of its claims are in view."""
    rows = []
    for article_id in article_ids:
        source = listed.loc[article_id]
        date_text, how = date_known(str(source["published"]), str(source["published_basis"]))
        rows.append({"article_id": article_id, "outlet": source["outlet"],
                     "date": date_text, "how the date is known": how,
                     "title": source["title"], "credits": source["credits"],
                     "wire story": source["wire"],
                     "public copy": source["url"] or source["public_copy"],
                     "file": source["file"], "claims": claims.get(article_id, 0)})
    return pd.DataFrame(rows)


def sources_section(figures: Figures, shown: pd.DataFrame, selection: Selection,
                    screenshot: bool = False) -> None:
    """9. The articles in view, a page at a time in one table (date and how it is known,
    credits, file, claims), and the claims of the article chosen below it (not in
    screenshot mode, which shows no control). One table rather than one per article: a
    browser draws each table as a grid of its own."""
    st.header("Sources")
    table = figures.table
    order = derived(table, ("articles", selection),
                    lambda: shown["article_id"].drop_duplicates().reset_index(drop=True))
    listed = derived(figures, ("sources",),
                     lambda: figures.dataset.sources.drop_duplicates("article_id")
                     .set_index("article_id"))
    groups = derived(table, ("article rows", selection),
                     lambda: shown.groupby("article_id", sort=False).indices)
    # Only the columns this section reads, so a page of articles never copies the rest.
    narrow = derived(table, ("source columns", selection), lambda: shown[
        [c for c in (*SOURCE_COLUMNS, *SOURCE_HEADER_COLUMNS) if c in shown.columns]])
    ids = list(page_of(order.to_frame(), SOURCES_PAGE, "sources_page", "articles", selection)[
        "article_id"])
    listing = derived(table, ("source listing", selection, tuple(ids)), lambda: source_listing(
        listed, ids, {article_id: len(groups[article_id]) for article_id in ids}))
    st.dataframe(listing, hide_index=True, key="sources_table", width="stretch",
                 column_config={"title": st.column_config.TextColumn("title", width="large")})
    if screenshot:
        return
    if st.session_state.get("source_choice") not in ids:
        st.session_state["source_choice"] = ids[0]
    names = dict(zip(listing["article_id"], listing["outlet"] + ", " + listing["date"] + ": "
                     + listing["title"], strict=True))
    chosen = st.selectbox("Show the claims of article", ids, format_func=names.get,
                          key="source_choice")
    source = listed.loc[chosen]
    _marked, how = date_known(str(source["published"]), str(source["published_basis"]))
    st.caption(as_text(names[chosen]))
    # How the date is known says whether it was inferred, so the date stands bare here.
    st.markdown(f"**Date**: {as_text(source['published'] or 'not known')} ({as_text(how)})")
    st.markdown(f"**Credits**: {as_text(source['credits'] or 'none named')}"
                + (f"; **wire story**: {as_text(source['wire'])}" if source["wire"] else ""))
    if source["url"] or source["public_copy"]:
        st.markdown(f"**Public copy**: {as_text(source['url'] or source['public_copy'])}")
    rows = narrow.iloc[groups[chosen]]
    st.markdown(f"**File**: {as_text(source['file'])}; **claims**: {len(rows)}")
    st.dataframe(rows[[c for c in SOURCE_COLUMNS if c in rows.columns]], hide_index=True,
                 key="source_claims")


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
    "follow_table_choice",
    "highlighted_article",
    "image_downloads",
    "keep_view_in_url",
    "load_figures",
    "restore_view",
    "page_style",
    "screenshot_layout",
    "url_without_screenshot",
    "view_url",
    "sidebar_selection",
]


# --- Add articles: upload or paste, the same batch path as `python -m figures add` -------

ADD_SUMMARY_KEY = "add_summary"


def uploaded_items() -> tuple[list[corpus.Item], list[str]]:
    """The uploaded files and the pasted text as items to add; an uploaded articles.csv
    describes the files it lists."""
    # `corpus` and `intake` are imported by the pages that add and review articles only:
    # with what they bring in, they took a fifth of a second of Explore's first run.
    from figures import corpus, intake

    uploads = list(st.session_state.get("add_upload") or [])
    listed: dict[str, dict[str, str]] = {}
    problems: list[str] = []
    for upload in uploads:
        if upload.name == corpus.SIDECAR:
            listed, problems = corpus.parse_sidecar(upload.getvalue(), upload.name)
    items = [corpus.Item(upload.name, upload.getvalue(), listed.get(upload.name, {}))
             for upload in uploads if upload.name != corpus.SIDECAR]
    pasted = str(st.session_state.get("add_paste", ""))
    if pasted.strip():
        items.append(corpus.Item(intake.PASTED, pasted.encode("utf-8")))
    return items, problems


def add_options() -> corpus.Options:
    """The outlet, title and date the reader gave for what the files do not say."""
    from figures import corpus  # with the extractor: see uploaded_items

    published = st.session_state.get("add_published")
    return corpus.Options(
        outlet=str(st.session_state.get("add_outlet", "")).strip(),
        title=str(st.session_state.get("add_title", "")).strip(),
        published=published.isoformat() if isinstance(published, date) else "",
        published_basis=schema.PUBLISHED_IN_FORM)


def add_uploaded(data_dir: Path) -> None:
    """Add what was uploaded or pasted, a progress bar while it runs, then the summary."""
    from figures import corpus  # with the extractor: see uploaded_items

    items, problems = uploaded_items()
    if not items:
        st.session_state[ADD_SUMMARY_KEY] = corpus.Summary(refused=[
            *problems, "Nothing to add: upload .txt or .html files, or paste an article."])
        return
    size = sum(len(item.raw) for item in items)
    working = (f"finding the figures in {size:,} bytes of text and checking the data folder "
               f"with them; a long article takes a minute or more")
    bar = st.progress(0.0, text=f"Adding {len(items)} articles: {working}…")
    done = [0]

    def advance(step: int) -> None:
        done[0] += step
        bar.progress(done[0] / len(items), text=f"Read {done[0]} of {len(items)} articles; "
                                                f"{working}…")

    summary = corpus.add_items(data_dir, items, add_options(), progress=advance)
    summary.refused = problems + summary.refused
    st.session_state[ADD_SUMMARY_KEY] = summary
    if summary.added:
        st.session_state.pop("add_paste", None)
    st.rerun()


def show_summary(summary: corpus.Summary) -> None:
    """What the last add did: added, near-duplicates, duplicates and refusals, each named."""
    lines = summary.lines()
    head, body = lines[0], "\n".join(f"{line}" for line in lines[1:])
    (st.success if summary.added and not summary.refused else
     st.warning if summary.added else st.error)(as_text(head), icon=":material/inventory_2:")
    if body:
        st.code(body, language=None, wrap_lines=True)
    if summary.added:
        st.page_link(pages.REVIEW, label="Review the proposed figures",
                     icon=":material/fact_check:")


def add_articles_panel(data_dir: Path) -> None:
    """Upload files or paste text; their figures are proposed for review."""
    summary = st.session_state.get(ADD_SUMMARY_KEY)
    if summary is not None:
        show_summary(summary)
    st.file_uploader("Articles: .txt files or saved web pages (.html, .htm), up to 2 MB "
                     "each; add an articles.csv (file, url, outlet, published, title) to "
                     "describe them", type=["txt", "html", "htm", "csv"],
                     accept_multiple_files=True, key="add_upload")
    st.text_area("…or paste an article's text", key="add_paste", height=160)
    st.caption("For what the files or their articles.csv do not say:")
    left, middle, right = st.columns(3)
    left.text_input("Outlet", key="add_outlet")
    middle.text_input("Title", key="add_title",
                      help="Left empty, a text's first line is its title.")
    right.date_input("Date of publication", key="add_published", value=None,
                     format="YYYY-MM-DD",
                     help="Left empty, the date is taken from articles.csv or the page, or "
                          "recorded as unknown.")
    if st.button("Add and propose figures", key="add_go", type="primary",
                 icon=":material/playlist_add:"):
        add_uploaded(data_dir)
