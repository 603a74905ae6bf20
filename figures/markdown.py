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
# heading, list, HTML, colour directive or formula.
ASCII_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Two things are found in the text after escapes are read, so escaping cannot stop them:
# GFM turns a bare address ("http://...", "www.", "name@host.org") into a link, and
# Streamlit turns ":name:" into an emoji or icon. An invisible word joiner (U+2060) just
# before the address, the @ or the name breaks each pattern without changing what is seen.
WORD_JOINER = "\u2060"
BARE_ADDRESS = re.compile(r"(?i)(?=https?:|www\.|@)")
SHORTCODE = re.compile(r"(?<=:)(?=[\w/+-]+:)")


def as_text(text: object) -> str:
    """`text` as Markdown that shows exactly these characters, on one line."""
    plain = LINE_BREAK.sub(" ", str(text))
    plain = SHORTCODE.sub(WORD_JOINER, BARE_ADDRESS.sub(WORD_JOINER, plain))
    return ASCII_PUNCTUATION.sub(r"\\\1", plain)
