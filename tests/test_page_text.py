"""Text from the data or the URL is shown as itself: never as a link, a picture or markup."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from figures.markdown import as_text
from tests.conftest import TINY_TABLES, TinyFolder, edited, shown
from tests.test_dashboard import APP, TIMEOUT

PAYLOAD = "![x](http://host/track.png) [fix](http://evil.example/)"
ESCAPED = re.compile(r"\\[!-/:-@\[-`{-~]")


def unescaped_markup(body: str) -> list[str]:
    """The pieces of Markdown in `body` that would make a link or fetch a picture."""
    bare = ESCAPED.sub("", body)
    return re.findall(r"!\[|\]\(|\]\[|\]:|<|https?:|www\.|@\w", bare)


@pytest.mark.parametrize("text", [
    PAYLOAD,
    "<img src=x onerror=alert(1)> www.evil.example me@evil.example",
    ":red[alarm] $x^2$ **bold** `code` # heading\n- item\n1. first",
    "[x]: http://evil.example/ \\[x\\] \\",
])
def test_as_text_leaves_no_markup_and_loses_no_character(text: str) -> None:
    """Escaped text carries no link, picture or markup, and reads exactly as written."""
    escaped = as_text(text)
    assert unescaped_markup(escaped) == []
    assert shown(escaped) == " ".join(text.split("\n"))


def page_bodies(at: AppTest) -> list[str]:
    """Every piece of the page that Streamlit renders as Markdown."""
    bodies = [element.value for kind in ("markdown", "caption", "warning", "error", "info",
                                         "success", "title", "header", "subheader")
              for element in at.get(kind)]
    bodies += [expander.label for expander in at.expander]
    bodies += [metric.label for metric in at.metric]
    return bodies


def test_no_string_from_the_data_or_the_url_reaches_markdown_unescaped(
    tiny_folder: TinyFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Credits, names, notes, titles and a link's filters holding Markdown show as text."""
    sources = edited("sources.csv", 0, outlet=f"Daily {PAYLOAD}", title=f"Clashes {PAYLOAD}",
                     credits=PAYLOAD, wire=PAYLOAD, url=PAYLOAD,
                     published_basis=f"inferred: {PAYLOAD}")
    claimants = [dict(row) for row in TINY_TABLES["claimants.csv"]]
    claimants[0]["name"] = f"Monitor {PAYLOAD}"
    claims = edited("claims.csv", 0, notes=PAYLOAD)
    folder: Path = tiny_folder(sources=sources, claimants=claimants, claims=claims)
    monkeypatch.setenv("FIGURES_DATA_DIR", str(folder))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["party"] = PAYLOAD
    at.query_params["q"] = PAYLOAD
    at.run()
    assert not at.exception
    bodies = page_bodies(at)
    assert {body: unescaped_markup(body) for body in bodies if unescaped_markup(body)} == {}
    carrying = [shown(body) for body in bodies if PAYLOAD in shown(body)]
    assert any(body.startswith("Ignored party") for body in carrying)
    assert any("Filters: search" in body for body in carrying)
    assert any(body.startswith("**Credits**") for body in carrying)
    assert sum(body.startswith(f"Daily {PAYLOAD}") for body in carrying) >= 2
