"""A build: read -> extract -> resolve -> graph -> (RDF | JSON | HTML), written atomically.

Outputs are written into a staging folder (``kg.output.staged_output``) that
becomes the live version only when every one of them is complete, so a build
that fails or is interrupted, even by ``kill -9``, leaves the previous outputs
as they were.
"""

from __future__ import annotations

import gc
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
from tqdm import tqdm

from kg.cache import ExtractionCache, cache_file
from kg.engine import Engine, extract_all
from kg.extract import known_names
from kg.graph import GRAPH_FILE, build_graph, write_json
from kg.model import KnownName
from kg.output import staged_output
from kg.rdf import check_base, write_ntriples, write_rdf_from_ntriples
from kg.read import read_corpus, skipped_report
from kg.resolve import resolve
from kg.views import ViewOptions, copy_assets, write_views
from kg.vocab import DEFAULT_BASE

SKIPPED_FILE = "skipped.tsv"


@dataclass
class BuildSummary:
    """What a build read and wrote, for the one-screen report."""

    papers: int
    entities: Counter[str]
    edges: int
    triples: int
    files: list[Path] = field(default_factory=list)
    skipped: int = 0
    duplicates: int = 0
    cached: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    def __str__(self) -> str:
        lines = [f"papers read      {self.papers}", f"  from cache     {self.cached}"]
        lines += [f"duplicates merged {self.duplicates}"] if self.duplicates else []
        lines += [f"bad records skipped {self.skipped} (listed in {SKIPPED_FILE})"] if self.skipped else []
        lines += ["entities"]
        lines += [f"  {kind:<14} {count}" for kind, count in sorted(self.entities.items())]
        lines += [f"edges            {self.edges}", f"triples          {self.triples}", "files written"]
        lines += [f"  {path}" for path in self.files]
        lines += ["seconds          " + ", ".join(f"{stage} {t:.1f}" for stage, t in self.seconds.items())]
        return "\n".join(lines)


def build(
    inputs: Iterable[str | Path],
    output: str | Path,
    *,
    format: str | None = None,
    skip_bad: bool = False,
    base: str = DEFAULT_BASE,
    progress: bool = False,
    views: ViewOptions | None = None,
    jobs: int | None = None,
    engine: Engine = "local",
    scheduler: str | None = None,
) -> BuildSummary:
    """Build the graph of the papers in ``inputs`` into the folder ``output``."""
    output = Path(output)
    check_base(base)
    clock = _Stopwatch()
    corpus = read_corpus(inputs, format=format, skip_bad=skip_bad)
    papers = corpus.papers
    clock.lap("read")
    with ExtractionCache(cache_file(output)) as cache:
        found = extract_all(papers, jobs=jobs, engine=engine, scheduler=scheduler, cache=cache)
        extracted = list(
            tqdm(found, total=len(papers), desc="extracting", unit="paper", disable=not progress)
        )
    clock.lap("extract")
    # What each stage made lives to the end of the build: collections need not walk it again.
    gc.freeze()
    collecting = gc.isenabled()
    try:
        # Resolution and the graph make millions of objects and no garbage cycles: a
        # collection would only walk them (a quarter of the graph stage's time).
        gc.disable()
        resolution = resolve(extracted, known=listed_entry)
        clock.lap("resolve")
        graph = build_graph(extracted, resolution, release=True)  # frees each paper's mentions once used
        del extracted, resolution
        clock.lap("graph")
        if collecting:
            gc.enable()
        gc.freeze()
        with staged_output(output) as staging:
            ntriples = write_ntriples(graph, staging, base=base)
            try:
                clock.lap("ntriples")
                copy_assets(staging)
                pages = write_views(graph, staging, views or ViewOptions())
                clock.lap("views")
                write_json(graph, staging / GRAPH_FILE)
                clock.lap("json")
                entities, edges, paper_count = _entity_counts(graph), graph.number_of_edges(), len(papers)
                # The rest reads kg.nt (the store has loaded most of it already, a small part at a time): its
                # compaction and serialisers need not hold their memory on top of the graph's (nor the papers'
                # texts). Emptied, not just dropped: frozen, the graph's cycles would keep it.
                graph.clear()
                papers.clear()
                gc.collect()  # cheap (the heap is frozen); without it, half the freed memory stayed in RSS
                rdf = write_rdf_from_ntriples(ntriples)
            except BaseException:
                ntriples.abandon()  # else the loader thread goes on filling a store about to be deleted
                raise
            clock.lap("store")
            outputs = [GRAPH_FILE]
            if corpus.skipped:
                (staging / SKIPPED_FILE).write_text(skipped_report(corpus.skipped), encoding="utf-8")
                outputs.append(SKIPPED_FILE)
        clock.lap("write")
    finally:
        gc.unfreeze()  # a failed build must not leave a library caller's heap frozen, or its GC off
        if collecting:
            gc.enable()
    return BuildSummary(
        papers=paper_count,
        entities=entities,
        edges=edges,
        triples=rdf.triples,
        files=[output / name for name in outputs] + [output / p.name for p in (*rdf.files, *pages)],
        skipped=len(corpus.skipped),
        duplicates=corpus.duplicates,
        cached=cache.hits,
        seconds=clock.laps,
    )


class _Stopwatch:
    """The wall time of each stage of a build, in seconds, in the order they ran."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.laps[stage] = now - self._last
        self._last = now


def listed_entry(name: str) -> KnownName | None:
    """The shipped name-list entry for ``name``, as the resolver takes it.

    >>> listed_entry("BERT").external
    {'pwc': 'https://paperswithcode.com/method/bert'}
    """
    listed = known_names.lookup(name)
    if listed is None:
        return None
    return KnownName(f"{listed.source}:{listed.id}", listed.name, {listed.source: listed.id})


def _entity_counts(graph: nx.MultiDiGraph) -> Counter[str]:
    return Counter(kind for _, kind in graph.nodes(data="type") if kind != "Paper")
