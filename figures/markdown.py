"""Text from the data or the URL, made safe to put into Streamlit's Markdown.

Streamlit renders captions, warnings, expander labels and `st.markdown` as Markdown, so a
title, a name or a link's filter holding `[fix](http://evil.example/)` would become a
live link, and `![x](http://host/x.png)` a picture fetched from another host. Every such
string goes through `as_text` first: one rule, used everywhere, and tested once.
"""

from __future__ import annotations

import re

# CommonMark lets any ASCII punctuation be escaped with a backslash, and an escaped mark
# is shown as itself. Escaping all of them leaves no link, picture, emphasis, code,
# heading, list, HTML, colour directive, formula or autolink (no bare "http:", "www.").
ASCII_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
LINE_BREAK = re.compile(r"\r\n|\r|\n")


def as_text(text: object) -> str:
    """`text` as Markdown that shows exactly these characters, on one line."""
    return ASCII_PUNCTUATION.sub(r"\\\1", LINE_BREAK.sub(" ", str(text)))
