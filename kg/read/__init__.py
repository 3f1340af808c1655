"""Reading papers from the files researchers have.

``read`` takes files and folders, picks a reader per file by its extension (or
``format``), and yields ``Paper`` records in a stable order: folders are walked
in sorted order, and a paper whose id was already read is an error (two records
claiming one id would silently merge into one node).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.errors import KgError
from kg.model import Paper
from kg.read import hf_page, jsonl

Reader = Callable[[Path], Iterator[Paper]]

READERS: dict[str, Reader] = {
    "hf-page": hf_page.read,
    "jsonl": jsonl.read,
}
_BY_SUFFIX = {".txt": "hf-page", ".jsonl": "jsonl", ".json": "jsonl", ".ndjson": "jsonl"}


def input_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files named by ``paths``, folders expanded to their readable files, sorted."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in _BY_SUFFIX)
            if not found:
                raise KgError(f"{path}: no input files (looked for {', '.join(sorted(_BY_SUFFIX))})")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise KgError(f"{path}: no such file or folder")
    return files


def reader_for(path: Path, format: str | None = None) -> Reader:
    name = format or _BY_SUFFIX.get(path.suffix.lower())
    if name not in READERS:
        known = ", ".join(READERS)
        raise KgError(f"{path}: unknown input format {name or path.suffix!r} (known: {known})")
    return READERS[name]


def read(paths: Iterable[str | Path], format: str | None = None) -> Iterator[Paper]:
    """Every paper in ``paths``, in order, each id once."""
    seen: dict[str, str] = {}
    for path in input_files(paths):
        for paper in reader_for(path, format)(path):
            if paper.id in seen:
                raise KgError(f"{paper.source}: paper id {paper.id!r} was already read at {seen[paper.id]}")
            seen[paper.id] = paper.source
            yield paper
