"""Which nodes matter most: entities by the papers that mention them, papers by their links.

Every view is capped so it stays readable and fast to draw; these rankings decide
what the cap keeps. Ties break by node id, so a view never depends on dict order.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("paper:a", type="Paper"); g.add_node("paper:b", type="Paper")
>>> g.add_node("method:dpo", type="Method", papers=2); g.add_node("model:gpt-4", type="Model", papers=1)
>>> for paper in ["paper:a", "paper:b"]: _ = g.add_edge(paper, "method:dpo", "mentions")
>>> _ = g.add_edge("paper:b", "model:gpt-4", "mentions")
>>> entities_by_papers(g)
['method:dpo', 'model:gpt-4']
>>> papers_linking(g, ["method:dpo", "model:gpt-4"], limit=1)
['paper:b']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import networkx as nx

PAPER = "Paper"


def edge_strength(data: dict) -> int:
    """How many papers back an edge: a co-mention's ``weight``, else its ``support``, else 1."""
    return data.get("weight") or data.get("support") or 1


def is_paper(graph: nx.MultiDiGraph, node: str) -> bool:
    return graph.nodes[node].get("type") == PAPER


def entities_by_papers(graph: nx.MultiDiGraph, kind: str | None = None) -> list[str]:
    """Entity nodes (of type ``kind``, or all), the one mentioned by the most papers first."""
    entities = [
        (-data.get("papers", 0), node)
        for node, data in graph.nodes(data=True)
        if data.get("type") != PAPER and (kind is None or data.get("type") == kind)
    ]
    return [node for _, node in sorted(entities)]


def papers_linking(graph: nx.MultiDiGraph, entities: Iterable[str], limit: int) -> list[str]:
    """At most ``limit`` papers with an edge to ``entities``, those linking the most of them first."""
    # The papers once, not each popular entity's thousands of predecessors looked up one by one.
    papers = {node for node, kind in graph.nodes(data="type") if kind == PAPER}
    links: Counter[str] = Counter()
    for entity in entities:
        links.update(papers.intersection(graph.predecessors(entity)))
    return [paper for paper, _ in sorted(links.items(), key=lambda item: (-item[1], item[0]))[:limit]]
