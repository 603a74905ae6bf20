"""Stage 3 of extraction: reading a figure's qualifier, unit, subject, measure and period."""

from __future__ import annotations

import pytest

from figures.extract import extract, subject_of, unit_of
from figures.extract.reading import Reading, complement_words, range_qualifiers
from figures.numbers import find_numbers


def only(text: str):
    """The single candidate of `text`."""
    candidates = extract(text)
    assert len(candidates) == 1, candidates
    return candidates[0]


@pytest.mark.parametrize(
    ("words", "subject"),
    [
        ("pickup trucks carrying heavy machine guns", "vehicles"),
        ("main surgical facilities", "facilities"),
        ("missiles fired from the sea", "munitions"),
        ("airstrikes on the old city", "airstrikes"),
        ("neighbourhoods of the eastern half", "neighbourhoods"),
        ("consultations a month", "medical treatments"),
        ("mobile teams", "teams"),
        ("hostages held since the raid", "hostages"),
        ("convicts recruited from prisons", "prisoners"),
        ("aid trucks", "vehicles"),
        ("members of armed groups", "people"),
    ],
)
def test_counts_of_things_other_than_people(words: str, subject: str) -> None:
    """Vehicles, facilities, strikes, places, treatments and teams are counted as such."""
    assert subject_of(words.split()) == subject


@pytest.mark.parametrize(
    ("text", "unit", "measure", "subject"),
    [
        ("The besieged pocket covers 4.5 square kilometres, the army said.", "square km",
         "area", "territory"),
        ("Fires destroyed 300 hectares of farmland, officials said.", "hectares", "area",
         "territory"),
        ("The front line is now 12 km from the port, the army said.", "km", "distance",
         "territory"),
        ("About half of them were later pardoned, a general said.", "share", "pardoned",
         "fighters"),
    ],
)
def test_areas_distances_and_shares(text: str, unit: str, measure: str, subject: str) -> None:
    """An area, a distance or a share is proposed in its own unit."""
    candidate = only(text)
    assert (candidate.unit, candidate.measure, candidate.subject) == (unit, measure, subject)


def test_places_taken_are_captured() -> None:
    """'liberated 38 neighbourhoods' takes places, it frees no people."""
    candidate = only("The army said it had liberated 38 neighbourhoods of the town.")
    assert (candidate.measure, candidate.subject) == ("captured", "neighbourhoods")


def test_treatments_are_treated() -> None:
    """'about 3,600 consultations a week' are treatments given."""
    candidate = only("The clinic was handling about 3,600 consultations a week.")
    assert (candidate.value, candidate.qualifier, candidate.measure) == (3600, "about",
                                                                          "treated")


def test_wound_is_injured() -> None:
    """'snipers wound 75' reports 75 people injured."""
    candidate = only("Snipers wound 75 in the market square, a rescuer said.")
    assert (candidate.measure, candidate.subject) == ("injured", "people")


def test_a_time_window_is_not_a_pause() -> None:
    """'two attacks in 48 hours' forced a stop, but 48 hours is no pause; '48-hour pause' is."""
    texts = ["After two attacks in 48 hours the school had to close its doors.",
             "The mediator called for a 48-hour pause in the shelling."]
    assert [[(c.value, c.measure) for c in extract(t)] for t in texts] == [
        [(2, "attacked")], [(48, "pause_length")]]


def test_a_bare_figure_reads_the_noun_after_its_verb() -> None:
    """'2,075 are believed to be farmers' counts farmers."""
    text = " are believed to be farmers, the council said."
    assert complement_words(text, 0, 8) == ["farmers"]
    assert only("Of those counted, 2,075 are believed to be civilians.").subject == "civilians"


def test_units_follow_the_figure() -> None:
    """The unit is read from the words right after the figure."""
    [mention] = find_numbers("12")
    assert unit_of(mention, ["square", "miles"]) == "square miles"
    assert unit_of(mention, ["sq", "km"]) == "square km"
    assert unit_of(mention, ["hours"]) == "hours"
    assert unit_of(mention, ["people"]) == "count"


@pytest.mark.parametrize(
    ("before", "qualifier", "expected"),
    [
        ("between ", ("exact", ""), (("at_least", "between"), ("up_to", ""))),
        ("", ("exact", ""), (("estimated", ""), ("up_to", ""))),
        ("an estimated ", ("estimated", "an estimated"),
         (("estimated", "an estimated"), ("up_to", ""))),
    ],
)
def test_range_bounds_keep_their_hedges(before: str, qualifier: tuple[str, str],
                                        expected: tuple) -> None:
    """A range's lower bound keeps the words before it; its upper bound is 'up to'."""
    reading = Reading(qualifier[0], qualifier[1], "count", "people", "left")
    text = before + "200 to 300"
    assert range_qualifiers(text, len(before), 0, reading) == expected


def test_the_verb_just_before_a_figure_says_what_happened() -> None:
    """'killing 6 shoppers, injuring 11 others': 6 killed, 11 injured."""
    text = "Shells hit the bazaar, killing 6 shoppers, injuring 11 others, police said."
    assert [(c.value, c.measure) for c in extract(text)] == [(6, "killed"), (11, "injured")]


def test_the_noun_may_come_before_the_figure() -> None:
    """'put the number of destroyed homes at 3,200' counts buildings."""
    candidate = only("Local officials put the number of destroyed homes at 3,200.")
    assert (candidate.subject, candidate.claimant) == ("buildings", "Local officials")


def test_list_items_are_figures() -> None:
    """A short bulleted line ('- 4 ambulances destroyed') is a figure, not furniture."""
    text = "Our teams report:\n- 4 ambulances destroyed\n- 1 pharmacy looted\n"
    assert [(c.value, c.subject, c.measure) for c in extract(text)] == [
        (4, "vehicles", "attacked"), (1, "facilities", "attacked")]


def test_a_population_counts_people() -> None:
    """'a pre-war population of 320,000' counts people."""
    assert only("The city had a pre-war population of 320,000.").subject == "people"


def test_a_count_that_reaches_a_figure_counts_its_noun() -> None:
    """'refugees from the north above 120,000' and 'the total of refugees reached 230,000'."""
    texts = ["UPDATE: refugees from the northern province above 120.000: minister",
             "The total of refugees from the floods reached 230,000, it said."]
    assert [[(c.value, c.subject) for c in extract(t)] for t in texts] == [
        [(120000, "people")], [(230000, "people")]]


def test_the_figure_a_count_changed_to_shares_its_noun() -> None:
    """'The death toll rose from 200 to 340' gives both as people killed."""
    found = [(c.value, c.measure, c.subject) for c in
             extract("The death toll rose from 200 to 340, the ministry said.")]
    assert found == [(200, "killed", "people"), (340, "killed", "people")]


def test_missing_people_and_bare_complements() -> None:
    """'Another 30 are missing' counts missing people; '20 were children' counts children."""
    found = [(c.value, c.measure, c.subject) for c in
             extract("Some 50 people died, 20 were children and another 30 are missing.")]
    assert found == [(50, "killed", "people"), (20, "killed", "children"),
                     (30, "missing", "people")]
