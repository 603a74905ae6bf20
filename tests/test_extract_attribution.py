"""Stage 4 of extraction: who claims a figure (attribution) and what a name refers to
(speakers). Every sentence is invented: the names, places and figures are made up."""

from __future__ import annotations

import pytest

from figures.extract import extract
from figures.extract.speakers import Memory, resolve_speaker


def claimants(text: str, outlet: str = "") -> dict[float | None, str]:
    """Each candidate's value with its claimant."""
    return {candidate.value: candidate.claimant for candidate in extract(text, outlet)}


@pytest.mark.parametrize(
    "text",
    [
        "Close to 900 civilians are reported to have fled the valley.",
        "At least 40 people are said to have been killed in Velmora.",
        "Some 12,000 people are estimated to live in the old town.",
    ],
)
def test_passive_reporting_names_no_speaker(text: str) -> None:
    """'are reported', 'are said', 'are estimated' report a figure without a speaker."""
    assert list(claimants(text, "Tarn Daily").values()) == ["Tarn Daily"]


def test_passive_with_an_agent_names_the_agent() -> None:
    """'were reported by the Karst Medical Union' names the union."""
    text = "Some 30 deaths were reported by the Karst Medical Union on Monday."
    assert claimants(text) == {30: "Karst Medical Union"}


def test_speaker_after_a_clause_with_a_figure() -> None:
    """'Another 2,500 fled, reported the monitoring group' names the group (met before)."""
    text = ("The Velmora Relief Network said 2,000 people fled on Monday. Another 2,500 "
            "civilians, reported the monitoring group, had reached the coast.")
    assert claimants(text)[2500] == "Velmora Relief Network"


def test_summary_line_ending_with_says_official() -> None:
    """'... wound 250 in 200 airstrikes, says civil defence official' names the official."""
    text = ("Tarn Valley strikes kill 30\nWarplanes also wound 250 in more than 200 "
            "airstrikes on the valley today, says civil defence official\n")
    found = claimants(text, "Tarn Daily")
    assert found[250] == found[200] == "civil defence official"


def test_headline_speaks_in_the_outlets_voice() -> None:
    """A headline saying 'Officials say 50 dead' is the outlet's line, not the officials'."""
    text = "Army rescues four hostages, officials say 50 dead\nBody text follows here.\n"
    assert set(claimants(text, "Tarn Daily").values()) == {"Tarn Daily"}


def test_subject_starts_after_while() -> None:
    """'The army said ... while Velmora officials said 50 died' gives 50 to the officials."""
    text = ("The army said it rescued four hostages in a raid while Velmora officials said "
            "the raid killed more than 50 people.")
    assert claimants(text)[50] == "Velmora officials"


def test_parenthesised_abbreviation_and_its_later_use() -> None:
    """'the Karst Monitor for Human Rights (KMHR) reported' and later 'KMHR said' agree."""
    text = ("Initially the Karst Monitor for Human Rights (KMHR) reported that 2,000 "
            "civilians fled. By Sunday night KMHR updated its report, stating that the "
            "number of civilians who had fled had risen to 10,000.")
    found = claimants(text)
    assert found[2000] == "Karst Monitor for Human Rights"
    assert found[10000] == "Karst Monitor for Human Rights"


def test_speech_words_used_as_nouns_are_not_verbs() -> None:
    """'claims from Velmora' names Velmora; 'made unverifiable claims,' names no one."""
    text = ("The figure contrasts with claims from Velmora that it lost just over 6,000 "
            "troops.")
    assert claimants(text) == {6000: "Velmora"}
    text = "Roe has made unverifiable claims, and 30 bodies were shown in a video."
    assert claimants(text, "Tarn Daily") == {30: "Tarn Daily"}


def test_account_goes_on_into_the_next_sentence_of_its_paragraph() -> None:
    """An unattributed figure right after an attributed one continues its account."""
    text = ("At least 310 people have been killed since Sunday, the Karst Monitor said. "
            "At least 38 people died on Wednesday.\nThe valley has 90,000 residents.")
    found = claimants(text, "Tarn Daily")
    assert found[38] == "Karst Monitor"
    assert found[90000] == "Tarn Daily"


def test_account_goes_on_into_a_paragraph_that_points_back() -> None:
    """'Of the verified cases, ...' continues the source of the paragraph before."""
    text = ("The toll was at least 2,189, according to data collected by the Velmora "
            "Protection Group.\nOf the verified cases, 1,486 are believed to be civilians.")
    assert claimants(text, "Tarn Daily")[1486] == "Velmora Protection Group"


def test_a_sentence_without_figures_ends_an_account() -> None:
    """Background between an attributed sentence and a figure breaks the account."""
    text = ("“We need 48 hours,” said Roe. The town, which was the largest in the valley, "
            "is split. The east, where about 250,000 people live, is besieged.")
    assert claimants(text, "Tarn Daily")[250000] == "Tarn Daily"


def test_figure_in_the_speakers_own_description() -> None:
    """'Dr. Roe, one of the 3 remaining doctors, said:' describes Roe; 3 is the writer's."""
    text = "Dr. Tarn Roe, one of the 3 remaining doctors, said the ward was full."
    assert claimants(text, "Tarn Daily") == {3: "Tarn Daily"}


def test_speaker_after_the_figure_wins_across_and() -> None:
    """'..., according to A, and ... 36,801, according to B' gives 36,801 to B."""
    text = ("The raid killed some 1,200 people, according to Velmora officials, and the "
            "bombing has killed at least 36,801, according to the Karst Health Ministry.")
    found = claimants(text)
    assert found[1200] == "Velmora officials"
    assert found[36801] == "Karst Health Ministry"


def test_second_verb_shares_the_subject() -> None:
    """'The Velmora Council predicted ... and predicted at least 400,000 to flee'."""
    text = ("The Velmora Council predicted that 1.5 million people could be displaced, and "
            "predicted at least 400,000 to flee.")
    assert set(claimants(text).values()) == {"Velmora Council"}


def test_he_means_the_last_person_who_spoke() -> None:
    """A list of street names between a speaker and 'he said' does not take the 'he'."""
    text = ("Tomas Brenner, a rescuer, said the strikes hit Tariq Nour and Bab Salem. "
            "“There were more than 200 airstrikes since the morning,” he said.")
    assert claimants(text)[200] == "Tomas Brenner"


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("bomb attacks", None),
        ("12 people", None),
        ("Eastern Velmora", None),
        ("local officials", "local officials"),
        ("Main Op HQ Tarn Roe", "Tarn Roe"),
        ("state television", "state television"),
    ],
)
def test_only_words_that_can_speak_name_a_claimant(phrase: str, expected: str | None) -> None:
    """A thing, a figure or a place is no claimant; a title run into a name is split off."""
    found = resolve_speaker(phrase, Memory([], []), 0)
    assert (found.name if found else None) == expected


def test_a_person_of_a_body_named_with_a_possessive() -> None:
    """'the Agency's Tarn Roe told reporters' names Tarn Roe, not the agency."""
    text = "“There are 50 trucks waiting,” the Velmora Agency’s Tarn Roe told reporters."
    assert claimants(text) == {50: "Tarn Roe"}


def test_a_line_broken_mid_sentence_goes_on() -> None:
    """A quotation broken across two lines keeps its figures with the speaker after it."""
    text = ("“The rest are fighters, numbering\nbetween 1,500 and 5,000, and their "
            "families,” the envoy Tarn Roe told reporters.")
    found = [(c.value, c.subject, c.claimant) for c in extract(text)]
    assert found == [(1500, "fighters", "Tarn Roe"), (5000, "fighters", "Tarn Roe")]


def test_participle_goes_on_with_the_speaker_of_its_sentence() -> None:
    """'GENEVA - ..., the agency said, warning that the number could rise to 60,000'."""
    text = ("GENEVA (Tarn Wire) - At least 40,000 people have fled, the Velmora Refugee "
            "Agency said on Tuesday, warning that the number could rise to 60,000.")
    assert set(claimants(text, "Tarn Wire").values()) == {"Velmora Refugee Agency"}


def test_the_ministry_means_the_ministry_that_spoke() -> None:
    """'the Velmora health ministry' spoke; 'the ministry added' is the same body."""
    text = ("According to the Velmora health ministry, 27 people have died of cholera. "
            "Later the ministry added that 9 of the dead were children.")
    assert set(claimants(text).values()) == {"Velmora health ministry"}


def test_a_description_keeps_its_noun() -> None:
    """'A senior military source told ...' names the 'senior military source'."""
    text = "A senior military source told reporters that 6 vehicles were destroyed."
    assert claimants(text) == {6: "senior military source"}


def test_telling_names_the_person_of_its_clause() -> None:
    """'Rebel commander Abu Karim disputed the toll, telling reporters that only 9 ...'."""
    text = ("Rebel commander Tarn Roe disputed the toll, telling reporters that only 9 "
            "fighters had been killed.")
    assert claimants(text) == {9: "Tarn Roe"}


def test_speaker_before_a_relative_clause() -> None:
    """'A spokesman for the governor, who asked not to be named, told ...' names him."""
    text = ("A spokesman for the governor, who asked not to be named, told reporters that "
            "17 people had died in the blast.")
    assert claimants(text) == {17: "spokesman for the governor"}


def test_quoted_by_media_names_the_one_quoted() -> None:
    """'Tarn Roe was quoted by state media as saying ...': Roe speaks, the media relay."""
    text = ("The directorate's spokesman, Tarn Roe, was quoted by state media as saying "
            "that 112 bodies had been recovered.")
    assert claimants(text) == {112: "Tarn Roe"}
