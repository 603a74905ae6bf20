"""Like with like: which claims may stand on one axis, and how each is labelled for a reader.

A comparison groups claims that count the same kind of thing, so that a chart never sets
a death toll beside a number of people who left, nor children beside all people. The
groups and the reasons for them:

- Children and people are kept apart for deaths, injuries and departures: a toll of
  children is part of a toll of people, so setting 68 children beside 370 people would
  compare a part with its whole. Newborns go with children (they are children, and the
  only newborn figure is part of a children figure).
- "Civilians" and "people" share a group: articles use them for the same tolls, and the
  subject stays visible in each claim's detail line when both occur.
- Besieged, trapped and remaining are different words for how many people are still in
  a place; they share a group, and the measure is shown beside each claim.
- Surrendered and pardoned fighters share a group, as do hospitals attacked and shells
  fired (both from the same sentences); the measure is shown beside each claim.
- Pause and truce lengths are plotted in hours (schema.HOURS_PER_UNIT) so that "48 hours"
  and "7 days" share one axis, but each is labelled in the article's own unit.

A (measure, subject) pair that no named comparison holds gets a comparison of its own,
named from the schema's words, so every claim of any table falls in exactly one group.
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Callable, Mapping
from datetime import date

import pandas as pd

from figures import schema
from figures.numbers import format_value

Pair = tuple[str, str]

COMPARISONS: dict[str, tuple[Pair, ...]] = {
    "Children killed": (("killed", "children"), ("killed", "newborns")),
    "People killed": (("killed", "people"), ("killed", "civilians")),
    "Children injured": (("injured", "children"), ("injured", "newborns")),
    "People injured": (("injured", "people"), ("injured", "civilians")),
    "People besieged, trapped or remaining": tuple(
        (measure, subject)
        for measure in ("besieged", "trapped", "remaining")
        for subject in ("people", "civilians")
    ),
    "People who left or were freed": tuple(
        (measure, subject) for measure in ("left", "freed") for subject in ("people", "civilians")
    ),
    "Children who left or were freed": tuple(
        (measure, subject) for measure in ("left", "freed") for subject in ("children", "newborns")
    ),
    "Fighters surrendered or pardoned": (("surrendered", "fighters"), ("pardoned", "fighters")),
    "Pause and truce lengths": (("pause_length", "pause"), ("pause_length", "truce")),
    "Hospitals attacked and shells fired": (
        ("attacked", "hospitals"),
        ("fired", "artillery shells"),
    ),
    "Share of aid": (("aid_share", "UN aid"),),
}

# What each comparison counts, in a sentence a chart can carry as its subtitle.
COUNTED: dict[str, str] = {
    "Children killed": "Children reported killed, as each claimant counted them.",
    "People killed": "People or civilians reported killed, as each claimant counted them.",
    "Children injured": "Children reported injured.",
    "People injured": "People or civilians reported injured.",
    "People besieged, trapped or remaining": (
        "People said to be under siege, trapped, or still living in a place."
    ),
    "People who left or were freed": (
        "People said to have left a place (evacuated, fled) or to have been freed."
    ),
    "Children who left or were freed": (
        "Children and newborn babies said to have left a place or to have been freed."
    ),
    "Fighters surrendered or pardoned": "Fighters said to have surrendered or been pardoned.",
    "Pause and truce lengths": (
        "Lengths of pauses and truces offered, agreed, announced or ruled out; "
        "plotted in hours (1 day = 24 hours), labelled in the article's own unit."
    ),
    "Hospitals attacked and shells fired": (
        "Hospitals said to have been attacked, and shells said to have been fired; "
        "two measures, each named beside its claim."
    ),
    "Share of aid": "The share of aid said to go to a place, in percent.",
}

_PAIR_LABEL: dict[Pair, str] = {
    pair: label for label, pairs in COMPARISONS.items() for pair in pairs
}

# How a subject is named on an axis counting it (newborns are children, civilians people).
UNIT_NOUNS: dict[str, str] = {
    "people": "people",
    "civilians": "people",
    "children": "children",
    "newborns": "children",
    "fighters": "fighters",
    "hospitals": "hospitals",
    "artillery shells": "artillery shells",
}
DURATION_LABEL = "hours"
PERCENT_LABEL = "percent"

# How a measure reads after its subject ("children killed", "people who left").
MEASURE_WORDS: dict[str, str] = {
    "left": "who left",
    "aid_share": "share",
    "pause_length": "",
}
SUBJECT_WORDS: dict[str, str] = {"newborns": "newborn babies"}

EXACT = "exact"
INEXACT = "bound or estimate"
SEPARATOR = " · "
INFERRED_NOTE = " (date inferred)"

# Notes that open with a short tag and a colon ("Offered: ...", "Ruled out: ...") say how
# the claimant put the figure; the tag is shown with the claim so that a length a party
# ruled out is not read as one it offered.
STANCE_PATTERN = re.compile(r"^([A-Z][a-z]+(?: [a-z]+)?):\s")

LABEL_COLUMNS: tuple[str, ...] = (
    "comparison",
    "value_label",
    "plot_value",
    "plot_value_max",
    "unit_label",
    "claimant_label",
    "exactness",
    "context",
    "what",
    "stance",
    "detail",
    "row_label",
    "who",
    "source_label",
    "published_label",
    "review",
)
# How a claim's review status reads in a chart's legend and labels.
CHECKED_LABEL = "checked by a person"
PROPOSED_LABEL = "proposed, not yet reviewed"
PROPOSED_MARK = " (not reviewed)"  # after a proposed figure's label on every chart
ROW_BREAK = "\n"  # between the lines of a chart's row label
ROW_WIDTH = 80  # characters per line of a row label, so that no label is cut off


def comparison_of(measure: str, subject: str) -> str:
    """The comparison a (measure, subject) pair belongs to; a new one if none is named."""
    if (measure, subject) in _PAIR_LABEL:
        return _PAIR_LABEL[(measure, subject)]
    return f"Other: {what_phrase(measure, subject)}"


def what_phrase(measure: str, subject: str) -> str:
    """What one claim counts, in a few words: "children killed", "truce length"."""
    if not measure or not subject:  # a proposal the extractor could not classify
        known = SUBJECT_WORDS.get(subject, subject) or measure.replace("_", " ")
        return f"{known} (not yet classified)" if known else "figures not yet classified"
    noun = SUBJECT_WORDS.get(subject, subject)
    verb = MEASURE_WORDS.get(measure, measure.replace("_", " "))
    return f"{noun} {verb}".strip()


def lower_first(text: str) -> str:
    """The article's words with the first letter lower-cased to sit inside a label."""
    return text[:1].lower() + text[1:]


def qualifier_words(qualifier: str, qualifier_text: str) -> str:
    """The qualifier in the article's words if stored, else the schema's; none if exact."""
    if qualifier == "exact":
        return ""
    if qualifier_text.strip():
        return lower_first(qualifier_text.strip())
    return schema.QUALIFIER_WORDS.get(qualifier, "")


def unit_suffix(unit: str, value: float, value_max: float) -> str:
    """What follows the figure: "%", " hours", " day", " hectares"; nothing for counts."""
    if unit == "percent":
        return "%"
    if unit in schema.HOURS_PER_UNIT:
        single = pd.isna(value_max) and float(value) == 1.0
        return " " + (unit.removesuffix("s") if single else unit)
    if unit in schema.COMMON_UNITS:
        return f" {unit}"
    return ""


def figure_text(value: float, value_max: float) -> str:
    """The figure, or the range "x–y" when the claim gives one."""
    if pd.isna(value):
        return ""
    if pd.isna(value_max):
        return format_value(value)
    return f"{format_value(value)}–{format_value(value_max)}"


def value_label(row: Mapping[str, object]) -> str:
    """The figure as the article put it: "at least 96", "some 300,000", "7 days"."""
    words = qualifier_words(str(row["qualifier"]), str(row["qualifier_text"]))
    value, value_max = float(row["value"]), float(row["value_max"])  # type: ignore[arg-type]
    figure = figure_text(value, value_max)
    suffix = unit_suffix(str(row["unit"]), value, value_max)
    return f"{words} {figure}{suffix}".strip()


def unit_label(unit: str, subject: str) -> str:
    """The axis title a claim's plotted value is counted in."""
    if unit in schema.HOURS_PER_UNIT:
        return DURATION_LABEL
    if unit in schema.COMMON_UNITS:
        return schema.COMMON_UNITS[unit][0]
    if unit == "percent":
        return PERCENT_LABEL
    return UNIT_NOUNS.get(subject, subject)


def short_org(organisation: str) -> str:
    """An organisation's short name: "UNICEF (United Nations Children's Fund)" -> "UNICEF"."""
    short = re.sub(r"\s*\([^)]*\)", "", organisation).strip()
    return short or organisation.strip()


def _initials(text: str) -> str:
    return "".join(word[0] for word in re.split(r"[\s/-]+", text) if word).lower()


def _stems(text: str) -> list[str]:
    return [word[:4].lower() for word in re.findall(r"[A-Za-z]{3,}", text)]


def same_body(name: str, organisation: str) -> bool:
    """Whether a claimant's name already names its organisation, so it need not repeat.

    True when one contains the other ("Bloomberg", "Bloomberg News"), when the name is
    the organisation's initials ("AFP", "Agence France-Presse") or when every word of the
    name opens a word of the organisation ("Russian Reconciliation Center", "Russian
    Centre for Reconciliation..."). A person's name shares none of these with a body.
    """
    plain_name = re.sub(r"[^a-z]", "", name.lower())
    plain_org = re.sub(r"[^a-z]", "", organisation.lower())
    if not plain_name or not plain_org:
        return True
    if plain_name in plain_org or plain_org in plain_name:
        return True
    if plain_name == _initials(organisation):
        return True
    name_stems, org_stems = _stems(name), set(_stems(organisation))
    return bool(name_stems) and all(stem in org_stems for stem in name_stems)


def claimant_label(name: str, organisation: str) -> str:
    """ "Anthony Lake (UNICEF)": the claimant, with its body when the name does not say it."""
    org = short_org(organisation)
    if not org or same_body(name, org):
        return name or org
    return f"{name} ({org})"


def who_said(name: str, organisation: str) -> str:
    """The body to credit in a source line: a person's organisation, else the name."""
    org = short_org(organisation)
    if org and not same_body(name, org):
        return org
    return name or org


def parse_date(text: str) -> date | None:
    """An ISO date, or None when the cell is empty or not a date."""
    try:
        return date.fromisoformat(str(text).strip())
    except ValueError:
        return None


SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                "Dec")


def day_label(day: date | None) -> str:
    """A date as a reader writes it, the same in every locale: "1 Oct 2016"."""
    return f"{day.day} {SHORT_MONTHS[day.month - 1]} {day.year}" if day else ""


def period_label(period_text: str, start: str, end: str) -> str:
    """The period a claim covers: the article's words, else its dates, else nothing."""
    if period_text.strip():
        return period_text.strip()
    first, last = parse_date(start), parse_date(end)
    if first and last:
        return day_label(first) if first == last else f"{day_label(first)} to {day_label(last)}"
    if first:
        return f"from {day_label(first)}"
    if last:
        return f"until {day_label(last)}"
    return ""


def context_label(row: Mapping[str, object]) -> str:
    """Place and period told apart: "Aleppo · this week alone"."""
    period = period_label(str(row["period_text"]), str(row["period_start"]),
                          str(row["period_end"]))
    return SEPARATOR.join(part for part in (str(row["place"]).strip(), period) if part)


def stance_of(notes: str) -> str:
    """How the claimant put the figure, when the notes open with a tag: "ruled out"."""
    match = STANCE_PATTERN.match(notes.strip())
    return match.group(1).lower() if match else ""


def relays_of(relayed_by: str) -> list[str]:
    """The agencies a claim passed through before its outlet, as the table lists them."""
    return [relay.strip() for relay in relayed_by.split(";") if relay.strip()]


def credit(who: str, outlet: str, relays: list[str], when: str, inferred: bool,
           wire: str = "") -> str:
    """ "UNICEF via EghtesadOnline/Bloomberg, 1 Oct 2016": the claimant, then the outlet and
    the wire whose story it ran, then the agencies that relayed the claim; a name that is
    the claimant itself is not repeated."""
    chain = "/".join(dict.fromkeys(part for part in [outlet, wire, *relays]
                                   if part and part != who))
    said = who if who in ("", outlet) or not chain else f"{who} via {chain}"
    said = said or chain
    dated = f"{said}, {when}" if when else said
    return dated + (INFERRED_NOTE if inferred and when else "")


def is_inferred(published_basis: str) -> bool:
    """Whether the article's date was worked out from its text rather than stated."""
    return published_basis.startswith("inferred")


def source_label(row: Mapping[str, object]) -> str:
    """ "UNICEF via EghtesadOnline, 1 Oct 2016": who said it, who carried it, and when."""
    return credit(str(row["who"]), str(row["outlet"]).strip(),
                  relays_of(str(row["relayed_by"])), str(row["published_label"]),
                  is_inferred(str(row["published_basis"])), str(row.get("wire", "")).strip())


def with_columns(table: pd.DataFrame) -> pd.DataFrame:
    """A copy holding every contract column, so a bare or empty frame can be labelled."""
    frame = table.copy()
    for column in schema.TABLE_COLUMNS:
        if column not in frame.columns:
            frame[column] = float("nan") if column in ("value", "value_max") else ""
    for column in ("value", "value_max"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    return frame.reset_index(drop=True)


def details(frame: pd.DataFrame) -> pd.Series:
    """What, where and when of each claim, for the line under its claimant on a chart.

    What is counted joins the line only when the claims shown count different things, so
    "children killed" is not repeated down a chart that counts only that; how the claimant
    put the figure ("ruled out") is always kept.
    """
    several = frame[["measure", "subject"]].drop_duplicates().shape[0] > 1

    def line(row: dict[str, object]) -> str:
        what = " ".join(part for part in (str(row["what"]), str(row["stance"])) if part)
        parts = ([what] if several or row["stance"] else []) + [str(row["context"])]
        return SEPARATOR.join(part for part in parts if part)

    return pd.Series(per_distinct(frame, ["what", "stance", "context"], line),
                     index=frame.index, dtype=object)


def with_row_labels(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with `detail` and the wrapped two-part `row_label` of each claim."""
    if frame.empty:
        return frame
    detail = details(frame)
    named = frame.assign(detail=detail)
    labels = per_distinct(named, ["claimant_label", "detail"],
                          lambda r: wrapped(str(r["claimant_label"])) + ROW_BREAK
                          + wrapped(str(r["detail"])))
    return named.assign(row_label=labels)


def wrapped(text: str, width: int = ROW_WIDTH) -> str:
    """Text broken into lines of at most `width` characters, joined by ROW_BREAK."""
    return ROW_BREAK.join(textwrap.wrap(text, width)) or text


SMALL_FRAME = 5000  # rows below which grouping in plain Python beats pandas' groupby
MISSING = object()  # every kind of missing value, as one group (pandas' dropna=False)


def is_missing(cell: object) -> bool:
    """Whether a cell is missing: None, pandas' NA, or NaN (which equals nothing)."""
    return cell is None or cell is pd.NA or (isinstance(cell, float) and cell != cell)


def per_distinct(frame: pd.DataFrame, columns: list[str],
                 make: Callable[[dict[str, object]], object]) -> list[object]:
    """`make(row)` for every row, computed once per distinct combination of `columns`: the
    labels of a large corpus repeat (one claimant, one outlet, one day for many claims).
    A view's few claims are grouped in plain Python, which costs a fraction of setting up
    a pandas groupby."""
    if len(frame) < SMALL_FRAME:
        made: dict[tuple[object, ...], object] = {}
        found = []
        for cells in zip(*(frame[column].tolist() for column in columns), strict=True):
            key = tuple(MISSING if is_missing(cell) else cell for cell in cells)
            if key not in made:  # the first row of its group speaks for it, as in pandas
                made[key] = make(dict(zip(columns, cells, strict=True)))
            found.append(made[key])
        return found
    codes = frame.groupby(columns, dropna=False, sort=False).ngroup().to_numpy()
    firsts = pd.Series(range(len(frame))).groupby(codes).first()
    rows = frame[columns].iloc[firsts.to_numpy()].to_dict("records")
    made = dict(zip(firsts.index, (make(row) for row in rows), strict=True))
    return [made[code] for code in codes]


def label_frame(table: pd.DataFrame) -> pd.DataFrame:
    """Every claim of `table` with the columns a chart or a caption needs to stand alone.

    A table already labelled (the page labels its table once per load) is returned as it
    is, so no view labels a claim twice.
    """
    if set(LABEL_COLUMNS) <= set(table.columns):
        return table.reset_index(drop=True)
    frame = with_columns(table)
    if frame.empty:
        for column in LABEL_COLUMNS:
            frame[column] = pd.Series(dtype="float64" if column.startswith("plot_") else object)
        return frame
    proposed = (frame["review_status"] == schema.PROPOSED if "review_status" in frame.columns
                else pd.Series(False, index=frame.index))
    frame["comparison"] = per_distinct(frame, ["measure", "subject"],
                                       lambda r: comparison_of(r["measure"], r["subject"]))
    frame["review"] = proposed.map({True: PROPOSED_LABEL, False: CHECKED_LABEL})
    labels = per_distinct(frame, ["qualifier", "qualifier_text", "value", "value_max", "unit"],
                          value_label)
    frame["value_label"] = [label + PROPOSED_MARK if flag else label
                            for label, flag in zip(labels, proposed, strict=True)]
    factor = frame["unit"].map(schema.common_factor).astype("float64")
    frame["plot_value"] = frame["value"] * factor
    frame["plot_value_max"] = frame["value_max"] * factor
    frame["unit_label"] = per_distinct(frame, ["unit", "subject"],
                                       lambda r: unit_label(r["unit"], r["subject"]))
    frame["claimant_label"] = per_distinct(
        frame, ["claimant", "claimant_org"],
        lambda r: claimant_label(r["claimant"], r["claimant_org"]))
    frame["exactness"] = frame["qualifier"].isin(schema.INEXACT_QUALIFIERS).map(
        {True: INEXACT, False: EXACT})
    frame["context"] = per_distinct(frame, ["place", "period_text", "period_start",
                                            "period_end"], context_label)
    frame["what"] = per_distinct(frame, ["measure", "subject"],
                                 lambda r: what_phrase(r["measure"], r["subject"]))
    frame["stance"] = per_distinct(frame, ["notes"], lambda r: stance_of(r["notes"]))
    frame["who"] = per_distinct(frame, ["claimant", "claimant_org"],
                                lambda r: who_said(r["claimant"], r["claimant_org"]))
    frame["published_label"] = per_distinct(frame, ["published"],
                                            lambda r: day_label(parse_date(r["published"])))
    source_columns = ["who", "outlet", "relayed_by", "published_label", "published_basis",
                      *(["wire"] if "wire" in frame.columns else [])]
    frame["source_label"] = per_distinct(frame, source_columns, source_label)
    return with_row_labels(frame)


def comparison_order(labels: list[str]) -> list[str]:
    """Labels in the order of COMPARISONS, any others after them in alphabetical order."""
    named = [label for label in COMPARISONS if label in labels]
    return named + sorted(set(labels) - set(named))


def available_comparisons(table: pd.DataFrame) -> list[str]:
    """The comparisons holding at least one claim of `table`, in reading order."""
    if "comparison" in table.columns:  # a labelled table says so already
        return comparison_order(sorted(table["comparison"].unique()))
    frame = with_columns(table)
    labels = {comparison_of(m, s) for m, s in zip(frame["measure"], frame["subject"],
                                                  strict=True)}
    return comparison_order(sorted(labels))


def ranked(frame: pd.DataFrame) -> pd.DataFrame:
    """Claims grouped by claimant, the claimant with the largest figure first."""
    if frame.empty:
        return frame
    if len(frame) < SMALL_FRAME:  # a view's few claims, sorted without pandas' set-up
        names, values = frame["claimant_label"].tolist(), frame["plot_value"].tolist()
        ids = frame["claim_id"].tolist()
        tops: dict[str, float] = {}
        for name, value in zip(names, values, strict=True):
            if not math.isnan(value) and not value <= tops.get(name, -math.inf):
                tops[name] = value
        order = sorted(range(len(frame)), key=lambda row: (
            *descending(tops.get(names[row], math.nan)), names[row],
            *descending(values[row]), ids[row]))
        return frame.iloc[order].reset_index(drop=True)
    top = frame.groupby("claimant_label")["plot_value"].transform("max")
    ordered = frame.assign(_top=top).sort_values(
        ["_top", "claimant_label", "plot_value", "claim_id"],
        ascending=[False, True, False, True], kind="stable")
    return ordered.drop(columns="_top").reset_index(drop=True)


def descending(value: float) -> tuple[bool, float]:
    """A sort key putting larger numbers first and a missing one last, as pandas sorts
    a column in descending order."""
    return (True, 0.0) if math.isnan(value) else (False, -value)


def comparison_frame(table: pd.DataFrame, label: str) -> pd.DataFrame:
    """The claims of one comparison, labelled and grouped by claimant."""
    frame = label_frame(table)
    chosen = frame[frame["comparison"] == label]
    return ranked(with_row_labels(chosen))


def sources_line(frame: pd.DataFrame) -> str:
    """ "Sources: UNICEF via EghtesadOnline, 1 Oct 2016; ..." once each, oldest first.

    Claims that one body made in one article share an entry, with every agency that
    relayed any of them, so the line names each source once without losing a relay.
    """
    if frame.empty:
        return "Sources: none (no claims shown)."
    if "who" not in frame.columns:
        frame = label_frame(frame)
    days = per_distinct(frame, ["published"], lambda r: parse_date(str(r["published"])) or date.max)
    wires = frame["wire"].tolist() if "wire" in frame.columns else [""] * len(frame)
    rows = zip(days, *(frame[column].tolist() for column in (
        "who", "outlet", "published_label", "published_basis", "relayed_by")), wires,
        strict=True)
    relays: dict[tuple[str, str, str, bool, str], list[str]] = {}
    # Oldest first; claims of one day keep their order (a stable sort).
    for _day, who, outlet, when, basis, relayed, wire in sorted(rows, key=lambda row: row[0]):
        key = (str(who), str(outlet).strip(), str(when), is_inferred(str(basis)),
               str(wire).strip())
        known = relays.setdefault(key, [])
        known += [relay for relay in relays_of(str(relayed)) if relay not in known]
    entries = [credit(who, outlet, found, when, inferred, wire)
               for (who, outlet, when, inferred, wire), found in relays.items()]
    return "Sources: " + "; ".join(entries) + "."
