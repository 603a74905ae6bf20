"""Add articles: upload files or paste text; their figures are proposed for review."""

import streamlit as st

from figures import ui
from figures.load import data_dir_from_env

st.title("Add articles")
st.markdown("Upload reports (text files or saved web pages) or paste one. Each article is "
            "stored, and the figures the extractor finds in it are saved as **proposed**: "
            "they wait on the **Review** page until a person accepts, fixes or rejects each "
            "one, and are marked as not reviewed wherever they are shown. For a large "
            "folder, the command line does the same: `.venv/bin/python -m figures add FOLDER`.")
ui.add_articles_panel(data_dir_from_env())
