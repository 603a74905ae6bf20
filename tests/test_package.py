"""The data set zip: a Data Package whose files are the stored ones, byte for byte."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from datetime import date
from pathlib import Path

import pytest

from figures import schema
from figures.export import table_csv
from figures.load import DEFAULT_DATA_DIR, TABLE_FILES
from figures.package import (
    COLUMN_DESCRIPTIONS,
    FIGURES_FILE,
    datapackage,
    dataset_zip,
)
from figures.table import Figures, build_figures
from tests.conftest import TinyFolder

MADE_ON = date(2026, 11, 21)
NAME_PATTERN = re.compile(r"^[-a-z0-9._/]+$")
FIELD_TYPES = {"string", "number", "date"}


@pytest.fixture(scope="module")
def archive(shipped: Figures) -> zipfile.ZipFile:
    """The zip of the shipped data folder."""
    return zipfile.ZipFile(io.BytesIO(dataset_zip(DEFAULT_DATA_DIR, shipped.table, MADE_ON)))


@pytest.fixture(scope="module")
def descriptor(archive: zipfile.ZipFile) -> dict:
    """The datapackage.json inside the zip."""
    return json.loads(archive.read("datapackage.json"))


def tabular(descriptor: dict) -> dict[str, dict]:
    """The package's table resources, by name."""
    return {
        resource["name"]: resource
        for resource in descriptor["resources"]
        if resource.get("profile") == "tabular-data-resource"
    }


def fields_of(descriptor: dict, name: str) -> dict[str, dict]:
    """A table resource's fields, by column name."""
    return {field["name"]: field for field in tabular(descriptor)[name]["schema"]["fields"]}


def csv_rows(archive: zipfile.ZipFile, path: str) -> list[list[str]]:
    """A CSV file inside the zip, header first."""
    return list(csv.reader(io.StringIO(archive.read(path).decode("utf-8-sig"), newline="")))


def test_package_has_the_required_keys(descriptor: dict) -> None:
    """Software reading Data Packages finds a valid name, its resources and its metadata."""
    assert descriptor["profile"] == "data-package"
    assert descriptor["name"] == "contested-figures-aleppo-2016"
    assert descriptor["title"] == schema.DATASET_NAME
    assert descriptor["version"] == schema.DATASET_VERSION
    assert descriptor["created"] == "2026-11-21T00:00:00Z"
    assert descriptor["licenses"] and all(
        "name" in licence or "path" in licence for licence in descriptor["licenses"]
    )
    names = [resource["name"] for resource in descriptor["resources"]]
    assert len(names) == len(set(names))
    assert all(NAME_PATTERN.match(name) for name in [descriptor["name"], *names])
    assert all("path" in resource for resource in descriptor["resources"])


def test_tables_are_tabular_resources_with_typed_described_fields(descriptor: dict) -> None:
    """Each CSV is a table resource whose every column has a type and a description."""
    tables = tabular(descriptor)
    assert sorted(resource["path"] for resource in tables.values()) == sorted(
        [*TABLE_FILES, FIGURES_FILE]
    )
    for resource in tables.values():
        assert (resource["format"], resource["encoding"]) == ("csv", "utf-8")
        for described in resource["schema"]["fields"]:
            assert described["type"] in FIELD_TYPES
            assert described["description"]


def test_every_file_in_the_zip_is_a_resource(archive: zipfile.ZipFile, descriptor: dict) -> None:
    """Nothing in the zip goes unlisted, and nothing listed is missing from it."""
    paths = {resource["path"] for resource in descriptor["resources"]}
    assert paths | {"datapackage.json"} == set(archive.namelist())


def test_every_csv_header_matches_its_schema(archive: zipfile.ZipFile, descriptor: dict) -> None:
    """Each table's fields are its CSV header, in order: no column undescribed or invented."""
    for resource in tabular(descriptor).values():
        header = csv_rows(archive, resource["path"])[0]
        assert [field["name"] for field in resource["schema"]["fields"]] == header


def test_every_foreign_key_resolves(archive: zipfile.ZipFile, descriptor: dict) -> None:
    """Each key a table borrows names another table's primary key and every value is there."""
    tables = tabular(descriptor)
    checked = 0
    for resource in tables.values():
        rows = csv_rows(archive, resource["path"])
        for key in resource["schema"].get("foreignKeys", []):
            target = tables[key["reference"]["resource"]]
            assert key["reference"]["fields"] == target["schema"]["primaryKey"]
            (column,), (target_column,) = key["fields"], key["reference"]["fields"]
            target_rows = csv_rows(archive, target["path"])
            known = {row[target_rows[0].index(target_column)] for row in target_rows[1:]}
            used = {row[rows[0].index(column)] for row in rows[1:]}
            assert used <= known, (resource["name"], column, used - known)
            checked += 1
    assert checked == 6


def test_keys_are_declared(descriptor: dict) -> None:
    """Articles, claimants, claims and places each have their id as key; claims point to
    their article, claimant and place."""
    keys = {name: resource["schema"].get("primaryKey") for name, resource in
            tabular(descriptor).items()}
    assert keys == {"sources": ["article_id"], "claimants": ["claimant_id"],
                    "claims": ["claim_id"], "not_claims": None, "places": ["place"],
                    "figures": ["claim_id"]}
    claims = tabular(descriptor)["claims"]["schema"]["foreignKeys"]
    assert claims == [
        {"fields": ["article_id"], "reference": {"resource": "sources", "fields": ["article_id"]}},
        {"fields": ["claimant_id"],
         "reference": {"resource": "claimants", "fields": ["claimant_id"]}},
        {"fields": ["place"], "reference": {"resource": "places", "fields": ["place"]}},
    ]


def test_every_column_is_described() -> None:
    """Every column of every table, joined ones too, has a description a person can read."""
    expected = {**TABLE_FILES, FIGURES_FILE: schema.TABLE_COLUMNS}
    for name, columns in expected.items():
        assert list(COLUMN_DESCRIPTIONS[name]) == list(columns), name
        assert all(text.strip() for text in COLUMN_DESCRIPTIONS[name].values()), name


def test_controlled_columns_list_their_values(descriptor: dict) -> None:
    """A column with a controlled list says which values it may hold."""
    fields = fields_of(descriptor, "claimants")
    assert fields["party"]["constraints"] == {"required": True, "enum": list(schema.PARTIES)}
    figures = fields_of(descriptor, "figures")
    assert figures["party"]["constraints"] == fields["party"]["constraints"]
    assert figures["published"]["type"] == "date"
    assert figures["value"]["type"] == "number"


def test_sources_of_a_tiny_folder(tiny_folder: TinyFolder) -> None:
    """Each article is a source: its title, its file in the zip, outlet, day and how known."""
    assert datapackage(tiny_folder(), MADE_ON)["sources"] == [
        {"title": "Clashes in Northtown", "path": "articles/tiny.txt",
         "outlet": "Daily Example", "published": "2020-05-04", "published_basis": "stated"},
    ]


def test_articles_are_text_resources_naming_their_publisher(tiny_folder: TinyFolder) -> None:
    """An article is listed as plain text, titled, and says whose copyright it is."""
    resources = datapackage(tiny_folder(), MADE_ON)["resources"]
    article = next(resource for resource in resources if resource["path"] == "articles/tiny.txt")
    assert article == {
        "name": "article-tiny",
        "path": "articles/tiny.txt",
        "profile": "data-resource",
        "title": "Clashes in Northtown",
        "description": "The article's text as stored, unchanged, so that every quote can be "
        "checked against it. Copyright remains with Daily Example.",
        "format": "txt",
        "mediatype": "text/plain",
        "encoding": "utf-8",
    }


def test_zip_holds_the_stored_files_byte_for_byte(archive: zipfile.ZipFile) -> None:
    """The tables and articles a reader takes away are exactly the ones the page reads."""
    stored = [DEFAULT_DATA_DIR / name for name in TABLE_FILES]
    stored += sorted((DEFAULT_DATA_DIR / schema.ARTICLES_DIR).glob("*.txt"))
    assert len(stored) == 10
    for path in stored:
        inside = path.relative_to(DEFAULT_DATA_DIR).as_posix()
        assert archive.read(inside) == path.read_bytes(), inside


def test_zip_holds_the_figure_table_as_downloaded(
    archive: zipfile.ZipFile, shipped: Figures
) -> None:
    """figures.csv is the same bytes as the table download."""
    assert archive.read("figures.csv") == table_csv(shipped.table)


def test_zip_descriptor_is_the_package_of_the_folder(descriptor: dict) -> None:
    """The datapackage.json in the zip is the descriptor of the data folder on that day."""
    assert descriptor == datapackage(DEFAULT_DATA_DIR, MADE_ON)


def test_zip_is_the_same_bytes_every_time(shipped: Figures) -> None:
    """Two builds of the same data on the same day are identical, so downloads compare."""
    first = dataset_zip(DEFAULT_DATA_DIR, shipped.table, MADE_ON)
    again = dataset_zip(DEFAULT_DATA_DIR, build_figures(DEFAULT_DATA_DIR).table, MADE_ON)
    assert first == again


def test_zip_entries_are_dated_the_day_it_was_made(archive: zipfile.ZipFile) -> None:
    """Every file in the zip carries the day it was made, not the moment of the build."""
    assert {info.date_time for info in archive.infolist()} == {(2026, 11, 21, 0, 0, 0)}


def test_zip_lists_files_in_a_fixed_order(tiny_folder: TinyFolder) -> None:
    """The descriptor comes first, then the tables, the figure table and the articles."""
    folder = tiny_folder()
    names = zipfile.ZipFile(io.BytesIO(
        dataset_zip(folder, build_figures(folder).table, MADE_ON))).namelist()
    assert names == ["datapackage.json", "sources.csv", "claimants.csv", "claims.csv",
                     "not_claims.csv", "places.csv", "figures.csv", "articles/tiny.txt"]


def test_codebook_is_packed_when_present(data_copy: Path, shipped: Figures) -> None:
    """A folder with a codebook ships it, byte for byte, and lists it."""
    codebook = data_copy / schema.CODEBOOK_FILE
    codebook.write_text("# Codebook\n\nEvery column, explained.\n", encoding="utf-8")
    packed = zipfile.ZipFile(io.BytesIO(dataset_zip(data_copy, shipped.table, MADE_ON)))
    assert packed.read("README.md") == codebook.read_bytes()
    paths = [resource["path"] for resource in datapackage(data_copy, MADE_ON)["resources"]]
    assert "README.md" in paths


def test_codebook_is_left_out_when_absent(data_copy: Path, shipped: Figures) -> None:
    """A folder without a codebook still packs, with no codebook listed."""
    (data_copy / schema.CODEBOOK_FILE).unlink(missing_ok=True)
    packed = zipfile.ZipFile(io.BytesIO(dataset_zip(data_copy, shipped.table, MADE_ON)))
    assert "README.md" not in packed.namelist()
    paths = [resource["path"] for resource in datapackage(data_copy, MADE_ON)["resources"]]
    assert "README.md" not in paths


def test_zip_cannot_be_dated_before_1980(shipped: Figures) -> None:
    """A day a zip cannot record is refused with a message, not written wrongly."""
    with pytest.raises(ValueError, match="before 1980"):
        dataset_zip(DEFAULT_DATA_DIR, shipped.table, date(1979, 12, 31))
