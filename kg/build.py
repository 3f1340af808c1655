"""A build: read -> extract -> resolve -> graph -> (RDF | JSON | HTML), written atomically.

Outputs are written into a staging folder beside the output folder and moved
into place only when every one of them is complete, so a build that fails or is
interrupted leaves the previous outputs as they were.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
from tqdm import tqdm

from kg.cache import ExtractionCache, cache_file
from kg.engine import Engine, extract_all
from kg.graph import GRAPH_FILE, build_graph, to_json
from kg.query import RDF_FILE
from kg.rdf import to_rdf
from kg.read import read
from kg.resolve import resolve
from kg.views import copy_assets, render_html
from kg.vocab import DEFAULT_BASE

HTML_FILE = "index.html"


@dataclass
class BuildSummary:
    """What a build read and wrote, for the one-screen report."""

    papers: int
    entities: Counter[str]
    edges: int
    triples: int
    files: list[Path] = field(default_factory=list)
    cached: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    def __str__(self) -> str:
        lines = [f"papers read      {self.papers}", f"  from cache     {self.cached}", "entities"]
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
    base: str = DEFAULT_BASE,
    progress: bool = False,
    jobs: int | None = None,
    engine: Engine = "local",
    scheduler: str | None = None,
) -> BuildSummary:
    """Build the graph of the papers in ``inputs`` into the folder ``output``.

    Extraction runs on ``jobs`` processes (default: every core) or on Dask (see
    ``kg.engine.extract_all``), and reuses the extractions cached in ``output``.
    """
    output = Path(output)
    clock = _Stopwatch()
    papers = list(read(inputs, format=format))
    clock.lap("read")
    with ExtractionCache(cache_file(output)) as cache:
        found = extract_all(papers, jobs=jobs, engine=engine, scheduler=scheduler, cache=cache)
        extracted = list(
            tqdm(found, total=len(papers), desc="extracting", unit="paper", disable=not progress)
        )
    clock.lap("extract")
    resolution = resolve(extracted)
    clock.lap("resolve")
    graph = build_graph(extracted, resolution)
    clock.lap("graph")
    rdf = to_rdf(graph, base=base)
    turtle = rdf.serialize(format="ox-turtle")
    clock.lap("rdf")
    html = render_html(graph, heading=f"kg: {len(papers)} papers")
    clock.lap("views")
    graph_json = to_json(graph)
    clock.lap("json")

    output.mkdir(parents=True, exist_ok=True)
    outputs = {GRAPH_FILE: graph_json, RDF_FILE: turtle, HTML_FILE: html}
    _write_atomically(output, outputs)
    copy_assets(output)
    clock.lap("write")
    return BuildSummary(
        papers=len(papers),
        entities=_entity_counts(graph),
        edges=graph.number_of_edges(),
        triples=len(rdf),
        files=[output / name for name in outputs],
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


def _entity_counts(graph: nx.MultiDiGraph) -> Counter[str]:
    return Counter(kind for _, kind in graph.nodes(data="type") if kind != "Paper")


def _write_atomically(folder: Path, files: dict[str, str]) -> None:
    """Write every file to a staging folder, then rename each into ``folder``.

    Renames within one file system are atomic, and none starts until all files are
    written, so no failure while writing can leave a half-written output.
    """
    staging = Path(tempfile.mkdtemp(prefix=".kg-staging-", dir=folder))
    try:
        for name, text in files.items():
            with open(staging / name, "w", encoding="utf-8") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
        for name in files:
            os.replace(staging / name, folder / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
