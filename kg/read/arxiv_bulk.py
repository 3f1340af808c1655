"""arXiv's bulk metadata, one paper per line (the ``arxiv-metadata-oai-snapshot`` format).

Each line is an object with ``id``, ``title``, ``abstract``, ``authors`` (one
string), ``authors_parsed`` (``[last, first, suffix]`` lists), ``doi``,
``journal-ref``, ``versions`` (``[{"version": "v1", "created": <RFC 2822 date>}]``)
and ``update_date``; titles and abstracts keep arXiv's hard line breaks, which
are joined. The date is that of the first version, the venue the journal
reference.

>>> import json, tempfile
>>> file = Path(tempfile.mkdtemp()) / "arxiv.json"
>>> _ = file.write_text(json.dumps({"id": "0704.0001", "title": "Calculation of\\n  prompt diphoton",
...     "abstract": "  A fully differential\\ncalculation.", "authors_parsed": [["Balazs", "C.", ""]],
...     "versions": [{"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"}]}))
>>> [(p.id, p.title, p.authors, p.date, p.url) for p in read(file)]
[('0704.0001', 'Calculation of prompt diphoton', ('C. Balazs',), '2007-04-02', 'https://arxiv.org/abs/0704.0001')]
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kg.model import Paper
from kg.read.json_records import list_of, papers_from_json, require_object, text_of
from kg.read.records import BadRecord, clean, normal_arxiv_id, paper


def read(path: Path) -> Iterator[Paper | BadRecord]:
    return papers_from_json(path, _paper)


def sniff(head: str) -> bool:
    return '"authors_parsed"' in head or ('"submitter"' in head and '"versions"' in head)


def _paper(record: Any, where: str) -> Paper:
    record = require_object(record, where)
    arxiv_id = normal_arxiv_id(text_of(record, "id", where), where)
    dois = (text_of(record, "doi", where) or "").split()  # some records list several
    return paper(
        where,
        id=arxiv_id,
        title=clean(text_of(record, "title", where)),
        abstract=clean(text_of(record, "abstract", where)),
        authors=_authors(record, where),
        date=_first_version_date(record, where) or text_of(record, "update_date", where),
        arxiv_id=arxiv_id,
        doi=dois[0] if dois else None,
        url=f"https://arxiv.org/abs/{arxiv_id}" if arxiv_id else None,
        venue=text_of(record, "journal-ref", where),
    )


def _authors(record: dict[str, Any], where: str) -> list[str]:
    names = []
    for parts in list_of(record, "authors_parsed", where):
        if not (isinstance(parts, list) and 1 <= len(parts) <= 3 and all(isinstance(p, str) for p in parts)):
            raise BadRecord(where, "'authors_parsed' should hold [last, first, suffix] lists")
        last, first, suffix = [*parts, "", ""][:3]
        names.append(f"{first} {last} {suffix}")
    if not names:
        names = (text_of(record, "authors", where) or "").replace(" and ", ", ").split(",")
    return names


def _first_version_date(record: dict[str, Any], where: str) -> str | None:
    versions = list_of(record, "versions", where)
    if not versions:
        return None
    return text_of(require_object(versions[0], where), "created", where)
