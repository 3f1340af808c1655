"""The extraction cache: each paper's mentions, kept between builds of one output folder.

A paper's extraction depends only on its title and abstract and on the pipeline,
so it is stored under a hash of the two texts, in a cache that records the
pipeline it was made with (``kg.extract.PIPELINE_VERSION``, the spaCy version and
the shape of the records). Opening the cache with another pipeline empties it.

The cache is an SQLite file in the output folder (``cache_file``), so re-running
``kg build ... -o DIR`` finds it with no flag. Each batch is stored in one
transaction: a build killed at any point (even ``kill -9``) leaves only whole,
committed entries, and an entry that cannot be read back counts as a miss.

Entries are ``msgpack`` (never pickle, so a cache file from elsewhere cannot run
code) of the mention fields, compressed; the same bytes carry extractions back
from worker processes (see ``kg.engine``).

>>> import tempfile
>>> paper = Paper("p1", "DPO", "We use DPO.")
>>> found = PaperMentions(paper, (Mention("DPO", "Method", "title", 0, 3, sentence=(0, 3)),))
>>> with ExtractionCache(Path(tempfile.mkdtemp()) / "cache.sqlite3") as cache:
...     misses = cache.lookup([paper])
...     cache.store([(paper, encode(found))])
...     hits = cache.lookup([paper])
>>> misses, hits == [found]
([None], True)
"""

from __future__ import annotations

import hashlib
import sqlite3
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import fields
from pathlib import Path
from sys import intern
from types import TracebackType

import msgpack
import spacy

from kg.errors import KgError
from kg.extract import PIPELINE_VERSION
from kg.model import Abbreviation, Mention, Paper, PaperMentions

CACHE_DIR = ".kg-cache"
_MENTION_FIELDS = tuple(f.name for f in fields(Mention))
_ABBREVIATION_FIELDS = tuple(f.name for f in fields(Abbreviation))
# SQLite's default limit on the parameters of one statement is 32766 (999 before 3.32).
_LOOKUP_CHUNK = 900


def cache_file(output: str | Path) -> Path:
    """Where the builds into the folder ``output`` keep their extraction cache."""
    return Path(output) / CACHE_DIR / "extractions.sqlite3"


def pipeline_fingerprint() -> str:
    """What an entry's validity depends on besides the paper's text.

    >>> pipeline_fingerprint().startswith(f"kg.extract {PIPELINE_VERSION}; spaCy ")
    True
    """
    shape = ",".join(_MENTION_FIELDS) + "/" + ",".join(_ABBREVIATION_FIELDS)
    return f"kg.extract {PIPELINE_VERSION}; spaCy {spacy.__version__}; records {shape}"


def content_key(paper: Paper) -> bytes:
    """The hash of what extraction reads: the title and the abstract.

    >>> content_key(Paper("a", "T", "A")) == content_key(Paper("b", "T", "A"))
    True
    >>> content_key(Paper("a", "T", "A")) == content_key(Paper("a", "TA", ""))
    False
    """
    return hashlib.blake2b(f"{paper.title}\0{paper.abstract}".encode(), digest_size=16).digest()


def encode(found: PaperMentions) -> bytes:
    """A paper's mentions and abbreviations as compact bytes (the paper itself is left out)."""
    mentions = [[getattr(m, name) for name in _MENTION_FIELDS] for m in found.mentions]
    pairs = [[getattr(a, name) for name in _ABBREVIATION_FIELDS] for a in found.abbreviations]
    return zlib.compress(msgpack.packb([mentions, pairs]), 1)


def decode(data: bytes, paper: Paper) -> PaperMentions:
    """The ``PaperMentions`` of ``paper`` that ``encode`` gave ``data``.

    Arrays come back as tuples (``use_list=False``), as the records hold them. A build
    holds every paper's mentions at once, so their strings are interned (a corpus repeats
    its names, types and fields millions of times) and the mentions of one sentence
    share its span.
    """
    mentions, pairs = msgpack.unpackb(zlib.decompress(data), use_list=False)
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    return PaperMentions(
        paper,
        tuple(
            Mention(intern(text), intern(kind), intern(field), start, end, role and intern(role),
                    spans.setdefault(sentence, sentence))
            for text, kind, field, start, end, role, sentence in mentions
        ),
        tuple(Abbreviation(*a) for a in pairs),
    )  # fmt: skip


class ExtractionCache:
    """Extractions stored by ``content_key``, valid for one ``pipeline_fingerprint``."""

    def __init__(self, path: str | Path, fingerprint: str | None = None) -> None:
        self.path = Path(path)
        self.fingerprint = fingerprint or pipeline_fingerprint()
        self.hits = self.misses = 0
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = self._open()
        except sqlite3.DatabaseError:
            # Not a database (say, a file cut short by a full disk): it is only a cache.
            self._remove_files()
            self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        # WAL commits are atomic under a killed process; NORMAL skips the fsync per commit,
        # which risks only the latest batches on power loss, never a corrupt file.
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        with db:
            db.execute("BEGIN IMMEDIATE")
            db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            db.execute(
                "CREATE TABLE IF NOT EXISTS extraction (content BLOB PRIMARY KEY, found BLOB NOT NULL)"
                " WITHOUT ROWID"
            )
            row = db.execute("SELECT value FROM meta WHERE key = 'pipeline'").fetchone()
            if row is None or row[0] != self.fingerprint:
                db.execute("DELETE FROM extraction")
                db.execute("INSERT OR REPLACE INTO meta VALUES ('pipeline', ?)", (self.fingerprint,))
        return db

    def _remove_files(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            self.path.with_name(self.path.name + suffix).unlink(missing_ok=True)

    def lookup(self, papers: Sequence[Paper]) -> list[PaperMentions | None]:
        """Each paper's stored extraction, or None where there is none."""
        keys = [content_key(paper) for paper in papers]
        stored: dict[bytes, bytes] = {}
        for start in range(0, len(keys), _LOOKUP_CHUNK):
            chunk = keys[start : start + _LOOKUP_CHUNK]
            marks = ",".join("?" * len(chunk))
            query = f"SELECT content, found FROM extraction WHERE content IN ({marks})"
            stored.update(self._db.execute(query, chunk).fetchall())
        found = [self._decoded(stored.get(key), paper) for key, paper in zip(keys, papers, strict=True)]
        hits = sum(f is not None for f in found)
        self.hits += hits
        self.misses += len(found) - hits
        return found

    @staticmethod
    def _decoded(data: bytes | None, paper: Paper) -> PaperMentions | None:
        if data is None:
            return None
        try:
            return decode(data, paper)
        except (ValueError, TypeError, zlib.error):  # msgpack's errors are ValueErrors
            return None

    def store(self, encoded: Iterable[tuple[Paper, bytes]]) -> None:
        """Store the ``encode``-d extractions of papers, all in one transaction."""
        rows = [(content_key(paper), data) for paper, data in encoded]
        with self._db:
            self._db.execute("BEGIN")
            self._db.executemany("INSERT OR REPLACE INTO extraction VALUES (?, ?)", rows)

    def __len__(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM extraction").fetchone()[0]

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> ExtractionCache:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def cached_extractions(papers: Sequence[Paper], output: str | Path) -> list[PaperMentions]:
    """Each paper's extraction from the cache of the build folder ``output``, which must hold them all.

    For measuring the stages after extraction on a corpus built before.

    >>> import tempfile
    >>> folder, paper = Path(tempfile.mkdtemp()), Paper("p1", "DPO", "We use DPO.")
    >>> cached_extractions([paper], folder)
    Traceback (most recent call last):
    kg.errors.KgError: ...: its extraction cache lacks 1 of the 1 papers; build them into it first
    >>> with ExtractionCache(cache_file(folder)) as cache:
    ...     cache.store([(paper, encode(PaperMentions(paper, ())))])
    >>> cached_extractions([paper], folder)[0].paper.id
    'p1'
    """
    with ExtractionCache(cache_file(output)) as cache:
        found = cache.lookup(papers)
    if missing := sum(f is None for f in found):
        lacking = f"its extraction cache lacks {missing} of the {len(papers)} papers"
        raise KgError(f"{output}: {lacking}; build them into it first")
    return found  # type: ignore[return-value]  # none is None
