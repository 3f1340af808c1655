"""JSON records: ``{"id", "title", "abstract"}`` or ``{"id", "text"}``, with optional metadata.

One record per line (JSON Lines), or one JSON document holding a list of them.
Titles and abstracts are taken verbatim (``kg extract``'s offsets index them).
A record with only ``text`` is a paper with an empty title, so that sentence-level
corpora go through the same pipeline as abstracts. Optional fields: ``authors``
(a list of names, or one string), ``date`` (or ``year``), ``arxiv_id``, ``doi``,
``url``, ``venue``.

>>> import tempfile
>>> file = Path(tempfile.mkdtemp()) / "p.jsonl"
>>> _ = file.write_text('{"id": "p1", "title": "T", "abstract": "A.", "authors": ["Ada"], "year": 2024}\\n')
>>> [(p.id, p.authors, p.date) for p in read(file)]
[('p1', ('Ada',), '2024')]
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kg.model import Paper
from kg.read.json_records import list_of, papers_from_json, require_object, text_of
from kg.read.records import BadRecord, paper


def read(path: Path) -> Iterator[Paper | BadRecord]:
    return papers_from_json(path, paper_from_record)


def sniff(head: str) -> bool:
    return head.lstrip().startswith(("{", "["))


def paper_from_record(record: Any, where: str) -> Paper:
    record = require_object(record, where)
    abstract = text_of(record, "abstract", where)
    abstract_key = "abstract" if abstract else "text"
    abstract = abstract or text_of(record, "text", where)
    if not (abstract or "").strip() and not (text_of(record, "title", where) or "").strip():
        raise BadRecord(where, "record has no 'title', 'abstract' or 'text'")
    return paper(
        where,
        id=text_of(record, "id", where),
        title=text_of(record, "title", where),
        abstract=abstract,
        authors=_authors(record, where),
        date=text_of(record, "date", where) or text_of(record, "year", where),
        arxiv_id=text_of(record, "arxiv_id", where),
        doi=text_of(record, "doi", where),
        url=text_of(record, "url", where),
        venue=text_of(record, "venue", where),
        abstract_key=abstract_key,
    )


def _authors(record: dict[str, Any], where: str) -> list[str]:
    if isinstance(record.get("authors"), str):
        return [record["authors"]]
    names = list_of(record, "authors", where)
    if not all(isinstance(name, str) for name in names):
        raise BadRecord(where, "'authors' should be a list of names")
    return names
