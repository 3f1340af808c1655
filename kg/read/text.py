"""Input files as text, within sane limits, with errors that say where and what.

Whole-document formats (XML, BibTeX, a JSON document, the page copy) are read
whole, so their files are limited to ``MAX_DOCUMENT_BYTES``; line formats (JSON
Lines, CSV) are streamed, so only each line is limited, to ``MAX_LINE_BYTES``.
Both limits are far above any real abstract and far below what exhausts memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kg.errors import KgError

MAX_DOCUMENT_BYTES = 256 * 2**20
MAX_LINE_BYTES = 2**20
HEAD_BYTES = 64 * 2**10


def whole_text(path: Path) -> str:
    """The text of ``path``, refused if it is larger than ``MAX_DOCUMENT_BYTES``."""
    size = path.stat().st_size
    if size > MAX_DOCUMENT_BYTES:
        raise KgError(
            f"{path}: file is {_size(size)}, over the {_size(MAX_DOCUMENT_BYTES)} limit for a file read "
            "whole; split it, or convert it to JSON Lines, which is read a line at a time"
        )
    data = path.read_bytes()
    return decode(data, path, first_line=1)


def text_lines(path: Path) -> Iterator[tuple[int, str]]:
    """Each line of ``path`` with its number (from 1), its newline kept."""
    with path.open("rb") as file:
        number = 0
        while raw := file.readline(MAX_LINE_BYTES + 1):
            number += 1
            if len(raw) > MAX_LINE_BYTES:
                limit = _size(MAX_LINE_BYTES)
                raise KgError(f"{path}:{number}: line is over the {limit} limit for one record")
            yield number, decode(raw, path, first_line=number)


def head(path: Path) -> str:
    """The start of ``path`` as text, for guessing its format (undecodable bytes replaced)."""
    with path.open("rb") as file:
        return file.read(HEAD_BYTES).decode("utf-8-sig", errors="replace")


def decode(data: bytes, path: Path, first_line: int) -> str:
    """``data`` (from ``first_line`` of ``path``) as UTF-8 text; binary data is an error.

    >>> decode("naïve".encode("latin-1"), Path("p.csv"), first_line=3)
    Traceback (most recent call last):
    kg.errors.KgError: p.csv:3: not UTF-8 text (invalid continuation byte at column 3); save the file as UTF-8
    """
    if first_line == 1 and data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise KgError(f"{path}:1: UTF-16 text, not UTF-8; save the file as UTF-8")
    if b"\x00" in data:
        line = first_line + data.count(b"\n", 0, data.index(b"\x00"))
        raise KgError(f"{path}:{line}: binary data (a NUL byte), not a text file")
    try:
        text = data.decode("utf-8-sig" if first_line == 1 else "utf-8")
    except UnicodeDecodeError as error:
        line = first_line + data.count(b"\n", 0, error.start)
        column = error.start - data.rfind(b"\n", 0, error.start)
        raise KgError(
            f"{path}:{line}: not UTF-8 text ({error.reason} at column {column}); save the file as UTF-8"
        ) from None
    return text


def _size(count: int) -> str:
    return f"{count / 2**20:,.1f} MiB" if count >= 2**20 else f"{count:,} bytes"
