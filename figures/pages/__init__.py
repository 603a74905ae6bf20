"""The dashboard's pages, one thin script each, run by `st.navigation` in dashboard.py.

Each page holds layout and widgets only; the work is done in the rest of `figures/`.
Paths are relative to dashboard.py, as Streamlit resolves them.
"""

EXPLORE = "figures/pages/explore.py"
ADD_ARTICLES = "figures/pages/add_articles.py"
REVIEW = "figures/pages/review.py"
