"""Stage 2 of extraction: which numbers are figures, ranges, and breakdowns of a total."""

from __future__ import annotations

import pytest

from figures.extract import extract, non_claims
from figures.extract.figures import sentence_figures
from figures.numbers import find_numbers


def reasons(text: str) -> dict[str, str]:
    """Each number set aside in `text`, as written, with its reason."""
    return {mention.text: reason for mention, reason in non_claims(text)}


def values(text: str) -> list[float | None]:
    """The values of the candidates proposed for `text`, in order."""
    return [candidate.value for candidate in extract(text)]


@pytest.mark.parametrize(
    ("text", "number", "reason"),
    [
        ("By the 6th week of the blockade 40 civilians had died.", "6", "ordinal"),
        ("Divers pulled a 7-month-old boy and 12 other people from the river.", "7", "age"),
        ("Some 200 fighters gathered in quarter 311 on Friday.", "311", "identifier"),
        ("The convoy waited at gate 4 while 30 trucks crossed.", "4", "identifier"),
        ("date 2019-03-07 Some 40 civilians fled the town.", "03", "date"),
        ("The rescued were named as Tarn Roe, 25, and 3 others.", "25", "age"),
        ("Among the dead was Roe, 25.", "25", "age"),
        ("Almost 60 per cent of the patients were below the age of 14.", "14", "age"),
        ("Within a day or two the wounded return, 30 at a time.", "two", "duration"),
        ("The nine-month fight cost 20,000 soldiers their lives.", "nine", "duration"),
        ("She has stage four cancer, one of 12 patients said.", "four", "identifier"),
    ],
)
def test_numbers_that_name_or_rank_are_not_figures(text: str, number: str, reason: str) -> None:
    """Ordinals, ages in months and numbers that name a place are set aside with a reason."""
    assert reasons(text)[number] == reason


def test_a_title_case_headline_keeps_its_figure() -> None:
    """'Army Retakes 64 Villages' counts villages: a capitalised word before is no name."""
    assert values("Army Retakes 64 Villages From Rebels") == [64]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Five or six families share each flat, a tenant said.", [5, 6]),
        ("We see 10 or 20 airstrikes a day, a doctor said.", [10, 20]),
        ("The ministry put the number at 4,000-4,500 fighters.", [4000, 4500]),
        ("Between 1,200 and 3,800 fighters remain, the envoy said.", [1200, 3800]),
    ],
)
def test_both_bounds_of_a_range_are_figures(text: str, expected: list[float]) -> None:
    """'five or six', '4,000-4,500' and 'between 1,200 and 3,800' give both bounds."""
    assert values(text) == expected


def test_three_or_more_is_one_figure() -> None:
    """'three or more' is a lower bound, not a range to 'more'."""
    text = "Some 40 households had three or more children hurt, the agency said."
    [candidate] = extract(text)[1:]
    assert (candidate.value, candidate.qualifier) == (3, "at_least")


def test_list_members_after_including_break_down_the_total() -> None:
    """'88 killed including 41 soldiers, 19 guards, 28 militiamen' ties all three to 88."""
    text = "In all 88 fighters were killed, including 41 soldiers, 19 guards, 28 militiamen."
    figures = sentence_figures(text, find_numbers(text))
    assert [f.parent for f in figures] == [None, 0, 0, 0]
    assert [c.measure for c in extract(text)] == ["killed"] * 4


@pytest.mark.parametrize(
    ("text", "parents"),
    [
        ("At least 50 people died in the floods that swept the valley towns overnight, "
         "including 8 children.", [None, 0]),
        ("In all 60 fighters were killed by shelling, sniper fire, and air strikes, "
         "including 25 soldiers.", [None, 0]),
        ("At least 50 people died in the floods, while rescuers reached the villages and "
         "pulled out survivors, including 8 children.", [None, None]),
        ("At least 50 people died in the floods, and the army said it had found survivors, "
         "including 8 children.", [None, None]),
        ("At least 50 people died in the floods, officials said on Friday, including 8 "
         "children.", [None, 0]),
    ],
)
def test_a_breakdown_stays_in_the_clause_of_its_total(text: str, parents: list) -> None:
    """'including 8 children' breaks down the total of its own clause, however long."""
    assert [f.parent for f in sentence_figures(text, find_numbers(text))] == parents


def test_a_list_of_places_with_figures_keeps_every_figure() -> None:
    """'deaths by province were Velmora, 25; Tarn, 14' gives both figures, no ages."""
    text = "Deaths by province were Velmora, 25; Tarn, 14."
    assert "age" not in reasons(text).values()
    assert [(c.value, c.measure) for c in extract(text)] == [(25, "killed"), (14, "killed")]


@pytest.mark.parametrize("text", [
    "Casualties were highest in Tarn Valley, 25, and in Karst Hills, 19.",
    "Reports came from the Velmora Health Office, 12, and the Tarn Red Cross, 9.",
    "Deaths by province were Velmora, 25, Tarn, 14, and Karst, 9.",
    "Deaths were highest in Tarn Valley, 25; Karst Hills, 19; and Velmora City, 7.",
])
def test_a_number_after_a_place_or_a_body_is_no_age(text: str) -> None:
    """Only a person's name before ', 25,' makes 25 an age."""
    assert "age" not in reasons(text).values()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("About half of them were later pardoned, a general said.", [0.5]),
        ("Half of the town was flooded.", []),
        ("One man was carried out on a stretcher, witnesses said.", [1]),
        ("The group said one of the hospitals was hit.", []),
    ],
)
def test_half_and_one_are_figures_only_when_they_count(text: str, expected: list) -> None:
    """'about half of them' and 'one man' count; 'half of the town' and 'one of' do not."""
    assert values(text) == expected


def test_a_headlines_source_before_a_colon_is_no_identifier() -> None:
    """'Velmora Monitor: 54 killed' gives a figure; 'Article ID: 5521' does not."""
    assert values("Velmora Monitor: 54 killed in shelling of northern suburbs") == [54]
    assert reasons("Article ID: 5521\nSome 40 people fled.")["5521"] == "identifier"


@pytest.mark.parametrize(
    ("text", "number", "reason"),
    [
        ("Men aged between 18 and 60 were barred from leaving the 40 villages.", "60", "age"),
        ("A father of three said 20 houses had burned.", "three", "not a count"),
    ],
)
def test_ages_and_families_describe_people(text: str, number: str, reason: str) -> None:
    """'aged between 18 and 60' and 'a father of three' count no one."""
    assert reasons(text)[number] == reason
