"""Add articles: upload or paste a new article, review its figures, and save them."""

import streamlit as st

from figures import ui

st.title("Add articles")
figures = ui.load_figures()
st.markdown("Upload or paste a new article and review its figures before they are saved.")
ui.add_article_panel(figures)
