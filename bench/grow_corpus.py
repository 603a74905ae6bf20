"""Grow a large corpus from a data folder, for measuring how the page scales.

Run as `python bench/grow_corpus.py CLAIMS OUT_DIR [--source DATA_DIR] [--repeat R]`.

The grown folder is made of whole copies of the source folder's articles under new
names, so every quote stays verbatim in its article and every number phrase stays
accounted for: each copy brings its articles, their rows of sources.csv, not_claims.csv
and claims.csv, with new ids. Claimants are copied once per batch of `BATCH` copies, so
the number of claimants grows with the corpus as it would in a real one. `--repeat R`
writes each claim row R times per copy (under new ids), for corpora whose size in rows
matters more than their number of articles. The copy count is rounded up to whole
copies, so the folder checks clean.
"""

from __future__ import annotations

import argparse
import csv
import math
import shutil
import sys
import time
from pathlib import Path

from figures import schema
from figures.load import DEFAULT_DATA_DIR, TABLE_FILES

BATCH = 20  # copies sharing one copy of the claimants
COPIED = (schema.SOURCES_FILE, schema.CLAIMANTS_FILE, schema.CLAIMS_FILE,
          schema.NOT_CLAIMS_FILE)  # the tables whose rows each copy or batch brings


def read_rows(folder: Path, name: str) -> list[dict[str, str]]:
    """One CSV table of the source folder as dictionaries of text."""
    with (folder / name).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def copy_id(key: str, copy: int) -> str:
    """An article's or claim's id in copy `copy`; copy 0 keeps the source's ids."""
    return key if copy == 0 else f"{key}_c{copy}"


def claimant_id(key: str, batch: int) -> str:
    """A claimant's id in batch `batch`; batch 0 keeps the source's ids."""
    return key if batch == 0 else f"{key}_b{batch}"


def file_name(name: str, copy: int) -> str:
    """An article file's name in copy `copy`."""
    return name if copy == 0 else f"c{copy:06d}_{name}"


def copies_for(claims: int, per_copy: int) -> int:
    """Whole copies needed to hold at least `claims` claim rows."""
    return max(1, math.ceil(claims / max(per_copy, 1)))


def write_copy(writers: dict[str, csv.DictWriter], tables: dict[str, list[dict[str, str]]],
               copy: int, repeat: int) -> int:
    """Write one copy's sources, non-claims and claims rows; return its claim count."""
    batch = copy // BATCH
    for row in tables[schema.SOURCES_FILE]:
        writers[schema.SOURCES_FILE].writerow(
            {**row, "article_id": copy_id(row["article_id"], copy),
             "file": file_name(row["file"], copy)})
    for row in tables[schema.NOT_CLAIMS_FILE]:
        writers[schema.NOT_CLAIMS_FILE].writerow(
            {**row, "article_id": copy_id(row["article_id"], copy)})
    written = 0
    for again in range(repeat):
        for row in tables[schema.CLAIMS_FILE]:
            key = row["claim_id"] if again == 0 else f"{row['claim_id']}_r{again}"
            writers[schema.CLAIMS_FILE].writerow(
                {**row, "claim_id": copy_id(key, copy),
                 "article_id": copy_id(row["article_id"], copy),
                 "claimant_id": claimant_id(row["claimant_id"], batch)})
            written += 1
    return written


def write_claimants(writer: csv.DictWriter, claimants: list[dict[str, str]], batch: int) -> None:
    """One batch's copy of the claimants, each named with its batch."""
    for row in claimants:
        name = row["name"] if batch == 0 else f"{row['name']} {batch}"
        writer.writerow({**row, "claimant_id": claimant_id(row["claimant_id"], batch),
                         "name": name})


def grow(target_claims: int, out_dir: Path, source: Path = DEFAULT_DATA_DIR,
         repeat: int = 1) -> dict[str, int]:
    """Write a grown data folder at `out_dir` (replacing it) and say what it holds."""
    tables = {name: read_rows(source, name) for name in TABLE_FILES}
    copies = copies_for(target_claims, len(tables[schema.CLAIMS_FILE]) * repeat)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    articles_out = out_dir / schema.ARTICLES_DIR
    articles_out.mkdir(parents=True)
    texts = {row["file"]: (source / schema.ARTICLES_DIR / row["file"]).read_bytes()
             for row in tables[schema.SOURCES_FILE]}
    # The places nest the same way in every copy: their list is shared, not grown.
    shutil.copyfile(source / schema.PLACES_FILE, out_dir / schema.PLACES_FILE)
    grown = {name: columns for name, columns in TABLE_FILES.items()
             if name != schema.PLACES_FILE}
    handles = {name: (out_dir / name).open("w", encoding="utf-8", newline="")
               for name in grown}
    writers = {name: csv.DictWriter(handles[name], fieldnames=list(columns),
                                    lineterminator="\n")
               for name, columns in grown.items()}
    claims = 0
    try:
        for name, writer in writers.items():
            writer.writeheader()
            if name not in COPIED:  # lookup tables (places) are written once, as they are
                writer.writerows(tables[name])
        for copy in range(copies):
            if copy % BATCH == 0:
                write_claimants(writers[schema.CLAIMANTS_FILE], tables[schema.CLAIMANTS_FILE],
                                copy // BATCH)
            for name, text in texts.items():
                (articles_out / file_name(name, copy)).write_bytes(text)
            claims += write_copy(writers, tables, copy, repeat)
    finally:
        for handle in handles.values():
            handle.close()
    return {"copies": copies, "articles": copies * len(texts), "claims": claims,
            "claimants": math.ceil(copies / BATCH) * len(tables[schema.CLAIMANTS_FILE])}


def main(argv: list[str] | None = None) -> int:
    """Grow a folder and print what it holds."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("claims", type=int, help="at least this many claim rows")
    parser.add_argument("out_dir", type=Path, help="the folder to write (replaced)")
    parser.add_argument("--source", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--repeat", type=int, default=1,
                        help="write each claim row this many times per copy")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    counts = grow(args.claims, args.out_dir, args.source, args.repeat)
    print(f"{counts['claims']} claims, {counts['articles']} articles, "
          f"{counts['claimants']} claimants ({counts['copies']} copies) in {args.out_dir} "
          f"({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
