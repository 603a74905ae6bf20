"""Adding many articles at once: `python -m figures add`, run for real on real files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bench import batch_add
from figures import schema
from figures.__main__ import main
from figures.corpus import Item, Options, add_items
from figures.table import build_figures
from figures.webpage import read_web_page

PROJECT = Path(__file__).resolve().parent.parent

WEB_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Shelling kills 12 in Northtown | Daily Example</title>
<meta property="og:site_name" content="Daily Example">
<meta property="og:title" content="Shelling kills 12 in Northtown">
<meta property="article:published_time" content="2020-05-04T10:00:00Z">
</head><body>
<nav><ul><li><a href="/">Home page</a></li><li><a href="/world">World news desk</a></li>
<li><a href="/sport">Sport results 24 hours a day</a></li></ul></nav>
<main><article>
<h1>Shelling kills 12 in Northtown</h1>
<p>At least 12 civilians were killed in shelling of Northtown on Sunday, the Northtown
Monitor said in a statement released to reporters in the capital.</p>
<p>The army said 40 fighters had surrendered in the eastern districts since the offensive
began, and that more were expected to follow in the coming days.</p>
</article></main>
<footer><p>Copyright Daily Example Media Group. Subscribe to our newsletter for 7 days
free.</p></footer>
</body></html>
"""

STORY = (
    "Strikes hit market in Northtown\n\n"
    "At least 14 civilians were killed when air strikes hit a crowded market in Northtown on "
    "Monday, the Northtown Monitor said. Rescue workers said 30 people were injured in the "
    "attack and taken to the only hospital still working in the district. Residents said the "
    "market had been full of families buying food before the holiday. The monitor said the "
    "strikes were the deadliest on the town since the start of the month.\n"
)


def added_ids(folder: Path, shipped_ids: set[str]) -> set[str]:
    """The article ids the folder holds beyond those shipped."""
    return set(build_figures(folder).dataset.sources["article_id"]) - shipped_ids


@pytest.fixture
def dev_folder(tmp_path: Path) -> Path:
    """The dev set's twenty reports and their articles.csv, copied to a temporary folder."""
    return batch_add.dev_folder(tmp_path)


def test_dev_set_goes_in_with_one_command(data_copy: Path, dev_folder: Path,
                                          shipped_ids: set[str],
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """The twenty dev-set reports go in with one command; the folder checks clean and every
    new figure is a proposal, while the shipped ones stay checked."""
    assert main(["--data-dir", str(data_copy), "add", str(dev_folder)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Added 20 articles:")
    figures = build_figures(data_copy)
    assert figures.problems == ()
    new = figures.table[~figures.table["article_id"].isin(shipped_ids)]
    assert new["article_id"].nunique() == 20
    assert len(new) > 100
    assert set(new["review_status"]) == {schema.PROPOSED}
    old = figures.table[figures.table["article_id"].isin(shipped_ids)]
    assert len(old) == 27 and set(old["review_status"]) == {schema.CHECKED}
    sources = figures.dataset.sources.set_index("url")
    listed = sources.loc["https://tass.com/world/907986"]
    assert (listed["outlet"], listed["published"], listed["published_basis"]) == (
        "TASS", "", schema.PUBLISHED_UNKNOWN)
    dated = sources.loc["https://en.alalam.ir/news/1897895"]
    assert (dated["published"], dated["published_basis"]) == (
        "2016-12-15", schema.PUBLISHED_IN_SIDECAR)


def test_new_claimants_are_unassigned_with_suggestions(data_copy: Path) -> None:
    """Claimants the extractor creates wait unassigned; a name that says what kind of body
    it is carries that as a suggestion only."""
    release = ("Shelling kills 12 in a week\n\nAt least 12 people were killed and 40 were "
               "injured by shelling in the city over the past week.\n")
    summary = add_items(data_copy, [Item("release.txt", release.encode("utf-8"),
                                         {"outlet": "UN OCHA"})])
    assert len(summary.added) == 1
    claimants = build_figures(data_copy).dataset.claimants
    created = claimants[claimants["claimant_type"] == schema.UNASSIGNED]
    assert len(created) >= 1
    assert set(created["party"]) == {schema.UNASSIGNED}
    outlet = created[created["name"] == "UN OCHA"].iloc[0]
    assert (outlet["suggested_type"], outlet["suggested_party"]) == ("UN agency",
                                                                     "United Nations")


def test_saved_web_page_gives_text_title_and_date() -> None:
    """A saved page yields the article's text without navigation or footer, and its title,
    site name and date from the page's metadata."""
    page, message = read_web_page(WEB_PAGE.encode("utf-8"), "page.html")
    assert message == "" and page is not None
    assert "At least 12 civilians were killed in shelling of Northtown" in page.text
    assert "40 fighters had surrendered" in page.text
    for furniture in ("Home page", "World news desk", "Sport results", "Copyright",
                      "newsletter", "<p>"):
        assert furniture not in page.text
    assert (page.title, page.site_name, page.published) == (
        "Shelling kills 12 in Northtown", "Daily Example", "2020-05-04")


def test_saved_web_page_is_stored_as_text_with_its_metadata(
    data_copy: Path, tmp_path: Path, shipped_ids: set[str]
) -> None:
    """Adding a saved page stores its text, not its HTML, dated from its metadata."""
    page = tmp_path / "shelling.html"
    page.write_text(WEB_PAGE, encoding="utf-8")
    assert main(["--data-dir", str(data_copy), "add", str(page)]) == 0
    figures = build_figures(data_copy)
    assert figures.problems == ()
    (article_id,) = added_ids(data_copy, shipped_ids)
    source = figures.dataset.sources.set_index("article_id").loc[article_id]
    assert (source["outlet"], source["title"], source["published"],
            source["published_basis"]) == ("Daily Example", "Shelling kills 12 in Northtown",
                                           "2020-05-04", schema.PUBLISHED_IN_METADATA)
    stored = figures.dataset.articles[source["file"]]
    assert "<" not in stored and "Home page" not in stored
    assert "At least 12 civilians" in stored


def test_folder_with_duplicate_empty_and_binary_files(
    data_copy: Path, tmp_path: Path, shipped_ids: set[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Good files go in; a duplicate, an empty file and a binary one are each named, with
    the stored file a duplicate repeats; the command exits non-zero for the refusals."""
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "market.txt").write_text(STORY, encoding="utf-8")
    (folder / "shelling.html").write_text(WEB_PAGE, encoding="utf-8")
    stored = (data_copy / "articles" / "002_7bc8ab39567d527b.txt").read_text(encoding="utf-8")
    spaced = "  " + stored.replace("'", "\u2019").replace("\n", "\n\n")
    (folder / "again.txt").write_text(spaced, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 8)
    status = main(["--data-dir", str(data_copy), "add", str(folder), "--outlet",
                   "Northtown Herald", "--published", "2020-05-05"])
    out = capsys.readouterr().out
    assert status == 1
    assert out.startswith("Added 2 articles:")
    assert f"{folder / 'again.txt'}: same text as the stored articles/002_7bc8ab39567d527b.txt" \
        in out
    assert f"{folder / 'empty.txt'}: is empty" in out
    assert f"{folder / 'photo.txt'}: looks binary" in out
    assert "Refused (2):" in out
    figures = build_figures(data_copy)
    assert figures.problems == ()
    assert len(added_ids(data_copy, shipped_ids)) == 2


def test_near_duplicate_is_added_and_flagged(data_copy: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """The same wire story run by a second outlet goes in, flagged as a near-duplicate of
    the first, so a reader can record the syndication."""
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(STORY, encoding="utf-8")
    second.write_text("Market strike toll rises\n\n" + STORY.split("\n\n", 1)[1]
                      + "Officials gave no further details.\n", encoding="utf-8")
    assert main(["--data-dir", str(data_copy), "add", str(first), "--outlet", "Herald",
                 "--published", "2020-05-05"]) == 0
    assert main(["--data-dir", str(data_copy), "add", str(second), "--outlet", "Courier",
                 "--published", "2020-05-05"]) == 0
    out = capsys.readouterr().out
    assert f"{second} shares 80% of its sentences with articles/herald_20200505.txt" in out
    assert build_figures(data_copy).problems == ()


def test_dry_run_writes_nothing(data_copy: Path, dev_folder: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    """A dry run reads, plans and checks every file, says what it would add, writes nothing."""
    before = {path: path.read_bytes() for path in data_copy.rglob("*") if path.is_file()}
    assert main(["--data-dir", str(data_copy), "add", str(dev_folder), "--dry-run"]) == 0
    assert capsys.readouterr().out.startswith("Would add 20 articles:")
    after = {path: path.read_bytes() for path in data_copy.rglob("*") if path.is_file()}
    assert after == before


def test_text_without_outlet_is_refused(data_copy: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    """A text file no articles.csv or option describes is refused, saying what to give."""
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    assert main(["--data-dir", str(data_copy), "add", str(tmp_path / "story.txt")]) == 1
    assert "story.txt: no outlet: give it in articles.csv" in capsys.readouterr().out


def test_two_adds_at_once_both_land(data_copy: Path, tmp_path: Path,
                                    shipped_ids: set[str]) -> None:
    """Two `add` commands started at the same moment, in two processes, both end up in the
    data, and the folder checks clean."""
    commands = []
    for number, outlet in enumerate(("Herald", "Courier")):
        folder = tmp_path / outlet
        folder.mkdir()
        (folder / "story.txt").write_text(STORY.replace("14", str(20 + number)),
                                          encoding="utf-8")
        commands.append([sys.executable, "-m", "figures", "--data-dir", str(data_copy), "add",
                         str(folder), "--outlet", outlet, "--published", "2020-05-05"])
    running = [subprocess.Popen(command, cwd=PROJECT, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for command in commands]
    results = [process.communicate(timeout=120) for process in running]
    assert [process.returncode for process in running] == [0, 0], results
    figures = build_figures(data_copy)
    assert figures.problems == ()
    assert added_ids(data_copy, shipped_ids) == {"herald_20200505", "courier_20200505"}
    assert {20.0, 21.0} <= set(figures.table["value"])


def test_options_fill_what_the_sidecar_leaves_empty(data_copy: Path, tmp_path: Path) -> None:
    """An articles.csv row without a date takes the command's --published, said so."""
    folder = tmp_path / "listed"
    folder.mkdir()
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    (folder / "articles.csv").write_text("file,url,outlet,published,title\n"
                                         "story.txt,,Herald,,Market hit\n", encoding="utf-8")
    summary = add_items(data_copy, [Item(str(folder / "story.txt"), STORY.encode(), {
        "file": "story.txt", "outlet": "Herald", "published": "", "title": "Market hit"})],
        Options(published="2020-05-06"))
    assert len(summary.added) == 1
    source = build_figures(data_copy).dataset.sources.iloc[-1]
    assert (source["title"], source["published"], source["published_basis"]) == (
        "Market hit", "2020-05-06", schema.PUBLISHED_ON_COMMAND_LINE)


def test_claimant_of_a_refused_article_is_kept_for_the_article_naming_it(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When an article refused at the check had created a claimant that a kept article of
    the same chunk names too, the kept one brings that claimant along: no saved claim
    names a claimant that is not saved."""
    from figures import corpus

    texts = [f"Report {number}\n\nAt least {number + 11} civilians were killed in Northtown "
             f"on Monday, the Northtown Relief Agency said.\n" for number in range(2)]
    refuse_first = corpus.checked_plan

    def refuse(incoming: corpus.Incoming, plan: object, state: object) -> tuple:
        if incoming.name == "first.txt":
            return None, ["first.txt: refused for this test"]
        return refuse_first(incoming, plan, state)  # type: ignore[arg-type]

    monkeypatch.setattr(corpus, "faulted_plans", lambda problems, owners, plans: {0})
    monkeypatch.setattr(corpus, "checked_plan", refuse)
    summary = add_items(data_copy, [Item(name, text.encode()) for name, text in
                                    zip(("first.txt", "second.txt"), texts, strict=True)],
                        Options(outlet="Herald", published="2020-05-05"))
    assert summary.refused == ["first.txt: refused for this test"]
    assert [added.name for added in summary.added] == ["second.txt"]
    figures = build_figures(data_copy)
    assert figures.problems == ()
    assert "Northtown Relief Agency" in set(figures.table["claimant"])


def test_a_range_is_proposed_whole(data_copy: Path) -> None:
    """"Between 200 and 340" and "10-15" each become one proposed claim from the lower to
    the upper figure; neither bound is set aside."""
    text = ("Shelling toll rises\n\nBetween 200 and 340 people were killed in the shelling, "
            "the ministry said. Officials said 10-15 people died on Monday.\n")
    summary = add_items(data_copy, [Item("toll.txt", text.encode("utf-8"))],
                        Options(outlet="Tarn Daily", published="2016-11-01"))
    assert [added.claims for added in summary.added] == [2]
    figures = build_figures(data_copy)
    assert figures.problems == ()
    added = figures.table[figures.table["article_id"] == "tarn_daily_20161101"]
    assert [(row.value, row.value_max) for row in added.itertuples()] == [(200, 340), (10, 15)]
    not_claims = figures.dataset.not_claims
    assert not_claims[not_claims["article_id"] == "tarn_daily_20161101"].empty
