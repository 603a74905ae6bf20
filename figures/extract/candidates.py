"""Stage 5: candidates: the stages run in order over an article, one Candidate a figure."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import asdict, dataclass, field, fields, replace

import pandas as pd

from figures.extract.attribution import (
    Speech,
    Voices,
    account_speaker,
    claimant_at,
    remember_speaker,
    speech_of,
)
from figures.extract.figures import (
    PERIOD_LENGTH,
    Context,
    Figure,
    not_claim_reason,
    sentence_figures,
)
from figures.extract.lexicon import REACH
from figures.extract.reading import (
    PERIOD,
    Reading,
    complement_words,
    is_claim,
    measure_of,
    numbered_subject,
    pause_subject,
    period_of,
    phrase_words,
    qualifier_of,
    range_qualifiers,
    subject_of,
    unit_of,
    with_change,
    with_defaults,
    with_list_label,
    with_others,
)
from figures.extract.sentences import (
    containing,
    furniture_reason,
    headline_span,
    paragraph_spans,
    quote_spans,
    repeated_lines,
    sentence_spans,
)
from figures.extract.speakers import Memory, article_names
from figures.numbers import NumberMention, find_numbers


@dataclass(frozen=True)
class Candidate:
    """One proposed claim: a figure, how it is hedged, what it counts, who says so, where.

    `quote` is the sentence holding the figure exactly as it stands in the text, and
    `text[start:end] == quote`, so a curator can check every proposal against its source.
    `figure`, `figure_start` and `figure_end` locate the figure itself inside the text.
    """

    value: float | None
    value_max: float | None
    qualifier: str
    qualifier_text: str
    measure: str
    subject: str
    unit: str
    claimant: str
    period_text: str
    quote: str
    start: int
    end: int
    vague: bool
    figure: str = ""
    figure_start: int = -1
    figure_end: int = -1


FRAME_COLUMNS: tuple[str, ...] = (
    "value", "qualifier", "measure", "subject", "claimant", "period_text", "quote", "start",
    "end", "value_max", "qualifier_text", "unit", "vague", "figure", "figure_start",
    "figure_end",
)  # fmt: skip


@dataclass
class _Article:
    """An article read once: its sentences, paragraphs, quotations, numbers and names."""

    text: str
    sentences: list[tuple[int, int]]
    paragraphs: list[tuple[int, int]]
    numbers: list[NumberMention]
    voices: Voices
    headline: int = -1  # where the headline starts, if the article opens with one
    repeats: frozenset[tuple[int, int]] = frozenset()  # lines that repeat an earlier line
    line_reasons: dict[tuple[int, int], str | None] = field(default_factory=dict)
    number_starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.number_starts = [number.start for number in self.numbers]

    def numbers_in(self, sentence: tuple[int, int]) -> list[NumberMention]:
        """The numbers of one sentence."""
        low = bisect_left(self.number_starts, sentence[0])
        high = bisect_left(self.number_starts, sentence[1])
        return self.numbers[low:high]

    def paragraph_of(self, sentence: tuple[int, int]) -> tuple[int, int]:
        """The paragraph holding a sentence."""
        return containing(self.paragraphs, sentence[0]) or sentence

    def line_reason(self, sentence: tuple[int, int]) -> str | None:
        """Why no number of the sentence's line is a claim (caption, furniture, a line the
        page repeats), or None."""
        paragraph = self.paragraph_of(sentence)
        if paragraph not in self.line_reasons:
            line = self.text[paragraph[0] : paragraph[1]]
            reason = furniture_reason(line)
            if reason is None and paragraph in self.repeats:
                reason = "repeated line"
            self.line_reasons[paragraph] = reason
        return self.line_reasons[paragraph]


def _read(text: str) -> _Article:
    """Cut the article into the pieces every rule needs."""
    sentences = sentence_spans(text)
    memory = Memory(article_names(text), [])
    voices = Voices(text, sentences, quote_spans(text), memory)
    headline = headline_span(text)
    paragraphs = paragraph_spans(text)
    return _Article(text, sentences, paragraphs, find_numbers(text), voices,
                    headline[0] if headline else -1, repeated_lines(text, paragraphs))


@dataclass(frozen=True)
class _View:
    """One sentence prepared once for all its figures."""

    span: tuple[int, int]
    figures: list[Figure]
    roots: list[int]  # figures that break down no other figure
    last_member: dict[int, int]  # each root's last breakdown figure (or itself)
    speech: Speech
    periods: list[re.Match[str]]


def _view(article: _Article, sentence: tuple[int, int]) -> _View:
    """A sentence's figures, their groups, its attributions and its period phrases."""
    kept = [mention for mention, reason in _reasons(article, sentence) if reason is None]
    figures = sentence_figures(article.text, kept)
    roots = [i for i, figure in enumerate(figures) if figure.parent is None]
    last_member = {i: i for i in roots}
    for i, figure in enumerate(figures):
        if figure.parent is not None:
            last_member[figure.parent] = i
    periods = list(PERIOD.finditer(article.text, sentence[0], sentence[1]))
    speech = speech_of(article.voices, sentence)
    return _View(sentence, figures, roots, last_member, speech, periods)


def _windows(text: str, view: _View, index: int) -> tuple[str, str]:
    """The clause text after and before the group of figures that `index` belongs to."""
    figures = view.figures
    root = figures[index].parent if figures[index].parent is not None else index
    position = bisect_left(view.roots, root)
    end = figures[view.last_member[root]].end
    right_end = view.span[1]
    if position + 1 < len(view.roots):
        right_end = figures[view.roots[position + 1]].start
    left_start = view.span[0]
    if position > 0:
        left_start = figures[view.last_member[view.roots[position - 1]]].end
    start = figures[root].start
    right = text[end : min(right_end, end + REACH)]
    if view.last_member[root] != root:
        # "93 fighters were killed, including 46 soldiers": the total's own words come
        # first, then those after its list, never the members' own words
        own = text[figures[root].end : figures[root + 1].start]
        right = own[: REACH] + " … " + right
    left = text[max(left_start, start - REACH) : start]
    return right, left


def _read_figure(text: str, view: _View, index: int) -> Reading:
    """Qualifier, unit, subject and measure of one figure of a sentence."""
    figure, span = view.figures[index], view.span
    words = phrase_words(text, figure.end, 8) or complement_words(text, figure.end, 8)
    unit = unit_of(figure.mention, words)
    around = text[max(span[0], figure.start - REACH) : min(span[1], figure.end + REACH)]
    qualifier, qualifier_text = qualifier_of(text, figure.start, figure.end, span[0])
    subject = pause_subject(words, around) if unit in ("hours", "days") else ""
    subject = subject or subject_of(words)
    right, left = _windows(text, view, index)
    subject = subject or numbered_subject(left)
    measure = measure_of(words, unit, around, right, left)
    if figure.parent is not None:
        parent = _read_figure(text, view, figure.parent)
        measure = parent.measure or measure
        subject = subject or parent.subject
    return Reading(qualifier, qualifier_text, unit, subject, measure)



def _reasons(article: _Article, sentence: tuple[int, int]):
    """Each number of a sentence with the reason it is not a claim (None if it may be one)."""
    mentions = article.numbers_in(sentence)
    if not mentions:
        return []
    text, line_reason = article.text, article.line_reason(sentence)
    periods = tuple(m.span() for m in PERIOD_LENGTH.finditer(text, sentence[0], sentence[1]))
    return [
        (mention, not_claim_reason(Context(text, mention, sentence, line_reason, periods)))
        for mention in mentions
    ]



def _sentence_readings(text: str, view: _View) -> list[tuple[Figure, Reading]]:
    """Each figure of a sentence with its reading."""
    readings: list[tuple[Figure, Reading]] = []
    previous = None
    for index, figure in enumerate(view.figures):
        reading = _read_figure(text, view, index)
        words = phrase_words(text, figure.end, 8)
        gap = text[view.figures[index - 1].end : figure.start] if index else ""
        reading = with_change(with_others(reading, previous, words), previous, gap)
        reading = with_list_label(reading, previous, gap)
        previous = with_defaults(reading)
        readings.append((figure, previous))
    return readings


def _sentence_candidates(article: _Article, view: _View, outlet: str) -> list[Candidate]:
    """The candidate claims of one sentence; a range gives one candidate per bound."""
    found = []
    for figure, reading in _sentence_readings(article.text, view):
        if not is_claim(reading):
            continue
        speaker = None
        if view.span[0] != article.headline:
            speaker = claimant_at(article.voices, view.speech, (figure.start, figure.end))
        if speaker is None and view.span[0] != article.headline:
            speaker = account_speaker(article.voices, view.span, article.paragraph_of(view.span))
        claimant = speaker.name if speaker is not None else outlet
        if len(figure.mentions) == 1:
            found.append(_candidate(article.text, view, figure, reading, claimant))
            continue
        bounds = range_qualifiers(article.text, figure.start, view.span[0], reading)
        for mention, (qualifier, words) in zip(figure.mentions, bounds, strict=True):
            bound = Figure((mention,), mention.start, mention.end, mention.value, None)
            found.append(_candidate(article.text, view, bound,
                                    replace(reading, qualifier=qualifier, qualifier_text=words),
                                    claimant))
    return found


def _candidate(text: str, view: _View, figure: Figure, reading: Reading,
               claimant: str) -> Candidate:
    """Assemble one Candidate."""
    start, end = view.span
    return Candidate(
        value=figure.value,
        value_max=figure.value_max,
        qualifier=reading.qualifier,
        qualifier_text=reading.qualifier_text,
        measure=reading.measure,
        subject=reading.subject,
        unit=reading.unit,
        claimant=claimant,
        period_text=period_of(view.periods, figure.start, figure.end),
        quote=text[start:end],
        start=start,
        end=end,
        vague=figure.mention.kind == "vague",
        figure=text[figure.start : figure.end],
        figure_start=figure.start,
        figure_end=figure.end,
    )


def extract(text: str, outlet: str = "") -> list[Candidate]:
    """Every candidate claim in `text`, in reading order.

    A figure the article gives in its own voice is the outlet's claim: its claimant is
    `outlet` (blank when no outlet is given). Where the outlet is itself a body that makes
    claims (a monitor's own page, a UN agency's release), that is the body's claim.

    Pure: the same text always gives the same candidates, and any text at all (empty,
    binary-looking, unbalanced quotation marks) gives a list rather than an error.
    """
    outlet = outlet.strip()
    article = _read(text)
    candidates: list[Candidate] = []
    for sentence in article.sentences:
        article.voices.memory.sentence_start = sentence[0]
        view = _view(article, sentence)
        found = _sentence_candidates(article, view, outlet)
        paragraph = article.paragraph_of(view.span)
        remember_speaker(article.voices, view.speech, view.span, paragraph, bool(found))
        candidates += found
    return candidates


def non_claims(text: str) -> list[tuple[NumberMention, str]]:
    """Every number of `text` that is not proposed as a claim, with the reason.

    Together with `extract` this accounts for every number `find_numbers` sees: each one
    is either inside a candidate's figure or listed here. Numbers set aside by a rule give
    its reason (see `not_claim_reason`); figures that count nothing the schema knows
    ("the two sides") are "not a count", and lengths of time that are no pause
    ("three days of shelling") are "duration".
    """
    article = _read(text)
    found = []
    for sentence in article.sentences:
        found += [(m, reason) for m, reason in _reasons(article, sentence) if reason is not None]
        for figure, reading in _sentence_readings(text, _view(article, sentence)):
            if not is_claim(reading):
                reason = "duration" if reading.unit in ("hours", "days") else "not a count"
                found += [(mention, reason) for mention in figure.mentions]
    return sorted(found, key=lambda item: item[0].start)


def candidates_frame(text: str, outlet: str = "") -> pd.DataFrame:
    """The candidates of `text` as a table, the columns a curator reads first on the left."""
    rows = [asdict(candidate) for candidate in extract(text, outlet)]
    frame = pd.DataFrame(rows, columns=[f.name for f in fields(Candidate)])
    frame = frame.astype({"value": "float64", "value_max": "float64"})
    return frame[list(FRAME_COLUMNS)]

