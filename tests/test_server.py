"""The server the README starts: who may connect to it and what a browser is told of errors."""

from __future__ import annotations

import socket
import tomllib
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from figures.browser import serve_dashboard

CONFIG = Path(__file__).resolve().parent.parent / ".streamlit" / "config.toml"
HANDSHAKE = (
    "GET /_stcore/stream HTTP/1.1\r\n"
    "Host: {host}\r\n"
    "Upgrade: websocket\r\n"
    "Connection: Upgrade\r\n"
    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
    "Sec-WebSocket-Version: 13\r\n"
    "\r\n"
)


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, int]]:
    """The dashboard served with the project's own settings: (address, port)."""
    with serve_dashboard() as url:
        parts = urlsplit(url)
        yield str(parts.hostname), int(parts.port or 80)


def websocket_status(server: tuple[str, int], host_header: str) -> int:
    """The HTTP status the server answers a WebSocket handshake naming `host_header`."""
    with socket.create_connection(server, timeout=10) as connection:
        connection.sendall(HANDSHAKE.format(host=host_header).encode("ascii"))
        answer = connection.recv(4096).decode("latin-1")
    return int(answer.split()[1])


def test_a_page_from_another_host_cannot_open_the_app(server: tuple[str, int]) -> None:
    """A page served from evil.example that rebinds its name to this machine is refused."""
    assert websocket_status(server, f"evil.example:{server[1]}") == 403


@pytest.mark.parametrize("name", ["localhost", "127.0.0.1"])
def test_the_local_browser_still_connects(server: tuple[str, int], name: str) -> None:
    """The reader's own browser, at localhost, still opens the app."""
    assert websocket_status(server, f"{name}:{server[1]}") == 101


def test_errors_reach_the_browser_without_their_details() -> None:
    """A crash shows the reader a generic message, not a traceback naming files."""
    settings = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    assert settings["client"]["showErrorDetails"] == "none"
    assert settings["server"]["allowedHosts"] == ["localhost", "127.0.0.1", "::1"]


def test_the_server_does_not_watch_its_own_source() -> None:
    """Readers do not edit the program: the server leaves its modules unwatched (the page
    watches the data files itself, see test_dashboard's edited-file test)."""
    settings = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    assert settings["server"]["fileWatcherType"] == "none"
    assert settings["server"]["runOnSave"] is False
