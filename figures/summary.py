"""Claims summarised for charts of many claims: one row per claimant, or per day.

One mark per claim is the heart of the charts, and stays so for every selection a
person can read mark by mark. Past a few dozen claims in one comparison the marks stop
being readable and the chart stops being cheap, so a chart then draws one mark per
claimant (its lowest and highest figure and how many claims it made), the timeline one
mark per party and day, and the source line counts the sources instead of naming each:
the claims behind every mark stay in the claims table and the downloads.
"""

from __future__ import annotations

import pandas as pd

from figures import compare
from figures.numbers import format_value

CLAIMANT_MARKS_ABOVE = 40  # claims in one comparison past which a chart draws claimants
PARTY_MARKS_ABOVE = 30  # claimants in an overview panel past which it draws parties
DAY_MARKS_ABOVE = 150  # claims past which the timeline draws one mark per party and day
SOURCES_NAMED_UP_TO = 40  # articles up to which a chart names each source
OUTLETS_NAMED = 6  # outlets named in a summarised source line
# The columns `by_claimant` reads (with every label column, so the frame counts as
# labelled), and `x_room` after it.
SUMMARY_COLUMNS: frozenset[str] = frozenset({
    *compare.LABEL_COLUMNS, "claim_id", "claimant", "claimant_org", "party", "unit",
    "value", "value_max", "qualifier", "qualifier_text", "review_status"})
BY_CLAIMANT_LINE = ("Each row is one claimant: a mark at its lowest figure, a line to its "
                    "highest, and how many claims it made; the claims themselves are in the "
                    "claims table below.")
BY_PARTY_LINE = ("In panels marked 'one mark per party', each row is one party: a mark at "
                 "the lowest figure its claimants give, a line to the highest, and how many "
                 "claims by how many claimants; the side-by-side chart and the claims table "
                 "show each claimant.")
BY_DAY_LINE = ("Each mark: the claims of one party published on one day, in the group of "
               "the kind of figure they give; the larger the mark, the more claims. The "
               "claims themselves are in the claims table below.")


def needs_claimants(frame: pd.DataFrame) -> bool:
    """Whether a comparison holds too many claims to draw one mark per claim."""
    return len(frame) > CLAIMANT_MARKS_ABOVE


def needs_days(frame: pd.DataFrame) -> bool:
    """Whether the timeline holds too many claims to give each its own line."""
    return len(frame) > DAY_MARKS_ABOVE


def unit_suffix(unit_label: str) -> str:
    """What follows a summarised figure: "%" for shares, " hours" for durations."""
    if unit_label == compare.PERCENT_LABEL:
        return "%"
    return f" {compare.DURATION_LABEL}" if unit_label == compare.DURATION_LABEL else ""


def range_text(low: float, high: float, suffix: str) -> str:
    """ "96 to 3,179" or "96", with the unit's suffix."""
    if high > low:
        return f"{format_value(low)}{suffix} to {format_value(high)}{suffix}"
    return f"{format_value(low)}{suffix}"


def claimant_label_text(claims: int, low: float, high: float, inexact: int,
                        suffix: str) -> str:
    """A claimant's summary beside its mark: how many claims, their span, how many are
    bounds or estimates (so no qualifier is silently lost)."""
    count = f"{claims:,} claim{'s' if claims != 1 else ''}"
    bounds = f"; {inexact:,} bound{'s' if inexact != 1 else ''} or estimates" if inexact else ""
    return f"{count}: {range_text(low, high, suffix)}{bounds}"


def summarised(source: pd.DataFrame, keys: list[str],
               extra: dict[str, tuple[str, str]]) -> pd.DataFrame:
    """One row per group of `keys` of a labelled comparison frame, with the columns a
    claim row has on a chart: `plot_value` is the group's lowest figure, `plot_value_max`
    its highest (when higher), `claims` how many, `value_label` says so in words, with
    how many are bounds or estimates; `extra` adds more aggregations by name."""
    tops = source["plot_value_max"].fillna(source["plot_value"])
    work = source.assign(_top=tops, _inexact=source["exactness"] == compare.INEXACT,
                         _proposed=source["review"] == compare.PROPOSED_LABEL)
    # One reduction per column on one grouping: a named aggregation of them all costs
    # several times as much in pandas' own bookkeeping.
    groups = work.groupby(keys, sort=False, dropna=False)
    reduced = {
        "comparison": groups["comparison"].first(), "unit_label": groups["unit_label"].first(),
        "claims": groups.size(), "plot_value": groups["plot_value"].min(),
        "_high": groups["_top"].max(), "_inexact": groups["_inexact"].sum(),
        "_proposed": groups["_proposed"].any(),
        **{name: getattr(groups[column], how)() for name, (column, how) in extra.items()},
    }
    rows = pd.DataFrame(reduced).reset_index()
    suffix = unit_suffix(" or ".join(source["unit_label"].unique()))
    rows["plot_value_max"] = rows["_high"].where(rows["_high"] > rows["plot_value"])
    rows["exactness"] = rows["_inexact"].map(lambda n: compare.INEXACT if n else compare.EXACT)
    rows["review"] = rows["_proposed"].map({True: compare.PROPOSED_LABEL,
                                            False: compare.CHECKED_LABEL})
    rows["value_label"] = [
        claimant_label_text(int(n), float(low), float(high), int(inexact), suffix)
        for n, low, high, inexact in zip(rows["claims"], rows["plot_value"], rows["_high"],
                                         rows["_inexact"], strict=True)]
    return rows


def plural(count: int, noun: str) -> str:
    """ "1 claim", "2 claims"."""
    return f"{count:,} {noun}{'s' if count != 1 else ''}"


def by_claimant(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per claimant of a labelled comparison frame (`summarised`), its row
    labelled with how many claims and how many places or periods they cover."""
    source = compare.label_frame(frame)
    if source.empty:
        return source.assign(claims=pd.Series(dtype="int64"))
    rows = summarised(source, ["claimant_label", "party"], {
        "claimant": ("claimant", "first"), "claimant_org": ("claimant_org", "first"),
        "_contexts": ("context", "nunique")})
    rows["row_label"] = [
        compare.wrapped(str(name)) + compare.ROW_BREAK
        + f"{plural(n, 'claim')}, {plural(places, 'place')} or periods"
        for name, n, places in zip(rows["claimant_label"], rows["claims"], rows["_contexts"],
                                   strict=True)]
    rows = rows.sort_values(["_high", "claimant_label"], ascending=[False, True],
                            kind="stable")
    return rows.drop(columns=["_high", "_inexact", "_proposed", "_contexts"]).reset_index(
        drop=True)


def needs_parties(frame: pd.DataFrame) -> bool:
    """Whether an overview panel holds too many claimants to give each a row."""
    return frame["claimant_label"].nunique() > PARTY_MARKS_ABOVE


def by_party(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per party of a labelled comparison frame (`summarised`), with how many
    claimants made its claims, its row labelled with both counts."""
    source = compare.label_frame(frame)
    if source.empty:
        return source.assign(claims=pd.Series(dtype="int64"),
                             claimants=pd.Series(dtype="int64"))
    rows = summarised(source, ["party"], {"claimants": ("claimant_label", "nunique")})
    rows["claimant_label"] = rows["party"]
    rows["row_label"] = [
        compare.wrapped(str(party)) + compare.ROW_BREAK
        + f"{plural(people, 'claimant')}, {plural(n, 'claim')}"
        for party, people, n in zip(rows["party"], rows["claimants"], rows["claims"],
                                    strict=True)]
    rows = rows.sort_values(["_high", "party"], ascending=[False, True], kind="stable")
    return rows.drop(columns=["_high", "_inexact", "_proposed"]).reset_index(drop=True)


def by_day(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per comparison, day of publication and party: how many claims, and whether
    all are exact figures. Claims whose article has no known date are left out."""
    source = compare.label_frame(frame)
    dated = source[source["published_label"] != ""]
    if dated.empty:
        return pd.DataFrame(columns=["comparison", "published", "published_label", "party",
                                     "claims", "exactness", "review"])
    work = dated.assign(_inexact=dated["exactness"] == compare.INEXACT,
                        _proposed=dated["review"] == compare.PROPOSED_LABEL)
    rows = work.groupby(["comparison", "published", "party"], sort=False).agg(
        published_label=("published_label", "first"), claims=("claim_id", "size"),
        _inexact=("_inexact", "sum"), _proposed=("_proposed", "any")).reset_index()
    rows["exactness"] = rows["_inexact"].map(lambda n: compare.INEXACT if n else compare.EXACT)
    rows["review"] = rows["_proposed"].map({True: compare.PROPOSED_LABEL,
                                            False: compare.CHECKED_LABEL})
    order = compare.comparison_order(list(rows["comparison"].unique()))
    rows["_rank"] = rows["comparison"].map(order.index)
    rows = rows.sort_values(["_rank", "published", "party"], kind="stable")
    return rows.drop(columns=["_rank", "_inexact", "_proposed"]).reset_index(drop=True)


def sources_summary(frame: pd.DataFrame) -> str:
    """The sources of many claims, counted rather than named one by one."""
    source = compare.label_frame(frame)
    outlets = source["outlet"].value_counts()
    named = ", ".join(outlets.index[:OUTLETS_NAMED])
    more = len(outlets) - OUTLETS_NAMED
    named += f" and {more:,} more" if more > 0 else ""
    days = sorted(day for day in source["published"].unique() if compare.parse_date(day))
    span = (f", published {compare.day_label(compare.parse_date(days[0]))} to "
            f"{compare.day_label(compare.parse_date(days[-1]))}" if days else "")
    return (f"Sources: {source['claimant_id'].nunique():,} claimants in "
            f"{source['article_id'].nunique():,} articles from {len(outlets):,} outlets "
            f"({named}){span}; each claim's source is in the claims table and the downloads.")


def names_sources(frame: pd.DataFrame) -> bool:
    """Whether a chart of these claims can name each source in its subtitle."""
    return "article_id" not in frame.columns or frame["article_id"].nunique() \
        <= SOURCES_NAMED_UP_TO
