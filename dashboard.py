"""Contested Figures: the page. Layout and widgets only; everything else is in figures/."""

import streamlit as st

from figures.table import build_figures

st.set_page_config(page_title="Contested Figures", layout="wide")
st.title("Contested Figures")
figures = build_figures()
st.dataframe(figures.table)
