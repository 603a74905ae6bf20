"""Reading an uploaded or pasted article: its text, or why it cannot be added.

Each message names the file and what to do, because the reader cannot see the bytes.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from figures.duplicates import fold
from figures.load import Dataset, read_articles, read_dataset, wide_unicode

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
PASTED = "pasted text"  # the name `read_upload` gives text pasted on the page
UTF8_BOM = b"\xef\xbb\xbf"
# Bytes that plain text does not hold (tab, line feed, form feed and carriage return do).
CONTROL_BYTES = frozenset(range(32)) - {9, 10, 12, 13} | {127}
MAX_CONTROL_SHARE = 0.05  # above this share of control bytes a file is taken as binary


def stored_articles(data_dir: Path | str) -> dict[str, str]:
    """The text of every article stored in the folder, by file name, for `read_upload`.

    Only articles listed in sources.csv count: a file nothing lists is the leftover of a
    save cut off half way (see `unlisted_articles`), and adding its text again finishes
    that save instead of being refused as a duplicate of itself.
    """
    articles, _ = read_articles(Path(data_dir))
    listed = set(read_dataset(Path(data_dir)).sources["file"])
    return {name: text for name, text in articles.items() if name in listed}


def unlisted_articles(dataset: Dataset) -> dict[str, str]:
    """Articles in the folder that sources.csv does not list, by file name."""
    listed = set(dataset.sources["file"])
    return {name: text for name, text in dataset.articles.items() if name not in listed}


def unreadable(raw: bytes, name: str) -> str:
    """Why a file cannot be an article whatever its format (too large, empty, binary)."""
    for rule in (_too_large, _empty, _binary):
        message = rule(raw, name)
        if message:
            return message
    return ""


def read_upload(
    raw: bytes, name: str, stored: Mapping[str, str]
) -> tuple[str | None, list[str]]:
    """The text of an uploaded or pasted article, or messages saying why it cannot be added.

    Each message names the file and what to do, because the reader cannot see the bytes.
    A UTF-8 byte-order mark is dropped (the loader ignores it too). Pasted text is passed
    encoded, as `read_upload(text.encode(), PASTED, stored)`, so it meets the same rules.
    """
    raw, message = _wide_unicode_as_utf8(raw, name)
    if message:
        return None, [message]
    message = unreadable(raw, name)
    if message:
        return None, [message]
    text, message = _decode(raw, name)
    if text is None:
        return None, [message]
    if not text.strip():
        return None, [f"{name}: holds only whitespace, no text to read"]
    twin = same_text_as(text, stored)
    if twin is not None:
        return None, [f"{name}: has the same text as the stored article {twin}; "
                      f"it is already in the data"]
    return text, []


def _wide_unicode_as_utf8(raw: bytes, name: str) -> tuple[bytes, str]:
    """Text saved as UTF-16 or UTF-32 with its byte-order mark ('Unicode' in Windows
    editors), as UTF-8 bytes; other bytes as they are; or why it does not decode."""
    codec = wide_unicode(raw)
    if codec is None:
        return raw, ""
    try:
        return raw.decode(codec).encode("utf-8"), ""
    except UnicodeDecodeError as error:
        return raw, (f"{name}: starts as {codec.upper()} but byte {error.start} does not "
                     f"decode; save the article as UTF-8 and upload it again")


def _too_large(raw: bytes, name: str) -> str:
    """Why a file is too big to be an article, if it is."""
    if len(raw) <= MAX_UPLOAD_BYTES:
        return ""
    return (f"{name}: is {len(raw) / 1024 / 1024:.1f} MB ({len(raw):,} bytes), over the "
            f"{MAX_UPLOAD_BYTES // 1024 // 1024} MB limit for an article")


def _empty(raw: bytes, name: str) -> str:
    """Why a file has nothing to read, if it has not."""
    body = raw.removeprefix(UTF8_BOM)
    if not body:
        return f"{name}: is empty, no text to read"
    if not body.strip():
        return f"{name}: holds only whitespace, no text to read"
    return ""


def _binary(raw: bytes, name: str) -> str:
    """Why a file looks like a picture, PDF or document rather than plain text, if it does."""
    if b"\x00" in raw:
        return (f"{name}: looks binary, not plain text (it holds NUL bytes); save the article "
                f"as a plain-text .txt file")
    share = sum(byte in CONTROL_BYTES for byte in raw) / len(raw)
    if share > MAX_CONTROL_SHARE:
        return (f"{name}: looks binary, not plain text ({share:.0%} of its bytes are control "
                f"characters); save the article as a plain-text .txt file")
    return ""


def _decode(raw: bytes, name: str) -> tuple[str | None, str]:
    """The text of UTF-8 bytes, or where the first byte that is not UTF-8 stands."""
    skipped = len(UTF8_BOM) if raw.startswith(UTF8_BOM) else 0
    try:
        return raw[skipped:].decode("utf-8"), ""
    except UnicodeDecodeError as error:
        offset = skipped + error.start
        line = raw[:offset].count(b"\n") + 1
        return None, (f"{name}: is not UTF-8: byte {offset} (line {line}) is "
                      f"0x{raw[offset]:02X}; save the file as UTF-8 and upload it again")


def same_text_as(text: str, stored: Mapping[str, str]) -> str | None:
    """The stored article with the same words as `text` whatever its spacing and the
    shapes of its quotation marks, if any."""
    wanted = fold(text)
    for file, stored_text in stored.items():
        if fold(stored_text) == wanted:
            return file
    return None
