"""The table contract: file names, column names and the controlled values of every list.

Everything that reads, checks, charts or exports the data takes its column names and
vocabularies from here, so a change to the contract is made once. The codebook
(`data/README.md`) documents each of these; a test keeps the two in step.
"""

from __future__ import annotations

SOURCES_FILE = "sources.csv"
CLAIMANTS_FILE = "claimants.csv"
CLAIMS_FILE = "claims.csv"
NOT_CLAIMS_FILE = "not_claims.csv"
PLACES_FILE = "places.csv"
ARTICLES_DIR = "articles"
CODEBOOK_FILE = "README.md"

DATASET_NAME = "Contested Figures: the battle of Aleppo, 2016"
DATASET_VERSION = "0.1.0"

SOURCE_COLUMNS: tuple[str, ...] = (
    "article_id",
    "file",
    "outlet",
    "title",
    "published",
    "published_basis",
    "credits",
    "wire",
    "url",
    "public_copy",
)

CLAIMANT_COLUMNS: tuple[str, ...] = (
    "claimant_id",
    "name",
    "organisation",
    "claimant_type",
    "party",
    "suggested_type",
    "suggested_party",
)

CLAIM_COLUMNS: tuple[str, ...] = (
    "claim_id",
    "article_id",
    "claimant_id",
    "value",
    "value_max",
    "unit",
    "qualifier",
    "qualifier_text",
    "measure",
    "subject",
    "place",
    "period_start",
    "period_end",
    "period_text",
    "period_basis",
    "relayed_by",
    "blamed_on",
    "quote",
    "notes",
    "review_status",
)

NOT_CLAIM_COLUMNS: tuple[str, ...] = (
    "article_id",
    "text",
    "context",
    "reason",
)

PLACE_COLUMNS: tuple[str, ...] = (
    "place",
    "part_of",
)

# Columns the joined figure table adds to each claim, and where each comes from.
JOINED_COLUMNS: dict[str, tuple[str, str]] = {
    "article_file": (SOURCES_FILE, "file"),
    "outlet": (SOURCES_FILE, "outlet"),
    "published": (SOURCES_FILE, "published"),
    "published_basis": (SOURCES_FILE, "published_basis"),
    "article_title": (SOURCES_FILE, "title"),
    "wire": (SOURCES_FILE, "wire"),
    "claimant": (CLAIMANTS_FILE, "name"),
    "claimant_org": (CLAIMANTS_FILE, "organisation"),
    "claimant_type": (CLAIMANTS_FILE, "claimant_type"),
    "party": (CLAIMANTS_FILE, "party"),
}

TABLE_COLUMNS: tuple[str, ...] = CLAIM_COLUMNS + tuple(JOINED_COLUMNS)

# Columns that must hold a value in every row; all others may be empty (but see
# REQUIRED_WHEN_CHECKED, and `published`, empty only when its basis is 'unknown').
REQUIRED: dict[str, tuple[str, ...]] = {
    SOURCES_FILE: ("article_id", "file", "outlet", "title", "published_basis"),
    CLAIMANTS_FILE: ("claimant_id", "name", "organisation", "claimant_type", "party"),
    CLAIMS_FILE: (
        "claim_id",
        "article_id",
        "claimant_id",
        "value",
        "unit",
        "qualifier",
        "quote",
        "review_status",
    ),
    NOT_CLAIMS_FILE: NOT_CLAIM_COLUMNS,
    PLACES_FILE: ("place",),
}

# Whether a person has checked a claim against its quote. The extractor's proposals are
# saved as `proposed` and become `checked` only when a person accepts or fixes them.
CHECKED = "checked"
PROPOSED = "proposed"
REVIEW_STATUSES: dict[str, str] = {
    CHECKED: "a person has checked the claim against its quote",
    PROPOSED: "proposed by the extractor; no person has reviewed it yet",
}
# Cells a proposal may leave empty (the extractor cannot always tell them) but a checked
# claim must hold: a person says where, and what is counted, when accepting it.
REQUIRED_WHEN_CHECKED: tuple[str, ...] = ("measure", "subject", "place")

# Claimant type and party of a claimant the extractor created, until a person sets them.
UNASSIGNED = "unassigned"

QUALIFIERS: dict[str, str] = {
    "exact": "the figure is given plainly",
    "at_least": "a lower bound: 'at least'",
    "over": "a lower bound, not reached exactly: 'more than', 'over'",
    "about": "approximate: 'about', 'some', 'around', 'nearly'",
    "estimated": "an estimate named as such: 'an estimated', 'estimates put'",
    "up_to": "an upper bound: 'up to', 'as many as'",
    "under": "an upper bound, not reached exactly: 'fewer than', 'less than', 'under'",
    "as_little_as": "the claimant stresses how small the figure is: 'as little as', 'only'",
}

# The words used to label a figure when the article's own qualifier words are not stored.
QUALIFIER_WORDS: dict[str, str] = {
    "exact": "",
    "at_least": "at least",
    "over": "more than",
    "about": "about",
    "estimated": "an estimated",
    "up_to": "up to",
    "under": "fewer than",
    "as_little_as": "as little as",
}

# Qualifiers that make a figure a bound or an estimate rather than a count.
INEXACT_QUALIFIERS: frozenset[str] = frozenset(QUALIFIERS) - {"exact"}

# How far either side of its figure an approximate or estimated claim reaches: "some
# 300,000" allows 270,000 to 330,000. A share of the figure, documented in the codebook.
APPROXIMATE_QUALIFIERS: frozenset[str] = frozenset({"about", "estimated"})
APPROXIMATE_TOLERANCE = 0.10

MEASURES: dict[str, str] = {
    "killed": "people killed",
    "injured": "people injured",
    "besieged": "people under siege",
    "trapped": "people trapped in a place they cannot leave safely",
    "missing": "people missing or unaccounted for",
    "remaining": "people still living in a place",
    "left": "people who left a place (evacuated, fled, went out through corridors)",
    "freed": "people said to have been freed or liberated",
    "surrendered": "fighters who surrendered",
    "pardoned": "fighters pardoned",
    "attacked": "places or facilities attacked (hospitals, schools)",
    "fired": "munitions fired or dropped (shells, rockets, strikes)",
    "aid_share": "share of aid going to a place",
    "pause_length": "length of a pause, truce or ceasefire (offered, agreed or ruled out)",
    "captured": "places taken, retaken or 'liberated' (neighbourhoods, towns, villages)",
    "treated": "medical treatments given (consultations, surgeries, vaccinations)",
    "area": "the size of an area (besieged, held, destroyed)",
    "distance": "a distance (to a front line, a border, a city)",
}

SUBJECTS: dict[str, str] = {
    "people": "people, with no narrower description",
    "civilians": "people described as civilians",
    "children": "children",
    "newborns": "newborn babies",
    "fighters": "fighters, rebels, militants",
    "hospitals": "hospitals and medical facilities",
    "artillery shells": "artillery shells",
    "UN aid": "aid delivered by the United Nations",
    "pause": "a humanitarian or combat pause",
    "truce": "a truce or ceasefire",
    "hostages": "hostages and captives",
    "prisoners": "prisoners, detainees and convicts",
    "vehicles": "vehicles: trucks, buses, cars, tanks, ambulances, boats, aircraft",
    "facilities": "facilities other than hospitals: schools, bakeries, shelters, stations",
    "buildings": "buildings and homes",
    "airstrikes": "airstrikes, raids and other attacks, counted as events",
    "munitions": "missiles, rockets, bombs and drones (shells are 'artillery shells')",
    "neighbourhoods": "neighbourhoods, districts, villages and towns",
    "medical treatments": "consultations, surgeries, vaccinations and other treatments",
    "teams": "aid or medical teams",
    "territory": "land, for an area or a distance",
}

# Subjects that are part of another: every child is a civilian, every civilian one of
# the people. A figure for a part can be checked against a figure for its whole.
SUBJECT_PART_OF: dict[str, str] = {
    "newborns": "children",
    "children": "civilians",
    "civilians": "people",
    "fighters": "people",
}

# What kind of quantity each measure is, which decides the rule its claims are held to:
# counts of what happened over a period add up as the period and place grow; stocks are
# how many are in a state at a moment; events are one thing with one length.
COUNT_MEASURES: tuple[str, ...] = (
    "killed", "injured", "left", "freed", "surrendered", "pardoned", "attacked", "fired",
    "captured", "treated",
)
STOCK_MEASURES: tuple[str, ...] = (
    "besieged", "trapped", "remaining", "aid_share", "area", "missing",
)
EVENT_MEASURES: tuple[str, ...] = ("pause_length",)
# Measures no rule compares: two distances are seldom distances between the same points.
UNRULED_MEASURES: tuple[str, ...] = ("distance",)
# Stock measures that name the same people in different words (compare.py sets them on
# one axis too); a dispute across two of them says that they differ.
STOCK_FAMILIES: dict[str, str] = {
    "besieged": "people still in a place",
    "trapped": "people still in a place",
    "remaining": "people still in a place",
    "aid_share": "share of aid",
    "area": "size of an area",
}
# Two stocks are compared when their dates are at most this many days apart.
STOCK_WINDOW_DAYS = 30

UNITS: dict[str, str] = {
    "count": "a number of people or things",
    "hours": "a length of time in hours",
    "days": "a length of time in days",
    "percent": "a share in percent",
    "share": "a share as a fraction of the whole ('about half' is 0.5)",
    "square km": "an area in square kilometres",
    "square miles": "an area in square miles",
    "hectares": "an area in hectares",
    "acres": "an area in acres",
    "km": "a distance in kilometres",
    "miles": "a distance in miles",
}

# Units a comparison converts to one scale, with the factor to it: durations in hours,
# areas in square kilometres, distances in kilometres. Figures given in different units
# of one kind then share an axis honestly; any other unit stands on its own.
COMMON_UNITS: dict[str, tuple[str, float]] = {
    "hours": ("hours", 1.0),
    "days": ("hours", 24.0),
    "square km": ("square km", 1.0),
    "hectares": ("square km", 0.01),
    "square miles": ("square km", 2.589988),
    "acres": ("square km", 0.004046856),
    "km": ("km", 1.0),
    "miles": ("km", 1.609344),
}
# Hours per unit of a duration.
HOURS_PER_UNIT: dict[str, float] = {
    unit: factor for unit, (common, factor) in COMMON_UNITS.items() if common == "hours"}


def common_factor(unit: str) -> float:
    """What a figure in `unit` is multiplied by to stand on its kind's common scale."""
    return COMMON_UNITS.get(unit, (unit, 1.0))[1]

CLAIMANT_TYPES: dict[str, str] = {
    "government": "a government, ministry or official speaking for one",
    "military": "armed forces, a defence ministry or a military body",
    "UN agency": "a United Nations body or official",
    "monitor": "an organisation that counts casualties or events",
    "NGO": "a non-governmental humanitarian or relief organisation",
    "opposition": "an opposition political or armed group",
    "state media": "a broadcaster or outlet owned or controlled by a state",
    "state-funded media": "an outlet funded by a state but editorially separate from it",
    "news agency": "a wire service or news agency in its own voice",
    "news media": "a privately owned outlet in its own voice",
    UNASSIGNED: "not yet set: a claimant the extractor created, for a person to classify",
}

# Parties in display order, each with one fixed colour from the Okabe-Ito palette,
# which stays distinguishable with the common forms of colour blindness.
PARTY_COLOURS: dict[str, str] = {
    "Russia": "#D55E00",
    "Syrian government": "#E69F00",
    "Syrian opposition": "#009E73",
    "United States": "#0072B2",
    "Turkey": "#CC79A7",
    "United Nations": "#56B4E9",
    "independent monitor": "#000000",
    "humanitarian NGO": "#F0E442",
    "news media": "#999999",
    UNASSIGNED: "#A6761D",
}
PARTIES: tuple[str, ...] = tuple(PARTY_COLOURS)

NOT_CLAIM_REASONS: dict[str, str] = {
    "date": "a day, month or year",
    "time": "a time of day",
    "caption": "a number in a photo caption",
    "identifier": "an id, page counter or road number",
    "war length": "how long the war has lasted",
    "period length": "the length of the period a claim covers, not the claim",
    "vague quantity": "an amount with no figure ('tens of thousands', 'hundreds of')",
    "not a count": "a number word that counts nothing ('one of the', 'no one', 'half of')",
    "ordinal": "a rank, not a count ('the 9th day', '21st')",
    "repeated line": "a line the page repeats word for word (a headline shown twice)",
    "set aside": "a number the person adding the article chose not to record as a claim, or "
                 "one the extractor could not propose as a claim; review these by hand",
    "rejected in review": "a figure the extractor proposed that a person judged not a claim",
}
REJECTED_IN_REVIEW = "rejected in review"

PUBLISHED_STATED = "stated"
PUBLISHED_INFERRED_PREFIX = "inferred: "
# A claim's period dates are known the same two ways (column `period_basis`).
PERIOD_STATED = PUBLISHED_STATED
PERIOD_INFERRED_PREFIX = PUBLISHED_INFERRED_PREFIX
# A date stated outside the article's text: in a saved web page's metadata, or by the
# person adding it (the folder's articles.csv, the command line's --published).
PUBLISHED_STATED_IN_PREFIX = "stated in "
PUBLISHED_IN_METADATA = "stated in the page's metadata"
PUBLISHED_IN_SIDECAR = "stated in articles.csv"
PUBLISHED_ON_COMMAND_LINE = "stated in the command's --published option"
PUBLISHED_IN_FORM = "stated in the Add articles form"
# No date is known: `published` is empty. The article's claims are shown but are not
# placed on the timeline and fall outside any narrowed date range.
PUBLISHED_UNKNOWN = "unknown"

# Which columns of which file hold controlled values.
CONTROLLED: dict[tuple[str, str], tuple[str, ...]] = {
    (CLAIMS_FILE, "qualifier"): tuple(QUALIFIERS),
    (CLAIMS_FILE, "measure"): tuple(MEASURES),
    (CLAIMS_FILE, "subject"): tuple(SUBJECTS),
    (CLAIMS_FILE, "unit"): tuple(UNITS),
    (CLAIMANTS_FILE, "claimant_type"): tuple(CLAIMANT_TYPES),
    (CLAIMANTS_FILE, "party"): PARTIES,
    (CLAIMANTS_FILE, "suggested_type"): tuple(t for t in CLAIMANT_TYPES if t != UNASSIGNED),
    (CLAIMANTS_FILE, "suggested_party"): tuple(p for p in PARTIES if p != UNASSIGNED),
    (CLAIMS_FILE, "review_status"): tuple(REVIEW_STATUSES),
    (NOT_CLAIMS_FILE, "reason"): tuple(NOT_CLAIM_REASONS),
}

DATE_COLUMNS: dict[str, tuple[str, ...]] = {
    SOURCES_FILE: ("published",),
    CLAIMS_FILE: ("period_start", "period_end"),
}

NUMBER_COLUMNS: dict[str, tuple[str, ...]] = {
    CLAIMS_FILE: ("value", "value_max"),
}

ID_COLUMNS: dict[str, str] = {
    SOURCES_FILE: "article_id",
    CLAIMANTS_FILE: "claimant_id",
    CLAIMS_FILE: "claim_id",
    PLACES_FILE: "place",
}

# Columns that hold an id or name a file: read without the spaces a spreadsheet may leave
# around them, so that the checker and the join see the same id.
KEY_COLUMNS: dict[str, tuple[str, ...]] = {
    SOURCES_FILE: ("article_id", "file"),
    CLAIMANTS_FILE: ("claimant_id",),
    CLAIMS_FILE: ("claim_id", "article_id", "claimant_id"),
    NOT_CLAIMS_FILE: ("article_id",),
}
