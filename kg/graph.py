"""The graph: papers and entities as a NetworkX ``MultiDiGraph``.

Node ids are ``paper:<paper id>`` for papers and ``<type>:<slug>`` for entities.
Every node has ``type`` (``Paper`` or one of the six entity types) and ``label``.
Paper nodes also have ``title`` and ``abstract``, and the metadata the input
had: ``authors`` (list of names), ``date`` (ISO), ``arxiv_id``, ``doi``, ``url``,
``venue``; entity nodes have ``aliases``
(surface form -> count), ``type_votes`` (type -> count), ``papers`` (number of
papers that mention it) and ``external`` (source -> id or URL).

Every edge has ``relation`` and ``evidence`` (a list of ``{"paper", "field",
"start", "end", "sentence"}`` dicts) and ``support`` (the number of distinct
papers in its evidence). Paper -> entity relations:

- ``introduces``: the paper proposes or releases the entity;
- ``evaluated_on``: the paper evaluates on the dataset or benchmark;
- ``mentions``: any other mention.

A paper has one edge per entity, with the strongest of its roles.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

import networkx as nx

from kg.errors import KgError
from kg.model import Evidence, Paper, PaperMentions, Relation
from kg.resolve import Resolution, name_key

GRAPH_FILE = "kg.json"
_METADATA = ("date", "arxiv_id", "doi", "url", "venue")

_RELATION_OF_ROLE = {"introduced": "introduces", "evaluated_on": "evaluated_on", None: "mentions"}
_STRENGTH = {"introduces": 2, "evaluated_on": 1, "mentions": 0}


def paper_node(paper_id: str) -> str:
    return f"paper:{paper_id}"


def paper_metadata(paper: Paper) -> dict[str, object]:
    """The metadata attributes of ``paper``'s node: those the input had.

    >>> paper_metadata(Paper("p1", "T", "A.", authors=("Ada Lovelace",), date="1843"))
    {'authors': ['Ada Lovelace'], 'date': '1843'}
    """
    authors = {"authors": list(paper.authors)} if paper.authors else {}
    return authors | {name: value for name in _METADATA if (value := getattr(paper, name))}


def paper_relations(extractions: Iterable[PaperMentions], resolution: Resolution) -> list[Relation]:
    """One relation per (paper, entity): the strongest role, with every mention as evidence."""
    relations: dict[tuple[str, str], Relation] = {}
    for found in extractions:
        source = paper_node(found.paper.id)
        for mention in found.mentions:
            target = resolution.entity_of_key[name_key(mention.text)]
            text = found.paper.text(mention.field)
            start, end = mention.sentence
            evidence = Evidence(found.paper.id, mention.field, mention.start, mention.end, text[start:end])
            relation = _RELATION_OF_ROLE[mention.role]
            current = relations.get((source, target))
            if current is None:
                relations[source, target] = Relation(source, target, relation, [evidence])
                continue
            if _STRENGTH[relation] > _STRENGTH[current.relation]:
                current.relation = relation
            current.evidence.append(evidence)
    return list(relations.values())


def build_graph(extractions: list[PaperMentions], resolution: Resolution) -> nx.MultiDiGraph:
    """The graph of a corpus: its papers, its entities, and the relations between them."""
    graph = nx.MultiDiGraph()
    for found in extractions:
        paper = found.paper
        graph.add_node(
            paper_node(paper.id), type="Paper", label=paper.title or paper.id,
            title=paper.title, abstract=paper.abstract, **paper_metadata(paper),
        )  # fmt: skip
    for entity in resolution.entities.values():
        graph.add_node(
            entity.id, type=entity.type, label=entity.label,
            aliases=dict(sorted(entity.aliases.items())), type_votes=dict(sorted(entity.type_votes.items())),
            papers=len(entity.papers), external=dict(entity.external),
        )  # fmt: skip
    for relation in paper_relations(extractions, resolution):
        graph.add_edge(
            relation.source, relation.target, key=relation.relation, relation=relation.relation,
            evidence=[_evidence_record(e) for e in relation.evidence], support=relation.support,
        )  # fmt: skip
    return graph


def _evidence_record(evidence: Evidence) -> dict[str, object]:
    record = asdict(evidence)
    record["paper"] = record.pop("paper_id")
    return record


def to_json(graph: nx.MultiDiGraph) -> str:
    """The node-link JSON of ``graph``, keys sorted so equal graphs give equal text."""
    return json.dumps(nx.node_link_data(graph, edges="edges"), ensure_ascii=False, sort_keys=True, indent=1)


def load(path: str | Path) -> nx.MultiDiGraph:
    """Load a built graph from a build folder (or its ``kg.json``).

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> g = nx.MultiDiGraph(); g.add_node("method:dpo", type="Method", label="DPO")
    >>> _ = (folder / GRAPH_FILE).write_text(to_json(g))
    >>> load(folder).nodes["method:dpo"]["label"]
    'DPO'
    """
    path = Path(path)
    file = path / GRAPH_FILE if path.is_dir() else path
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KgError(f"{file}: no built graph here (run `kg build -o {path}` first)") from None
    except json.JSONDecodeError as error:
        raise KgError(f"{file}: not a graph file ({error.msg} at line {error.lineno})") from None
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
