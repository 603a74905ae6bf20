"""Ids and file names for a new article and its new claimants, never one in use."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from datetime import date, datetime


def slug(text: str, limit: int = 24) -> str:
    """Plain lower-case ASCII words joined by '_', cut at a word to at most `limit` chars."""
    spaced = re.sub(r"[\W_]+", " ", text)  # "m’intéresse" is two words, not one
    ascii_text = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    kept: list[str] = []
    for word in words:
        if kept and len("_".join([*kept, word])) > limit:
            break
        kept.append(word[:limit])
    return "_".join(kept)


def unique_id(base: str, taken: Collection[str]) -> str:
    """`base`, or `base_2`, `base_3`... whichever is not taken yet."""
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}_{number}", number + 1
    return candidate


def iso_day(published: date | str) -> str:
    """A publication date as ISO text, whether given as a date or as text."""
    if isinstance(published, datetime):
        return published.date().isoformat()
    if isinstance(published, date):
        return published.isoformat()
    return str(published).strip()


def article_id_for(outlet: str, published: date | str, existing_ids: Collection[str]) -> str:
    """A short id from the outlet and the day ("daily_example_20161103"), not yet in use."""
    day = iso_day(published).replace("-", "")
    return unique_id(f"{slug(outlet, 20) or 'article'}_{day}", existing_ids)


def file_name_for(article_id: str) -> str:
    """The article's file name under `articles/`: its id, so one finds the other."""
    return f"{article_id}.txt"


def claimant_id_for(name: str, existing_ids: Collection[str]) -> str:
    """A short id for a new claimant from its name ("syrian_civil_defence"), not in use."""
    return unique_id(slug(name) or "claimant", existing_ids)
