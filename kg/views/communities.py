"""The community page: nodes coloured by their Louvain community (Blondel et al. 2008).

Communities are found by NetworkX's ``louvain_communities`` on the page's own
nodes, read as an undirected graph whose edge weights are the edges' support, so
the colours show the groups a reader sees on that page.
"""

from __future__ import annotations

import networkx as nx

from kg.views.page import View
from kg.views.rank import edge_strength, entities_by_papers, papers_linking
from kg.views.style import COMMUNITY_COLORS, OTHER_COMMUNITIES

COMMUNITIES_FILE = "communities.html"
_NAMED_MEMBERS = 3


def community_view(graph: nx.MultiDiGraph, cap: int, papers: bool) -> View:
    """The ``cap`` entities in the most papers (and their papers), coloured by community.

    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from(["method:a", "method:b", "model:c", "model:d"], type="Method", papers=1)
    >>> for u, v in [("method:a", "method:b"), ("model:c", "model:d")]: _ = g.add_edge(u, v, "based_on")
    >>> view = community_view(g, cap=10, papers=False)
    >>> view.colors["method:a"] == view.colors["method:b"] != view.colors["model:c"]
    True
    """
    entities = entities_by_papers(graph)[:cap]
    shown = entities + (papers_linking(graph, entities, cap) if papers else [])
    groups = louvain_groups(graph, shown)
    colors: dict[str, str] = {}
    legend: list[tuple[str, str]] = []
    for rank, members in enumerate(groups):
        color = COMMUNITY_COLORS[rank] if rank < len(COMMUNITY_COLORS) else OTHER_COMMUNITIES
        colors.update(dict.fromkeys(members, color))
        if rank < len(COMMUNITY_COLORS):
            named = [graph.nodes[m].get("label", m) for m in members if m in entities][:_NAMED_MEMBERS]
            legend.append((", ".join(named) or f"community {rank + 1}", color))
    if len(groups) > len(COMMUNITY_COLORS):
        legend.append((f"{len(groups) - len(COMMUNITY_COLORS)} smaller communities", OTHER_COMMUNITIES))
    return View(
        COMMUNITIES_FILE, "Communities", shown, colors=colors, legend=legend,
        hidden_relations=frozenset({"co_mentioned"}) if papers else frozenset(),
    )  # fmt: skip


def louvain_groups(graph: nx.MultiDiGraph, nodes: list[str]) -> list[list[str]]:
    """Louvain communities of ``nodes``, largest first, each ordered as in ``nodes``."""
    position = {node: i for i, node in enumerate(nodes)}
    undirected = nx.Graph()
    undirected.add_nodes_from(nodes)
    for source in nodes:
        for _, target, data in graph.out_edges(source, data=True):
            if target in position and target != source:
                weight = edge_strength(data)
                previous = undirected.get_edge_data(source, target, {"weight": 0})["weight"]
                undirected.add_edge(source, target, weight=previous + weight)
    communities = nx.community.louvain_communities(undirected, weight="weight", seed=0)
    groups = [sorted(members, key=position.__getitem__) for members in communities]
    return sorted(groups, key=lambda members: (-len(members), position[members[0]]))
