"""JSON Lines records: ``{"id", "title", "abstract"}`` or ``{"id", "text"}``.

A record with only ``text`` is a paper with an empty title, so that sentence-level
corpora go through the same pipeline as abstracts.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from kg.errors import KgError
from kg.model import Paper
from kg.read.slug import slugify


def paper_from_record(record: object, where: str) -> Paper:
    if not isinstance(record, dict):
        raise KgError(f"{where}: expected a JSON object, got {type(record).__name__}")
    title = record.get("title") or ""
    abstract = record.get("abstract") or record.get("text") or ""
    if not isinstance(title, str) or not isinstance(abstract, str):
        raise KgError(f"{where}: 'title' and 'abstract' must be strings")
    if not abstract.strip() and not title.strip():
        raise KgError(f"{where}: record has no 'title', 'abstract' or 'text'")
    raw_id = record.get("id")
    paper_id = str(raw_id) if raw_id not in (None, "") else slugify(title or abstract[:80])
    if not paper_id:
        raise KgError(f"{where}: record has no 'id' and no title to make one from")
    return Paper(id=paper_id, title=title, abstract=abstract, source=where)


def read(path: Path) -> Iterator[Paper]:
    try:
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                where = f"{path}:{number}"
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    raise KgError(f"{where}: not valid JSON ({error.msg} at column {error.colno})") from None
                yield paper_from_record(record, where)
    except UnicodeDecodeError as error:
        raise KgError(f"{path}: not UTF-8 text ({error.reason} at byte {error.start})") from None
