"""Text from the data or the URL is shown as itself: never as a link, a picture or markup."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import urlencode

import pytest
from streamlit.testing.v1 import AppTest

from figures import pages
from figures.browser import (
    open_page,
    open_tab,
    serve_dashboard,
    wait_for_dashboard,
    wait_until_idle,
)
from figures.markdown import WORD_JOINER, as_text
from tests.conftest import TINY_TABLES, TinyFolder, edited, shown
from tests.test_browser import browser
from tests.test_dashboard import APP, SECTIONS, TIMEOUT, open_section

__all__ = ["browser"]  # a fixture, used by name

PAYLOAD = "![x](http://host/track.png) [fix](http://evil.example/)"
ESCAPED = re.compile(r"\\[!-/:-@\[-`{-~]")


def autolinks(text: str) -> list[str]:
    """The addresses GFM would turn into links in rendered text: it finds them in the text
    after escapes are resolved, where a URL or 'www.' follows the start, a space or a
    punctuation mark, and where an address has an @ between word characters."""
    found = []
    for match in re.finditer(r"(?i)https?://[-\w.]*\.[-\w]+|www\.[-\w]+", text):
        before = text[match.start() - 1] if match.start() else " "
        if before.isspace() or unicodedata.category(before).startswith("P") or before in "*_~":
            found.append(match.group())
    found += re.findall(r"[-.+\w]+@[-\w]+(?:\.[-\w]+)+", text)
    return found


def unescaped_markup(body: str) -> list[str]:
    """The pieces of Markdown in `body` that would make a link or fetch a picture."""
    bare = ESCAPED.sub("", body)
    text = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", body)  # escapes read, word joiners kept
    return (re.findall(r"!\[|\]\(|\]\[|\]:|<", bare) + autolinks(text)
            + re.findall(r":(?!material/)[\w/+-]+:", text))  # the page's own icons aside


@pytest.mark.parametrize("text", [
    PAYLOAD,
    "<img src=x onerror=alert(1)> www.evil.example me@evil.example",
    ":red[alarm] $x^2$ **bold** `code` # heading\n- item\n1. first",
    "[x]: http://evil.example/ \\[x\\] \\",
    "(https://evil.example/a) *www.evil.example* :smile: :material/home: 10:30",
])
def test_as_text_leaves_no_markup_and_loses_no_character(text: str) -> None:
    """Escaped text carries no link, picture or markup, and reads exactly as written."""
    escaped = as_text(text)
    assert unescaped_markup(escaped) == []
    assert shown(escaped).replace(WORD_JOINER, "") == " ".join(text.split("\n"))


def page_bodies(at: AppTest) -> list[str]:
    """Every piece of the page that Streamlit renders as Markdown."""
    bodies = [element.value for kind in ("markdown", "caption", "warning", "error", "info",
                                         "success", "title", "header", "subheader")
              for element in at.get(kind)]
    bodies += [expander.label for expander in at.expander]
    bodies += [metric.label for metric in at.metric]
    return bodies


def payload_tables() -> dict[str, list[dict[str, str]]]:
    """Tiny tables whose outlet, title, credits, wire, url, basis, claimant and notes
    all hold Markdown that would fetch a picture and show a link."""
    claimants = [dict(row) for row in TINY_TABLES["claimants.csv"]]
    claimants[0]["name"] = f"Monitor {PAYLOAD}"
    return {
        "sources": edited("sources.csv", 0, outlet=f"Daily {PAYLOAD}",
                          title=f"Clashes {PAYLOAD}", credits=PAYLOAD, wire=PAYLOAD,
                          url=PAYLOAD, published_basis=f"inferred: {PAYLOAD}"),
        "claimants": claimants,
        "claims": edited("claims.csv", 0, notes=PAYLOAD),
    }


def test_no_string_from_the_data_or_the_url_reaches_markdown_unescaped(
    tiny_folder: TinyFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Credits, names, notes, titles and a link's filters holding Markdown show as text."""
    folder: Path = tiny_folder(**payload_tables())
    monkeypatch.setenv("FIGURES_DATA_DIR", str(folder))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["party"] = PAYLOAD
    at.query_params["q"] = PAYLOAD
    at.run()
    assert not at.exception
    bodies = page_bodies(at)
    for section in SECTIONS[1:]:
        bodies += page_bodies(open_section(at, section))
        assert not at.exception, section
    assert {body: unescaped_markup(body) for body in bodies if unescaped_markup(body)} == {}
    seen = [shown(body).replace(WORD_JOINER, "") for body in bodies]
    carrying = [body for body in seen if PAYLOAD in body]
    assert any(body.startswith("Ignored party") for body in carrying)
    assert any("Filters: search" in body for body in carrying)
    assert any(body.startswith("**Credits**") for body in carrying)
    assert sum(body.startswith(f"Daily {PAYLOAD}") for body in carrying) >= 2


@pytest.mark.browser
def test_in_a_real_browser_no_link_or_picture_comes_from_the_data(
    browser, tiny_folder: TinyFolder
) -> None:
    """In Chromium, the page with Markdown in its data and URL fetches no picture and
    links nowhere outside itself, and shows the Markdown as text."""
    folder = tiny_folder(**payload_tables())
    query = urlencode({"party": PAYLOAD, "q": PAYLOAD})
    with serve_dashboard({"FIGURES_DATA_DIR": str(folder)}) as url:
        page = open_page(browser, f"{url}/?{query}", 1440)
        pictures, links, text = [], [], ""
        try:
            wait_for_dashboard(page)
            for section in SECTIONS:  # every tab, each drawn only when open
                if section != SECTIONS[0]:
                    open_tab(page, section)
                for summary in page.query_selector_all("[data-testid='stExpander'] summary"):
                    summary.click()
                wait_until_idle(page)
                pictures += page.eval_on_selector_all("img", "all => all.map(e => e.src)")
                links += page.eval_on_selector_all("a", "all => all.map(e => e.href)")
                text += page.inner_text("body").replace(WORD_JOINER, "")
        finally:
            page.close()
    assert [src for src in pictures if "host" in src] == []
    assert [href for href in links if not href.startswith(url)] == []
    assert text.count(PAYLOAD) >= 5


def test_the_review_page_shows_markdown_from_the_data_as_text(
    tiny_folder: TinyFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A proposed figure whose claimant, quote source and file hold Markdown is reviewed as text."""
    tables = payload_tables()
    tables["claims"][0]["review_status"] = "proposed"
    folder: Path = tiny_folder(**tables)
    monkeypatch.setenv("FIGURES_DATA_DIR", str(folder))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run().switch_page(pages.REVIEW).run()
    assert not at.exception
    bodies = page_bodies(at)
    assert {body: unescaped_markup(body) for body in bodies if unescaped_markup(body)} == {}
    seen = [shown(body).replace(WORD_JOINER, "") for body in bodies]
    assert any(f"Monitor {PAYLOAD}" in body for body in seen)
