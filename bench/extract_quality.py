"""How well the rule-based extractor finds the hand-curated claims.

Usage: python bench/extract_quality.py DATA_DIR | GOLD_DIR [--verbose]

DATA_DIR is a data folder (the shipped `data/`); GOLD_DIR is a gold folder in the format
of the extraction development set (`articles/`, `articles.csv`, `gold_claims.csv`), such
as `../shared/extraction-dev`. A gold folder is scored as its own `score.py` scores the
command line, in process: see `score_gold`. It prints recall, right claimant and
precision, each half of the folder (by the file name's prefix before the first '-'),
and how fast the extractor reads (MB/s).

For a data folder:
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

import importlib.util
import os
import re
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from figures import schema
from figures.extract import Candidate, extract
from figures.numbers import format_value, same_value
from figures.text import find_quote, normalise_space

GOLD_FILE = "gold_claims.csv"
GOLD_ARTICLES = "articles.csv"
GOLD_CLAIMANT_RULE = """\
Claimant rule (gold folder): right when the candidate names the gold claimant (a word of
4+ letters of the gold name, other than generic words such as 'ministry' or 'official'),
or, for the outlet's own voice ('the article'), names no one or the outlet. When the gold
folder holds a score.py with claimant_ok(), that rule is used instead, so that the figures
are the same as the folder's own scorer."""
GENERIC_WORDS = frozenset((
    "reporter", "relaying", "human", "rights", "office", "military", "source", "sources",
    "local", "council", "official", "officials", "spokesman", "press", "release", "chief",
    "envoy", "general", "staff", "ministry", "state", "media", "news", "agency", "united",
    "nations", "health", "defence", "defense", "with", "from", "own", "page",
))  # fmt: skip
OWN_VOICE = frozenset(("", "the article", "article", "unattributed", "own voice"))

CLAIMANT_RULE = """\
Claimant rule: names are compared in lower case, with curly apostrophes straightened,
"'s" dropped and "defense/center/organization" spelt "defence/centre/organisation".
A candidate's claimant matches a claim's claimant (claimants.csv) when
  (a) one contains the other, word for word, for the claimant's name or organisation; or
  (b) they share a distinctive word: 3+ letters, not a stop word, and used by exactly
      one claimant (name or organisation) in claimants.csv.
A candidate with no claimant ("") or the outlet as claimant is the article's own voice:
it matches when the claim's claimant matches, by the same rule, the article's outlet or
a wire it credits (sources.csv outlet and credits)."""

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
    if candidate.claimant.strip() and candidate.claimant != voices[0]:
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


def match_article(text, claims, claimants, voices,
                  outlet: str = "") -> tuple[list[Match], list[Candidate]]:
    """Each claim of one article with the candidate that found it, and the leftovers; the
    extractor is told the outlet, as the add-an-article panel tells it."""
    candidates = extract(text, outlet)
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


# --------------------------------------------------------------------------------------
# A gold folder in the development set's format.
# --------------------------------------------------------------------------------------


def norm(text: str | None) -> str:
    """Text as compared: NFKC, straight quotes, single spaces, lower case."""
    text = unicodedata.normalize("NFKC", text or "")
    for curly, plain in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"')):
        text = text.replace(curly, plain)
    return re.sub(r"\s+", " ", text).strip().lower()


def default_claimant_ok(gold: str, candidate: str, outlet: str) -> bool:
    """The bench's own claimant rule for a gold folder (see GOLD_CLAIMANT_RULE)."""
    wanted, given = norm(gold), norm(candidate)
    if wanted in OWN_VOICE:
        return given in OWN_VOICE or bool(outlet and given and norm(outlet).startswith(given))
    keys = {w for w in re.findall(r"[a-z]{4,}", wanted) if w not in GENERIC_WORDS}
    keys = keys or set(re.findall(r"[a-z]{3,}", wanted))
    return any(key in f" {given} " for key in keys)


def folder_claimant_rule(gold_dir: Path) -> Callable[[str, str, str], bool] | None:
    """The gold folder's own claimant rule (`score.py`'s `claimant_ok`), if it has one."""
    path = gold_dir / "score.py"
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location("gold_folder_score", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return getattr(module, "claimant_ok", None)


@dataclass
class GoldScore:
    """Counts for one set of gold claims and the candidates proposed for their articles."""

    claims: int = 0
    found: int = 0
    right: int = 0
    candidates: int = 0
    matched: int = 0
    lines: list[str] = field(default_factory=list)

    def add(self, other: GoldScore) -> None:
        """Add another article's counts to these."""
        self.claims += other.claims
        self.found += other.found
        self.right += other.right
        self.candidates += other.candidates
        self.matched += other.matched
        self.lines += other.lines

    def summary(self) -> str:
        """Recall, right claimant and precision, as the gold folder's scorer prints them."""
        return (f"recall {share(self.found, self.claims)}, right claimant "
                f"{share(self.right, self.claims)}, precision "
                f"{share(self.matched, self.candidates)}")


def score_article(text: str, golds: list[dict[str, str]], candidates: list[Candidate],
                  outlet: str, claimant_ok: Callable[[str, str, str], bool]) -> GoldScore:
    """Match one article's gold claims to its candidates as the gold folder's scorer does:
    same value, quotes that overlap; each candidate finds one claim, unless none other is
    left for a repeated claim."""
    plain = norm(text)
    spans = []
    for candidate in candidates:
        quote = norm(candidate.quote)
        at = plain.find(quote) if quote else -1
        spans.append((at, at + len(quote)) if at >= 0 else None)
    score = GoldScore(claims=len(golds), candidates=len(candidates))
    used: set[int] = set()
    for gold in golds:
        quote = norm(gold["quote"])
        start, value = plain.find(quote), float(gold["value"])
        hit = None
        for index, candidate in enumerate(candidates):
            span = spans[index]
            if span is None or candidate.value != value:
                continue
            if span[1] <= start or start + len(quote) <= span[0]:
                continue
            if index in used and hit is not None:
                continue
            hit = index
            if claimant_ok(gold["claimant"], candidate.claimant, outlet):
                break
        if hit is None:
            score.lines.append(f"  missed   {gold['value']:>9}  [{gold['claimant']}]  "
                               f"{gold['quote'][:90]}")
            continue
        used.add(hit)
        score.found += 1
        if claimant_ok(gold["claimant"], candidates[hit].claimant, outlet):
            score.right += 1
        else:
            score.lines.append(f"  claimant {gold['value']:>9}  gold [{gold['claimant']}]  "
                               f"got [{candidates[hit].claimant}]")
    score.lines += [f"  extra    {format_value(c.value) if c.value is not None else '-':>9}  "
                    f"[{c.claimant}]  {normalise_space(c.quote)[:90]}"
                    for i, c in enumerate(candidates) if i not in used]
    score.matched = len(used)
    return score


def score_gold(gold_dir: Path, verbose: bool | None = False) -> dict[str, GoldScore]:
    """Score every article of a gold folder; the totals under "all", and each half (the
    file name's prefix before its first '-') under its prefix. Prints MB/s read, unless
    `verbose` is None (a caller that wants the figures alone)."""
    articles = read_table(gold_dir, GOLD_ARTICLES, ("file", "outlet"))
    gold = read_table(gold_dir, GOLD_FILE, ("file", "value", "claimant", "quote"))
    claimant_ok = folder_claimant_rule(gold_dir) or default_claimant_ok
    texts = {}
    for name in sorted(set(gold["file"])):
        path = gold_dir / "articles" / name
        if not path.is_file():
            raise SystemExit(f"extract_quality: {path} (listed in {GOLD_FILE}) not found")
        texts[name] = path.read_text(encoding="utf-8")
    outlets = dict(zip(articles["file"], articles["outlet"], strict=True))
    proposed = {name: [c for c in extract(text, outlets.get(name, "")) if not c.vague]
                for name, text in texts.items()}
    scores: dict[str, GoldScore] = {"all": GoldScore()}
    for name, text in texts.items():
        golds = gold[gold["file"] == name].to_dict("records")
        article = score_article(text, golds, proposed[name], outlets.get(name, ""),
                                claimant_ok)
        if verbose and article.lines:
            article.lines.insert(0, f"{name} ({outlets.get(name, '')})")
        scores["all"].add(article)
        scores.setdefault(name.split("-")[0], GoldScore()).add(article)
    if verbose is not None:
        print_rate(texts, outlets)
    return scores


def print_rate(texts: dict[str, str], outlets: dict[str, str], repeats: int = 5) -> None:
    """How fast the extractor reads: the median of a few passes over every text, once
    its patterns are compiled, with the machine's load beside it."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        for name, text in texts.items():
            extract(text, outlets.get(name, ""))
        times.append(time.perf_counter() - started)
    seconds = statistics.median(times)
    megabytes = sum(len(text.encode("utf-8")) for text in texts.values()) / 1e6
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"read {megabytes * 1000:.0f} KB in {seconds * 1000:.0f} ms (median of {repeats}): "
          f"{megabytes / seconds:.2f} MB/s; load average {load:.1f} on {os.cpu_count()} cores")


def gold_main(gold_dir: Path, verbose: bool) -> int:
    """Print a gold folder's figures: the whole set, then each half."""
    scores = score_gold(gold_dir, verbose)
    print(GOLD_CLAIMANT_RULE, end="\n\n")
    if verbose:
        print("\n".join(scores["all"].lines))
    for name, score in scores.items():
        print(f"{name:>8}: {score.summary()}")
    return 0


def main(argv: list[str]) -> int:
    """Load DATA_DIR, match every article's candidates to its claims, print the report."""
    arguments = [a for a in argv[1:] if a != "--verbose"]
    if len(arguments) != 1:
        raise SystemExit("usage: python bench/extract_quality.py DATA_DIR | GOLD_DIR [--verbose]")
    data_dir = Path(arguments[0])
    if (data_dir / GOLD_FILE).is_file():
        return gold_main(data_dir, "--verbose" in argv)
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
        matches, rest = match_article(text, own, claimants, own_voices(source),
                                      source["outlet"])
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
