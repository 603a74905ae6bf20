"""How long finding disputes takes as a corpus grows: 1,000 to 100,000 claims.

Run as `python bench/disputes.py [CLAIMS ...]`. Builds a synthetic figure table (places
three levels deep, periods of a day to a year over three years, every measure and
qualifier) and prints, for each size, the median wall and CPU time of `find_disputes`
(CPU time holds steady on a busy machine) and how many pairs it compared; figures to
report, not limits to assert.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from datetime import date, timedelta

import pandas as pd

from figures import schema
from figures.disputes import find_disputes

SIZES = (1_000, 10_000, 100_000)
REPEATS = 3
LENGTHS = (1, 1, 2, 7, 7, 30, 90, 365)  # period lengths in days, short ones most often


def synthetic_places(regions: int = 20, towns: int = 10) -> dict[str, str]:
    """A country of regions of towns: place -> part_of."""
    places = {"Country": ""}
    for region in range(regions):
        places[f"Region {region}"] = "Country"
        for town in range(towns):
            places[f"Town {region}.{town}"] = f"Region {region}"
    return places


def synthetic_table(claims: int, places: dict[str, str], seed: int = 12) -> pd.DataFrame:
    """A figure table of `claims` random claims by 300 claimants of every party."""
    rng = random.Random(seed)
    names = list(places)
    first_day = date(2016, 1, 1)
    measures = [*schema.COUNT_MEASURES, *schema.STOCK_MEASURES]
    rows = []
    for number in range(claims):
        measure = rng.choice(measures)
        start = first_day + timedelta(days=rng.randrange(3 * 365))
        dated = rng.random() < 0.7
        length = rng.choice(LENGTHS)
        rows.append({
            "claim_id": f"c{number}", "claimant_id": f"who{rng.randrange(300)}",
            "claimant": f"Claimant {number % 300}", "claimant_org": "",
            "party": rng.choice(schema.PARTIES), "value": float(rng.randrange(1, 5000)),
            "value_max": float("nan"), "unit": "percent" if measure == "aid_share" else "count",
            "qualifier": rng.choice(tuple(schema.QUALIFIERS)), "qualifier_text": "",
            "measure": measure, "subject": rng.choice(("people", "civilians", "children")),
            "place": rng.choice(names), "blamed_on": rng.choice(("", "", "shelling")),
            "period_start": start.isoformat() if dated else "",
            "period_end": (start + timedelta(days=length - 1)).isoformat() if dated else "",
            "published": (start + timedelta(days=length)).isoformat(),
        })
    return pd.DataFrame.from_records(rows)


def main(sizes: tuple[int, ...]) -> None:
    """Print the median time and the pairs compared for each corpus size."""
    places = synthetic_places()
    print(f"{'claims':>8} {'wall s':>7} {'CPU s':>7} {'pairs compared':>15} {'disputes':>9}")
    for size in sizes:
        table = synthetic_table(size, places)
        walls, cpus = [], []
        for _ in range(REPEATS):
            wall, cpu = time.perf_counter(), time.process_time()
            found = find_disputes(table, places)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        print(f"{size:>8,} {statistics.median(walls):>7.2f} {statistics.median(cpus):>7.2f} "
              f"{found.checked:>15,} {len(found.disputes):>9,}")


if __name__ == "__main__":
    main(tuple(int(arg) for arg in sys.argv[1:]) or SIZES)
