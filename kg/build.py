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
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
from tqdm import tqdm

from kg.extract import extract
from kg.graph import GRAPH_FILE, build_graph, to_json
from kg.rdf import check_base, write_rdf
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
        HTML_FILE: render_html(graph, heading=f"kg: {len(papers)} papers"),
    }
    with _staged(output) as staging:
        _write_files(staging, outputs)
        rdf = write_rdf(graph, staging, base=base)
    copy_assets(output)
    return BuildSummary(
        papers=len(papers),
        entities=_entity_counts(graph),
        edges=graph.number_of_edges(),
        triples=rdf.triples,
        files=[output / name for name in outputs] + [output / path.name for path in rdf.files],
    )


def _entity_counts(graph: nx.MultiDiGraph) -> Counter[str]:
    return Counter(kind for _, kind in graph.nodes(data="type") if kind != "Paper")


@contextmanager
def _staged(folder: Path) -> Iterator[Path]:
    """A staging folder whose files and folders replace those of ``folder`` when the block succeeds.

    Renames within one file system are atomic, and none starts until every output
    is written, so no failure while writing can leave a half-written output. A
    folder output (the RDF store) replaces the old one by two renames.
    """
    staging = Path(tempfile.mkdtemp(prefix=".kg-staging-", dir=folder))
    retired = Path(tempfile.mkdtemp(prefix=".kg-retired-", dir=folder))
    try:
        yield staging
        for name in sorted(os.listdir(staging)):
            if (staging / name).is_dir() and (folder / name).exists():
                os.replace(folder / name, retired / name)
            os.replace(staging / name, folder / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(retired, ignore_errors=True)


def _write_files(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        with open(folder / name, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
