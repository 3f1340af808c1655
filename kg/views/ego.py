"""Ego views: one entity with what lies within a few steps of it."""

from __future__ import annotations

import re

import networkx as nx

from kg.views.page import View


def ego_file(node: str) -> str:
    """
    >>> ego_file("method:direct-preference-optimization")
    'ego-method-direct-preference-optimization.html'
    """
    return f"ego-{re.sub(r'[^a-z0-9]+', '-', node.lower()).strip('-')}.html"


def ego_view(graph: nx.MultiDiGraph, center: str, depth: int, cap: int) -> View:
    """``center`` and the nodes at most ``depth`` edges away (either direction), ``cap`` at most.

    Nearer nodes come first; among equally near ones, those in more papers.

    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from(["paper:a", "paper:b"], type="Paper")
    >>> g.add_node("method:dpo", type="Method", label="DPO", papers=2)
    >>> g.add_node("model:gpt-4", type="Model", label="GPT-4", papers=1)
    >>> for u, v in [("paper:a", "method:dpo"), ("paper:b", "method:dpo"), ("paper:b", "model:gpt-4")]:
    ...     _ = g.add_edge(u, v, "mentions")
    >>> ego_view(g, "method:dpo", depth=1, cap=10).nodes
    ['method:dpo', 'paper:a', 'paper:b']
    >>> ego_view(g, "method:dpo", depth=2, cap=3).nodes
    ['method:dpo', 'paper:a', 'paper:b']
    """
    shown = [center]
    seen = {center}
    frontier = [center]
    cut = False
    for _ in range(depth):
        reached = {n for node in frontier for n in nx.all_neighbors(graph, node) if n not in seen}
        room = cap - len(shown)
        cut = len(reached) > room
        frontier = sorted(reached, key=lambda n: (-graph.nodes[n].get("papers", 0), n))[:room]
        shown += frontier
        seen.update(frontier)
        if cut:
            break
    label = graph.nodes[center].get("label", center)
    note = f"nodes up to {depth} steps away" + (f", the nearest {cap}" if cut else "")
    return View(ego_file(center), label, shown, note=note, focus=center, paper_labels=True)
