"""The graph: papers and entities as a NetworkX ``MultiDiGraph``; ``load()`` reads it back.

``kg.load(path)`` (``path`` a build folder or its ``kg.json``) returns the graph;
``kg.load(path, kind="entities")`` a weighted entity-entity ``nx.Graph`` for network
analysis (see :func:`entity_graph`). This docstring documents every attribute.

Nodes
    Every node has ``type`` and ``label``.

    - Paper nodes, id ``paper:<paper id>``, ``type`` "Paper": ``title``, ``abstract``, and
      where the input had them ``authors``, ``date``, ``arxiv_id``, ``doi``, ``url``, ``venue``.
    - Entity nodes, id ``<type>:<slug>`` (``method:direct-preference-optimization``),
      ``type`` one of Method, Model, Dataset, Benchmark, Task, Metric: ``aliases``
      (surface form -> times seen), ``type_votes`` (type -> mentions typed so),
      ``papers`` (number of papers naming it), ``external`` (source -> id or URL).

Edges
    The edge key is the relation's name. Every edge has ``relation``, ``evidence``
    (a list of ``{"paper", "field", "start", "end", "sentence"}``: the paper id, ``title``
    or ``abstract``, the character span of the statement in that field, and the text
    of its sentence) and ``support`` (the number of distinct papers in its evidence;
    filter weak edges with it).

    - Paper -> entity, one per pair, the strongest role: ``introduces``,
      ``evaluated_on`` (datasets/benchmarks), ``addresses`` (tasks), ``uses``, ``mentions``.
    - Entity -> entity, stated by a sentence: ``evaluated_on``, ``outperforms``,
      ``based_on``, ``applied_to``; ``variant_of`` (a version or size to its family);
      ``co_mentioned`` (named in one sentence; stored once, from the smaller node id
      to the larger, with ``weight`` = ``support``).

    :mod:`kg.relations` says which cues state each relation.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

import networkx as nx

from kg.errors import KgError
from kg.model import Evidence, PaperMentions
from kg.relations import relations
from kg.resolve import Resolution

GRAPH_FILE = "kg.json"
_PAPER_METADATA = ("authors", "date", "arxiv_id", "doi", "url", "venue")


def paper_node(paper_id: str) -> str:
    return f"paper:{paper_id}"


def build_graph(extractions: Iterable[PaperMentions], resolution: Resolution) -> nx.MultiDiGraph:
    """The graph of a corpus: its papers, its entities, and the relations between them."""
    extractions = list(extractions)
    graph = nx.MultiDiGraph()
    for found in extractions:
        paper = found.paper
        metadata = {name: value for name in _PAPER_METADATA if (value := getattr(paper, name))}
        if "authors" in metadata:
            metadata["authors"] = list(paper.authors)
        graph.add_node(
            paper_node(paper.id), type="Paper", label=paper.title or paper.id,
            title=paper.title, abstract=paper.abstract, **metadata,
        )  # fmt: skip
    for entity in resolution.entities.values():
        graph.add_node(
            entity.id, type=entity.type, label=entity.label,
            aliases=dict(sorted(entity.aliases.items())), type_votes=dict(sorted(entity.type_votes.items())),
            papers=len(entity.papers), external=dict(entity.external),
        )  # fmt: skip
    for relation in relations(extractions, resolution):
        support = relation.support
        weight = {"weight": support} if relation.relation == "co_mentioned" else {}
        graph.add_edge(
            relation.source, relation.target, key=relation.relation, relation=relation.relation,
            evidence=[_evidence_record(e) for e in relation.evidence], support=support, **weight,
        )  # fmt: skip
        relation.evidence.clear()  # now held as records: free the copies as we go, not at the end
    return graph


def _evidence_record(evidence: Evidence) -> dict[str, object]:
    return {
        "paper": evidence.paper_id, "field": evidence.field, "start": evidence.start,
        "end": evidence.end, "sentence": evidence.sentence,
    }  # fmt: skip


def to_json(graph: nx.MultiDiGraph) -> str:
    """The node-link JSON of ``graph``, keys sorted so equal graphs give equal text.

    One node or edge a line, compact within it; ``nx.node_link_graph`` reads it back.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("method:dpo", type="Method", label="DPO")
    >>> _ = g.add_edge("paper:p1", "method:dpo", key="uses", relation="uses", support=1)
    >>> print(to_json(g))
    {"directed":true,"edges":[
    {"key":"uses","relation":"uses","source":"paper:p1","support":1,"target":"method:dpo"}
    ],"graph":{},"multigraph":true,"nodes":[
    {"id":"method:dpo","label":"DPO","type":"Method"},
    {"id":"paper:p1"}
    ]}
    """
    return "".join(_json_chunks(graph))


def write_json(graph: nx.MultiDiGraph, path: Path) -> None:
    """Write :func:`to_json` of ``graph`` to ``path``, a node or edge at a time, never whole in memory."""
    with path.open("w", encoding="utf-8") as out:
        out.writelines(_json_chunks(graph))


def _json_chunks(graph: nx.MultiDiGraph) -> Iterator[str]:
    # Each record goes through json's C encoder, which it takes only without ``indent``;
    # the records are written as nx.node_link_data would give them, without copying the graph.
    def dumps(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    edges = graph.edges(keys=True, data=True)
    edge_records = ({**data, "source": u, "target": v, "key": k} for u, v, k, data in edges)
    yield '{"directed":' + dumps(graph.is_directed()) + ',"edges":['
    yield from _json_lines(map(dumps, edge_records))
    yield '],"graph":' + dumps(graph.graph) + ',"multigraph":' + dumps(graph.is_multigraph()) + ',"nodes":['
    yield from _json_lines(dumps({**data, "id": node}) for node, data in graph.nodes(data=True))
    yield "]}"


def _json_lines(records: Iterator[str]) -> Iterator[str]:
    separator = "\n"
    for record in records:
        yield separator + record
        separator = ",\n"
    if separator != "\n":
        yield "\n"


def load(path: str | Path, kind: Literal["graph", "entities"] = "graph") -> nx.MultiDiGraph | nx.Graph:
    """Load a built graph from a build folder (or its ``kg.json``).

    ``kind="graph"`` gives the whole ``MultiDiGraph``; ``kind="entities"`` the weighted
    entity-entity ``Graph`` of :func:`entity_graph`.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("method:dpo", type="Method", label="DPO")
    >>> g.add_node("method:ppo", type="Method", label="PPO")
    >>> _ = g.add_edge("method:dpo", "method:ppo", key="outperforms", relation="outperforms",
    ...                evidence=[{"paper": "p1"}, {"paper": "p2"}], support=2)
    >>> _ = (folder / GRAPH_FILE).write_text(to_json(g))
    >>> load(folder).nodes["method:dpo"]["label"]
    'DPO'
    >>> load(folder, kind="entities").edges["method:dpo", "method:ppo"]
    {'weight': 2, 'relations': ['outperforms']}
    """
    if kind not in ("graph", "entities"):
        raise KgError(f"unknown kind {kind!r}: use 'graph' or 'entities'")
    path = Path(path)
    file = path / GRAPH_FILE if path.is_dir() else path
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KgError(f"{file}: no built graph here (run `kg build -o {path}` first)") from None
    except json.JSONDecodeError as error:
        raise KgError(f"{file}: not a graph file ({error.msg} at line {error.lineno})") from None
    graph = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    return graph if kind == "graph" else entity_graph(graph)


def entity_graph(graph: nx.MultiDiGraph) -> nx.Graph:
    """The entities of ``graph`` and how strongly they are linked, for network analysis.

    Nodes keep their attributes. Two entities are linked where any entity -> entity
    edge joins them (either way); ``weight`` is the number of distinct papers whose
    evidence states one of those edges and ``relations`` their sorted names.

    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("paper:p1", {"type": "Paper"}), ("model:a", {"type": "Model"}),
    ...                   ("model:b", {"type": "Model"})])
    >>> _ = g.add_edge("paper:p1", "model:a", key="uses", relation="uses", evidence=[{"paper": "p1"}])
    >>> _ = g.add_edge("model:a", "model:b", key="co_mentioned", relation="co_mentioned",
    ...                evidence=[{"paper": "p1"}, {"paper": "p2"}])
    >>> _ = g.add_edge("model:b", "model:a", key="outperforms", relation="outperforms",
    ...                evidence=[{"paper": "p3"}])
    >>> sorted(entity_graph(g).edges(data=True))
    [('model:a', 'model:b', {'weight': 3, 'relations': ['co_mentioned', 'outperforms']})]
    """
    entities = nx.Graph()
    entities.add_nodes_from((n, d) for n, d in graph.nodes(data=True) if d.get("type") != "Paper")
    papers: dict[frozenset[str], set[str]] = {}
    names: dict[frozenset[str], set[str]] = {}
    for source, target, data in graph.edges(data=True):
        if source == target or source not in entities or target not in entities:
            continue
        pair = frozenset((source, target))
        papers.setdefault(pair, set()).update(e["paper"] for e in data.get("evidence", []))
        names.setdefault(pair, set()).add(data.get("relation", ""))
    for pair, seen_in in papers.items():
        entities.add_edge(*sorted(pair), weight=len(seen_in), relations=sorted(names[pair]))
    return entities
