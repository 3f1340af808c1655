"""A saved arXiv API response: the Atom feed of ``export.arxiv.org/api/query``.

Each ``<entry>`` is a paper: ``<id>`` (its abs URL, with version), ``<title>``,
``<summary>`` (the abstract), ``<author><name>``, ``<published>``, and in the
``arxiv`` namespace ``<arxiv:doi>`` and ``<arxiv:journal_ref>`` (the venue, if
published). An entry whose
id is under ``/api/errors`` is the API reporting a bad query (a bad record
here). The feed is parsed with ``defusedxml``, which refuses entity expansion
and external references, so a hostile file cannot exhaust memory or read
other files.

>>> import tempfile
>>> file = Path(tempfile.mkdtemp()) / "query.xml"
>>> _ = file.write_text('<feed xmlns="http://www.w3.org/2005/Atom"><entry>'
...     '<id>http://arxiv.org/abs/1706.03762v7</id><title>Attention Is All\\n  You Need</title>'
...     '<summary>The dominant sequence transduction models.</summary><published>2017-06-12T17:57:34Z'
...     '</published><author><name>Ashish Vaswani</name></author></entry></feed>')
>>> [(p.id, p.title, p.date, p.authors, p.venue) for p in read(file)]
[('1706.03762', 'Attention Is All You Need', '2017-06-12', ('Ashish Vaswani',), None)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import ElementTree

from kg.errors import KgError
from kg.model import Paper
from kg.read.records import BadRecord, clean, paper
from kg.read.text import whole_text

ATOM = "{http://www.w3.org/2005/Atom}"
ARXIV = "{http://arxiv.org/schemas/atom}"


def read(path: Path) -> Iterator[Paper | BadRecord]:
    try:
        feed = ElementTree.fromstring(whole_text(path))
    except ParseError as error:
        line, column = error.position
        raise KgError(f"{path}:{line}: not valid XML ({_reason(error)} at column {column + 1})") from None
    except ValueError as error:  # defusedxml's refusals
        raise KgError(f"{path}: refused XML ({error})") from None
    if feed.tag != f"{ATOM}feed":
        raise KgError(f"{path}: not an Atom feed (the root element is <{_local(feed.tag)}>, not <feed>)")
    for number, entry in enumerate(feed.iter(f"{ATOM}entry"), 1):
        try:
            yield _paper(entry, f"{path}: entry {number}")
        except BadRecord as bad:
            yield bad


def sniff(head: str) -> bool:
    return "<feed" in head and "http://www.w3.org/2005/Atom" in head


def _paper(entry: Element, where: str) -> Paper:
    abs_url = _text(entry, f"{ATOM}id")
    if "/api/errors" in abs_url:
        raise BadRecord(where, f"the arXiv API reported an error: {_text(entry, f'{ATOM}summary')}")
    return paper(
        where,
        title=_text(entry, f"{ATOM}title"),
        abstract=_text(entry, f"{ATOM}summary"),
        id=None,
        authors=[clean(author.findtext(f"{ATOM}name")) for author in entry.iter(f"{ATOM}author")],
        date=_text(entry, f"{ATOM}published"),
        arxiv_id=abs_url,
        doi=_text(entry, f"{ARXIV}doi"),
        url=re.sub(r"v\d+$", "", abs_url),
        venue=_text(entry, f"{ARXIV}journal_ref") or None,
    )


def _text(entry: Element, tag: str) -> str:
    return clean("".join(entry.find(tag).itertext())) if entry.find(tag) is not None else ""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _reason(error: ParseError) -> str:
    return re.sub(r": line \d+, column \d+$", "", str(error))
