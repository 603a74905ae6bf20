"""The page's Streamlit glue: the cached loader, the sidebar filters and the URL.

This is the one module of the package that imports Streamlit. Its widgets return plain
values (a `Selection`), so everything downstream stays pure and testable without it.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from figures import compare, intake, schema
from figures.charts import AnyChart, overview
from figures.filters import (
    COMPARE_KEY,
    FILTERS,
    Selection,
    date_bounds,
    filter_options,
    fit_dates,
    selection_from_params,
    selection_to_params,
)
from figures.images import chart_png, chart_svg
from figures.load import data_dir_from_env, data_files
from figures.markdown import as_text
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


@st.cache_data(show_spinner=False, max_entries=32)
def cached_overview(source: pd.DataFrame, made_on: date, width: int) -> AnyChart:
    """The stacked overview, the slowest chart to build, kept across reruns of one view."""
    return overview(source, made_on, width)


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
    filters = {key: values for key, values in params.items() if key != SCREENSHOT_PARAM}
    selection, warnings = selection_from_params(filters, filter_options(table))
    st.session_state[WARNINGS_KEY] = warnings
    for field, _ in FILTERS:
        st.session_state[widget_key(field)] = list(getattr(selection, field))
    bounds = date_bounds(table)
    if bounds is not None:
        st.session_state[DATES_KEY], fitted = fit_dates(selection.date_from,
                                                        selection.date_to, bounds)
        st.session_state[WARNINGS_KEY] = warnings + fitted
    st.session_state[SEARCH_KEY] = selection.search
    if selection.comparison and not table.empty \
            and selection.comparison not in compare.available_comparisons(table):
        st.session_state[WARNINGS_KEY] = [
            *st.session_state[WARNINGS_KEY],
            f"Ignored {COMPARE_KEY} '{selection.comparison}': not a comparison these claims "
            f"offer"]
    elif selection.comparison:
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
    if bounds is None or not isinstance(chosen, tuple | list) or len(chosen) != 2:
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
        if not isinstance(st.session_state.get(DATES_KEY), tuple | list):
            st.session_state[DATES_KEY] = bounds  # the whole span, until the reader narrows it
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


def view_url() -> str | None:
    """The address that reopens the current view, where the browser has told it."""
    base = st.context.url
    if not base:
        return None
    params = {key: values for key, values in url_params().items() if key != SCREENSHOT_PARAM}
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


def follow_table_choice(rows: list[int], claim_ids: list[str]) -> None:
    """A row newly clicked in the claims table becomes the claim whose article is shown;
    the choice made in the selectbox stands until another row is clicked."""
    clicked = claim_ids[rows[0]] if rows and rows[0] < len(claim_ids) else None
    if clicked and clicked != st.session_state.get("claim_clicked"):
        st.session_state["claim_choice"] = clicked
    st.session_state["claim_clicked"] = clicked


def image_downloads(make_chart: Callable[[], AnyChart], name: str) -> None:
    """PNG (2x, for print) and SVG buttons for a chart, drawn only when clicked, from the
    same builder as the chart on screen."""
    left, right, _ = st.columns([1, 1, 4])
    left.download_button("PNG image", lambda: chart_png(make_chart()), f"{name}.png",
                         "image/png", key=f"png_{name}", icon=":material/image:")
    right.download_button("SVG image", lambda: chart_svg(make_chart()), f"{name}.svg",
                          "image/svg+xml", key=f"svg_{name}", icon=":material/draw:")


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


# --- Add an article: upload or paste, review the candidates, save ----------------------

ADD_TEXT_KEY = "add_text"
ADD_REVIEW_KEY = "add_review"
ADD_EDITOR_KEY = "add_editor"
ADD_CLAIMANTS_KEY = "add_claimants"
NEW_CLAIMANT_COLUMNS = ("name", "organisation", "claimant_type", "party")


def article_text_from_input(data_dir: Path) -> tuple[str | None, list[str]]:
    """The text of the uploaded file, or else of the pasted text, or why it is refused."""
    stored = intake.stored_articles(data_dir)
    upload = st.session_state.get("add_upload")
    if upload is not None:
        return intake.read_upload(upload.getvalue(), upload.name, stored)
    pasted = str(st.session_state.get("add_paste", ""))
    return intake.read_upload(pasted.encode("utf-8"), intake.PASTED, stored)


def find_candidates(figures: Figures) -> None:
    """A button's callback: read the input and lay out its candidate claims for review."""
    text, errors = article_text_from_input(figures.dataset.data_dir)
    st.session_state["add_errors"] = errors
    st.session_state.pop(ADD_EDITOR_KEY, None)
    st.session_state.pop(ADD_CLAIMANTS_KEY, None)
    if text is None:
        st.session_state.pop(ADD_TEXT_KEY, None)
        st.session_state.pop(ADD_REVIEW_KEY, None)
        return
    with st.spinner(f"Finding the figures in {len(text):,} characters of text…",
                    show_time=True):
        review = intake.review_frame(text, figures.dataset.claimants,
                                     str(st.session_state.get("add_outlet", "")))
    st.session_state[ADD_TEXT_KEY] = text
    st.session_state[ADD_REVIEW_KEY] = review
    unmatched = review[(review["claimant_id"] == "") & (review["claimant"] != "")]
    st.session_state["add_new_claimants"] = pd.DataFrame(
        {"name": list(dict.fromkeys(unmatched["claimant"])), "organisation": "",
         "claimant_type": None, "party": None}, columns=list(NEW_CLAIMANT_COLUMNS))


def new_claimants_editor() -> pd.DataFrame:
    """The claimants the reader creates: names the extractor found, type and party to fill."""
    st.markdown("**New claimants**: the names found that match no stored claimant. Fill in "
                "their organisation, type and party, or delete the rows you do not need.")
    return st.data_editor(
        st.session_state.get("add_new_claimants",
                             pd.DataFrame(columns=list(NEW_CLAIMANT_COLUMNS))),
        key=ADD_CLAIMANTS_KEY, num_rows="dynamic", hide_index=True, width="stretch",
        column_config={
            "claimant_type": st.column_config.SelectboxColumn(
                "claimant_type", options=list(schema.CLAIMANT_TYPES)),
            "party": st.column_config.SelectboxColumn("party", options=list(schema.PARTIES)),
        },
    )


def review_editor(review: pd.DataFrame, claimant_choices: list[str]) -> pd.DataFrame:
    """The candidates as an editable table: tick what to keep, fix what is wrong."""
    choice = st.column_config.SelectboxColumn
    return st.data_editor(
        review, key=ADD_EDITOR_KEY, num_rows="fixed", hide_index=True, width="stretch",
        disabled=("claimant", "quote", "start", "end"),
        column_config={
            "keep": st.column_config.CheckboxColumn("keep"),
            "claimant_id": choice("claimant_id", options=claimant_choices),
            "measure": choice("measure", options=list(schema.MEASURES)),
            "subject": choice("subject", options=list(schema.SUBJECTS)),
            "unit": choice("unit", options=list(schema.UNITS)),
            "qualifier": choice("qualifier", options=list(schema.QUALIFIERS)),
            "quote": st.column_config.TextColumn("quote", width="large"),
        },
    )


def published_basis_input() -> str:
    """'stated', or 'inferred: <how>' as the codebook asks."""
    stated = st.radio("Is the date stated in the article?", ["stated", "inferred"],
                      key="add_basis", horizontal=True)
    if stated == "stated":
        return schema.PUBLISHED_STATED
    how = st.text_input("How was the date inferred?", key="add_basis_how")
    return f"{schema.PUBLISHED_INFERRED_PREFIX}{how.strip()}"


def save_reviewed(figures: Figures, reviewed: pd.DataFrame, created: pd.DataFrame,
                  basis: str) -> None:
    """Plan the save, show what is missing, or write the files and say what was added.

    A long article takes a while to account for and to check, so each step is named in a
    status box as it starts, with the time it has taken so far.
    """
    text = st.session_state[ADD_TEXT_KEY]
    with st.status(f"Saving an article of {len(text):,} characters…", expanded=True) as status:
        st.write("Accounting for every number in the article…")
        plan = intake.plan_save(
            figures.dataset.data_dir, text,
            str(st.session_state.get("add_outlet", "")),
            str(st.session_state.get("add_title", "")),
            st.session_state.get("add_published") or "", basis,
            str(st.session_state.get("add_credits", "")), reviewed,
            created.dropna(how="all").to_dict("records"))
        if plan.messages:
            status.update(label="Not saved: some cells are still to fill in", state="error")
            st.error("Not saved; mend these first:\n\n" +
                     "\n".join(f"- {as_text(message)}" for message in plan.messages))
            return
        st.write(f"Checking the data folder with {len(plan.claims)} claims and "
                 f"{len(plan.not_claims):,} numbers set apart added…")
        result = intake.save(figures.dataset.data_dir, plan)
        if not result.ok:
            status.update(label="Not saved: the checker found problems", state="error")
            st.error("Not saved; the data folder is unchanged. The checker found:\n\n" +
                     "\n".join(f"- {as_text(message)}" for message in result.messages))
            return
        status.update(label="Saved", state="complete")
    for key in (ADD_TEXT_KEY, ADD_REVIEW_KEY, ADD_EDITOR_KEY, ADD_CLAIMANTS_KEY):
        st.session_state.pop(key, None)
    st.session_state["add_saved"] = (f"Saved {plan.file_name} with {len(plan.claims)} claims "
                                     f"and {len(plan.not_claims)} numbers set apart "
                                     f"(article id {result.article_id}).")
    st.rerun()


def add_article_panel(figures: Figures) -> None:
    """Upload or paste an article, review its candidate claims, and save them."""
    if st.session_state.get("add_saved"):
        st.success(as_text(st.session_state.pop("add_saved")), icon=":material/check_circle:")
    st.file_uploader("Article text (.txt, UTF-8, up to 2 MB)", type=["txt"], key="add_upload")
    st.text_area("…or paste the article's text", key="add_paste", height=160)
    left, middle, right = st.columns(3)
    left.text_input("Outlet of the new article", key="add_outlet")
    middle.text_input("Its title", key="add_title")
    right.date_input("Its date of publication", key="add_published", value=None,
                     format="YYYY-MM-DD")
    basis = published_basis_input()
    st.text_input("Credits (wire services and agencies named; separate with ;)",
                  key="add_credits")
    st.button("Find the figures", key="add_find", on_click=find_candidates, args=(figures,),
              icon=":material/search:")
    for error in st.session_state.get("add_errors", []):
        st.error(as_text(error))
    review = st.session_state.get(ADD_REVIEW_KEY)
    if review is None:
        return
    st.caption(f"{len(review)} candidate figures found. Check each against its quote: "
               "the extractor proposes, a person decides.")
    created = new_claimants_editor()
    choices = [*figures.dataset.claimants["claimant_id"],
               *[name for name in created["name"].dropna() if name]]
    reviewed = review_editor(review, choices)
    if st.button("Save to the data folder", key="add_save", type="primary",
                 icon=":material/save:"):
        save_reviewed(figures, reviewed, created, basis)
