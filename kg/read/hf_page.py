"""The Hugging Face papers page, copied from a browser as plain text.

The page is a run of paragraphs (non-blank lines). Each paper is a title
paragraph followed by its abstract paragraph; around them sits page chrome
("Subscribe", dates, vote counts). A title is one short line that does not end
a sentence; an abstract is a long paragraph of several sentences. Pairs are
recognised by that shape, so the chrome needs no list.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path

from kg.errors import KgError
from kg.model import Paper
from kg.read.records import BadRecord, paper
from kg.read.text import whole_text

_MAX_TITLE = 300
_MIN_ABSTRACT = 200
_SENTENCE_END = re.compile(r"[.!?][\"')\]]?(?:\s|$)")


def _is_title(line: str) -> bool:
    return 0 < len(line) <= _MAX_TITLE and not line.endswith((".", "!")) and " " in line


def _is_abstract(line: str) -> bool:
    return len(line) >= _MIN_ABSTRACT and len(_SENTENCE_END.findall(line)) >= 2


def read(path: Path) -> Iterator[Paper | BadRecord]:
    lines = whole_text(path).splitlines()
    paragraphs = [(number, line.strip()) for number, line in enumerate(lines, 1) if line.strip()]
    found = 0
    for (number, title), (_, abstract) in itertools.pairwise(paragraphs):
        if _is_title(title) and _is_abstract(abstract):
            found += 1
            yield paper(f"{path}:{number}", title=title, abstract=abstract)
    if not found:
        raise KgError(f"{path}: no title/abstract pairs (a title line followed by an abstract paragraph)")


def sniff(head: str) -> bool:
    """Never: a page copy is plain text, told apart only by its ``.txt`` name."""
    return False
