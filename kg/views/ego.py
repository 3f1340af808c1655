"""Ego views: one entity, found by any of its names, with what lies within a few steps of it."""

from __future__ import annotations

import difflib
import re

import networkx as nx

from kg.errors import KgError
from kg.resolve import name_key
from kg.views.page import View
from kg.views.rank import PAPER


def find_entity(graph: nx.MultiDiGraph, name: str) -> str:
    """The entity node named ``name``: by id, label or alias, compared as resolution compares names.

    Where several entities share the name, the one mentioned by the most papers wins.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("method:dpo", type="Method", label="DPO", papers=5,
    ...            aliases={"DPO": 7, "Direct Preference Optimization": 2})
    >>> find_entity(g, "direct preference optimization")
    'method:dpo'
    >>> find_entity(g, "DPX")
    Traceback (most recent call last):
    kg.errors.KgError: no entity named 'DPX' in the graph (closest: DPO)
    """
    key = name_key(name)
    matches = [
        (-data.get("papers", 0), node)
        for node, data in graph.nodes(data=True)
        if data.get("type") != PAPER and key in {name_key(n) for n in _names(node, data)}
    ]
    if matches:
        return min(matches)[1]
    every_name = {
        n for node, data in graph.nodes(data=True) if data.get("type") != PAPER for n in _names(node, data)
    }
    closest = difflib.get_close_matches(name, sorted(every_name), n=3)
    hint = f" (closest: {', '.join(closest)})" if closest else ""
    raise KgError(f"no entity named {name!r} in the graph{hint}")


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


def _names(node: str, data: dict) -> list[str]:
    return [node, data.get("label", ""), *data.get("aliases", {})]
