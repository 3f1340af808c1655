"""Extraction at scale: cached, in batches, on every core or on a Dask cluster.

``extract_all`` streams papers through three steps, in input order:

1. papers are grouped into *chunks*: consecutive papers holding ``batch_size``
   papers that the cache does not have (so a rebuild that adds 1% new papers
   sends a few large tasks, not many near-empty ones);
2. each chunk's uncached papers are extracted by a worker, which loads the spaCy
   pipeline once and sends back each paper's mentions as ``kg.cache.encode`` bytes;
3. the bytes are stored in the cache and decoded next to the cached extractions.

At most ``2 x workers`` chunks are in flight, so memory holds a few chunks, not
the corpus. Engines:

- ``local``: a process pool of ``jobs`` workers (default: every core). A corpus
  that fits in one chunk is extracted in this process: a pool cannot split it.
- ``dask``: ``dask.distributed`` workers, of the cluster at ``scheduler`` or of a
  ``LocalCluster`` of ``jobs`` processes. Workers run the same code on the same
  input, so the outputs are byte-identical to the local engine's; a worker with
  another pipeline version is refused.

>>> from kg.model import Paper
>>> [found] = extract_all([Paper("p1", "", "We evaluate on DPG-Bench.")], jobs=1)
>>> [(m.text, m.type) for m in found.mentions]
[('DPG-Bench', 'Benchmark')]
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import closing
from dataclasses import dataclass
from itertools import chain, islice
from typing import Literal, Protocol

from kg.cache import ExtractionCache, decode, encode, pipeline_fingerprint
from kg.errors import KgError
from kg.extract import extract, nlp
from kg.model import Paper, PaperMentions

Engine = Literal["local", "dask"]
ENGINES: tuple[Engine, ...] = ("local", "dask")
BATCH_SIZE = 256
# A chunk of mostly cached papers still ends here, to bound the papers held in flight.
_MAX_CHUNK = 32 * BATCH_SIZE


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def extract_encoded(papers: list[Paper]) -> list[bytes]:
    """Extract ``papers`` in this process (a worker), each result ``encode``-d."""
    return [encode(found) for found in extract(papers)]


@dataclass
class _Chunk:
    """Consecutive papers, their cached extractions (None where missing), and the pending
    result of extracting the missing ones."""

    papers: list[Paper]
    cached: list[PaperMentions | None]
    result: _Result | None = None

    @property
    def misses(self) -> list[Paper]:
        return [paper for paper, found in zip(self.papers, self.cached, strict=True) if found is None]


def _chunks(papers: Iterable[Paper], cache: ExtractionCache | None, batch_size: int) -> Iterator[_Chunk]:
    chunk = _Chunk([], [])
    misses = 0
    papers = iter(papers)
    while block := list(islice(papers, batch_size)):
        found = cache.lookup(block) if cache is not None else [None] * len(block)
        chunk.papers += block
        chunk.cached += found
        misses += found.count(None)
        if misses >= batch_size or len(chunk.papers) >= _MAX_CHUNK:
            yield chunk
            chunk, misses = _Chunk([], []), 0
    if chunk.papers:
        yield chunk


class _Result(Protocol):
    def result(self) -> list[bytes]: ...


class _Runner(Protocol):
    """Runs ``extract_encoded`` on chunks; ``window`` chunks may be in flight at once."""

    window: int

    def submit(self, papers: list[Paper]) -> _Result: ...

    def close(self) -> None: ...


@dataclass
class _Done:
    value: list[bytes]

    def result(self) -> list[bytes]:
        return self.value


class _InProcess:
    window = 1

    def submit(self, papers: list[Paper]) -> _Result:
        return _Done(extract_encoded(papers))

    def close(self) -> None:
        pass


def _load_pipeline() -> None:
    nlp()


class _ProcessPool:
    def __init__(self, jobs: int) -> None:
        # A fresh interpreter per worker: a forked copy of a parent that holds the corpus
        # would copy it page by page as the garbage collector touches it.
        if "forkserver" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["kg.engine"])  # imported once, not once per worker
        else:
            context = multiprocessing.get_context("spawn")
        self.pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_load_pipeline)
        self.window = 2 * jobs

    def submit(self, papers: list[Paper]) -> Future[list[bytes]]:
        return self.pool.submit(extract_encoded, papers)

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


class _Dask:
    def __init__(self, jobs: int, scheduler: str | None) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise KgError("--engine dask needs dask.distributed: pip install 'kg[dask]'") from None
        self.cluster = None
        if scheduler is None:
            self.cluster = LocalCluster(
                n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None
            )
        try:
            self.client = Client(self.cluster or scheduler)
        except (OSError, TimeoutError) as error:
            raise KgError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
        wanted = pipeline_fingerprint()
        for worker, found in self.client.run(pipeline_fingerprint).items():
            if found != wanted:
                self.close()
                raise KgError(f"Dask worker {worker} runs another pipeline ({found}; here: {wanted})")
        self.window = 2 * max(1, sum(self.client.nthreads().values()))

    def submit(self, papers: list[Paper]) -> _Result:
        return self.client.submit(extract_encoded, papers, pure=False)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _runner(engine: Engine, jobs: int, scheduler: str | None, single_chunk: bool) -> _Runner:
    if engine == "dask":
        return _Dask(jobs, scheduler)
    if jobs == 1 or single_chunk:
        return _InProcess()
    return _ProcessPool(jobs)


def _finish(chunk: _Chunk, cache: ExtractionCache | None) -> Iterator[PaperMentions]:
    misses = chunk.misses
    encoded = chunk.result.result() if chunk.result else []
    if cache is not None and encoded:
        cache.store(zip(misses, encoded, strict=True))
    fresh = iter(encoded)
    for paper, found in zip(chunk.papers, chunk.cached, strict=True):
        yield found if found is not None else decode(next(fresh), paper)


def extract_all(
    papers: Iterable[Paper],
    *,
    jobs: int | None = None,
    engine: Engine = "local",
    scheduler: str | None = None,
    cache: ExtractionCache | None = None,
    batch_size: int = BATCH_SIZE,
) -> Iterator[PaperMentions]:
    """Every paper's extraction, in input order, from ``cache`` or from ``engine``'s workers.

    ``jobs`` is the number of worker processes (default: every core; for Dask, the
    size of the local cluster when no ``scheduler`` address is given).
    """
    if engine not in ENGINES:
        raise KgError(f"unknown engine {engine!r} (known: {', '.join(ENGINES)})")
    if scheduler is not None and engine != "dask":
        raise KgError(f"a scheduler address ({scheduler}) needs the dask engine (--engine dask)")
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise KgError(f"--jobs must be at least 1, not {jobs}")
    chunks = _chunks(papers, cache, batch_size)
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None)
    ahead = [first] if second is None else [first, second]
    with closing(_runner(engine, jobs, scheduler, single_chunk=second is None)) as runner:
        pending: deque[_Chunk] = deque()
        for chunk in chain(ahead, chunks):
            misses = chunk.misses
            chunk.result = runner.submit(misses) if misses else None
            pending.append(chunk)
            while len(pending) > runner.window:
                yield from _finish(pending.popleft(), cache)
        while pending:
            yield from _finish(pending.popleft(), cache)
