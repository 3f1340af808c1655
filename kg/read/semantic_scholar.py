"""Semantic Scholar Graph API papers: one paper, a batch list, or a search response.

A paper (``/graph/v1/paper/{id}?fields=...``) has ``paperId``, ``title``,
``abstract``, ``authors`` (``[{"authorId", "name"}]``), ``year``,
``publicationDate``, ``venue``, ``journal`` and ``externalIds`` (``ArXiv``,
``DOI``, ...). A search response holds papers under ``data``; a batch response
is a list with ``null`` for each id it did not find (a bad record here).

>>> import json, tempfile
>>> file = Path(tempfile.mkdtemp()) / "s2.json"
>>> _ = file.write_text(json.dumps({"paperId": "204e3073", "title": "Attention Is All You Need",
...     "abstract": "The dominant sequence transduction models ...", "externalIds": {"ArXiv": "1706.03762"},
...     "year": 2017, "authors": [{"authorId": "40348417", "name": "Ashish Vaswani"}]}))
>>> [(p.id, p.arxiv_id, p.date, p.authors) for p in read(file)]
[('204e3073', '1706.03762', '2017', ('Ashish Vaswani',))]
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kg.model import Paper
from kg.read.json_records import list_of, object_of, papers_from_json, require_object, text_of
from kg.read.records import BadRecord, paper


def read(path: Path) -> Iterator[Paper | BadRecord]:
    return papers_from_json(path, _paper)


def sniff(head: str) -> bool:
    return '"paperId"' in head


def _paper(record: Any, where: str) -> Paper:
    if record is None:
        raise BadRecord(where, "null (the API found no paper for this id)")
    record = require_object(record, where)
    external = object_of(record, "externalIds", where)
    return paper(
        where,
        id=text_of(record, "paperId", where),
        title=text_of(record, "title", where),
        abstract=text_of(record, "abstract", where),
        authors=[
            text_of(require_object(author, where), "name", where) or ""
            for author in list_of(record, "authors", where)
        ],
        date=text_of(record, "publicationDate", where) or text_of(record, "year", where),
        arxiv_id=text_of(external, "ArXiv", where),
        doi=text_of(external, "DOI", where),
        url=text_of(record, "url", where),
        venue=text_of(record, "venue", where) or text_of(object_of(record, "journal", where), "name", where),
    )
