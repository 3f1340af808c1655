"""The community page: entities coloured by community, as :func:`kg.analysis.communities` finds them.

Communities are found among the page's own entities (NetworkX Louvain on their
weighted entity graph), so the colours show the groups a reader sees on that page.
Each paper takes the colour most of its entities on the page share.
"""

from __future__ import annotations

from collections import Counter

import networkx as nx

from kg.analysis import communities
from kg.views.page import View
from kg.views.rank import entities_by_papers, papers_linking
from kg.views.style import COMMUNITY_COLORS, OTHER_COMMUNITIES

COMMUNITIES_FILE = "communities.html"
_NAMED_MEMBERS = 3


def community_view(graph: nx.MultiDiGraph, cap: int, papers: bool) -> View:
    """The ``cap`` entities in the most papers (and their papers), coloured by community.

    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from(["method:a", "method:b", "model:c", "model:d"], type="Method", papers=1)
    >>> for u, v in [("method:a", "method:b"), ("model:c", "model:d")]:
    ...     _ = g.add_edge(u, v, "based_on", relation="based_on", evidence=[{"paper": "p"}])
    >>> view = community_view(g, cap=10, papers=False)
    >>> view.colors["method:a"] == view.colors["method:b"] != view.colors["model:c"]
    True
    """
    entities = entities_by_papers(graph)[:cap]
    rank = {entity: i for i, entity in enumerate(entities)}
    groups = communities(_among(graph, entities), min_size=1)
    colors: dict[str, str] = {}
    legend: list[tuple[str, str]] = []
    for number, members in enumerate(groups):
        color = COMMUNITY_COLORS[number] if number < len(COMMUNITY_COLORS) else OTHER_COMMUNITIES
        colors.update(dict.fromkeys(members, color))
        if number < len(COMMUNITY_COLORS):
            named = sorted(members, key=rank.__getitem__)[:_NAMED_MEMBERS]
            legend.append((", ".join(graph.nodes[m].get("label", m) for m in named), color))
    if len(groups) > len(COMMUNITY_COLORS):
        legend.append((f"{len(groups) - len(COMMUNITY_COLORS)} smaller communities", OTHER_COMMUNITIES))
    shown_papers = papers_linking(graph, entities, cap) if papers else []
    for paper in shown_papers:
        votes = Counter(colors[e] for e in graph.successors(paper) if e in rank)
        colors[paper] = votes.most_common(1)[0][0] if votes else OTHER_COMMUNITIES
    return View(
        COMMUNITIES_FILE, "Communities", entities + shown_papers, colors=colors, legend=legend,
        hidden_relations=frozenset({"co_mentioned"}) if papers else frozenset(),
    )  # fmt: skip


def _among(graph: nx.MultiDiGraph, nodes: list[str]) -> nx.MultiDiGraph:
    """The subgraph of ``nodes`` as a graph of its own: a subgraph view filters every edge of
    every node each time it is walked, and finding communities walks it often.

    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c")])
    >>> sorted(_among(g, ["a", "b"]).edges())
    [('a', 'b')]
    """
    members = set(nodes)
    among = nx.MultiDiGraph()
    among.add_nodes_from((node, graph.nodes[node]) for node in nodes)
    among.add_edges_from(
        (node, target, key, data)
        for node in nodes
        for _, target, key, data in graph.out_edges(node, keys=True, data=True)
        if target in members
    )
    return among
