"""CSV and TSV tables with a header row: one paper per row.

Columns are recognised by their usual names, case, spaces and punctuation
ignored, so exports from Zotero (``Title``, ``Abstract Note``, ``Publication
Title``), Scopus (``Source title``, ``Link``), Web of Science (``TI``, ``AB``,
``AU``, ``PY``) and hand-made sheets all read as they are; see ``COLUMNS``. A
title and an abstract column are required. ``authors`` are split on ``;`` if
the cell has one, else on `` and ``, else on commas. The delimiter (comma, tab
or semicolon) is the one the header line uses most.

>>> import tempfile
>>> file = Path(tempfile.mkdtemp()) / "papers.csv"
>>> _ = file.write_text('Title,Abstract Note,Author,Publication Year\\n'
...                     '"LoRA","We propose LoRA.","Hu, E.; Shen, Y.",2021\\n')
>>> [(p.id, p.title, p.authors, p.date) for p in read(file)]
[('lora', 'LoRA', ('Hu, E.', 'Shen, Y.'), '2021')]
"""

from __future__ import annotations

import csv
import itertools
import re
from collections.abc import Iterator
from pathlib import Path

from kg.errors import KgError
from kg.model import Paper
from kg.read.records import BadRecord, paper
from kg.read.text import text_lines

COLUMNS: dict[str, tuple[str, ...]] = {
    "title": ("title", "paper title", "article title", "document title", "TI"),
    "abstract": ("abstract", "abstract note", "summary", "AB"),
    "id": ("id", "paper id", "key", "UT"),
    "arxiv_id": ("arxiv id", "arxiv", "eprint"),
    "doi": ("doi", "DI"),
    "date": ("date", "publication date", "published", "year", "publication year", "PY"),
    "authors": ("authors", "author", "creators", "AU"),
    "url": ("url", "link"),
    "venue": ("venue", "journal", "publication title", "source title", "booktitle", "conference", "SO"),
}
_REQUIRED = ("title", "abstract")
_DELIMITERS = ",\t;"


def read(path: Path) -> Iterator[Paper | BadRecord]:
    lines = (line for _, line in text_lines(path))
    first = next(lines, "")
    rows = csv.reader(itertools.chain([first], lines), delimiter=_delimiter(first))
    try:
        header = next(rows, [])
        columns = _columns(header)
        missing = [name for name in _REQUIRED if name not in columns]
        if missing:
            expected = " or ".join(repr(alias) for alias in COLUMNS[missing[0]][:3])
            found = ", ".join(map(repr, header)) or "nothing"
            raise KgError(
                f"{path}:1: no {missing[0]} column (the header has {found}; "
                f"name it {expected}, or pass --format if this is not a table)"
            )
        start = rows.line_num + 1
        for row in rows:
            where, start = f"{path}:{start}", rows.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                yield BadRecord(where, f"row has {len(row)} fields, the header has {len(header)}")
                continue
            cells = {name: row[index] for name, index in columns.items()}
            authors = _split_authors(cells.pop("authors", ""))
            try:
                yield paper(where, **cells, authors=authors)
            except BadRecord as bad:
                yield bad
    except csv.Error as error:
        raise KgError(f"{path}:{rows.line_num}: not valid CSV ({error})") from None


def sniff(head: str) -> bool:
    first = head.splitlines()[0] if head else ""
    try:
        header = next(csv.reader([first], delimiter=_delimiter(first)), [])
    except csv.Error:
        return False
    return all(name in _columns(header) for name in _REQUIRED)


def _delimiter(line: str) -> str:
    return max(_DELIMITERS, key=line.count)


def _columns(header: list[str]) -> dict[str, int]:
    """Field name -> column index, the first column of each usual name winning."""
    keys = [_key(name) for name in header]
    columns = {}
    for field, aliases in _COLUMN_KEYS.items():
        found = [index for index, key in enumerate(keys) if key in aliases]
        if found:
            columns[field] = found[0]
    return columns


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


_COLUMN_KEYS = {field: {_key(alias) for alias in aliases} for field, aliases in COLUMNS.items()}


def _split_authors(cell: str) -> list[str]:
    for separator in (";", " and "):
        if separator in cell:
            return cell.split(separator)
    return cell.split(",")
