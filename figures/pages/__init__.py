"""The dashboard's pages, one thin script each, run by `st.navigation` in dashboard.py.

Each page holds layout and widgets only; the work is done in the rest of `figures/`.
Paths are relative to dashboard.py, as Streamlit resolves them.
"""

EXPLORE = "figures/pages/explore.py"
ADD_ARTICLES = "figures/pages/add_articles.py"
REVIEW = "figures/pages/review.py"
# Explore's sections, one tab each, in order; the first is open when a page opens.
EXPLORE_SECTIONS = ("Side by side", "Disputes", "All measures", "Timeline", "Claims", "Sources",
                    "Cite and download")
