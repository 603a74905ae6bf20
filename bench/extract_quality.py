"""How well the rule-based extractor finds the hand-curated claims.

Usage: python bench/extract_quality.py DATA_DIR

Runs `figures.extract.extract` over every article listed in DATA_DIR/sources.csv and
compares its candidates with DATA_DIR/claims.csv:

- recall: share of claims found. A claim is found by a candidate with the same value
  whose offsets overlap the place of the claim's quote in the article (located with
  `figures.text.find_quote`, insensitive to whitespace). Each candidate finds one claim.
- claimant accuracy: share of found claims whose candidate names the right claimant
  (the rule is printed with the results; see CLAIMANT_RULE).
- precision: share of candidates that found a claim; also given for figures alone,
  since vague amounts ("tens of thousands") are proposed but never curated as claims.

Prints a table per article, totals, the claims missed and the candidates left over, and
exits 0. Missing files or columns stop it with a message naming what to check.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from figures import schema
from figures.extract import Candidate, extract
from figures.numbers import format_value, same_value
from figures.text import find_quote, normalise_space

CLAIMANT_RULE = """\
Claimant rule: names are compared in lower case, with curly apostrophes straightened,
"'s" dropped and "defense/center/organization" spelt "defence/centre/organisation".
A candidate's claimant matches a claim's claimant (claimants.csv) when
  (a) one contains the other, word for word, for the claimant's name or organisation; or
  (b) they share a distinctive word: 3+ letters, not a stop word, and used by exactly
      one claimant (name or organisation) in claimants.csv.
A candidate with no claimant ("") is the article's own voice: it matches when the
claim's claimant matches, by the same rule, the article's outlet or a wire it credits
(sources.csv outlet and credits)."""

STOP_WORDS = frozenset(("the", "and", "for", "of", "with"))
SPELLINGS = {"defense": "defence", "center": "centre", "organization": "organisation"}


# --------------------------------------------------------------------------------------
# Load: the three tables and the articles, failing loudly on a broken assumption.
# --------------------------------------------------------------------------------------


def read_table(data_dir: Path, name: str, columns: tuple[str, ...]) -> pd.DataFrame:
    """A CSV of DATA_DIR as text columns, or exit with what is missing."""
    path = data_dir / name
    if not path.is_file():
        raise SystemExit(f"extract_quality: {path} not found; is DATA_DIR the data folder?")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [column for column in columns if column not in frame.columns]
    if missing:
        raise SystemExit(f"extract_quality: {path} lacks column(s) {', '.join(missing)}")
    return frame


def read_article(data_dir: Path, file: str) -> str:
    """The text of one article, or exit naming the file sources.csv points to."""
    path = data_dir / schema.ARTICLES_DIR / file
    if not path.is_file():
        raise SystemExit(f"extract_quality: {path} (listed in sources.csv) not found")
    return path.read_text(encoding="utf-8")


# --------------------------------------------------------------------------------------
# Claimant matching.
# --------------------------------------------------------------------------------------


def normalise_name(name: str) -> str:
    """A name in the form compared: lower case, plain apostrophes, one spelling."""
    name = name.lower().replace("’", "'")
    name = re.sub(r"'s\b", "", name)
    words = re.findall(r"[a-z0-9]+", name)
    return " ".join(SPELLINGS.get(word, word) for word in words)


def name_words(name: str) -> set[str]:
    """The comparable words of a name: 3+ letters, not stop words."""
    return {w for w in normalise_name(name).split() if len(w) >= 3 and w not in STOP_WORDS}


def distinctive_words(claimants: pd.DataFrame) -> dict[str, set[str]]:
    """For each claimant, its words that no other claimant uses."""
    words = {
        row.claimant_id: name_words(row.name) | name_words(row.organisation)
        for row in claimants.itertuples()
    }
    distinctive = {}
    for claimant_id, own in words.items():
        others = set().union(*(w for other, w in words.items() if other != claimant_id))
        distinctive[claimant_id] = own - others
    return distinctive


def contains(a: str, b: str) -> bool:
    """Whether one normalised name holds the other word for word."""
    a, b = normalise_name(a), normalise_name(b)
    if not a or not b:
        return False
    return f" {a} " in f" {b} " or f" {b} " in f" {a} "


@dataclass(frozen=True)
class Claimant:
    """A claimant row, with its distinctive words."""

    claimant_id: str
    name: str
    organisation: str
    distinctive: frozenset[str]

    def matches(self, candidate: str) -> bool:
        """Whether a candidate's claimant names this claimant (rules (a) and (b))."""
        if not candidate.strip():
            return False
        if contains(candidate, self.name) or contains(candidate, self.organisation):
            return True
        return bool(name_words(candidate) & self.distinctive)


def claimant_index(claimants: pd.DataFrame) -> dict[str, Claimant]:
    """Every claimant by id."""
    distinctive = distinctive_words(claimants)
    return {
        row.claimant_id: Claimant(
            row.claimant_id, row.name, row.organisation, frozenset(distinctive[row.claimant_id])
        )
        for row in claimants.itertuples()
    }


def own_voices(source: pd.Series) -> list[str]:
    """The names an article speaks in with no attribution: its outlet and credited wires."""
    credits = [part.strip() for part in source["credits"].split(";") if part.strip()]
    return [source["outlet"], *credits]


def claimant_right(candidate: Candidate, claimant: Claimant | None, voices: list[str]) -> bool:
    """Whether the candidate names the claim's claimant (see CLAIMANT_RULE)."""
    if claimant is None:
        return False
    if candidate.claimant.strip():
        return claimant.matches(candidate.claimant)
    return any(claimant.matches(voice) for voice in voices)


# --------------------------------------------------------------------------------------
# Process: match candidates to claims, article by article.
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    """One claim and the candidate that found it (None if missed)."""

    claim: pd.Series
    candidate: Candidate | None
    claimant_ok: bool


def overlaps(candidate: Candidate, spans: list[tuple[int, int]]) -> bool:
    """Whether a candidate's offsets overlap one of the places a quote stands."""
    return any(candidate.start < end and start < candidate.end for start, end in spans)


def find_claim(claim, text: str, candidates: list[Candidate], used: set[int]) -> int | None:
    """The index of the first unused candidate that finds `claim`, if any."""
    spans = find_quote(text, claim["quote"])
    value = float(claim["value"]) if claim["value"].strip() else None
    for index, candidate in enumerate(candidates):
        if index not in used and same_value(candidate.value, value) and overlaps(candidate,
                                                                                  spans):
            return index
    return None


def match_article(text, claims, claimants, voices) -> tuple[list[Match], list[Candidate]]:
    """Each claim of one article with the candidate that found it, and the leftovers."""
    candidates = extract(text)
    used: set[int] = set()
    matches = []
    for _, claim in claims.iterrows():
        index = find_claim(claim, text, candidates, used)
        candidate = None if index is None else candidates[index]
        if index is not None:
            used.add(index)
        claimant = claimants.get(claim["claimant_id"])
        ok = candidate is not None and claimant_right(candidate, claimant, voices)
        matches.append(Match(claim, candidate, ok))
    leftovers = [c for i, c in enumerate(candidates) if i not in used]
    return matches, leftovers


# --------------------------------------------------------------------------------------
# Report.
# --------------------------------------------------------------------------------------


def share(part: int, whole: int) -> str:
    """A share as a percentage with its counts, or "n/a" when there is nothing to count."""
    return f"{100 * part / whole:5.1f}% ({part}/{whole})" if whole else "n/a"


def article_row(article_id: str, matches: list[Match], leftovers: list[Candidate]) -> dict:
    """The counts of one article."""
    found = [m for m in matches if m.candidate is not None]
    candidates = len(found) + len(leftovers)
    figures = len(found) + sum(1 for c in leftovers if not c.vague)
    return {
        "article": article_id,
        "claims": len(matches),
        "found": len(found),
        "claimant_ok": sum(m.claimant_ok for m in found),
        "candidates": candidates,
        "figure_candidates": figures,
    }


def print_table(rows: list[dict]) -> None:
    """The per-article table and the totals."""
    frame = pd.DataFrame(rows)
    total = frame.drop(columns="article").sum()
    frame.loc[len(frame)] = {"article": "TOTAL", **total.to_dict()}
    frame["recall"] = [share(r.found, r.claims) for r in frame.itertuples()]
    frame["claimant"] = [share(r.claimant_ok, r.found) for r in frame.itertuples()]
    frame["precision"] = [share(r.found, r.candidates) for r in frame.itertuples()]
    frame["precision_figures"] = [share(r.found, r.figure_candidates) for r in frame.itertuples()]
    print(frame.to_string(index=False))
    print()
    print(f"Recall:              {share(int(total.found), int(total.claims))}")
    print(f"Claimant accuracy:   {share(int(total.claimant_ok), int(total.found))}")
    print(f"Precision:           {share(int(total.found), int(total.candidates))}")
    print(f"Precision (figures): {share(int(total.found), int(total.figure_candidates))}"
          "  (vague amounts left out)")


def describe(candidate: Candidate) -> str:
    """One line for a candidate: figure, reading, claimant and where it stands."""
    value = "vague" if candidate.value is None else format_value(candidate.value)
    return (
        f"{candidate.figure!r} = {value} {candidate.unit} {candidate.qualifier} "
        f"{candidate.measure or '-'}/{candidate.subject or '-'} "
        f"by {candidate.claimant or '(own voice)'!r} @{candidate.figure_start}: "
        f"{normalise_space(candidate.quote)[:90]!r}"
    )


def print_misses(all_matches: list[Match], leftovers: dict[str, list[Candidate]]) -> None:
    """Claims missed, claims with the wrong claimant, and candidates that found no claim."""
    missed = [m for m in all_matches if m.candidate is None]
    print(f"\nMissed claims ({len(missed)}):")
    for m in missed:
        print(f"  {m.claim['claim_id']}: {m.claim['value']} {m.claim['measure']} "
              f"{m.claim['quote'][:90]!r}")
    wrong = [m for m in all_matches if m.candidate is not None and not m.claimant_ok]
    print(f"\nFound with another claimant ({len(wrong)}):")
    for m in wrong:
        print(f"  {m.claim['claim_id']}: curated {m.claim['claimant_id']!r}, "
              f"proposed {m.candidate.claimant or '(own voice)'!r}")
    count = sum(len(c) for c in leftovers.values())
    print(f"\nUnmatched candidates ({count}):")
    for article_id, candidates in leftovers.items():
        for candidate in candidates:
            print(f"  {article_id}: {describe(candidate)}")


def print_fields(all_matches: list[Match]) -> None:
    """How often the found candidates read the claim as the curator did, field by field."""
    found = [m for m in all_matches if m.candidate is not None]
    print("\nAgreement of found candidates with the curated fields:")
    for column in ("qualifier", "unit", "measure", "subject"):
        agree = sum(getattr(m.candidate, column) == m.claim[column] for m in found)
        print(f"  {column:10} {share(agree, len(found))}")


def main(argv: list[str]) -> int:
    """Load DATA_DIR, match every article's candidates to its claims, print the report."""
    if len(argv) != 2:
        raise SystemExit("usage: python bench/extract_quality.py DATA_DIR")
    data_dir = Path(argv[1])
    sources = read_table(data_dir, schema.SOURCES_FILE, ("article_id", "file", "outlet",
                                                         "credits"))
    claims = read_table(data_dir, schema.CLAIMS_FILE, ("article_id", "claimant_id", "value",
                                                       "quote", "claim_id"))
    claimants = claimant_index(read_table(data_dir, schema.CLAIMANTS_FILE,
                                          ("claimant_id", "name", "organisation")))
    rows, all_matches, leftovers = [], [], {}
    for _, source in sources.iterrows():
        text = read_article(data_dir, source["file"])
        own = claims[claims["article_id"] == source["article_id"]]
        matches, rest = match_article(text, own, claimants, own_voices(source))
        rows.append(article_row(source["article_id"], matches, rest))
        all_matches += matches
        leftovers[source["article_id"]] = rest
    print(CLAIMANT_RULE, end="\n\n")
    print_table(rows)
    print_fields(all_matches)
    print_misses(all_matches, leftovers)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
