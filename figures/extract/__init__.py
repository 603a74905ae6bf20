"""Propose candidate claims from an article: every figure, what it counts, and who says so.

A curator reads each article and writes `claims.csv` by hand; this package does the first
pass for them, so that no figure is overlooked and each comes with a suggested reading.
It is a set of plain rules about English news prose (not about any one article, outlet or
person), so every proposal can be explained by pointing at the words that produced it.
One module per stage, run in this order by `candidates`:

1. `sentences`: paragraphs, sentences, quotations and page furniture, as character
   offsets, so that each candidate's `quote` is `text[start:end]` exactly;
2. `figures`: which numbers are figures (dates, times, ages, identifiers, captions and
   the like set aside with a reason) and ranges;
3. `reading`: each figure's qualifier ("at least" -> at_least), unit, what it counts
   (subject) and what happened to them (measure), mapped to the lists in `figures.schema`;
4. `attribution` and `speakers`: who claims it, from attribution patterns ("according to
   X", "X said", a quotation with its speaker after it) and references such as "he",
   "the agency" or "the group" resolved to the most recent name that fits;
5. `candidates`: the stages run in order, one `Candidate` per figure.

`lexicon` holds the general vocabulary more than one stage reads. A figure with no
attribution is the article's own voice (so is the headline): its claimant is the outlet,
when one is given, unless its sentence goes on with the account of the sentence before.
A range gives one candidate per bound.
"""

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from figures.extract.candidates import (
        FRAME_COLUMNS,
        Candidate,
        candidates_frame,
        extract,
        non_claims,
    )
    from figures.extract.reading import measure_of, qualifier_of, subject_of, unit_of
    from figures.extract.sentences import paragraph_spans, quote_spans, sentence_spans

# Where each of the package's names is defined.
_STAGE_OF = {
    **dict.fromkeys(("FRAME_COLUMNS", "Candidate", "candidates_frame", "extract",
                     "non_claims"), "candidates"),
    **dict.fromkeys(("measure_of", "qualifier_of", "subject_of", "unit_of"), "reading"),
    **dict.fromkeys(("paragraph_spans", "quote_spans", "sentence_spans"), "sentences"),
}


def __getattr__(name: str) -> object:
    """The package's names, each imported from its stage when first asked for: a module
    that needs one stage (the checker reads qualifiers with `reading`) does not wait for
    the whole extractor to be imported, a tenth of a second of a page's first run."""
    if name in _STAGE_OF:
        return getattr(import_module(f"figures.extract.{_STAGE_OF[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "FRAME_COLUMNS",
    "Candidate",
    "candidates_frame",
    "extract",
    "measure_of",
    "non_claims",
    "paragraph_spans",
    "qualifier_of",
    "quote_spans",
    "sentence_spans",
    "subject_of",
    "unit_of",
]
