"""What users ask of a loaded graph: top entities, an entity's card, communities, co-mentions.

Every function takes the ``MultiDiGraph`` that ``kg.load(path)`` returns (its
attributes are documented in :mod:`kg.graph`)::

    >>> import kg
    >>> from kg import analysis
    >>> G = kg.load("graphs")                                    # doctest: +SKIP
    >>> analysis.top_entities(G, by="papers", type="Benchmark")  # doctest: +SKIP
    >>> print(analysis.card(G, "dpo"))                           # doctest: +SKIP
    >>> analysis.communities(G)                                  # doctest: +SKIP
    >>> analysis.co_mentions(G).head()  # a pandas DataFrame     # doctest: +SKIP

The examples below run on a small graph built in place.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

import networkx as nx

from kg.errors import KgError
from kg.graph import entity_graph
from kg.relations import PAPER_RELATIONS
from kg.resolve import name_key

if TYPE_CHECKING:
    import pandas

Ranking = Literal["papers", "degree", "pagerank", "betweenness"]


def _entities(graph: nx.MultiDiGraph) -> dict[str, dict]:
    return {node: data for node, data in graph.nodes(data=True) if data.get("type") != "Paper"}


def find(graph: nx.MultiDiGraph, name: str) -> str:
    """The id of the entity that ``name`` names: its id, label or any alias, case-insensitive.

    Where several entities have the name, the one that uses it most often wins.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("method:dpo", type="Method", label="Direct Preference Optimization",
    ...            aliases={"DPO": 3, "Direct Preference Optimization": 1})
    >>> find(G, "dpo"), find(G, "direct preference optimisation".replace("s", "z"))
    ('method:dpo', 'method:dpo')
    >>> find(G, "DOP")
    Traceback (most recent call last):
    ...
    kg.errors.KgError: no entity named 'DOP' in the graph; did you mean 'DPO'?
    """
    entities = _entities(graph)
    if name in entities:
        return name
    for same in (str.casefold, name_key):
        wanted = same(name)
        uses = Counter(
            {
                node: sum(count for form, count in _forms(data).items() if same(form) == wanted)
                for node, data in entities.items()
            }
        )
        if +uses:
            return max(+uses, key=lambda node: (uses[node], entities[node].get("papers", 0), node))
    forms = {form.casefold(): form for data in entities.values() for form in _forms(data)}
    close = difflib.get_close_matches(name.casefold(), forms, n=3, cutoff=0.6)
    hint = f"; did you mean {' or '.join(repr(forms[c]) for c in close)}?" if close else ""
    raise KgError(f"no entity named {name!r} in the graph{hint}")


def _forms(data: dict) -> dict[str, int]:
    """An entity's names and how often each is used (the label counts at least once)."""
    forms = dict(data.get("aliases") or {})
    forms.setdefault(data.get("label", ""), 1)
    return forms


@dataclass
class Link:
    """One typed relation of an entity, seen from the entity."""

    relation: str
    outgoing: bool
    other: str
    other_label: str
    support: int

    def __str__(self) -> str:
        arrow = "->" if self.outgoing else "<-"
        return f"{self.relation:<13} {arrow} {self.other_label}  (support {self.support})"


@dataclass
class EntityCard:
    """What the graph knows about one entity; ``str(card)`` is what ``kg show`` prints."""

    id: str
    label: str
    type: str
    aliases: dict[str, int]
    type_votes: dict[str, int]
    papers: int
    external: dict[str, str]
    papers_by_relation: dict[str, int]
    introduced_by: list[str]
    links: list[Link] = field(default_factory=list)
    neighbours: list[tuple[str, int]] = field(default_factory=list)

    def __str__(self) -> str:
        def counts(votes: dict[str, int]) -> str:
            return ", ".join(f"{name} ({n})" for name, n in votes.items())

        roles = ", ".join(f"{relation} {n}" for relation, n in self.papers_by_relation.items())
        lines = [
            f"{self.label}  [{self.id}]",
            f"type        {self.type}  (votes: {counts(self.type_votes)})",
            f"aliases     {counts(self.aliases)}",
            f"papers      {self.papers}" + (f"  ({roles})" if roles else ""),
        ]
        lines += [f"external    {source}: {ref}" for source, ref in self.external.items()]
        lines += (
            ["introduced by"] + [f"  {title}" for title in self.introduced_by] if self.introduced_by else []
        )
        lines += ["relations"] + [f"  {link}" for link in self.links] if self.links else []
        if self.neighbours:
            lines += ["strongest neighbours (papers)"] + [f"  {label} ({n})" for label, n in self.neighbours]
        return "\n".join(lines)


def card(graph: nx.MultiDiGraph, name: str, neighbours: int = 10) -> EntityCard:
    """The card of the entity ``name`` names (see :func:`find`).

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("paper:p1", type="Paper", label="SimPO: simple preference optimization")
    >>> G.add_node("method:simpo", type="Method", label="SimPO", aliases={"SimPO": 2},
    ...            type_votes={"Method": 2}, papers=1, external={})
    >>> G.add_node("method:dpo", type="Method", label="DPO", aliases={"DPO": 1},
    ...            type_votes={"Method": 1}, papers=1, external={})
    >>> _ = G.add_edge("paper:p1", "method:simpo", key="introduces", relation="introduces", support=1,
    ...                evidence=[{"paper": "p1"}])
    >>> _ = G.add_edge("method:simpo", "method:dpo", key="outperforms", relation="outperforms", support=1,
    ...                evidence=[{"paper": "p1"}])
    >>> print(card(G, "simpo"))
    SimPO  [method:simpo]
    type        Method  (votes: Method (2))
    aliases     SimPO (2)
    papers      1  (introduces 1)
    introduced by
      SimPO: simple preference optimization
    relations
      outperforms   -> DPO  (support 1)
    strongest neighbours (papers)
      DPO (1)
    """
    node = find(graph, name)
    data = graph.nodes[node]
    by_relation: Counter[str] = Counter()
    introduced_by: list[str] = []
    links: list[Link] = []
    for source, _, edge in graph.in_edges(node, data=True):
        if graph.nodes[source].get("type") == "Paper":
            by_relation[edge["relation"]] += 1
            if edge["relation"] == "introduces":
                introduced_by.append(graph.nodes[source].get("label", source))
        elif edge["relation"] != "co_mentioned":
            links.append(Link(edge["relation"], False, source, _label(graph, source), edge.get("support", 0)))
    for _, target, edge in graph.out_edges(node, data=True):
        if edge["relation"] != "co_mentioned":
            links.append(Link(edge["relation"], True, target, _label(graph, target), edge.get("support", 0)))
    links.sort(key=lambda link: (-link.support, link.relation, link.other_label))
    strongest = sorted(entity_graph(graph).adj[node].items(), key=lambda item: (-item[1]["weight"], item[0]))
    order = {relation: rank for rank, relation in enumerate(PAPER_RELATIONS)}
    return EntityCard(
        id=node,
        label=data.get("label", node),
        type=data.get("type", ""),
        aliases=dict(sorted((data.get("aliases") or {}).items(), key=lambda a: (-a[1], a[0]))),
        type_votes=dict(sorted((data.get("type_votes") or {}).items(), key=lambda t: (-t[1], t[0]))),
        papers=data.get("papers", 0),
        external=dict(data.get("external") or {}),
        papers_by_relation=dict(sorted(by_relation.items(), key=lambda r: order.get(r[0], len(order)))),
        introduced_by=sorted(introduced_by),
        links=links,
        neighbours=[(_label(graph, other), link["weight"]) for other, link in strongest[:neighbours]],
    )


def _label(graph: nx.MultiDiGraph, node: str) -> str:
    return graph.nodes[node].get("label", node)


def top_entities(
    graph: nx.MultiDiGraph, by: Ranking = "papers", type: str | None = None, n: int = 10
) -> list[tuple[str, str, float]]:
    """The ``n`` entities (of ``type``, if given) ranked ``by`` papers or a centrality.

    ``papers`` counts the papers naming an entity; ``degree`` (weighted), ``pagerank``
    (weighted; needs scipy) and ``betweenness`` are computed on :func:`kg.graph.entity_graph`.
    Returns ``(id, label, score)`` triples, best first.

    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("method:dpo", {"type": "Method", "label": "DPO", "papers": 5}),
    ...                   ("method:ppo", {"type": "Method", "label": "PPO", "papers": 2}),
    ...                   ("benchmark:mt-bench", {"type": "Benchmark", "label": "MT-Bench", "papers": 3})])
    >>> top_entities(G, n=2)
    [('method:dpo', 'DPO', 5.0), ('benchmark:mt-bench', 'MT-Bench', 3.0)]
    >>> top_entities(G, type="Method", n=1)
    [('method:dpo', 'DPO', 5.0)]
    """
    entities = entity_graph(graph)
    if by == "papers":
        scores = {node: float(data.get("papers", 0)) for node, data in entities.nodes(data=True)}
    elif by == "degree":
        scores = dict(entities.degree(weight="weight"))
    elif by == "pagerank":
        try:
            scores = nx.pagerank(entities, weight="weight") if len(entities) else {}
        except ImportError:  # NetworkX computes PageRank with SciPy
            raise KgError("ranking by pagerank needs scipy: pip install scipy") from None
    elif by == "betweenness":
        scores = nx.betweenness_centrality(entities)
    else:
        raise KgError(f"unknown ranking {by!r}: use papers, degree, pagerank or betweenness")
    kept = [node for node in scores if type is None or entities.nodes[node].get("type") == type]
    kept.sort(key=lambda node: (-scores[node], node))
    return [(node, entities.nodes[node].get("label", node), float(scores[node])) for node in kept[:n]]


def communities(graph: nx.MultiDiGraph, seed: int = 0, min_size: int = 2) -> list[list[str]]:
    """Groups of entities more linked to each other than to the rest (NetworkX Louvain).

    Runs on the weighted :func:`kg.graph.entity_graph`; ``seed`` makes it repeatable.
    Each community is a sorted list of entity ids; the largest come first, and those
    smaller than ``min_size`` are left out.

    >>> G = nx.MultiDiGraph()
    >>> for a, b in [("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z"), ("c", "x")]:
    ...     G.add_nodes_from([(f"method:{a}", {"type": "Method"}), (f"method:{b}", {"type": "Method"})])
    ...     _ = G.add_edge(f"method:{a}", f"method:{b}", relation="co_mentioned", evidence=[{"paper": "p"}])
    >>> communities(G)
    [['method:a', 'method:b', 'method:c'], ['method:x', 'method:y', 'method:z']]
    """
    weighted = entity_graph(graph)
    # Louvain visits nodes and neighbours in storage order, and a subgraph view stores them in
    # set order, which changes with the hash seed: sort them so one seed gives one answer.
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(weighted.nodes))
    ordered.add_edges_from(sorted((*sorted((u, v)), data) for u, v, data in weighted.edges(data=True)))
    found = nx.community.louvain_communities(ordered, weight="weight", seed=seed)
    kept = [sorted(group) for group in found if len(group) >= min_size]
    return sorted(kept, key=lambda group: (-len(group), group))


def co_mentions(graph: nx.MultiDiGraph) -> pandas.DataFrame:
    """The ``co_mentioned`` edges as a pandas ``DataFrame``, strongest first (needs pandas).

    Columns: ``source``, ``target`` (ids), ``source_label``, ``target_label``, ``weight``
    (papers that name both in one sentence).

    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("method:dpo", {"label": "DPO"}), ("method:ppo", {"label": "PPO"})])
    >>> _ = G.add_edge("method:dpo", "method:ppo", key="co_mentioned", relation="co_mentioned", weight=2)
    >>> co_mentions(G).values.tolist()
    [['method:dpo', 'method:ppo', 'DPO', 'PPO', 2]]
    """
    try:
        import pandas
    except ImportError:
        raise KgError("co_mentions needs pandas: pip install pandas") from None
    rows = [
        {
            "source": source,
            "target": target,
            "source_label": _label(graph, source),
            "target_label": _label(graph, target),
            "weight": edge.get("weight", edge.get("support", 0)),
        }
        for source, target, edge in graph.edges(data=True)
        if edge.get("relation") == "co_mentioned"
    ]
    columns = ["source", "target", "source_label", "target_label", "weight"]
    table = pandas.DataFrame(rows, columns=columns)
    return table.sort_values(["weight", "source", "target"], ascending=[False, True, True], ignore_index=True)


@dataclass
class GraphSummary:
    """A graph's size and shape; ``str(summary)`` is what ``kg stats`` prints."""

    papers: int
    entities: dict[str, int]
    edges: dict[str, int]
    supported_edges: int  # entity -> entity edges stated by two or more papers
    communities: int
    top: list[tuple[str, str, float]]

    def __str__(self) -> str:
        lines = [f"papers            {self.papers}", f"entities          {sum(self.entities.values())}"]
        lines += [f"  {kind:<15} {n}" for kind, n in self.entities.items()]
        lines += [f"edges             {sum(self.edges.values())}"]
        lines += [f"  {relation:<15} {n}" for relation, n in self.edges.items()]
        lines += [f"entity edges with support >= 2   {self.supported_edges}"]
        lines += [f"communities (Louvain, >= 2)      {self.communities}", "most named entities"]
        lines += [f"  {label} [{node}]: {int(score)} papers" for node, label, score in self.top]
        return "\n".join(lines)


def summary(graph: nx.MultiDiGraph, top: int = 10) -> GraphSummary:
    """Counts of papers, entities by type and edges by relation, with the most named entities.

    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("paper:p1", {"type": "Paper"}), ("method:dpo", {"type": "Method", "papers": 1})])
    >>> _ = G.add_edge("paper:p1", "method:dpo", key="uses", relation="uses", support=1)
    >>> s = summary(G)
    >>> s.papers, s.entities, s.edges
    (1, {'Method': 1}, {'uses': 1})
    """
    kinds = Counter(data.get("type") for _, data in graph.nodes(data=True))
    papers = kinds.pop("Paper", 0)
    relations = Counter(edge.get("relation") for *_, edge in graph.edges(data=True))
    supported = sum(
        1
        for source, target, edge in graph.edges(data=True)
        if graph.nodes[source].get("type") != "Paper" and edge.get("support", 0) >= 2
    )
    return GraphSummary(
        papers=papers,
        entities=dict(sorted(kinds.items())),
        edges=dict(sorted(relations.items())),
        supported_edges=supported,
        communities=len(communities(graph)),
        top=top_entities(graph, "papers", n=top),
    )
