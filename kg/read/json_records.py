"""The records of a JSON file, whatever its shape.

APIs and dumps wrap their records differently; every JSON-based reader accepts
all of these and sees only ``(where, record)`` pairs:

- JSON Lines: one record per line (streamed; ``where`` is ``file:line``);
- one JSON document: a record, a list of records, or an API response holding
  its records under ``results`` (OpenAlex) or ``data`` (Semantic Scholar search)
  (``where`` is ``file: record N``).

A file is JSON Lines when its first line is a whole JSON value and more follows.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from kg.errors import KgError
from kg.model import Paper
from kg.read import text
from kg.read.records import BadRecord
from kg.read.text import text_lines, whole_text

_WRAPPERS = ("results", "data")


def json_records(path: Path) -> Iterator[tuple[str, Any] | BadRecord]:
    """Each record of ``path`` with where it is, or a ``BadRecord`` for a line that is not JSON.

    >>> import tempfile
    >>> file = Path(tempfile.mkdtemp()) / "r.json"
    >>> _ = file.write_text('{"meta": {"count": 2},\\n "results": [{"id": 1}, {"id": 2}]}')
    >>> [record for _, record in json_records(file)]
    [{'id': 1}, {'id': 2}]
    """
    if _is_json_lines(path):
        for number, line in text_lines(path):
            if line.strip():
                where = f"{path}:{number}"
                try:
                    yield where, _loads(line)
                except ValueError as error:
                    yield BadRecord(where, f"not valid JSON ({error})")
        return
    try:
        document = _loads(whole_text(path))
    except json.JSONDecodeError as error:
        where = f"{path}:{error.lineno}"
        raise KgError(f"{where}: not valid JSON ({error.msg} at column {error.colno})") from None
    except ValueError as error:
        raise KgError(f"{path}: not valid JSON ({error})") from None
    if isinstance(document, dict):
        wrapped = [document[key] for key in _WRAPPERS if isinstance(document.get(key), list)]
        records = wrapped[0] if wrapped else [document]
    elif isinstance(document, list):
        records = document
    else:
        raise KgError(f"{path}: expected JSON objects, got a JSON {type(document).__name__}")
    for number, record in enumerate(records, 1):
        yield f"{path}: record {number}", record


def papers_from_json(path: Path, paper_of: Callable[[Any, str], Paper]) -> Iterator[Paper | BadRecord]:
    """``paper_of(record, where)`` for each record of ``path``, a bad record yielded, not raised."""
    for item in json_records(path):
        if isinstance(item, BadRecord):
            yield item
            continue
        where, record = item
        try:
            yield paper_of(record, where)
        except BadRecord as bad:
            yield bad


def _is_json_lines(path: Path) -> bool:
    with path.open("rb") as file:
        first = b""
        while not first.strip():
            first = file.readline(text.MAX_LINE_BYTES + 1)
            if not first:
                return False
        try:
            _loads(first.decode("utf-8-sig"))
        except ValueError:
            # Not a JSON value on its own, or not text: read as one document, whose
            # parser reports the problem with its line.
            return False
        return bool(file.read(text.HEAD_BYTES).strip())


def _loads(text: str) -> Any:
    """``json.loads``, with nesting too deep for the parser reported as bad JSON."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("nested too deeply") from None


def text_of(record: dict[str, Any], key: str, where: str) -> str | None:
    """``record[key]`` if it is a string (or a number, as text), None if absent or null.

    >>> text_of({"year": 2017}, "year", "-"), text_of({}, "title", "-")
    ('2017', None)
    >>> text_of({"title": ["A"]}, "title", "r.json:1")
    Traceback (most recent call last):
    kg.read.records.BadRecord: r.json:1: 'title' should be text, not a list
    """
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise BadRecord(where, f"{key!r} should be text, not a {_json_type(value)}")


def object_of(record: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    """``record[key]`` if it is an object, ``{}`` if absent or null."""
    value = record.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise BadRecord(where, f"{key!r} should be an object, not a {_json_type(value)}")
    return value


def list_of(record: dict[str, Any], key: str, where: str) -> list[Any]:
    """``record[key]`` if it is a list, ``[]`` if absent or null."""
    value = record.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise BadRecord(where, f"{key!r} should be a list, not a {_json_type(value)}")
    return value


def require_object(record: Any, where: str) -> dict[str, Any]:
    if not isinstance(record, dict):
        raise BadRecord(where, f"expected a JSON object, got a {_json_type(record)}")
    return record


def _json_type(value: Any) -> str:
    names = {dict: "object", list: "list", str: "string", bool: "boolean", int: "number", float: "number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)
