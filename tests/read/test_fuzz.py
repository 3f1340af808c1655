"""Fuzzing the readers: whatever the bytes, reading raises nothing but ``KgError``.

Three kinds of input: arbitrary bytes under every file name and forced format;
the hand-written fixtures with bytes deleted, inserted, replaced or cut off; and
well-formed JSON records whose fields hold values of any JSON type (the type
confusion an API change or a hand-edited file produces).

The default run is short, to keep the suite fast; a long session is

    KG_FUZZ_EXAMPLES=20000 pytest tests/read/test_fuzz.py
"""

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import KgError
from kg.read import FORMATS, SUFFIXES, read_corpus

FIXTURES = sorted((Path(__file__).parent / "data").iterdir())
FUZZ = settings(
    max_examples=int(os.environ.get("KG_FUZZ_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
FIELDS = [
    "id", "title", "abstract", "text", "authors", "date", "year", "doi", "arxiv_id", "url", "venue",
    "paperId", "externalIds", "publicationDate", "journal", "results", "data",
    "abstract_inverted_index", "authorships", "primary_location", "locations", "publication_date",
    "display_name",
    "authors_parsed", "versions", "journal-ref", "submitter", "update_date",
]  # fmt: skip
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(FIELDS), children, max_size=4)
    ),
    max_leaves=12,
)


def read_only_kg_errors(file: Path, format: str | None) -> None:
    for skip_bad in (False, True):
        try:
            read_corpus([file], format=format, skip_bad=skip_bad)
        except KgError as error:
            assert str(error).strip() and "\n" not in str(error), "one line naming what is wrong"


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@FUZZ
@given(
    data=st.binary(max_size=3000),
    suffix=st.sampled_from([*SUFFIXES, ".dat"]),
    format=st.sampled_from([None, *FORMATS]),
)
def test_arbitrary_bytes(folder, data, suffix, format):
    file = folder / f"input{suffix}"
    file.write_bytes(data)
    read_only_kg_errors(file, format)


MUTATION = st.tuples(
    st.sampled_from(["delete", "insert", "replace", "truncate"]),
    st.floats(0, 1),
    st.binary(min_size=1, max_size=8),
)


@FUZZ
@given(fixture=st.sampled_from(FIXTURES), mutations=st.lists(MUTATION, min_size=1, max_size=6))
def test_mutated_valid_files(folder, fixture, mutations):
    data = fixture.read_bytes()
    for kind, where, chunk in mutations:
        at = int(where * len(data))
        if kind == "delete":
            data = data[:at] + data[at + len(chunk) :]
        elif kind == "insert":
            data = data[:at] + chunk + data[at:]
        elif kind == "replace":
            data = data[:at] + chunk + data[at + len(chunk) :]
        else:
            data = data[:at]
    file = folder / fixture.name
    file.write_bytes(data)
    read_only_kg_errors(file, None)


@FUZZ
@given(
    records=st.lists(
        st.dictionaries(st.sampled_from(FIELDS), JSON_VALUES, max_size=8), min_size=1, max_size=3
    ),
    as_lines=st.booleans(),
    format=st.sampled_from([None, "jsonl", "openalex", "semantic-scholar", "arxiv-bulk"]),
)
def test_json_records_with_fields_of_any_type(folder, records, as_lines, format):
    file = folder / "records.json"
    text = "".join(json.dumps(r) + "\n" for r in records) if as_lines else json.dumps({"results": records})
    file.write_text(text)
    read_only_kg_errors(file, format)


@FUZZ
@given(
    cells=st.lists(st.lists(st.text(max_size=30), min_size=1, max_size=5), min_size=1, max_size=4),
    format=st.sampled_from(["csv", "bibtex", "arxiv-atom", "hf-page"]),
)
def test_text_formats_with_arbitrary_text(folder, cells, format):
    file = folder / "table.csv"
    file.write_text("title,abstract,date,doi,arxiv id\n" + "\n".join(",".join(row) for row in cells) + "\n")
    read_only_kg_errors(file, format)
