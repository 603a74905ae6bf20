"""Stage 4 of extraction: who claims a figure (attribution) and what a name refers to
(speakers). Every sentence is invented: the names, places and figures are made up."""

from __future__ import annotations

import pytest

from figures.extract import extract
from figures.extract.speakers import Memory, article_names, names_in, resolve_speaker


def claimants(text: str, outlet: str = "") -> dict[float | None, str]:
    """Each candidate's value with its claimant."""
    return {candidate.value: candidate.claimant for candidate in extract(text, outlet)}


@pytest.mark.parametrize(
    "text",
    [
        "Close to 730 residents are reported to have crossed the river.",
        "At least 47 people are said to have died in Velmora.",
        "Some 13,000 residents are estimated to remain in the hills.",
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
    """'Another 1,700 crossed, reported the monitoring group' names the group (met before)."""
    text = ("The Velmora Relief Network said 2,300 people left on Friday. Another 1,700 "
            "civilians, reported the monitoring group, had fled to the hills.")
    assert claimants(text)[1700] == "Velmora Relief Network"


def test_summary_line_ending_with_says_official() -> None:
    """'... wound 64 in 120 airstrikes, says civil defence official' names the official."""
    text = ("Tarn Valley strikes kill 30\nJets wound 64 more across the valley in over 120 "
            "airstrikes on Friday, says civil defence official\n")
    found = claimants(text, "Tarn Daily")
    assert found[64] == found[120] == "civil defence official"


def test_headline_speaks_in_the_outlets_voice() -> None:
    """A headline saying 'Officials say 50 dead' is the outlet's line, not the officials'."""
    text = "Army frees six captives, officials say 70 dead\nBody text follows here.\n"
    assert set(claimants(text, "Tarn Daily").values()) == {"Tarn Daily"}


def test_subject_starts_after_while() -> None:
    """'The army said ... while Velmora officials said 70 died' gives 70 to the officials."""
    text = ("The army said it freed six captives in an assault while Velmora officials "
            "said the assault left more than 70 people dead.")
    assert claimants(text)[70] == "Velmora officials"


def test_parenthesised_abbreviation_and_its_later_use() -> None:
    """'the Karst Monitor for Human Rights (KMHR) reported' and later 'KMHR said' agree."""
    text = ("At first the Karst Monitor for Human Rights (KMHR) reported that 1,400 "
            "residents left. On Friday KMHR revised its count, stating that the "
            "number who had left had grown to 8,600.")
    found = claimants(text)
    assert found[1400] == "Karst Monitor for Human Rights"
    assert found[8600] == "Karst Monitor for Human Rights"


def test_speech_words_used_as_nouns_are_not_verbs() -> None:
    """'claims from Velmora' names Velmora; 'made unverifiable claims,' names no one."""
    text = ("The tally differs from claims from Velmora that it lost barely 4,300 "
            "soldiers.")
    assert claimants(text) == {4300: "Velmora"}
    text = "Roe has made wild claims, and 30 bodies were seen in a photo."
    assert claimants(text, "Tarn Daily") == {30: "Tarn Daily"}


def test_account_goes_on_into_the_next_sentence_of_its_paragraph() -> None:
    """An unattributed figure right after an attributed one continues its account."""
    text = ("Some 275 people have been killed since Friday, the Karst Monitor said. "
            "At least 43 people died on Tuesday.\nThe valley has 86,000 residents.")
    found = claimants(text, "Tarn Daily")
    assert found[43] == "Karst Monitor"
    assert found[86000] == "Tarn Daily"


def test_account_goes_on_into_a_paragraph_that_points_back() -> None:
    """'Of the verified cases, ...' continues the source of the paragraph before."""
    text = ("The count stood at 3,140, according to figures gathered by the Velmora "
            "Protection Group.\nOf the verified cases, 2,075 were farm workers.")
    assert claimants(text, "Tarn Daily")[2075] == "Velmora Protection Group"


def test_a_sentence_without_figures_ends_an_account() -> None:
    """Background between an attributed sentence and a figure breaks the account."""
    text = ("“We need 36 hours,” said Roe. The town, once the busiest in the valley, "
            "is divided. The north, where about 180,000 people live, is cut off.")
    assert claimants(text, "Tarn Daily")[180000] == "Tarn Daily"


def test_figure_in_the_speakers_own_description() -> None:
    """'Dr. Roe, one of the 4 surgeons left, said:' describes Roe; 4 is the writer's."""
    text = "Dr. Tarn Roe, one of the 4 surgeons left in town, said the ward was full."
    assert claimants(text, "Tarn Daily") == {4: "Tarn Daily"}


def test_speaker_after_the_figure_wins_across_and() -> None:
    """'..., according to A, and ... 28,460, according to B' gives 28,460 to B."""
    text = ("The flood drowned some 1,150 people, according to Velmora officials, and the "
            "shelling has killed at least 28,460, according to the Karst Health Ministry.")
    found = claimants(text)
    assert found[1150] == "Velmora officials"
    assert found[28460] == "Karst Health Ministry"


def test_second_verb_shares_the_subject() -> None:
    """'The Velmora Council predicted ... and predicted at least 350,000 to leave'."""
    text = ("The Velmora Council predicted that 1.2 million people could lose their homes, "
            "and predicted at least 350,000 to leave.")
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
        ("in Eastern Velmora", None),
        ("local officials", "local officials"),
        ("Gen. Tarn Roe", "Tarn Roe"),
        ("state television", "state television"),
    ],
)
def test_only_words_that_can_speak_name_a_claimant(phrase: str, expected: str | None) -> None:
    """A thing, a figure or a place is no claimant; a title before a name is split off."""
    found = resolve_speaker(phrase, Memory([], []), 0)
    assert (found.name if found else None) == expected


def test_a_person_of_a_body_named_with_a_possessive() -> None:
    """'the Agency's Tarn Roe told reporters' names Tarn Roe, not the agency."""
    text = "“There are 50 trucks waiting,” the Velmora Agency’s Tarn Roe told reporters."
    assert claimants(text) == {50: "Tarn Roe"}


def test_a_line_broken_mid_sentence_goes_on() -> None:
    """A quotation broken across two lines keeps its figures with the speaker after it."""
    text = ("“The others are fighters, numbering\nbetween 1,200 and 4,400, with their "
            "relatives,” the envoy Tarn Roe told reporters.")
    found = [(c.value, c.subject, c.claimant) for c in extract(text)]
    assert found == [(1200, "fighters", "Tarn Roe"), (4400, "fighters", "Tarn Roe")]


def test_participle_goes_on_with_the_speaker_of_its_sentence() -> None:
    """'VELMORA - ..., the agency said, warning that the number could rise to 60,000'."""
    text = ("VELMORA (Tarn Wire) - At least 35,000 people have fled, the Velmora Refugee "
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


def test_findings_name_who_found_them() -> None:
    """'The study, published by the Velmora Health Network, found 40 percent ...'."""
    text = ("The study, published by the Velmora Health Network, found 40 percent of "
            "children were underweight.")
    assert claimants(text, "Tarn Daily") == {40: "Velmora Health Network"}


def test_the_title_means_the_last_speaker() -> None:
    """'Roe said ... \"Another 30 are missing,\" the mayor added': the mayor is Roe."""
    text = 'Roe said 50 people died. "Another 30 are missing," the mayor added.'
    assert claimants(text) == {50: "Roe", 30: "Roe"}


def test_the_source_added_is_the_source_before() -> None:
    """'A source at Velmora Governorate said ... The source added ...' is one source."""
    text = ("A source at Velmora Governorate told us that 7 persons were hurt. The source "
            "added that 3 shops burned.")
    assert set(claimants(text, "Tarn Daily").values()) == {"Velmora Governorate"}


def test_a_name_never_runs_across_a_full_stop() -> None:
    """'... reached the relief HQ. Tarn Roe also said 40 ...' names Tarn Roe alone."""
    text = ("The convoy reached the Velmora relief HQ. Tarn Roe also said that 40 trucks "
            "had been turned back.")
    assert claimants(text) == {40: "Tarn Roe"}
    assert [n.name for n in article_names(text) if n.kind == "person"] == ["Tarn Roe"]


def test_an_abbreviated_title_before_a_name_and_a_description() -> None:
    """'Gen. Tarn Roe, head of the KJF Velmora command, said 200 ...' names Tarn Roe."""
    text = "Gen. Tarn Roe, head of the KJF Velmora command, said 200 troops had arrived."
    assert claimants(text) == {200: "Tarn Roe"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("North Korea said it fired 3 missiles.", {3: "North Korea"}),
        ("South Sudan said 40 soldiers were killed.", {40: "South Sudan"}),
    ],
)
def test_a_name_opened_by_a_compass_word_can_speak(text: str, expected: dict) -> None:
    """'North Korea said ...' names North Korea: a compass word alone makes no place."""
    assert claimants(text) == expected


def test_a_compass_word_after_a_place_preposition_opens_a_place() -> None:
    """'fled from Eastern Velmora' names a place, which claims nothing."""
    text = "Some 30 people fled from Eastern Velmora on Friday."
    assert names_in(text) == []
    assert claimants(text, "Tarn Daily") == {30: "Tarn Daily"}


def test_a_speaker_with_an_age_after_the_name() -> None:
    """'Jane Roe, 25, said she saw 40 bodies' gives the 40 to Jane Roe."""
    assert claimants("Jane Roe, 25, said she saw 40 bodies.") == {40: "Jane Roe"}


def test_a_body_that_said_it_recorded_a_figure() -> None:
    """'The ministry said it had recorded 120 deaths' names the ministry alone."""
    assert claimants("The ministry said it had recorded 120 deaths.") == {120: "ministry"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Velmora Co. spokesman said 30 workers were hurt.", {30: "Velmora Co"}),
        ("Fighting went on. The agency said 30 people died.", {30: "agency"}),
    ],
)
def test_an_abbreviation_does_not_end_the_speakers_words(text: str, expected: dict) -> None:
    """'The Velmora Co. spokesman said' reads past 'Co.'; a real full stop ends a sentence."""
    assert claimants(text) == expected


@pytest.mark.parametrize("nationality", ["Kenyan", "Pakistani", "Moroccan", "Peruvian",
                                         "Sudanese", "Yemeni", "Libyan", "Turkish"])
def test_a_nationality_alone_names_no_one(nationality: str) -> None:
    """'A Kenyan official met Jane Roe' names Jane Roe; the nationality only qualifies."""
    text = f"A {nationality} official met Jane Roe."
    assert [name.name for name in names_in(text)] == ["Jane Roe"]
