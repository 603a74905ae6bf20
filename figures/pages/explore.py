"""Explore: every figure side by side. Layout and widgets only; the work is done in figures/.

Above the tabs: 1 header and the corpus at a glance, 2 data problems, 3 filters (sidebar).
Then one tab per section, and only the open one runs, so a click computes and sends one
section: 4 side by side, 5 disputes, 6 all measures, 7 timeline, 8 claims table and
article, 9 sources, 10 downloads and citation.
"""

from dataclasses import replace
from datetime import date
from functools import partial

import pandas as pd
import streamlit as st

from figures import compare, pages, schema, ui
from figures.charts import EXPORT_WIDTH, overview, side_by_side, timeline
from figures.cite import cite_view
from figures.disputes.frame import (
    DISPUTE_COLUMNS,
    checked_text,
    cited_claims,
    corroboration,
    disputes_frame,
    disputes_sentence,
)
from figures.export import table_csv, table_json
from figures.filters import Selection, describe_selection
from figures.glance import glance
from figures.markdown import as_text
from figures.package import dataset_zip
from figures.vegalite import ChartSpec

TODAY = date.today()
SCREEN_WIDTH = 860  # pixels: fits, legend and all, the main column of a 1440 px window
figures = ui.load_figures()
table = ui.labelled_table(figures)  # every claim's labels, computed once per load


def add_articles_link() -> None:
    """Where a reader goes to add articles, offered when there is nothing to show."""
    st.page_link(pages.ADD_ARTICLES, label="Add articles", icon=":material/note_add:")


# 1. Header: what this is, the corpus at a glance, the method.
st.title("Contested Figures")
st.markdown("Every numeric claim in the news articles on the **2016 battle of Aleppo**, "
            "side by side, with who claims it, the side they speak for, and where it "
            "was published.")
ui.restore_view(table)
ui.hold_values(ui.SECTION_CHOICES)  # the choices made in tabs, while another is open

# 3. Filters (drawn before the body so every section below follows them).
chosen = ui.sidebar_selection(table)
# The rows a view shows do not depend on the comparison picked for the side-by-side chart,
# so everything made from them is kept under the selection without it: picking another
# comparison redraws that chart alone.
selection = replace(chosen, comparison="")
first_view = selection == Selection()  # its charts are kept on disk for after a restart
screenshot = bool(st.session_state.get(ui.SCREENSHOT_KEY))
shown = ui.shown_rows(table, selection)
# Found once per version of the data; the view keeps those whose claims it shows.
in_view = ui.derived(table, ("disputes", selection), lambda: ui.load_disputes(figures).within(
    frozenset(shown["claim_id"].tolist())))
if screenshot:
    ui.screenshot_layout()

at_a_glance = ui.derived(table, ("glance", selection), lambda: glance(table, shown))
columns = st.columns(6)
columns[0].metric("Articles", f"{at_a_glance.articles:,}")
columns[1].metric(at_a_glance.span_label, at_a_glance.span_value, help=at_a_glance.span_help)
columns[2].metric(f"Claims shown of {at_a_glance.claims_total:,}",
                  f"{at_a_glance.claims_shown:,}")
columns[3].metric("Claimants", f"{at_a_glance.claimants_shown:,}")
columns[4].metric("Parties", f"{at_a_glance.parties_shown:,}")
columns[5].metric("Disputes", f"{len(in_view.disputes):,}",
                  help=f"Among {checked_text(in_view)} by different claimants in view.")
st.caption("Method: figures are shown **as claimed by each party, not verified**. "
           "Qualifiers (\"at least\", \"more than\", \"some\") are kept as the article gives "
           "them, and dates not stated in an article are marked as inferred. "
           f"Filters: {as_text(describe_selection(chosen))}."
           + (" Figures not yet reviewed are included: faded and labelled '(not reviewed)' "
              "in the charts, `proposed` in the table's review_status."
              if selection.include_proposed else ""))
for warning in st.session_state.get(ui.WARNINGS_KEY, []):
    st.warning(as_text(warning), icon=":material/link_off:")

# 2. Data problems: valid claims still show; rejected rows are listed, never a traceback.
if figures.problems:
    with st.expander(f"⚠ {len(figures.rejected)} of {figures.rows_in} claim rows rejected; "
                     f"{len(figures.problems)} problems in the data", expanded=True):
        st.error("Some rows of the data could not be shown. Each is listed with its file, "
                 "line and reason; mend the file and the page updates.")
        st.dataframe(figures.rejected, hide_index=True, key="rejected_rows",
                     width="stretch")
        st.dataframe(pd.DataFrame([p.as_dict() for p in figures.problems]), hide_index=True,
                     key="problems", width="stretch")

if table.empty:
    st.error("No claim could be read from the data folder. Where there are problems, the "
             "list above says what to mend; a new folder starts with the articles added "
             "on the Add articles page.", icon=":material/error:")
    add_articles_link()
    st.stop()
if shown.empty:
    st.info("No claim matches these filters. Widen them, or press **Reset filters** in the "
            "sidebar.", icon=":material/filter_alt_off:")
    st.stop()

# 4-10. The sections, one tab each. The comparison is chosen in the side-by-side tab but
# belongs to the view (its URL and citation), so it is settled before any tab runs.
choices = ui.derived(table, ("choices", selection),
                     lambda: compare.available_comparisons(shown))
label = ui.chosen_comparison(choices)
view = replace(selection, comparison=label)
ui.keep_view_in_url(view, screenshot)


def main_chart() -> ChartSpec:
    """The side-by-side chart of the chosen comparison, for the page and its images."""
    return side_by_side(compare.comparison_frame(shown, label), label, TODAY)


def side_by_side_section() -> None:
    """4. Side by side: one comparable measure, every claim for it."""
    st.header("Side by side")
    if not screenshot:
        st.selectbox("Compare", choices, key=ui.COMPARISON_KEY,
                     help="Only like is compared with like: each choice groups one kind of "
                          "figure.")
    ui.draw_chart(ui.chart_spec(table, ("side", view, TODAY), main_chart, first_view),
                  key="chart_side_by_side")
    if not screenshot:
        ui.image_downloads(main_chart, f"side-by-side-{label.lower().replace(' ', '-')}")


def disputes_section() -> None:
    """5. Disputes: the figures that cannot all hold as stated. A fragment: turning the
    page of disputes reruns this section alone."""
    with st.container(key="disputes"):
        st.fragment(ui.disputes_section)(figures, shown, selection, in_view, screenshot, TODAY)


def overview_section() -> None:
    """6. Across measures: small multiples, each panel on its own scale."""
    st.header("All measures")
    # Stacked panels cannot stretch to the column, so the page draws them to fit it;
    # the images are drawn at the export width from the same builder and data.
    width = EXPORT_WIDTH if screenshot else SCREEN_WIDTH
    ui.draw_chart(ui.chart_spec(table, ("overview", selection, TODAY, width),
                                partial(overview, shown, TODAY, width), first_view),
                  key="chart_overview", width="content")
    if not screenshot:
        ui.image_downloads(partial(overview, shown, TODAY), "all-measures")


def timeline_section() -> None:
    """7. Timeline: who said what, when."""
    st.header("Timeline")
    ui.draw_chart(ui.chart_spec(table, ("timeline", selection, TODAY),
                                partial(timeline, shown, TODAY), first_view),
                  key="chart_timeline")
    if not screenshot:
        ui.image_downloads(partial(timeline, shown, TODAY), "timeline")


def claims_section() -> None:
    """8. The claims table, and the article of a chosen claim with its quote marked. A
    fragment: paging the table or clicking a row reruns this section alone."""
    st.fragment(ui.claims_section)(figures, shown, selection, screenshot,
                                   lambda rows: corroboration(rows, in_view))


def sources_section() -> None:
    """9. Sources: the articles in view in one table (date and how it is known, credits,
    claims), and the claims of the article chosen below it."""
    st.fragment(ui.sources_section)(figures, shown, selection, screenshot)


def citation() -> str:
    """The cite-this-view text of the view."""
    cited = shown[shown["claim_id"].isin(cited_claims(in_view))]
    claimant_of = dict(zip(cited["claim_id"].tolist(), cited["claimant"].tolist(), strict=True))
    return cite_view(describe_selection(view), shown, TODAY, ui.view_url(),
                     disputes_sentence(in_view, claimant_of))


def take_away_section() -> None:
    """10. Downloads and citation: exactly the rows shown, with full provenance; the files
    are written only when a button is pressed."""
    st.header("Cite and download")
    if not screenshot:
        first, second, third, fourth = st.columns(4)
        first.download_button("Figure table (CSV)", partial(table_csv, shown, excel=True),
                              "contested-figures.csv", "text/csv", key="download_csv",
                              icon=":material/table:", on_click="ignore")
        second.download_button("Figure table (JSON)", partial(table_json, shown),
                               "contested-figures.json", "application/json",
                               key="download_json", icon=":material/data_object:",
                               on_click="ignore")
        third.download_button("Whole dataset (zip)",
                              partial(dataset_zip, figures.dataset.data_dir, figures.table,
                                      TODAY),
                              "contested-figures-dataset.zip", "application/zip",
                              key="download_zip", icon=":material/folder_zip:",
                              on_click="ignore")
        fourth.download_button("Disputes (CSV)",
                               lambda: table_csv(disputes_frame(shown, in_view), excel=True,
                                                 columns=(*DISPUTE_COLUMNS,
                                                          *schema.TABLE_COLUMNS)),
                               "contested-figures-disputes.csv", "text/csv",
                               key="download_disputes", icon=":material/compare_arrows:",
                               on_click="ignore")
    st.subheader("Cite this view")
    st.code(ui.derived(table, ("cite", view, TODAY, ui.view_url()), citation), language=None,
            wrap_lines=True)
    st.caption(f"Source: {schema.DATASET_NAME}, version {schema.DATASET_VERSION}. Articles "
               "© their publishers; the tables are offered for research and fact-checking.")


SECTIONS = (side_by_side_section, disputes_section, overview_section, timeline_section,
            claims_section, sources_section, take_away_section)  # as pages.EXPLORE_SECTIONS
for tab, draw in zip(ui.section_tabs(), SECTIONS, strict=True):
    if tab.open:
        with tab:
            draw()
if screenshot:
    st.markdown(f"[Leave screenshot mode]({ui.url_without_screenshot()})")
