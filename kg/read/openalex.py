"""OpenAlex works: a saved ``/works`` API response, one work, a list, or JSON Lines.

OpenAlex does not ship abstracts as text but as ``abstract_inverted_index``
(word -> positions), for legal reasons; the abstract is rebuilt by placing each
word at its positions. The paper id is the short OpenAlex id (``W2741809807``);
authors come from ``authorships``, the venue from the primary location's
source (unless a repository), and the arXiv id from any location on arxiv.org.

>>> invert({"Attention": [0], "is": [1], "all": [2], "you": [3], "need": [4]}, "-")
'Attention is all you need'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kg.model import Paper
from kg.read.json_records import list_of, object_of, papers_from_json, require_object, text_of
from kg.read.records import MAX_ABSTRACT_CHARS, BadRecord, paper

_ARXIV_LANDING = re.compile(r"arxiv\.org/(?:abs|pdf)/(.+?)(?:\.pdf)?$", re.IGNORECASE)


def read(path: Path) -> Iterator[Paper | BadRecord]:
    return papers_from_json(path, _paper)


def sniff(head: str) -> bool:
    return '"abstract_inverted_index"' in head


def invert(index: Any, where: str) -> str:
    """The text whose inverted index (word -> positions) is ``index``."""
    if index is None:
        return ""
    if not isinstance(index, dict):
        raise BadRecord(where, "'abstract_inverted_index' should map words to positions")
    words: dict[int, str] = {}
    for word, positions in index.items():
        if not isinstance(positions, list) or not all(_is_position(p) for p in positions):
            raise BadRecord(where, f"'abstract_inverted_index' has bad positions for {word!r}")
        words.update((position, word) for position in positions)
    return " ".join(words[position] for position in sorted(words))


def _is_position(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_ABSTRACT_CHARS


def _paper(record: Any, where: str) -> Paper:
    work = require_object(record, where)
    primary = object_of(work, "primary_location", where)
    return paper(
        where,
        id=(text_of(work, "id", where) or "").rsplit("/", 1)[-1],
        title=text_of(work, "title", where) or text_of(work, "display_name", where),
        abstract=invert(work.get("abstract_inverted_index"), where),
        authors=[
            text_of(object_of(require_object(item, where), "author", where), "display_name", where) or ""
            for item in list_of(work, "authorships", where)
        ],
        date=text_of(work, "publication_date", where) or text_of(work, "publication_year", where),
        arxiv_id=_arxiv_id(work, where),
        doi=text_of(work, "doi", where),
        url=text_of(primary, "landing_page_url", where) or text_of(work, "doi", where),
        venue=_venue(object_of(primary, "source", where), where),
    )


def _venue(source: dict[str, Any], where: str) -> str | None:
    """The source's name, unless it is a repository (arXiv, Zenodo), which is no venue."""
    return None if source.get("type") == "repository" else text_of(source, "display_name", where)


def _arxiv_id(work: dict[str, Any], where: str) -> str | None:
    for location in list_of(work, "locations", where):
        url = text_of(require_object(location, where), "landing_page_url", where)
        found = _ARXIV_LANDING.search(url or "")
        if found:
            return found.group(1)
    return None
