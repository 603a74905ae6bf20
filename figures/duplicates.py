"""Tell a new article that is already stored, or nearly so, from a new story.

Two kinds of sameness matter when a corpus is built in bulk:

- the **same text**, once whitespace and the shapes of quotation marks and apostrophes
  are folded: a file saved twice, or a page saved again. It is refused, naming the
  stored file;
- a **near-duplicate**: most of its sentences stand in one stored article too, as when
  two outlets run the same wire story. It is added, and flagged for review, so that a
  reader can record the syndication (the source's `wire`).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

NEAR_SHARE = 0.6  # share of a new article's sentences found in one stored article
MIN_SENTENCE_WORDS = 5  # shorter sentences ("Read more.") say nothing about sameness
QUOTE_MARKS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
                             "\u2032": "'", "`": "'", "\u00b4": "'", "\u201c": '"',
                             "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
                             "\u00ab": '"', "\u00bb": '"'})
SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n+")


def fold(text: str) -> str:
    """The text with whitespace runs made one space and quotation marks made straight."""
    return " ".join(text.translate(QUOTE_MARKS).split())


def digest(text: str) -> str:
    """A short fingerprint of folded text."""
    return hashlib.blake2b(fold(text).casefold().encode("utf-8"), digest_size=16).hexdigest()


def sentence_digests(text: str) -> set[str]:
    """Fingerprints of the article's sentences long enough to tell stories apart."""
    return {digest(sentence) for sentence in SENTENCE_END.split(text)
            if len(sentence.split()) >= MIN_SENTENCE_WORDS}


@dataclass(frozen=True)
class NearDuplicate:
    """A stored article that shares most of a new article's sentences."""

    file: str
    share: float


@dataclass
class DuplicateIndex:
    """The stored articles' fingerprints, to look new ones up against in constant time."""

    texts: dict[str, str] = field(default_factory=dict)  # folded-text digest -> file
    sentences: dict[str, set[str]] = field(default_factory=dict)  # sentence -> files

    @classmethod
    def of(cls, articles: Mapping[str, str]) -> DuplicateIndex:
        """An index of every article, by file name."""
        index = cls()
        for file, text in articles.items():
            index.add(file, text)
        return index

    def add(self, file: str, text: str) -> None:
        """Remember one more stored article."""
        self.texts.setdefault(digest(text), file)
        for sentence in sentence_digests(text):
            self.sentences.setdefault(sentence, set()).add(file)

    def forget(self, file: str, text: str) -> None:
        """Drop an article added to the index that will not be stored after all."""
        if self.texts.get(digest(text)) == file:
            del self.texts[digest(text)]
        for sentence in sentence_digests(text):
            self.sentences.get(sentence, set()).discard(file)

    def same_text(self, text: str) -> str | None:
        """The stored file with the same text, once spacing and quote marks are folded."""
        return self.texts.get(digest(text))

    def near(self, text: str, exclude: str = "") -> NearDuplicate | None:
        """The stored article sharing the largest share of this one's sentences, if that
        share reaches NEAR_SHARE."""
        own = sentence_digests(text)
        if not own:
            return None
        shared: Counter[str] = Counter()
        for sentence in own:
            shared.update(self.sentences.get(sentence, ()))
        shared.pop(exclude, None)
        if not shared:
            return None
        file, count = min(shared.items(), key=lambda item: (-item[1], item[0]))
        share = count / len(own)
        return NearDuplicate(file, share) if share >= NEAR_SHARE else None


def near_duplicates(articles: Mapping[str, str], files: Iterable[str]) -> dict[str, NearDuplicate]:
    """For each of `files`, the other stored article it nearly duplicates, if any."""
    index = DuplicateIndex.of(articles)
    found = {}
    for file in files:
        match = index.near(articles.get(file, ""), exclude=file)
        if match is not None:
            found[file] = match
    return found
