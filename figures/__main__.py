"""The command line: `python -m figures check | table | disputes | extract | add`.

`check` proves the data folder sound (exit 0 with a one-line summary) or lists every
problem as FILE:LINE: column: message (exit 1). `table` writes the joined figure table,
the same as the dashboard's download. `disputes` writes one row per figure in a dispute,
with the rule it breaks in words. `extract` proposes candidate claims for a new
article. `add` adds text files, saved web pages and folders of them at once, their
figures proposed for review (exit 1 if any was refused). All of them use the folder
named by --data-dir, else FIGURES_DATA_DIR, else `data/`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from figures import schema
from figures.export import frame_csv, frame_json, table_csv, table_json
from figures.table import Figures, build_figures


def summary(figures: Figures) -> str:
    """One line saying how much a clean data folder holds."""
    table = figures.table
    proposed = int((table["review_status"] == schema.PROPOSED).sum())
    waiting = f" ({proposed} proposed, not yet reviewed)" if proposed else ""
    return (
        f"OK: {table['article_id'].nunique()} articles, {len(table)} claims{waiting}, "
        f"{table['claimant_id'].nunique()} claimants, {table['party'].nunique()} parties"
    )


def run_check(args: argparse.Namespace) -> int:
    """Print every problem, or the summary; exit 1 on any problem."""
    figures = build_figures(args.data_dir)
    if figures.problems:
        for problem in figures.problems:
            print(problem)
        print(f"{len(figures.problems)} problems; {len(figures.table)} of {figures.rows_in} "
              f"claims valid", file=sys.stderr)
        return 1
    print(summary(figures))
    return 0


def run_table(args: argparse.Namespace) -> int:
    """Write the figure table to stdout; problems go to stderr and do not stop it."""
    figures = build_figures(args.data_dir)
    for problem in figures.problems:
        print(problem, file=sys.stderr)
    payload = table_json(figures.table) if args.format == "json" else table_csv(figures.table)
    sys.stdout.buffer.write(payload)
    sys.stdout.flush()
    return 0


def run_disputes(args: argparse.Namespace) -> int:
    """Write one row per figure in a dispute; a summary of what was checked to stderr."""
    from figures.disputes import find_disputes
    from figures.disputes.frame import DISPUTE_COLUMNS, disputes_frame

    figures = build_figures(args.data_dir)
    for problem in figures.problems:
        print(problem, file=sys.stderr)
    found = find_disputes(figures.table, figures.dataset.places)
    frame = disputes_frame(figures.table, found)
    columns = (*DISPUTE_COLUMNS, *schema.TABLE_COLUMNS)
    payload = table_json(frame, columns) if args.format == "json" else table_csv(
        frame, columns=columns)
    sys.stdout.buffer.write(payload)
    sys.stdout.flush()
    print(f"{len(found.disputes)} disputes among {found.checked} pairs of comparable "
          f"claims by different claimants; {found.agreements} pairs agree; "
          f"{len(found.inconsistent)} breaches between claims of one claimant", file=sys.stderr)
    return 0


def run_extract(args: argparse.Namespace) -> int:
    """Print the candidate claims found in an article file (columns: data/README.md).

    Values are written as `table` writes them: whole numbers without a decimal point,
    blanks empty in CSV and null in JSON. Vague amounts ("tens of thousands") carry no
    figure and are left out unless asked for.
    """
    from figures.extract import candidates_frame
    from figures.intake import read_upload

    path = Path(args.file)
    try:
        raw = path.read_bytes()
    except OSError as error:
        print(f"{path}: cannot be read: {error.strerror}", file=sys.stderr)
        return 1
    # Read as an upload is: UTF-8, or UTF-16 with its mark; binary files are named as such.
    text, messages = read_upload(raw, str(path), {})
    if text is None:
        print(messages[0], file=sys.stderr)
        return 1
    frame = candidates_frame(text, args.outlet)
    if not args.vague:
        frame = frame[~frame["vague"]]
    numbers = ("value", "value_max")
    payload = frame_json(frame, numbers) if args.format == "json" else frame_csv(frame, numbers)
    sys.stdout.buffer.write(payload)
    sys.stdout.flush()
    return 0


def run_add(args: argparse.Namespace) -> int:
    """Add articles in bulk, a progress bar on a terminal, then what happened to each."""
    from tqdm import tqdm

    from figures.corpus import Options, add_items, items_from_paths
    from figures.load import data_dir_from_env

    items, refused = items_from_paths(args.paths)
    options = Options(outlet=args.outlet or "", title=args.title or "",
                      published=args.published or "")
    data_dir = args.data_dir or data_dir_from_env()
    with tqdm(total=len(items), unit="article", disable=None, file=sys.stderr,
              desc="Dry run" if args.dry_run else "Adding") as bar:
        summary = add_items(data_dir, items, options, dry_run=args.dry_run,
                            progress=bar.update)
    summary.refused = refused + summary.refused
    print("\n".join(summary.lines()))
    return 1 if summary.refused else 0


def parser() -> argparse.ArgumentParser:
    """The command line's arguments."""
    main_parser = argparse.ArgumentParser(prog="python -m figures", description=__doc__,
                                          formatter_class=argparse.RawDescriptionHelpFormatter)
    main_parser.add_argument("--data-dir", default=None,
                             help="data folder (default: $FIGURES_DATA_DIR, else data/)")
    commands = main_parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate the data folder").set_defaults(run=run_check)
    table = commands.add_parser("table", help="write the joined figure table to stdout")
    table.add_argument("--format", choices=("csv", "json"), default="csv")
    table.set_defaults(run=run_table)
    disputes = commands.add_parser(
        "disputes", help="write the claims that cannot all hold as stated, one row per figure")
    disputes.add_argument("--format", choices=("csv", "json"), default="csv")
    disputes.set_defaults(run=run_disputes)
    extract = commands.add_parser("extract", help="propose candidate claims for an article")
    extract.add_argument("file", help="a UTF-8 .txt file")
    extract.add_argument("--format", choices=("csv", "json"), default="csv")
    extract.add_argument("--outlet", default="",
                         help="the outlet that published the article: figures in its own "
                              "voice are its claims")
    extract.add_argument("--vague", action="store_true",
                         help="also list vague amounts ('tens of thousands'), which have no value")
    extract.set_defaults(run=run_extract)
    add = commands.add_parser(
        "add", help="add text files, saved web pages and folders of them, figures proposed",
        description="Add articles to the data folder. Each article's figures are saved as "
                    "'proposed' claims, for review on the dashboard's Review page. A "
                    "folder's articles.csv (file, url, outlet, published, title) describes "
                    "its files; the options describe what it does not.")
    add.add_argument("paths", nargs="+", metavar="PATH",
                     help=".txt files, saved web pages (.html, .htm), or folders of them")
    add.add_argument("--outlet", help="the outlet, where articles.csv or the page does not "
                                      "name it")
    add.add_argument("--title", help="the title, where articles.csv or the page gives none")
    add.add_argument("--published", metavar="DATE",
                     help="the date of publication, YYYY-MM-DD, where articles.csv or the "
                          "page gives none")
    add.add_argument("--dry-run", action="store_true",
                     help="read, plan and check everything, write nothing")
    add.set_defaults(run=run_add)
    return main_parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return its exit status."""
    args = parser().parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
