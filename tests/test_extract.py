"""The rule-based extractor, one pattern family at a time, on small invented sentences.

None of these sentences comes from the shipped articles: the names, places and figures are
made up, so the tests check rules about news prose rather than memorised examples.
"""

from __future__ import annotations

import pytest

from figures.extract import Candidate, candidates_frame, extract, non_claims


def only(text: str) -> Candidate:
    """The single candidate of `text` (fails if there are none or several)."""
    candidates = extract(text)
    assert len(candidates) == 1, candidates
    return candidates[0]


def by_value(text: str) -> dict[float | None, Candidate]:
    """The candidates of `text` keyed by value."""
    return {candidate.value: candidate for candidate in extract(text)}


# --------------------------------------------------------------------------------------
# Numbers as written
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Rescuers said 1,250 civilians were trapped under the rubble.", 1250),
        ("Rescuers said 87 civilians were trapped under the rubble.", 87),
        ("Rescuers said seven civilians were trapped under the rubble.", 7),
        ("Rescuers said two hundred civilians were trapped under the rubble.", 200),
        ("Rescuers said twenty-five civilians were trapped under the rubble.", 25),
        ("Rescuers said 1.5 million civilians were trapped in the province.", 1_500_000),
    ],
)
def test_figures_in_digits_and_words_are_read(sentence: str, value: float) -> None:
    """A reader sees the figure's value whether it is written in digits or in words."""
    candidate = only(sentence)
    assert candidate.value == value
    assert (candidate.measure, candidate.subject, candidate.unit) == (
        "trapped", "civilians", "count",
    )


def test_mixed_fraction_gives_a_pause_length() -> None:
    """"a 2 1/2-day pause" is a pause of 2.5 days."""
    candidate = only("The two sides agreed a 2 1/2-day pause in Velmora, mediators said.")
    assert (candidate.value, candidate.unit) == (2.5, "days")
    assert (candidate.measure, candidate.subject) == ("pause_length", "pause")


@pytest.mark.parametrize(
    ("sentence", "unit", "subject"),
    [
        ("The council offered a 72-hour truce, its chairman said.", "hours", "truce"),
        ("The council offered a three-day ceasefire, its chairman said.", "days", "truce"),
        ("Fighting would stop for six hours a day, the council said.", "hours", "pause"),
    ],
)
def test_lengths_of_pauses_and_truces(sentence: str, unit: str, subject: str) -> None:
    """A pause or truce offered for so many hours or days is a pause length."""
    candidate = only(sentence)
    assert (candidate.unit, candidate.subject, candidate.measure) == (
        unit, subject, "pause_length",
    )


def test_share_of_aid_in_percent() -> None:
    """"Only 3 percent of UN aid" is a share of aid, stressed as small."""
    candidate = only("Only 3 percent of UN aid reached the northern valley, the ministry said.")
    assert (candidate.value, candidate.unit) == (3, "percent")
    assert (candidate.measure, candidate.subject) == ("aid_share", "UN aid")
    assert (candidate.qualifier, candidate.qualifier_text) == ("as_little_as", "Only")


def test_percent_sign() -> None:
    """"40%" is read as a percentage."""
    candidate = only("Some 40% of the residents have fled, the town council said.")
    assert (candidate.value, candidate.unit, candidate.qualifier) == (40, "percent", "about")


def test_range_gives_a_candidate_for_each_bound() -> None:
    """"between 200 and 300 people" is at least 200 and up to 300, both of people who fled."""
    low, high = extract("Between 200 and 300 people fled the camp, the agency said.")
    assert (low.value, low.qualifier, low.figure) == (200, "at_least", "200")
    assert (high.value, high.qualifier, high.figure) == (300, "up_to", "300")
    assert (low.measure, high.measure) == ("left", "left")
    assert low.value_max is None and high.value_max is None


def test_bare_range_is_an_estimate_from_below() -> None:
    """"8,000-9,000 fighters" is an estimated 8,000 and up to 9,000."""
    low, high = extract("Some 8,000-9,000 fighters remain in the town, the army said.")
    assert (low.value, low.qualifier) == (8000, "about")
    assert (high.value, high.qualifier) == (9000, "up_to")


# --------------------------------------------------------------------------------------
# Qualifiers
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "qualifier"),
    [
        ("at least", "at_least"),
        ("more than", "over"),
        ("over", "over"),
        ("some", "about"),
        ("about", "about"),
        ("around", "about"),
        ("nearly", "about"),
        ("almost", "about"),
        ("an estimated", "estimated"),
        ("as little as", "as_little_as"),
        ("only", "as_little_as"),
        ("up to", "up_to"),
        ("as many as", "up_to"),
        ("", "exact"),
    ],
)
def test_qualifier_words_map_to_the_controlled_list(words: str, qualifier: str) -> None:
    """The article's hedge ("at least", "some", "up to") is kept and mapped to the list."""
    figure = f"{words} 50".strip()
    candidate = only(f"Medics said {figure} civilians were wounded in the shelling.")
    assert candidate.value == 50
    assert (candidate.qualifier, candidate.qualifier_text) == (qualifier, words)


def test_qualifier_after_the_figure() -> None:
    """"300 or more" is a lower bound."""
    candidate = only("Medics said 300 or more civilians were wounded.")
    assert (candidate.qualifier, candidate.qualifier_text) == ("at_least", "or more")


# --------------------------------------------------------------------------------------
# Vague amounts
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Tens of thousands of residents have fled the valley, the agency said.",
        "Hundreds of civilians were trapped in the old quarter, the agency said.",
        "Dozens of fighters surrendered on Sunday, the agency said.",
    ],
)
def test_vague_amounts_are_proposed_without_a_value(sentence: str) -> None:
    """A vague amount is proposed as vague, and no value is ever invented for it."""
    candidate = only(sentence)
    assert candidate.vague
    assert candidate.value is None and candidate.value_max is None
    assert candidate.claimant == "agency"


# --------------------------------------------------------------------------------------
# What is counted
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "measure", "subject"),
    [
        ("Officials said 14 children were killed.", "killed", "children"),
        ("Officials said 30 people were wounded.", "injured", "people"),
        ("Officials said 9,000 people live under siege.", "besieged", "people"),
        ("Officials said 2,400 residents still live in the old town.", "remaining", "people"),
        ("Officials said 280 families fled across the river.", "left", "people"),
        ("Officials said 26 hostages were freed.", "freed", ""),
        ("Officials said 58 rebels laid down their arms.", "surrendered", "fighters"),
        ("Officials said 19 insurgents were pardoned.", "pardoned", "fighters"),
        ("Officials said three clinics were bombed overnight.", "attacked", "hospitals"),
        ("Officials said 40 mortars were fired at the base.", "fired", "artillery shells"),
        ("Officials said 12 newborn babies were evacuated.", "left", "newborns"),
        ("The war has cost more than 5,000 lives.", "killed", "people"),
    ],
)
def test_measure_and_subject(sentence: str, measure: str, subject: str) -> None:
    """What is counted and what happened to it map to the schema's measures and subjects."""
    candidate = only(sentence)
    assert (candidate.measure, candidate.subject) == (measure, subject or candidate.subject)


def test_breakdown_shares_the_total_measure() -> None:
    """"45 people, including 12 children, were killed": both figures are deaths."""
    found = by_value("Airstrikes killed 45 people, including 12 children, medics said.")
    assert (found[45].measure, found[45].subject) == ("killed", "people")
    assert (found[12].measure, found[12].subject) == ("killed", "children")


def test_others_share_the_noun_and_bound() -> None:
    """"at least 8 children killed and 20 others hurt": the 20 are children too."""
    found = by_value("At least 8 children were killed and 20 others hurt, medics said.")
    assert (found[20].measure, found[20].subject, found[20].qualifier) == (
        "injured", "children", "at_least",
    )


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("Medics said 14 children were killed this week.", "this week"),
        ("Over the past 48 hours, 60 fighters surrendered, the army said.",
         "Over the past 48 hours"),
        ("Since the offensive began in early May, 230 people have died, medics said.",
         "Since the offensive began in early May"),
    ],
)
def test_period_is_kept_in_the_articles_words(sentence: str, period: str) -> None:
    """The period a figure covers is shown as the article words it."""
    assert only(sentence).period_text == period


# --------------------------------------------------------------------------------------
# Numbers that are not claims
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The talks began on March 14 in the capital.",
        "The report was published on 3 Feb 2015 by the council.",
        "Fighting resumed on Sept. 9, 2014, near the border.",
        "The convoy left at 9:30 a.m. on Friday.",
        "The blast came at 6 a.m. on Sunday.",
        "In 2014 the town was besieged by the army.",
        "A 12-year-old boy was hurt in the blast.",
        "The six-year war has emptied the valley.",
        "After 3 1/2 years of fighting the valley is quiet.",
        "The nine-year-old conflict shows no sign of ending.",
        "Lorries used Highway 9 to reach the besieged town.",
        "She spoke to Channel 4 television about the siege.",
        "Article ID: 5521",
        "12 Comments",
        "Route 7",
        "It is one of the worst sieges of the war.",
        "No one was hurt in the attack.",
        "Rebels hold half of the city.",
        "Two women queue for bread in the old town (Photo: Staff)",
        "Children play in a street in Velmora, Karstia May 14, 2019.",
        "The two sides agreed to meet again.",
        "The town endured three days of shelling.",
    ],
)
def test_non_claims_are_not_proposed(text: str) -> None:
    """Dates, times, ages, war lengths, road and channel numbers, furniture, captions and
    number words that count nothing are never proposed as claims."""
    assert extract(text) == []


def test_period_length_is_not_a_claim() -> None:
    """In "over the past 48 hours, 60 fighters surrendered" only the 60 is a claim."""
    text = "Over the past 48 hours, 60 fighters surrendered, the army said."
    assert [c.value for c in extract(text)] == [60]
    assert [(m.text, reason) for m, reason in non_claims(text)] == [("48", "period length")]


def test_non_claims_give_a_reason() -> None:
    """Each number set aside says why, in the codebook's words where one fits."""
    text = (
        "Oct 2, 2019\nNews ID: 5521\nThe six-year war goes on. Aged 70, she fled.\n"
        "The two sides met for three days. It is one of the worst sieges.\n"
    )
    assert [(m.text, reason) for m, reason in non_claims(text)] == [
        ("2", "date"), ("2019", "date"), ("5521", "identifier"), ("six", "war length"),
        ("70", "age"), ("two", "not a count"), ("three", "duration"), ("one", "not a count"),
    ]


def test_capitalised_word_before_a_counted_figure_is_no_identifier() -> None:
    """"told the Tarn Daily 12 of its fighters" is a figure, not a name like "Channel 4"."""
    text = "The Velmora Front denied it. Its spokesman told the Tarn Daily 12 of its fighters died."
    candidate = only(text)
    assert (candidate.value, candidate.subject, candidate.measure) == (12, "fighters", "killed")


# --------------------------------------------------------------------------------------
# Who claims it
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        ("Fifteen civilians were killed on Monday, according to the Karst Medical Union.",
         "Karst Medical Union"),
        ("According to Tomas Brenner, a doctor in the town, 15 civilians were killed.",
         "Tomas Brenner"),
        ("Health Minister Lena Orlov said 40 patients were evacuated.", "Lena Orlov"),
        ("Lena Orlov told reporters that 40 patients had been evacuated.", "Lena Orlov"),
        ("The Velmora News Agency reported that 12 soldiers were killed.",
         "Velmora News Agency"),
        ("Twelve soldiers were killed, the Velmora News Agency reported on Friday.",
         "Velmora News Agency"),
        ("The Karst Medical Union's toll put the dead at 85.", "Karst Medical Union"),
        ("Regional state television said nine children were wounded.",
         "Regional state television"),
        ("A senior official told reporters that 300 fighters had surrendered.",
         "senior official"),
    ],
)
def test_claimant_from_attribution_in_the_sentence(sentence: str, claimant: str) -> None:
    """The claimant is whoever the sentence attributes the figure to, titles left off."""
    assert only(sentence).claimant == claimant


@pytest.mark.parametrize(
    "text",
    [
        "“We counted 42 bodies in the square,” Tomas Brenner said.",
        "“We counted 42 bodies in the square,” said Tomas Brenner, a local doctor.",
        "Tomas Brenner told reporters: “We counted 42 bodies in the square.”",
        "“We have freed 42 hostages,” the Tarn Daily quoted Tomas Brenner as saying.",
        "“We counted 42 bodies. Many were children,” Karst Medical Union director Tomas "
        "Brenner said on Monday.",
    ],
)
def test_claimant_of_a_quotation_is_its_speaker(text: str) -> None:
    """A figure inside a quotation belongs to the speaker named before or after it."""
    assert only(text).claimant == "Tomas Brenner"


def test_description_opening_with_a_capital_is_kept_whole() -> None:
    """"Government forces said" names government forces, not "Government"."""
    text = "Government forces said as many as 800 rebels had surrendered."
    assert only(text).claimant == "Government forces"


def test_relaying_outlet_is_not_the_claimant() -> None:
    """"X said ..., the agency reported": the agency relays, X claims."""
    text = "Lena Orlov said 40 patients were evacuated, the Tarn News Agency reported."
    assert only(text).claimant == "Lena Orlov"


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "Tomas Brenner, a doctor in the town, said the clinic was full. "
            "“We treated 35 wounded civilians overnight,” he said.",
            "Tomas Brenner",
        ),
        (
            "The Northern Relief Alliance said on Tuesday its teams had reached the valley. "
            "The group said 120 children were trapped there.",
            "Northern Relief Alliance",
        ),
        (
            "The Velmora Housing Office said on Monday that the old town was calm.\n"
            "“Over the past week, 64 families returned to the old town,” the statement said.",
            "Velmora Housing Office",
        ),
        (
            "The Karst Medical Union said 15 people had died. The union also said 40 people "
            "were wounded.",
            "Karst Medical Union",
        ),
        (
            "Health Minister Lena Orlov visited the camp on Sunday. The minister said 500 "
            "people had fled.",
            "Lena Orlov",
        ),
        (
            "Lena Orlov spoke to reporters on Sunday. But she ruled out a five-day truce, "
            "saying the rebels would regroup.",
            "Lena Orlov",
        ),
        (
            "Tomas Brenner told reporters: “The shelling did not stop.\n"
            "“We moved 75 patients to the coast.”",
            "Tomas Brenner",
        ),
        (
            "Officials from the Karst Medical Union met on Monday. The Union said 28 "
            "civilians were killed.",
            "Karst Medical Union",
        ),
        (
            '"We have no blood left," said Dr. Anna Petrov, the chief surgeon. '
            '"Nearly 60 patients are waiting for surgery."',
            "Anna Petrov",
        ),
        (
            "The Velmora Front denied the claims. Its spokesman said 12 fighters had died.",
            "Velmora Front",
        ),
    ],
)
def test_speaker_is_carried_across_sentences(text: str, claimant: str) -> None:
    """"he said", "the group said", "the statement said" name the speaker met before."""
    assert extract(text)[-1].claimant == claimant


def test_surname_takes_the_full_name_given_earlier() -> None:
    """A speaker named by surname only is shown with the full name the article gave."""
    text = (
        "Health Minister Lena Orlov visited the camp. "
        "“We moved 75 patients to the coast,” Orlov said."
    )
    assert only(text).claimant == "Lena Orlov"


def test_figure_with_no_attribution_is_the_articles_own_voice() -> None:
    """A figure the article states without attributing it has no claimant."""
    assert only("Some 4,000 people live in the valley.").claimant == ""


def test_where_clause_is_the_writers_background() -> None:
    """"X said ... Velmora, where 9,000 people are trapped": the aside is the article's."""
    text = "The minister said aid would reach Velmora, where 9,000 people are trapped."
    assert only(text).claimant == ""


# --------------------------------------------------------------------------------------
# The record and the table
# --------------------------------------------------------------------------------------


def test_quote_is_the_sentence_verbatim_with_its_offsets() -> None:
    """Each candidate's quote is its sentence exactly, odd spaces and all."""
    text = "Calm returned.\nAt least 12\u00a0civilians were killed, medics said. Then rain."
    candidate = only(text)
    assert candidate.quote == "At least 12\u00a0civilians were killed, medics said."
    assert text[candidate.start : candidate.end] == candidate.quote
    assert text[candidate.figure_start : candidate.figure_end] == "12"


def test_abbreviations_do_not_end_a_sentence() -> None:
    """"U.S. officials" and "Gen. Roe" stay inside one sentence."""
    text = "Officials said the U.S. Navy counted 14 dead after Gen. Roe spoke."
    assert only(text).quote == text


def test_candidates_frame_columns() -> None:
    """The table shows value, qualifier, measure, subject, claimant, period, quote first."""
    frame = candidates_frame("Medics said at least 12 civilians were killed this week.")
    assert list(frame.columns[:9]) == [
        "value", "qualifier", "measure", "subject", "claimant", "period_text", "quote",
        "start", "end",
    ]
    assert frame.loc[0, "value"] == 12
    assert frame.loc[0, "claimant"] == "Medics"


def test_candidates_frame_of_text_without_claims_is_empty() -> None:
    """An article with no figures gives an empty table with the same columns."""
    frame = candidates_frame("Talks are expected next week.")
    assert frame.empty
    assert list(frame.columns[:3]) == ["value", "qualifier", "measure"]


def test_empty_text() -> None:
    """An empty article has no candidates."""
    assert extract("") == []


def test_extract_command_prints_candidates(tmp_path, capsys) -> None:
    """`python -m figures extract FILE` prints each candidate with its quote and offsets."""
    import csv
    import io
    import json

    from figures.__main__ import main

    article = tmp_path / "new.txt"
    text = ("At least 15 civilians were killed on Sunday, the Civil Defence said. "
            "Some 2,000 families fled, according to the Refugee Council.\n")
    article.write_text(text, encoding="utf-8")
    assert main(["extract", str(article)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert list(rows[0])[:9] == ["value", "qualifier", "measure", "subject", "claimant",
                                 "period_text", "quote", "start", "end"]
    assert [(row["value"], row["qualifier"], row["claimant"]) for row in rows] == [
        ("15", "at_least", "Civil Defence"), ("2000", "about", "Refugee Council")]
    for row in rows:
        assert text[int(row["start"]):int(row["end"])] == row["quote"]
    assert main(["extract", str(article), "--format", "json"]) == 0
    assert [item["value"] for item in json.loads(capsys.readouterr().out)] == [15, 2000]


def test_extract_command_refuses_unreadable_file(tmp_path, capsys) -> None:
    """A file that is not UTF-8 text gets a message and exit status 1."""
    from figures.__main__ import main

    article = tmp_path / "latin.txt"
    article.write_bytes("Caf\u00e9".encode("latin-1"))
    assert main(["extract", str(article)]) == 1
    assert f"{article}: is not UTF-8: byte 3" in capsys.readouterr().err


def test_according_to_a_thing_names_no_claimant() -> None:
    """'likely to rise according to the serious injuries' names no speaker."""
    from figures.extract import extract

    text = ("The toll rose to 13 civilians, the number likely to rise according to the "
            "serious injuries. Nine fighters were killed, according to local officials.")
    found = {candidate.value: candidate.claimant for candidate in extract(text)}
    assert found[13.0] == ""
    assert found[9.0] == "local officials"
