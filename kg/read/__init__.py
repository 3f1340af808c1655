"""Reading papers from the files researchers have.

Each format is one module with a ``read(path)`` that yields a ``Paper`` (or a
``BadRecord``) per record, and a ``sniff(head)`` that tells the format from the
start of a file; ``FORMATS`` maps each format's name to them and to its usual
file name endings.

``read_corpus`` takes files and folders and returns every paper once:

- files are read in sorted path order, whatever the order they were given in,
  so the same inputs always give the same corpus (and byte-identical outputs);
- each file's format is ``format`` if given, else the one its content shows
  (an OpenAlex response saved as ``.txt`` is still OpenAlex), else the one its
  name shows, else a generic format that its content fits;
- records of one paper (same arXiv id, DOI or title) are merged (``dedupe``);
- a bad record or file is an error, or with ``skip_bad`` is left out and listed.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KgError
from kg.model import Paper
from kg.read import arxiv_atom, arxiv_bulk, bibtex, csv_table, hf_page, jsonl, openalex, semantic_scholar
from kg.read.dedupe import Merged, merge_duplicates
from kg.read.records import BadRecord
from kg.read.text import head


@dataclass(frozen=True)
class Format:
    """How to read one input format, and how to recognise it.

    ``specific`` formats are recognised by content alone (their sniffers look for
    names only they use); the others only confirm what a file's name suggests.
    """

    read: Callable[[Path], Iterator[Paper | BadRecord]]
    sniff: Callable[[str], bool]
    suffixes: tuple[str, ...]
    specific: bool = False


FORMATS: dict[str, Format] = {
    "openalex": Format(openalex.read, openalex.sniff, (".json", ".jsonl"), specific=True),
    "semantic-scholar": Format(
        semantic_scholar.read, semantic_scholar.sniff, (".json", ".jsonl"), specific=True
    ),
    "arxiv-bulk": Format(arxiv_bulk.read, arxiv_bulk.sniff, (".json", ".jsonl"), specific=True),
    "arxiv-atom": Format(arxiv_atom.read, arxiv_atom.sniff, (".xml", ".atom"), specific=True),
    "bibtex": Format(bibtex.read, bibtex.sniff, (".bib", ".bibtex"), specific=True),
    "jsonl": Format(jsonl.read, jsonl.sniff, (".jsonl", ".json", ".ndjson")),
    "csv": Format(csv_table.read, csv_table.sniff, (".csv", ".tsv", ".tab")),
    "hf-page": Format(hf_page.read, hf_page.sniff, (".txt",)),
}
SUFFIXES = sorted({suffix for known in FORMATS.values() for suffix in known.suffixes})


@dataclass
class Corpus:
    """The papers read, and what was left out: bad records (with ``skip_bad``) and duplicates."""

    papers: list[Paper]
    skipped: list[BadRecord] = field(default_factory=list)
    duplicates: int = 0


def input_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files named by ``paths``, folders expanded to their readable files, sorted, each once."""
    files: set[Path] = set()
    for path in map(Path, paths):
        if path.is_dir():
            found = {
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUFFIXES and not _is_hidden(p.relative_to(path))
            }
            if not found:
                raise KgError(f"{path}: no input files (looked for {', '.join(SUFFIXES)})")
            files |= found
        elif path.is_file():
            files.add(path)
        else:
            raise KgError(f"{path}: no such file or folder")
    return sorted(files, key=lambda file: (str(file.resolve()), str(file)))


def _is_hidden(path: Path) -> bool:
    """Inside a hidden folder or hidden itself (``.git/``, ``.~lock.papers.csv#``, ``.kg-builds/``)."""
    return any(part.startswith(".") for part in path.parts)


def format_of(path: Path, format: str | None = None) -> str:
    """The name of ``path``'s format: ``format`` if given, else told by content and name.

    >>> import tempfile
    >>> file = Path(tempfile.mkdtemp()) / "export.txt"
    >>> _ = file.write_text('{"results": [{"id": "https://openalex.org/W1", "abstract_inverted_index": {}}]}')
    >>> format_of(file)
    'openalex'
    """
    if format is not None:
        if format not in FORMATS:
            raise KgError(f"unknown input format {format!r} (known: {', '.join(FORMATS)})")
        return format
    start = head(path)
    suffix = path.suffix.lower()
    by_name = [name for name, known in FORMATS.items() if not known.specific and suffix in known.suffixes]
    specific = [name for name, known in FORMATS.items() if known.specific]
    generic = [name for name, known in FORMATS.items() if not known.specific]
    candidates = itertools.chain(
        (name for name in specific if FORMATS[name].sniff(start)),
        (name for name in by_name if FORMATS[name].sniff(start)),
        (name for name in generic if FORMATS[name].sniff(start)),
        by_name,
    )
    found = next(candidates, None)
    if found is None:
        raise KgError(f"{path}: cannot tell the input format; pass --format (one of: {', '.join(FORMATS)})")
    return found


def read_corpus(
    paths: Iterable[str | Path], format: str | None = None, skip_bad: bool = False, merge: bool = True
) -> Corpus:
    """Every paper in ``paths``, once; bad records raise ``KgError``, or are skipped and listed.

    With ``merge=False`` every record is a paper of its own, duplicates included.
    """
    skipped: list[BadRecord] = []

    def records() -> Iterator[Paper]:
        for path in input_files(paths):
            try:
                if path.stat().st_size == 0 or not head(path).strip():
                    raise KgError(f"{path}: empty file")
                yield from _checked(path, FORMATS[format_of(path, format)].read(path), skipped, skip_bad)
            except KgError as error:
                if not skip_bad:
                    raise
                # A whole file is bad: "file[:line]: reason" becomes one skipped record.
                where, _, reason = str(error).partition(": ")
                skipped.append(BadRecord(where, reason))

    merged = merge_duplicates(records()) if merge else Merged(papers=list(records()))
    for clash in merged.clashes:
        _bad(clash, skipped, skip_bad)
    if not merged.papers:
        raise KgError("no papers read" + (f" ({len(skipped)} bad records skipped)" if skipped else ""))
    return Corpus(papers=merged.papers, skipped=skipped, duplicates=merged.duplicates)


def read(paths: Iterable[str | Path], format: str | None = None) -> Iterator[Paper]:
    """A paper for every record in ``paths``, in order, duplicates not merged; any bad record is an error.

    ``kg extract`` reads this way: it answers one line per input record.
    """
    return iter(read_corpus(paths, format, merge=False).papers)


def skipped_report(skipped: Iterable[BadRecord]) -> str:
    """A tab-separated list of skipped records: where each is, and what is wrong with it.

    >>> skipped_report([BadRecord("refs.bib:12", "empty abstract")]).splitlines()
    ['where\\treason', 'refs.bib:12\\tempty abstract']
    """
    rows = [("where", "reason")] + [(bad.where, bad.reason) for bad in skipped]
    return "".join(f"{where}\t{' '.join(reason.split())}\n" for where, reason in rows)


def _checked(
    path: Path, items: Iterator[Paper | BadRecord], skipped: list[BadRecord], skip_bad: bool
) -> Iterator[Paper]:
    papers = bad = 0
    for item in items:
        if isinstance(item, BadRecord):
            bad += 1
            _bad(item, skipped, skip_bad)
        else:
            papers += 1
            yield item
    if papers == bad == 0:
        raise KgError(f"{path}: no papers in this file")


def _bad(record: BadRecord, skipped: list[BadRecord], skip_bad: bool) -> None:
    if not skip_bad:
        raise KgError(f"{record} (--skip-bad skips bad records and lists them)")
    skipped.append(record)
