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
    filter weak edges with it). A loaded graph's evidence items are dicts; a graph
    fresh from :func:`build_graph` holds them as :class:`EvidenceRecord`, read-only
    mappings with the same keys that take a third of a dict's memory.

    - Paper -> entity, one per pair, the strongest role: ``introduces``,
      ``evaluated_on`` (datasets/benchmarks), ``addresses`` (tasks), ``uses``, ``mentions``.
    - Entity -> entity, stated by a sentence: ``evaluated_on``, ``outperforms``,
      ``based_on``, ``applied_to``; ``variant_of`` (a version or size to its family);
      ``co_mentioned`` (named in one sentence; stored once, from the smaller node id
      to the larger, with ``weight`` = ``support``, the number of papers co-mentioning them).
      A co-mention's ``evidence`` holds examples only, not every sentence: the first
      sentence of each of its first ``kg.relations.CO_MENTION_EXAMPLES`` papers; its
      ``support`` and ``weight`` still count every paper. Every other edge's evidence is complete.

    :mod:`kg.relations` says which cues state each relation.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Literal

import networkx as nx
import orjson

from kg.errors import KgError
from kg.model import PaperMentions
from kg.relations import relations
from kg.resolve import Resolution

GRAPH_FILE = "kg.json"
_PAPER = "paper:"  # the prefix of a paper's node id
_EVIDENCE_FIELDS = ("paper", "field", "start", "end", "sentence")
_EVIDENCE_KEYS = frozenset(_EVIDENCE_FIELDS)
_PAPER_METADATA = ("authors", "date", "arxiv_id", "doi", "url", "venue")


def paper_node(paper_id: str) -> str:
    return f"{_PAPER}{paper_id}"


class EvidenceRecord(Mapping[str, object]):
    """One item of an edge's evidence: a read-only mapping with the keys of an evidence dict.

    A slotted record, not a dict: a large graph holds millions of them, and a dict
    takes three times the memory. It equals the dict with the same items.

    >>> item = EvidenceRecord("p1", "abstract", 7, 10, "We use DPO.")
    >>> item["paper"], item.get("note"), "sentence" in item
    ('p1', None, True)
    >>> item == {"paper": "p1", "field": "abstract", "start": 7, "end": 10, "sentence": "We use DPO."}
    True
    >>> len({item, EvidenceRecord("p1", "abstract", 7, 10, "We use DPO.")}), item.paper_id
    (1, 'p1')
    """

    __slots__ = _EVIDENCE_FIELDS

    def __init__(self, paper: str, field: str, start: int, end: int, sentence: str) -> None:
        self.paper, self.field, self.start, self.end, self.sentence = paper, field, start, end, sentence

    def __getitem__(self, key: str) -> object:
        if key in _EVIDENCE_KEYS:
            return getattr(self, key)
        raise KeyError(key)

    def get(self, key: str, default: object = None) -> object:
        return getattr(self, key) if key in _EVIDENCE_KEYS else default

    def __contains__(self, key: object) -> bool:
        return key in _EVIDENCE_KEYS

    def __iter__(self) -> Iterator[str]:
        return iter(_EVIDENCE_FIELDS)

    def __len__(self) -> int:
        return len(_EVIDENCE_FIELDS)

    def __repr__(self) -> str:
        return repr(dict(self))

    @property
    def paper_id(self) -> str:
        """The paper, by the name :class:`kg.model.Evidence` gives it: a record stands in for one."""
        return self.paper

    # Hashable, as the relations' evidence must be (a statement found twice is kept once).
    def __hash__(self) -> int:
        return hash((self.paper, self.field, self.start, self.end, self.sentence))

    __eq__ = Mapping.__eq__  # defining __hash__ would not otherwise keep the mapping's equality


def build_graph(
    extractions: Iterable[PaperMentions], resolution: Resolution, *, release: bool = False
) -> nx.MultiDiGraph:
    """The graph of a corpus: its papers, its entities, and the relations between them.

    With ``release``, ``extractions`` (a list) is emptied as the graph takes in each
    paper's relations, so that a build does not hold every paper's mentions beside the
    whole graph.
    """
    extractions = extractions if release and isinstance(extractions, list) else list(extractions)
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
    found = _handed_over(extractions) if release else extractions
    # Every node is in, and each (source, target, relation) comes once: an edge is the dict
    # insertions MultiDiGraph.add_edge makes, without its checks (a tenth of the stage's time).
    for relation in relations(found, resolution, make_evidence=EvidenceRecord):  # type: ignore[arg-type]
        name, support, source, target = relation.relation, relation.support, relation.source, relation.target
        data = {"relation": name, "evidence": relation.evidence, "support": support}
        if name == "co_mentioned":
            data["weight"] = support
        if (keys := graph._succ[source].get(target)) is None:
            keys = graph._succ[source][target] = graph._pred[target][source] = {}
        keys[name] = data
    return graph


def _handed_over(extractions: list[PaperMentions]) -> Iterator[PaperMentions]:
    """The items of ``extractions``, each dropped from the list as it is taken."""
    for i, found in enumerate(extractions):
        extractions[i] = None  # type: ignore[call-overload]  # the caller's reference, let go
        yield found
    extractions.clear()


def to_json(graph: nx.MultiDiGraph) -> str:
    """The node-link JSON of ``graph``, keys sorted so equal graphs give equal text.

    One node or edge a line, compact within it. Evidence is written compactly (see
    :func:`write_json`); :func:`load` reads it back as the graph.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("paper:p1", type="Paper", title="DPO", abstract="We use DPO. It works.")
    >>> g.add_node("method:dpo", type="Method", label="DPO")
    >>> evidence = {"paper": "p1", "field": "abstract", "start": 7, "end": 10, "sentence": "We use DPO."}
    >>> _ = g.add_edge("paper:p1", "method:dpo", key="uses", relation="uses", evidence=[evidence], support=1)
    >>> for line in to_json(g).splitlines():
    ...     print(line[:64])
    {"directed":true,"edges":[
    {"evidence":[["p1","abstract",7,10,0,11]],"key":"uses","relation
    ],"evidence_items":"[paper, field, start, end, sentence start, s
    {"abstract":"We use DPO. It works.","id":"paper:p1","title":"DPO
    {"id":"method:dpo","label":"DPO","type":"Method"}
    ]}
    """
    return b"".join(_json_chunks(graph)).decode("utf-8")


def write_json(graph: nx.MultiDiGraph, path: Path) -> None:
    """Write :func:`to_json` of ``graph`` to ``path``, a node or edge at a time, never whole in memory.

    The file is ``nx.node_link_data`` of the graph but for its evidence: an evidence dict
    whose sentence is in its paper node's field is written as the list
    ``[paper, field, start, end, sentence start, sentence end]``, the sentence's character
    span in that field (the text is held once, by the paper node, not once per statement).
    """
    with path.open("wb") as out:
        out.writelines(_json_chunks(graph))


_EVIDENCE_ITEMS = "[paper, field, start, end, sentence start, sentence end]"


def _json_chunks(graph: nx.MultiDiGraph) -> Iterator[bytes]:
    # The records are written as nx.node_link_data would give them, without copying the graph.
    def dumps(value: object) -> bytes:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)

    # Each piece of evidence looks up its paper's text: by paper id, not through the node view.
    texts = {node[len(_PAPER) :]: data for node, data in graph.nodes(data=True) if node.startswith(_PAPER)}

    def edge_record(u: str, v: str, k: str, data: dict[str, Any]) -> dict[str, Any]:
        record = {**data, "source": u, "target": v, "key": k}
        if isinstance(evidence := data.get("evidence"), list):
            record["evidence"] = [_compact_evidence(texts, item) for item in evidence]
        return record

    edges = graph.edges(keys=True, data=True)
    yield b'{"directed":' + dumps(graph.is_directed()) + b',"edges":['
    yield from _json_lines(dumps(edge_record(*edge)) for edge in edges)
    yield b'],"evidence_items":' + dumps(_EVIDENCE_ITEMS) + b',"graph":' + dumps(graph.graph)
    yield b',"multigraph":' + dumps(graph.is_multigraph()) + b',"nodes":['
    yield from _json_lines(dumps({**data, "id": node}) for node, data in graph.nodes(data=True))
    yield b"]}"


def _compact_evidence(texts: dict[str, dict[str, Any]], item: object) -> object:
    """``item`` as the list ``write_json`` describes, where it can be; else as a dict, or as it is.

    ``texts`` maps a paper id to its node's attributes.
    """
    if type(item) is EvidenceRecord:
        paper, field, start, end, sentence = item.paper, item.field, item.start, item.end, item.sentence
    elif isinstance(item, dict) and item.keys() == _EVIDENCE_KEYS:
        paper, field, start, end, sentence = (item[key] for key in _EVIDENCE_FIELDS)
    else:
        return item
    text = texts.get(paper, {}).get(field) if isinstance(paper, str) else None
    if not (isinstance(text, str) and isinstance(sentence, str) and isinstance(start, int)):
        return dict(item)
    # The statement lies inside its sentence, so the sentence starts at most its length before it.
    at = text.find(sentence, max(0, start - len(sentence)))
    return dict(item) if at < 0 else [paper, field, start, end, at, at + len(sentence)]


def _json_lines(records: Iterator[bytes]) -> Iterator[bytes]:
    separator = b"\n"
    for record in records:
        yield separator + record
        separator = b",\n"
    if separator != b"\n":
        yield b"\n"


def _expand_evidence(data: dict[str, Any]) -> None:
    """Turn the compact evidence of node-link ``data`` back into evidence dicts, in place."""
    texts = {node["id"]: node for node in data.get("nodes", ())}
    sentences: dict[tuple[str, str, int, int], str] = {}  # one string per sentence, not per statement
    for edge in data.get("edges", ()):
        evidence = edge.get("evidence")
        if not isinstance(evidence, list):
            continue
        for i, item in enumerate(evidence):
            if isinstance(item, list) and len(item) == 6:
                paper, field, start, end, *span = item
                key = (paper, field, *span)
                if key not in sentences:
                    sentences[key] = texts[paper_node(paper)][field][span[0] : span[1]]
                evidence[i] = {
                    "paper": paper, "field": field, "start": start, "end": end, "sentence": sentences[key],
                }  # fmt: skip


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
        data = orjson.loads(file.read_bytes())
        _expand_evidence(data)
    except FileNotFoundError:
        raise KgError(f"{file}: no built graph here (run `kg build -o {path}` first)") from None
    except orjson.JSONDecodeError as error:
        raise KgError(f"{file}: not a graph file ({error.msg} at line {error.lineno})") from None
    except (KeyError, TypeError, IndexError) as error:
        raise KgError(f"{file}: evidence names a paper or field the file lacks ({error})") from None
    graph = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    return graph if kind == "graph" else entity_graph(graph)


def entity_graph(graph: nx.MultiDiGraph) -> nx.Graph:
    """The entities of ``graph`` and how strongly they are linked, for network analysis.

    Nodes keep their attributes. Two entities are linked where any entity -> entity
    edge joins them (either way); ``weight`` is the number of distinct papers whose
    evidence states one of those edges, and at least their co-mention's ``weight``
    (whose evidence keeps only examples, while every sentence stating a relation
    between two entities co-mentions them); ``relations`` are the edges' sorted names.

    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("paper:p1", {"type": "Paper"}), ("model:a", {"type": "Model"}),
    ...                   ("model:b", {"type": "Model"})])
    >>> _ = g.add_edge("paper:p1", "model:a", key="uses", relation="uses", evidence=[{"paper": "p1"}])
    >>> _ = g.add_edge("model:a", "model:b", key="co_mentioned", relation="co_mentioned",
    ...                evidence=[{"paper": "p1"}, {"paper": "p2"}], weight=2)
    >>> _ = g.add_edge("model:b", "model:a", key="outperforms", relation="outperforms",
    ...                evidence=[{"paper": "p3"}])
    >>> sorted(entity_graph(g).edges(data=True))
    [('model:a', 'model:b', {'weight': 3, 'relations': ['co_mentioned', 'outperforms']})]
    """
    entities = nx.Graph()
    entities.add_nodes_from((n, d) for n, d in graph.nodes(data=True) if d.get("type") != "Paper")
    papers: dict[frozenset[str], set[str]] = {}
    names: dict[frozenset[str], set[str]] = {}
    least: dict[frozenset[str], int] = {}
    for source, target, data in graph.edges(data=True):
        if source == target or source not in entities or target not in entities:
            continue
        pair = frozenset((source, target))
        papers.setdefault(pair, set()).update(e["paper"] for e in data.get("evidence", []))
        names.setdefault(pair, set()).add(data.get("relation", ""))
        least[pair] = max(least.get(pair, 0), data.get("weight", 0))
    for pair, seen_in in papers.items():
        weight = max(len(seen_in), least[pair])
        entities.add_edge(*sorted(pair), weight=weight, relations=sorted(names[pair]))
    return entities
