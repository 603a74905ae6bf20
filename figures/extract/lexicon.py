"""General vocabulary of English news prose that more than one stage reads.

Kinds of words only (titles, organisation words, function words, months, the nouns that
say what a figure counts, units): no person, outlet, place or organisation names.
"""

from __future__ import annotations

WS = r"[^\S\n]+"  # horizontal whitespace, non-breaking spaces included
WS0 = r"[^\S\n]*"
# How far the rules look: characters either side of a figure or a speech verb, and names
# back in the article. Prose needs far less; the bounds keep freak input (a 40,000-character
# "sentence" of numbers) from taking quadratic time.
REACH = 300
MEMORY_REACH = 400

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"


PRONOUNS = frozenset(("he", "she", "they", "it", "we", "i", "you", "him", "her", "them"))

TITLE_WORDS = frozenset(
    ("minister", "secretary", "president", "spokesman", "spokeswoman", "spokesperson",
     "director", "general", "lieutenant", "colonel", "major", "captain", "commander", "envoy",
     "ambassador", "chairman", "chairwoman", "chief", "head", "official", "deputy", "prime",
     "undersecretary", "secretary-general", "mayor", "governor", "senator", "adviser",
     "advisor", "coordinator", "leader", "king", "queen", "prince", "sheikh", "dr", "mr",
     "mrs", "ms", "prof", "professor", "executive", "special", "member", "correspondent",
     "diplomat", "admiral", "sergeant", "premier", "chancellor", "gen", "lt", "col", "maj",
     "capt", "sgt", "adm", "cmdr", "gov", "sen")
)  # fmt: skip
# Words that make a run of capitals a body. "cross" and "crescent" stand for the national
# aid societies of one worldwide movement, found in every country's news.
ORG_WORDS = frozenset(
    ("ministry", "department", "center", "centre", "committee", "coalition", "council",
     "fund", "organisation", "organization", "agency", "office", "staff", "army", "forces",
     "force", "group", "network", "union", "commission", "institute", "foundation",
     "association", "society", "federation", "front", "movement", "party", "command",
     "corporation", "company", "service", "services", "news", "television", "tv", "radio",
     "press", "times", "post", "online", "bank", "court", "parliament", "assembly", "senate",
     "congress", "government", "administration", "authority", "board", "bureau",
     "programme", "program", "mission", "watch", "monitor", "military", "navy", "alliance",
     "league", "observatory", "cross", "crescent", "cluster", "directorate", "secretariat",
     "institution", "ministries", "police", "guard", "brigade", "brigades", "battalion",
     "regiment", "headquarters", "inc", "ltd", "university", "charity",
     "trust", "initiative", "syndicate", "tribunal", "cabinet", "presidency", "embassy")
)  # fmt: skip
NOT_FIRST_NAMES = frozenset(
    ("united", "saudi", "islamic", "new", "north", "south", "east", "west", "northern",
     "southern", "eastern", "western", "middle", "red", "human", "great", "central",
     "national", "international", "european", "arab", "gulf", "free", "state")
)  # fmt: skip
RUN_STOP = frozenset(
    ("the", "a", "an", "but", "and", "on", "in", "at", "since", "earlier", "later", "however",
     "meanwhile", "moreover", "this", "that", "these", "those", "it", "he", "she", "they",
     "we", "i", "our", "their", "his", "her", "its", "when", "while", "after", "before", "as",
     "if", "so", "then", "asked", "despite", "with", "according", "over", "some", "more",
     "by", "for", "of", "to", "from", "yet", "still", "also", "even", "both", "all",
     "another", "each", "every", "many", "most", "several", "other", "such", "no", "any",
     "few", "nearly", "almost", "about", "around", "close", "only", "just", "total",
     "initially", "separately", "additionally", "overall", "previously", "now", "today",
     "yesterday", "tonight", "finally", "recently", "instead", "elsewhere", "there")
)  # fmt: skip
CONNECTORS = frozenset(("of", "for", "the", "de", "del", "da", "al", "bin", "ibn", "van",
                         "von", "du", "le", "la"))  # fmt: skip
PERSON_REFERENCES = frozenset(("he", "she", "him", "her"))
# Words that let an uncapitalised phrase name a speaker ("according to local officials").
SPEAKER_NOUNS = TITLE_WORDS | ORG_WORDS | PRONOUNS | frozenset(
    ("officials", "sources", "residents", "witnesses", "activists", "doctors", "medics",
     "rescuers", "monitors", "observers", "diplomats", "experts", "analysts", "police",
     "authorities", "rebels", "volunteers", "workers", "statement", "report", "figures",
     "estimates", "toll", "count", "data", "survey", "census", "source", "official",
     "spokesperson", "medic", "doctor", "witness", "activist", "resident", "rescuer",
     "monitor", "observer", "media", "television", "radio", "newspaper", "agency", "ministry",
     "authority", "forces", "army", "military", "tally", "tallies", "statistics",
     "government", "governor", "governorate", "council", "organisation", "organization",
     "group", "commander", "spokesman", "spokeswoman", "officer", "officers", "staff"),
)  # fmt: skip
ANY_REFERENCES = frozenset(("statement", "report", "announcement", "source", "sources"))
ANY_ORG_NOUNS = frozenset(("group", "organisation", "organization", "body", "agency"))
FUNCTION_WORDS = frozenset(w.capitalize() for w in RUN_STOP) | frozenset(
    ("Over", "Some", "About", "Around", "Nearly", "Almost", "Only", "Just", "Up", "As", "More",
     "Than", "Least", "Including", "Another", "Roughly", "Approximately", "Estimated",
     "Among", "Between", "Killing", "No")
)  # fmt: skip
# Nationalities whose ending the pattern for "-ian", "-ean", "-ese", "-ish" or "-ch" misses;
# alone, each qualifies a noun ("a Kenyan official") and names no one.
DEMONYMS = frozenset(
    ("Afghan", "African", "American", "Arab", "Azerbaijani", "Bahraini", "Bangladeshi",
     "Chadian", "Croat", "Cuban", "Cypriot", "Emirati", "Filipino", "German", "Greek",
     "Iraqi", "Israeli", "Kazakh", "Kenyan", "Kurd", "Kuwaiti", "Libyan", "Malagasy",
     "Mexican", "Moroccan", "Nepali", "Omani", "Pakistani", "Qatari", "Rwandan", "Saudi",
     "Serb", "Slovak", "Somali", "Sri Lankan", "Swiss", "Tajik", "Thai", "Turkmen", "Ugandan",
     "Uzbek", "Yemeni", "Zimbabwean")
)  # fmt: skip
# Words of direction that open a place's name ("Eastern Velmora"), not a speaker's.
COMPASS_WORDS = frozenset(
    ("eastern", "western", "northern", "southern", "central", "east", "west", "north",
     "south", "northeast", "northwest", "southeast", "southwest", "upper", "lower")
)  # fmt: skip

# What a figure counts: the first of these nouns after it names the subject
# (`schema.SUBJECTS`).
SUBJECT_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ("children", "child", "kids", "boys", "girls", "minors", "schoolchildren", "pupils"),
        "children",
    ),
    **dict.fromkeys(("newborn", "newborns", "babies", "baby", "infants"), "newborns"),
    **dict.fromkeys(("civilians", "civilian", "noncombatants", "non-combatants"), "civilians"),
    **dict.fromkeys(
        (
            "fighters", "rebels", "militants", "insurgents", "gunmen", "combatants",
            "jihadists", "terrorists", "soldiers", "troops", "militiamen", "extremists",
        ),
        "fighters",
    ),
    **dict.fromkeys(("hospitals", "hospital", "clinics", "clinic"), "hospitals"),
    **dict.fromkeys(("shells", "shell", "mortars", "rounds"), "artillery shells"),
    **dict.fromkeys(
        ("pause", "pauses", "respite", "respites", "lull", "lulls", "cessation", "cessations"),
        "pause",
    ),
    **dict.fromkeys(
        ("truce", "truces", "ceasefire", "ceasefires", "cease-fire", "cease-fires", "calm"),
        "truce",
    ),
    **dict.fromkeys(
        (
            "people", "persons", "person", "residents", "inhabitants", "lives", "individuals",
            "men", "women", "refugees", "patients", "families", "others", "man", "woman",
            "members", "households", "population", "evacuees", "survivors", "victims",
            "migrants", "staff", "doctors", "nurses", "medics", "paramedics", "journalists",
            "workers", "volunteers", "students", "teachers", "pediatricians", "paediatricians",
            "surgeons", "relatives",
        ),
        "people",
    ),
    **dict.fromkeys(("hostages", "hostage", "captives", "abductees"), "hostages"),
    **dict.fromkeys(
        ("prisoners", "prisoner", "detainees", "detainee", "convicts", "inmates", "pows"),
        "prisoners",
    ),
    **dict.fromkeys(
        ("vehicles", "vehicle", "trucks", "truck", "lorries", "lorry", "buses", "bus", "cars",
         "car", "tanks", "tank", "pickups", "pickup", "ambulances", "ambulance", "convoys",
         "convoy", "armoured", "armored", "jeeps", "bulldozers", "boats", "aircraft", "planes",
         "helicopters", "carts"),
        "vehicles",
    ),  # fmt: skip
    **dict.fromkeys(
        ("facilities", "facility", "schools", "school", "bakeries", "bakery", "shelters",
         "shelter", "centres", "centers", "mosques", "churches", "markets", "bridges",
         "stations", "plants", "warehouses", "pharmacies", "dispensaries", "wells", "pharmacy",
         "bakery", "centre", "center", "mosque", "church", "market", "bridge", "station",
         "plant", "warehouse", "dispensary"),
        "facilities",
    ),  # fmt: skip
    **dict.fromkeys(
        ("buildings", "building", "homes", "houses", "apartments", "dwellings", "shelters"),
        "buildings",
    ),
    **dict.fromkeys(
        ("airstrikes", "airstrike", "air-strikes", "strikes", "raids", "sorties", "bombings",
         "attacks", "assaults", "bombardments"),
        "airstrikes",
    ),  # fmt: skip
    **dict.fromkeys(
        ("missiles", "missile", "rockets", "rocket", "bombs", "bomb", "grenades", "drones",
         "projectiles", "munitions"),
        "munitions",
    ),  # fmt: skip
    **dict.fromkeys(
        ("neighbourhoods", "neighborhoods", "neighbourhood", "neighborhood", "districts",
         "villages", "towns", "settlements", "localities", "hamlets", "suburbs", "quarters"),
        "neighbourhoods",
    ),  # fmt: skip
    **dict.fromkeys(
        ("consultations", "treatments", "surgeries", "procedures", "vaccinations",
         "amputations", "admissions", "dressings"),
        "medical treatments",
    ),  # fmt: skip
    **dict.fromkeys(("teams", "team"), "teams"),
}
# Units a figure may carry besides a plain count, from the words that follow it.
UNIT_WORDS: dict[tuple[str, ...], str] = {
    ("hour",): "hours", ("hours",): "hours", ("day",): "days", ("days",): "days",
    ("square", "kilometres"): "square km", ("square", "kilometers"): "square km",
    ("square", "km"): "square km", ("sq", "km"): "square km", ("km2",): "square km",
    ("km²",): "square km", ("sqkm",): "square km", ("square", "miles"): "square miles",
    ("sq", "miles"): "square miles", ("hectares",): "hectares", ("ha",): "hectares",
    ("acres",): "acres", ("kilometres",): "km", ("kilometers",): "km", ("km",): "km",
    ("miles",): "miles", ("mile",): "miles", ("kilometre",): "km", ("kilometer",): "km",
}  # fmt: skip
