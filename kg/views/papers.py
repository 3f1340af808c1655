"""The papers page: each paper with the entities it mentions."""

from __future__ import annotations

import networkx as nx

from kg.views.page import View
from kg.views.rank import PAPER, is_paper

PAPERS_FILE = "papers.html"


def papers_view(graph: nx.MultiDiGraph, cap: int) -> View:
    """Papers (those mentioning the most entities first) and their entities, ``cap`` nodes at most.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("paper:a", type="Paper"); g.add_node("method:dpo", type="Method")
    >>> _ = g.add_edge("paper:a", "method:dpo", "mentions")
    >>> papers_view(g, cap=10).nodes
    ['paper:a', 'method:dpo']
    """
    papers = sorted(
        (node for node, kind in graph.nodes(data="type") if kind == PAPER),
        key=lambda paper: (-graph.out_degree(paper), paper),
    )
    shown: dict[str, None] = {}
    for count, paper in enumerate(papers):
        entities = [e for e in graph.successors(paper) if not is_paper(graph, e) and e not in shown]
        if len(shown) + 1 + len(entities) > cap:
            note = f"the {count} papers that mention the most entities, of {len(papers)}"
            break
        shown.update(dict.fromkeys([paper, *entities]))
    else:
        note = ""
    return View(
        PAPERS_FILE,
        "Papers",
        list(shown),
        note=note,
        hidden_relations=frozenset({"co_mentioned"}),
        paper_labels=True,
    )
