"""A build: read -> extract -> resolve -> graph -> (RDF | JSON | HTML), written atomically.

Outputs are written into a staging folder beside the output folder and moved
into place only when every one of them is complete, so a build that fails or is
interrupted leaves the previous outputs as they were.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
from tqdm import tqdm

from kg.extract import extract
from kg.graph import GRAPH_FILE, build_graph, to_json
from kg.rdf import RdfSummary, check_base, write_rdf
from kg.read import read
from kg.resolve import resolve
from kg.views import ViewOptions, copy_assets, write_views
from kg.vocab import DEFAULT_BASE


@dataclass
class BuildSummary:
    """What a build read and wrote, for the one-screen report."""

    papers: int
    entities: Counter[str]
    edges: int
    triples: int
    files: list[Path] = field(default_factory=list)

    def __str__(self) -> str:
        lines = [f"papers read      {self.papers}", "entities"]
        lines += [f"  {kind:<14} {count}" for kind, count in sorted(self.entities.items())]
        lines += [f"edges            {self.edges}", f"triples          {self.triples}", "files written"]
        lines += [f"  {path}" for path in self.files]
        return "\n".join(lines)


def build(
    inputs: Iterable[str | Path],
    output: str | Path,
    *,
    format: str | None = None,
    base: str = DEFAULT_BASE,
    progress: bool = False,
    views: ViewOptions | None = None,
) -> BuildSummary:
    """Build the graph of the papers in ``inputs`` into the folder ``output``."""
    output = Path(output)
    check_base(base)
    papers = list(read(inputs, format=format))
    extracted = list(
        tqdm(extract(papers), total=len(papers), desc="extracting", unit="paper", disable=not progress)
    )
    resolution = resolve(extracted)
    graph = build_graph(extracted, resolution)

    output.mkdir(parents=True, exist_ok=True)
    outputs = {
        GRAPH_FILE: to_json(graph),
    }
    copy_assets(output)
    rdf: list[RdfSummary] = []

    def write_more(staging: Path) -> list[Path]:
        rdf.append(write_rdf(graph, staging, base=base))
        return [*write_views(graph, staging, views or ViewOptions()), *rdf[0].files]

    files = _write_atomically(output, outputs, write_more)
    return BuildSummary(
        papers=len(papers),
        entities=_entity_counts(graph),
        edges=graph.number_of_edges(),
        triples=rdf[0].triples,
        files=files,
    )


def _entity_counts(graph: nx.MultiDiGraph) -> Counter[str]:
    return Counter(kind for _, kind in graph.nodes(data="type") if kind != "Paper")


def _write_atomically(
    folder: Path, files: dict[str, str], write_more: Callable[[Path], list[Path]]
) -> list[Path]:
    """Write ``files`` and what ``write_more`` writes to a staging folder, then rename each into ``folder``.

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
        names = [*files, *(path.name for path in write_more(staging))]
        for name in names:
            if (staging / name).is_dir() and (folder / name).exists():  # the RDF store is a folder
                os.replace(folder / name, staging / f".replaced-{name}")  # removed with the staging folder
            os.replace(staging / name, folder / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [folder / name for name in names]
