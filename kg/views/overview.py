"""The overview page and one page per entity type: the top entities and the papers that link them."""

from __future__ import annotations

import networkx as nx

from kg.views.page import View
from kg.views.rank import entities_by_papers, papers_linking

INDEX_FILE = "index.html"


def overview(graph: nx.MultiDiGraph, cap: int, papers: bool) -> View:
    """The ``cap`` entities in the most papers, with (if ``papers``) up to ``cap`` papers linking them.

    >>> g = nx.MultiDiGraph()
    >>> for i in range(5): g.add_node(f"method:m{i}", type="Method", label=f"M{i}", papers=i)
    >>> overview(g, cap=2, papers=True).nodes
    ['method:m4', 'method:m3']
    """
    ranked = entities_by_papers(graph)
    return _entities_view(graph, ranked, cap, papers, INDEX_FILE, "Overview", "entities")


def type_views(graph: nx.MultiDiGraph, cap: int, papers: bool) -> list[View]:
    """One view per entity type in ``graph``: its ``cap`` entities in the most papers."""
    kinds = sorted({kind for _, kind in graph.nodes(data="type") if kind and kind != "Paper"})
    return [
        _entities_view(
            graph, entities_by_papers(graph, kind), cap, papers, type_file(kind), kind, kind.lower()
        )
        for kind in kinds
    ]


def type_file(kind: str) -> str:
    """
    >>> type_file("Benchmark")
    'type-benchmark.html'
    """
    return f"type-{kind.lower()}.html"


def _entities_view(
    graph: nx.MultiDiGraph, ranked: list[str], cap: int, papers: bool, file: str, name: str, noun: str
) -> View:
    entities = ranked[:cap]
    note = f"the {len(entities)} {noun} in the most papers, of {len(ranked)}" if len(ranked) > cap else ""
    shown = entities + (papers_linking(graph, entities, cap) if papers else [])
    # With the papers on the page, co-mention edges would only repeat what the papers show.
    return View(
        file, name, shown, note=note, hidden_relations=frozenset({"co_mentioned"}) if papers else frozenset()
    )
