"""Read a saved web page: the article's own text, without navigation, adverts or footer,
and what the page's metadata says of it (title, site name, date of publication).

trafilatura does the reading; this module only turns its result into what a new source
row needs and says plainly why a page cannot be read.
"""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura

from figures.check import parse_date


@dataclass(frozen=True)
class WebPage:
    """The text of a saved page and its metadata; an empty field is one the page lacks."""

    text: str
    title: str = ""
    site_name: str = ""
    published: str = ""  # ISO day from the page's metadata
    url: str = ""


def article_text(extracted: str) -> str:
    """trafilatura's text with a blank line between paragraphs, as stored articles have."""
    lines = [line.strip() for line in extracted.splitlines()]
    return "\n\n".join(line for line in lines if line) + "\n"


def read_web_page(raw: bytes, name: str) -> tuple[WebPage | None, str]:
    """The article in a saved page, or why there is none to read."""
    try:
        document = trafilatura.bare_extraction(
            raw, with_metadata=True, include_comments=False, include_tables=False,
            include_images=False, date_extraction_params={"extensive_search": False,
                                                          "original_date": True})
    except (ValueError, TypeError) as error:  # a page the parser cannot make sense of
        return None, f"{name}: cannot be read as a web page ({error})"
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if not text:
        return None, (f"{name}: no article text found in the page (it may hold only "
                      f"navigation, or need a browser to show its text)")
    published = str(getattr(document, "date", None) or "")[:10]
    return WebPage(
        text=article_text(text),
        title=(getattr(document, "title", None) or "").strip(),
        site_name=(getattr(document, "sitename", None) or "").strip(),
        published=published if parse_date(published) else "",
        url=(getattr(document, "url", None) or "").strip(),
    ), ""
