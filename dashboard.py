"""Contested Figures: the entry point. Page settings and navigation only; each page is a
thin script of its own under figures/pages/.

Pages: Explore (the figures side by side, the default), Add articles, and Review (the
queue of proposed figures). The sidebar of every page says how many are waiting.
"""

import streamlit as st

from figures import pages, ui

st.set_page_config(page_title="Contested Figures: Aleppo 2016", page_icon=":bar_chart:",
                   layout="wide", initial_sidebar_state="auto")
ui.page_style()
navigation = st.navigation([
    st.Page(pages.EXPLORE, title="Explore", icon=":material/bar_chart:", default=True),
    st.Page(pages.ADD_ARTICLES, title="Add articles", icon=":material/note_add:"),
    st.Page(pages.REVIEW, title="Review", icon=":material/fact_check:"),
])
ui.review_count_in_sidebar(ui.load_figures().table)
navigation.run()
