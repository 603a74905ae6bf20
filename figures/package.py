"""The whole data set as one zip a reader can take away: tables, articles, codebook, metadata.

The zip is a Frictionless Data Package (https://specs.frictionlessdata.io/): the four
tables exactly as stored, the articles exactly as stored, the joined figure table, the
codebook, and a `datapackage.json` that says what each file is, what each column means,
how the tables join and where every article came from. Software that reads Data Packages
can then load and check the tables without reading our code.

The zip is a pure function of the data folder, the figure table and the day it is made
on: two builds from the same files give the same bytes, so a download can be compared
with an earlier one.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pandas as pd

from figures import schema
from figures.export import table_csv
from figures.load import TABLE_FILES, data_files, is_plain_file, read_table

PACKAGE_NAME = "contested-figures-aleppo-2016"
DESCRIPTOR_FILE = "datapackage.json"
FIGURES_FILE = "figures.csv"
PROJECT = "Contested Figures"

# A "tabular-data-package" may hold only tabular resources, and this one also carries the
# articles and the codebook as files, so it is a plain Data Package whose tables are each
# a "tabular-data-resource" (and so are read and checked as tables all the same).
PACKAGE_PROFILE = "data-package"

# The licence offered for the project's own work (the tables and the codebook). The
# articles are not the project's to license: each says so in its resource description.
LICENSES: tuple[dict[str, str], ...] = (
    {
        "name": "CC-BY-4.0",
        "title": "Creative Commons Attribution 4.0",
        "path": "https://creativecommons.org/licenses/by/4.0/",
    },
)

TABLE_TITLES: dict[str, tuple[str, str]] = {
    schema.SOURCES_FILE: (
        "Articles",
        "One row per news article: its outlet, title, publication date and how that "
        "date is known.",
    ),
    schema.CLAIMANTS_FILE: (
        "Claimants",
        "One row per person or body a figure is attributed to, with the party they "
        "speak for.",
    ),
    schema.CLAIMS_FILE: (
        "Claims",
        "One row per numeric claim: the figure, what it counts, who claims it and the "
        "article's words.",
    ),
    schema.NOT_CLAIMS_FILE: (
        "Numbers that are not claims",
        "Every other number written in the articles, with why it is not a claim, so "
        "that no number is left unaccounted for.",
    ),
    schema.PLACES_FILE: (
        "Places",
        "One row per place a claim names, with the larger place it lies in, so that "
        "figures for a part and its whole can be compared.",
    ),
    FIGURES_FILE: (
        "The figure table",
        "Each valid claim joined with its article and its claimant, as the dashboard "
        "shows it; rows with problems are left out.",
    ),
}

COLUMN_DESCRIPTIONS: dict[str, dict[str, str]] = {
    schema.SOURCES_FILE: {
        "article_id": "Short id of the article; claims.csv and not_claims.csv name it by this.",
        "file": "File name of the article's text in the articles/ folder.",
        "outlet": "The outlet that published the article.",
        "title": "The article's headline, or a note saying the stored text has none.",
        "published": "The day the article was published, YYYY-MM-DD; see published_basis. "
        "Empty when no date is known.",
        "published_basis": "How the publication day is known: 'stated' if the article "
        "gives it, 'stated in <where>' if stated outside its text (a web page's metadata, "
        "the list of articles it was added with), 'inferred: ' followed by how it was "
        "worked out, or 'unknown'.",
        "credits": "Wire services and agencies the article credits or quotes, "
        "separated by '; '.",
        "wire": "The wire service whose story the outlet published, where the article "
        "says so; empty for an outlet's own story.",
        "url": "The article's web address, where known.",
        "public_copy": "Where a public copy of the article can be found (site and "
        "article reference), where known.",
    },
    schema.CLAIMANTS_FILE: {
        "claimant_id": "Short id of the claimant; claims.csv names it by this.",
        "name": "The person or body a figure is attributed to, as the articles name them.",
        "organisation": "The organisation the claimant belongs to or speaks for.",
        "claimant_type": "What kind of claimant it is: one of the codebook's claimant "
        "types (government, military, UN agency, monitor, ...).",
        "party": "The side of the conflict, or the role, the claimant speaks for: one of "
        "the codebook's parties; 'unassigned' until a person sets it.",
        "suggested_type": "For a claimant the extractor created, the claimant type its "
        "name suggests, for a person to confirm; empty otherwise.",
        "suggested_party": "For a claimant the extractor created, the party its name "
        "suggests, for a person to confirm; empty otherwise.",
    },
    schema.CLAIMS_FILE: {
        "claim_id": "Id of the claim: the article's id and a running number.",
        "article_id": "The article the claim is made in (sources.csv article_id).",
        "claimant_id": "Who makes the claim (claimants.csv claimant_id).",
        "value": "The figure claimed, as a plain number; the lower end of a range.",
        "value_max": "The upper end of the figure when it is a range; empty otherwise.",
        "unit": "What the figure is counted in: count, hours, days or percent.",
        "qualifier": "How exact the claimant says the figure is: exact, at_least, over, "
        "about, estimated, up_to or as_little_as.",
        "qualifier_text": "The article's own words for the qualifier ('at least', "
        "'some'), where it has them.",
        "measure": "What the figure counts happening (killed, injured, left, ...): one of "
        "the codebook's measures.",
        "subject": "Who or what is counted (civilians, children, fighters, ...): one of "
        "the codebook's subjects.",
        "place": "Where, in the article's words (places.csv place).",
        "period_start": "The first day the figure covers, YYYY-MM-DD, worked out from the "
        "period's words; see period_basis.",
        "period_end": "The last day the figure covers, YYYY-MM-DD, worked out from the "
        "period's words; see period_basis.",
        "period_text": "The article's words for the time the figure covers.",
        "period_basis": "How the period's dates are known: 'stated' if the article names "
        "the days, otherwise 'inferred: ' followed by how they were worked out; empty "
        "when there are none.",
        "relayed_by": "Agencies or outlets the article says the claim came through, "
        "separated by '; '.",
        "blamed_on": "Whom the claimant holds responsible, in the article's words.",
        "quote": "The words of the article that make the claim, verbatim.",
        "notes": "The coder's notes: how the claim was read, and what a reader should "
        "know about it.",
        "review_status": "'checked' if a person has checked the claim against its quote; "
        "'proposed' if the extractor proposed it and no person has reviewed it yet.",
    },
    schema.NOT_CLAIMS_FILE: {
        "article_id": "The article the number is written in (sources.csv article_id).",
        "text": "The number as the article writes it.",
        "context": "The words around the number, verbatim, so that it can be found.",
        "reason": "Why the number is not a claim: one of the codebook's reasons (date, "
        "time, caption, ...).",
    },
    schema.PLACES_FILE: {
        "place": "The place, exactly as claims name it.",
        "part_of": "The listed place it lies in; empty for a place that is part of none "
        "listed (places.csv place).",
    },
}

# The joined table's own columns, each described as what it is in the figure table.
JOINED_DESCRIPTIONS: dict[str, str] = {
    "article_file": "File name of the claim's article in articles/ (sources.csv file).",
    "outlet": "The outlet that published the claim's article (sources.csv outlet).",
    "published": "The day the claim's article was published, YYYY-MM-DD "
    "(sources.csv published).",
    "published_basis": "How that day is known: 'stated', 'stated in ...', "
    "'inferred: ...' or 'unknown' (sources.csv published_basis).",
    "article_title": "The headline of the claim's article (sources.csv title).",
    "wire": "The wire service whose story the outlet published (sources.csv wire).",
    "claimant": "Who makes the claim (claimants.csv name).",
    "claimant_org": "The organisation the claimant belongs to or speaks for "
    "(claimants.csv organisation).",
    "claimant_type": "What kind of claimant it is (claimants.csv claimant_type).",
    "party": "The side the claimant speaks for (claimants.csv party).",
}
COLUMN_DESCRIPTIONS[FIGURES_FILE] = {
    **COLUMN_DESCRIPTIONS[schema.CLAIMS_FILE],
    **JOINED_DESCRIPTIONS,
}

TABLE_COLUMNS: dict[str, tuple[str, ...]] = {**TABLE_FILES, FIGURES_FILE: schema.TABLE_COLUMNS}

# How tables point at each other: (file, column) -> the table whose primary key it names.
FOREIGN_KEYS: dict[str, tuple[tuple[str, str], ...]] = {
    schema.CLAIMS_FILE: (("article_id", schema.SOURCES_FILE),
                         ("claimant_id", schema.CLAIMANTS_FILE),
                         ("place", schema.PLACES_FILE)),
    schema.NOT_CLAIMS_FILE: (("article_id", schema.SOURCES_FILE),),
    FIGURES_FILE: (("article_id", schema.SOURCES_FILE),
                   ("claimant_id", schema.CLAIMANTS_FILE)),
}
PRIMARY_KEYS: dict[str, str] = {**schema.ID_COLUMNS, FIGURES_FILE: "claim_id"}


def resource_name(file_name: str) -> str:
    """A file's resource name: its stem, lower case, with only the characters allowed."""
    return re.sub(r"[^-a-z0-9._]", "-", Path(file_name).stem.lower())


def column_origin(file_name: str, column: str) -> tuple[str, str]:
    """The stored table and column a column's values come from (itself, unless joined)."""
    if file_name != FIGURES_FILE:
        return file_name, column
    return schema.JOINED_COLUMNS.get(column, (schema.CLAIMS_FILE, column))


def field_type(file_name: str, column: str) -> dict[str, str]:
    """The Table Schema type of a column, as the checker reads it."""
    origin, name = column_origin(file_name, column)
    if name in schema.DATE_COLUMNS.get(origin, ()):
        return {"type": "date"}
    if name in schema.NUMBER_COLUMNS.get(origin, ()):
        return {"type": "number", "groupChar": ","}
    return {"type": "string"}


def field_constraints(file_name: str, column: str) -> dict[str, object]:
    """What every value of a column must be: present, and one of a list if controlled."""
    origin, name = column_origin(file_name, column)
    constraints: dict[str, object] = {}
    if name in schema.REQUIRED.get(origin, ()):
        constraints["required"] = True
    if (origin, name) in schema.CONTROLLED:
        constraints["enum"] = list(schema.CONTROLLED[origin, name])
    return constraints


def field(file_name: str, column: str) -> dict[str, object]:
    """One column of a table, described for Table Schema."""
    described: dict[str, object] = {
        "name": column,
        **field_type(file_name, column),
        "description": COLUMN_DESCRIPTIONS[file_name][column],
    }
    constraints = field_constraints(file_name, column)
    if constraints:
        described["constraints"] = constraints
    return described


def table_schema(file_name: str) -> dict[str, object]:
    """A table's columns, key, and the keys it borrows from other tables."""
    described: dict[str, object] = {
        "fields": [field(file_name, column) for column in TABLE_COLUMNS[file_name]],
        "missingValues": [""],
    }
    if file_name in PRIMARY_KEYS:
        described["primaryKey"] = [PRIMARY_KEYS[file_name]]
    if file_name in FOREIGN_KEYS:
        described["foreignKeys"] = [
            {"fields": [column],
             "reference": {"resource": resource_name(target), "fields": [PRIMARY_KEYS[target]]}}
            for column, target in FOREIGN_KEYS[file_name]
        ]
    return described


def table_resource(file_name: str) -> dict[str, object]:
    """One CSV table as a tabular data resource."""
    title, description = TABLE_TITLES[file_name]
    return {
        "name": resource_name(file_name),
        "path": file_name,
        "profile": "tabular-data-resource",
        "title": title,
        "description": description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": table_schema(file_name),
    }


def article_resource(file_name: str, source: dict[str, str] | None) -> dict[str, object]:
    """One article's text as a plain-text resource, saying whose it is."""
    outlet = source["outlet"] if source else "its publisher"
    return {
        "name": f"article-{resource_name(file_name)}",
        "path": f"{schema.ARTICLES_DIR}/{file_name}",
        "profile": "data-resource",
        "title": source["title"] if source else file_name,
        "description": f"The article's text as stored, unchanged, so that every quote "
        f"can be checked against it. Copyright remains with {outlet}.",
        "format": "txt",
        "mediatype": "text/plain",
        "encoding": "utf-8",
    }


def codebook_resource() -> dict[str, object]:
    """The codebook, which explains every column and every controlled value in words."""
    return {
        "name": "codebook",
        "path": schema.CODEBOOK_FILE,
        "profile": "data-resource",
        "title": "Codebook",
        "description": "What every column and every controlled value means, and how "
        "the claims were coded.",
        "format": "md",
        "mediatype": "text/markdown",
        "encoding": "utf-8",
    }


def source_rows(data_dir: Path) -> list[dict[str, str]]:
    """The rows of sources.csv as text, in file order."""
    sources, _problems = read_table(Path(data_dir), schema.SOURCES_FILE)
    return [
        {column: str(row[column]).strip() for column in schema.SOURCE_COLUMNS}
        for row in sources.to_dict("records")
    ]


def package_source(row: dict[str, str]) -> dict[str, str]:
    """One article as a Data Package source: what it is, where it is, when it appeared."""
    return {
        "title": row["title"],
        "path": f"{schema.ARTICLES_DIR}/{row['file']}",
        "outlet": row["outlet"],
        "published": row["published"],
        "published_basis": row["published_basis"],
    }


def present_files(data_dir: Path) -> tuple[list[str], list[str]]:
    """The table files and the article file names a data folder holds, in reading order."""
    folder = Path(data_dir)
    paths = data_files(folder)
    tables = [path.name for path in paths if path.parent == folder]
    articles = [path.name for path in paths if path.parent == folder / schema.ARTICLES_DIR]
    return tables, articles


def datapackage(data_dir: Path, created: date) -> dict[str, object]:
    """The Data Package descriptor of a data folder, as made on the day `created`."""
    folder = Path(data_dir)
    sources = source_rows(folder)
    by_file = {row["file"]: row for row in sources}
    tables, articles = present_files(folder)
    resources = [table_resource(name) for name in tables]
    resources.append(table_resource(FIGURES_FILE))
    resources += [article_resource(name, by_file.get(name)) for name in articles]
    if is_plain_file(folder / schema.CODEBOOK_FILE):
        resources.append(codebook_resource())
    return {
        "profile": PACKAGE_PROFILE,
        "name": PACKAGE_NAME,
        "title": schema.DATASET_NAME,
        "version": schema.DATASET_VERSION,
        "description": f"{PROJECT}: every numeric claim in a set of news articles about "
        "the battle of Aleppo in 2016, side by side, with who claims it and where it "
        "was published.",
        "created": f"{created.isoformat()}T00:00:00Z",
        "licenses": [dict(licence) for licence in LICENSES],
        "contributors": [{"title": PROJECT, "role": "author"}],
        "sources": [package_source(row) for row in sources],
        "resources": resources,
    }


def descriptor_bytes(descriptor: dict[str, object]) -> bytes:
    """A descriptor as the JSON file a person may also read."""
    return (json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def zip_entries(data_dir: Path, table: pd.DataFrame, made_on: date) -> Iterator[tuple[str, bytes]]:
    """Every file of the zip, by its path inside it, in a fixed order."""
    folder = Path(data_dir)
    yield DESCRIPTOR_FILE, descriptor_bytes(datapackage(folder, made_on))
    codebook = folder / schema.CODEBOOK_FILE
    if is_plain_file(codebook):
        yield schema.CODEBOOK_FILE, codebook.read_bytes()
    tables, articles = present_files(folder)
    for name in tables:
        yield name, (folder / name).read_bytes()
    yield FIGURES_FILE, table_csv(table)
    for name in articles:
        yield f"{schema.ARTICLES_DIR}/{name}", (folder / schema.ARTICLES_DIR / name).read_bytes()


def zip_member(path: str, made_on: date) -> zipfile.ZipInfo:
    """A zip entry whose metadata depends only on its path and the day: no clock, no owner."""
    info = zipfile.ZipInfo(path, date_time=(made_on.year, made_on.month, made_on.day, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # Unix, so that the permissions below mean the same everywhere
    info.external_attr = 0o644 << 16
    return info


def dataset_zip(data_dir: Path, table: pd.DataFrame, made_on: date) -> bytes:
    """The data set as a zip: a Data Package with every file byte for byte as stored.

    `table` is the figure table the reader is shown (from `build_figures`), written as
    figures.csv the way the table download writes it. `made_on` dates the descriptor
    and every entry; it must be 1980 or later, the first year a zip can record.
    """
    if made_on.year < 1980:
        raise ValueError(f"a zip cannot date its files before 1980, not {made_on}")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path, payload in zip_entries(Path(data_dir), table, made_on):
            archive.writestr(zip_member(path, made_on), payload, compresslevel=9)
    return buffer.getvalue()
