"""The graph as RDF: Turtle, N-Triples, JSON-LD, a VoID description and an Oxigraph store.

What the data says (``kg/ontology.ttl`` defines every ``kg:`` term):

- a paper is ``kg:Paper``, ``schema:ScholarlyArticle`` and Linked Papers With
  Code's ``lpwc:paper``, with ``dcterms:title``/``abstract``/``identifier`` and,
  when the input had them, ``dcterms:creator``/``issued``, ``bibo:doi``,
  ``kg:arxivId``, ``schema:url`` and ``kg:venue``;
- an entity is its ``kg:`` class (plus LPWC's class, or ``mls:EvaluationMeasure``
  for metrics), with ``skos:prefLabel``, one ``skos:altLabel`` per other surface
  form, ``kg:paperCount`` and ``skos:exactMatch`` links to outside ids;
- every edge of the graph is a direct triple (``paper kg:introduces method``), the
  LPWC triple that means the same where there is one (asserted, since SPARQL users
  run no reasoner), and a ``kg:Statement`` (an ``rdf:Statement``) that reifies it
  with its ``kg:support`` and ``prov:wasDerivedFrom`` the papers that state it;
- each piece of evidence is a ``kg:Mention``: a span of a paper's field with
  ``kg:start``/``kg:end`` and the ``kg:sentence`` that contains it.

IRIs are ``<base><kind>/<slug>``, percent-encoded so that any name is safe, and
stable across runs. Turtle is the master copy, written in sorted order so that
the same graph gives the same bytes; the other files are derived from it by
pyoxigraph, and the store (``store/``) is bulk-loaded from it.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote

import networkx as nx
import pyoxigraph as ox
from rdflib import Namespace, URIRef

from kg.errors import KgError
from kg.graph import paper_node
from kg.vocab import (
    BIBO,
    DCTERMS,
    DEFAULT_BASE,
    KG,
    LPWC,
    LPWC_PROPERTY,
    MLS,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
    VOID,
    XSD,
)

RDF_FILE = "kg.ttl"
NTRIPLES_FILE = "kg.nt"
JSONLD_FILE = "kg.jsonld"
VOID_FILE = "void.ttl"
STORE_DIR = "store"
SPARQL_PATH = "/sparql"
DEFAULT_ENDPOINT = f"http://127.0.0.1:8000{SPARQL_PATH}"

RELATION_PROPERTY: dict[str, URIRef] = {
    "introduces": KG.introduces,
    "evaluated_on": KG.evaluatedOn,
    "uses": KG.uses,
    "mentions": KG.mentions,
    "addresses": KG.addresses,
    "outperforms": KG.outperforms,
    "based_on": KG.basedOn,
    "applied_to": KG.appliedTo,
    "variant_of": KG.variantOf,
    "co_mentioned": KG.coMentionedWith,
}
"""The property of each relation of the graph contract; others get ``kg:<camelCase>``."""

SYMMETRIC_RELATIONS = frozenset({"co_mentioned"})
"""Stored once per pair in the graph, asserted both ways in RDF so queries need no UNION."""

_OPEN_KG = Namespace(str(KG._NS))
_LPWC_CLASS = {
    "Paper": LPWC.paper, "Method": LPWC.method, "Model": LPWC.model, "Dataset": LPWC.dataset,
    "Benchmark": LPWC.dataset, "Task": LPWC.task, "Metric": MLS.EvaluationMeasure,
}  # fmt: skip
_DATA_TYPES = {"Dataset", "Benchmark"}
# (relation, target type) -> the LPWC property from paper to target, or None for "target introducedBy paper".
_LPWC_EDGE: dict[tuple[str, str], URIRef | None] = {
    ("introduces", "Method"): LPWC_PROPERTY.hasMethod,
    ("uses", "Method"): LPWC_PROPERTY.hasMethod,
    ("uses", "Dataset"): LPWC_PROPERTY.usesDataset,
    ("uses", "Benchmark"): LPWC_PROPERTY.usesDataset,
    ("evaluated_on", "Dataset"): LPWC_PROPERTY.usesDataset,
    ("evaluated_on", "Benchmark"): LPWC_PROPERTY.usesDataset,
    ("addresses", "Task"): LPWC_PROPERTY.hasTask,
}
_DATE_TYPES = [
    (re.compile(r"\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})?"), XSD.dateTime),
    (re.compile(r"\d{4}-\d{2}-\d{2}"), XSD.date),
    (re.compile(r"\d{4}-\d{2}"), XSD.gYearMonth),
    (re.compile(r"\d{4}"), XSD.gYear),
]


@dataclass(frozen=True)
class RdfSummary:
    """What :func:`write_rdf` wrote: the number of data triples and the files and folders."""

    triples: int
    files: list[Path] = field(default_factory=list)


def check_base(base: str) -> str:
    """``base`` if it can prefix every IRI of the graph, else a ``KgError``.

    >>> check_base("http://example.org/kg/")
    'http://example.org/kg/'
    >>> check_base("example.org")
    Traceback (most recent call last):
    ...
    kg.errors.KgError: base IRI 'example.org' must be absolute (http:// or https://) and end with / or #
    """
    if not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+[/#]", base):
        raise KgError(f"base IRI {base!r} must be absolute (http:// or https://) and end with / or #")
    return base


@lru_cache(maxsize=1 << 16)
def _segment(name: str) -> str:
    return quote(name, safe="-._~")


def node_iri(node_id: str, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of a graph node: its ``kind:slug`` id as ``<base>kind/slug``.

    >>> str(node_iri("paper:a b#c"))
    'https://w3id.org/kg/paper/a%20b%23c'
    >>> str(node_iri("method:λ-eclipse", "http://example.org/"))
    'http://example.org/method/%CE%BB-eclipse'
    """
    kind, _, name = node_id.partition(":")
    return URIRef(f"{base}{_segment(kind)}/{_segment(name)}")


def relation_property(relation: str) -> URIRef:
    """The property of a relation: the contract's own, or ``kg:<camelCase>`` for one added later.

    >>> relation_property("evaluated_on")
    rdflib.term.URIRef('https://w3id.org/kg/ontology#evaluatedOn')
    >>> relation_property("fine_tuned_from")
    rdflib.term.URIRef('https://w3id.org/kg/ontology#fineTunedFrom')
    """
    if relation in RELATION_PROPERTY:
        return RELATION_PROPERTY[relation]
    head, *rest = re.split(r"[^0-9A-Za-z]+", relation) or [""]
    return _OPEN_KG[_segment(head.lower() + "".join(word.capitalize() for word in rest)) or "related"]


def statement_iri(source: str, relation: str, target: str, base: str = DEFAULT_BASE) -> str:
    """The IRI of the statement that reifies an edge: readable, and one per edge.

    The parts are joined by ``:``, which no percent-encoded part holds, so
    Turtle can write the IRI as a prefixed name without escapes.

    >>> statement_iri("paper:p1", "introduces", "method:dpo", "http://example.org/")
    'http://example.org/statement/paper:p1:introduces:method:dpo'
    """
    source_kind, _, source_name = source.partition(":")
    target_kind, _, target_name = target.partition(":")
    parts = [source_kind, source_name, relation, target_kind, target_name]
    return f"{base}statement/" + ":".join(_segment(part) for part in parts)


def mention_iri(evidence: dict[str, Any], base: str = DEFAULT_BASE) -> str:
    """The IRI of a piece of evidence: the paper, field and character span it quotes.

    >>> mention_iri({"paper": "p1", "field": "abstract", "start": 3, "end": 6}, "http://example.org/")
    'http://example.org/mention/p1:abstract:3-6'
    """
    paper, text_field = _segment(str(evidence["paper"])), _segment(str(evidence["field"]))
    return f"{base}mention/{paper}:{text_field}:{evidence['start']}-{evidence['end']}"


def _is_mention(evidence: dict[str, Any]) -> bool:
    return all(key in evidence for key in ("paper", "field", "start", "end"))


class _Terms:
    """pyoxigraph terms made once, by IRI or node id: a large build makes millions of triples of few terms.

    Node ids hold a ``:`` and absolute IRIs ``://``, so the two kinds of key cannot clash.
    """

    def __init__(self, base: str) -> None:
        self.base = base
        self._named: dict[str, ox.NamedNode] = {}

    def __getitem__(self, iri: str) -> ox.NamedNode:
        node = self._named.get(iri)
        if node is None:
            node = self._named[iri] = ox.NamedNode(iri)
        return node

    def node(self, node_id: str) -> ox.NamedNode:
        node = self._named.get(node_id)
        if node is None:
            node = self._named[node_id] = ox.NamedNode(str(node_iri(node_id, self.base)))
        return node


Pair = tuple[ox.NamedNode, ox.NamedNode | ox.Literal]


def _date(text: str) -> ox.Literal:
    for pattern, datatype in _DATE_TYPES:
        if pattern.fullmatch(text):
            return ox.Literal(text, datatype=ox.NamedNode(str(datatype)))
    return ox.Literal(text)


def _paper_pairs(node: str, data: dict[str, Any], terms: _Terms) -> Iterator[Pair]:
    for cls in (KG.Paper, SCHEMA.ScholarlyArticle, LPWC.paper):
        yield terms[RDF.type], terms[cls]
    yield terms[DCTERMS.identifier], ox.Literal(node.partition(":")[2])
    yield terms[RDFS.label], ox.Literal(data.get("label") or data.get("title") or node)
    for key, predicate in (("title", DCTERMS.title), ("abstract", DCTERMS.abstract), ("venue", KG.venue)):
        if data.get(key):
            yield terms[predicate], ox.Literal(data[key])
    for author in data.get("authors") or ():
        yield terms[DCTERMS.creator], ox.Literal(author)
    if data.get("date"):
        yield terms[DCTERMS.issued], _date(str(data["date"]))
    if data.get("arxiv_id"):
        yield terms[KG.arxivId], ox.Literal(data["arxiv_id"])
        yield (
            terms[SKOS.exactMatch],
            ox.NamedNode(f"https://arxiv.org/abs/{quote(data['arxiv_id'], safe='/.')}"),
        )
    if data.get("doi"):
        yield terms[BIBO.doi], ox.Literal(data["doi"])
        yield terms[SKOS.exactMatch], ox.NamedNode(f"https://doi.org/{quote(data['doi'], safe='/.()-_;')}")
    if data.get("url"):
        yield terms[SCHEMA.url], _iri_or_literal(data["url"])


def _iri_or_literal(text: str) -> ox.NamedNode | ox.Literal:
    try:
        return ox.NamedNode(text) if re.match(r"https?://", text) else ox.Literal(text)
    except ValueError:
        return ox.Literal(text)


def _entity_pairs(data: dict[str, Any], terms: _Terms) -> Iterator[Pair]:
    kind = data.get("type", "Entity")
    yield terms[RDF.type], terms[_OPEN_KG[_segment(kind)]]
    if kind in _LPWC_CLASS:
        yield terms[RDF.type], terms[_LPWC_CLASS[kind]]
    label = ox.Literal(data.get("label", ""))
    yield terms[SKOS.prefLabel], label
    yield terms[RDFS.label], label
    aliases = data.get("aliases") or {}
    for alias in aliases:
        if alias != data.get("label"):
            yield terms[SKOS.altLabel], ox.Literal(alias)
    yield terms[KG.paperCount], ox.Literal(int(data.get("papers", 0)))
    yield terms[KG.mentionCount], ox.Literal(sum(aliases.values()))
    for source, identifier in (data.get("external") or {}).items():
        link = _iri_or_literal(str(identifier))
        if isinstance(link, ox.NamedNode):
            yield terms[SKOS.exactMatch], link
        else:
            yield terms[DCTERMS.identifier], ox.Literal(f"{source}:{identifier}")


def _edge_pairs(
    graph: nx.MultiDiGraph, source: str, target: str, data: dict[str, Any], terms: _Terms
) -> Iterator[tuple[str, Pair]]:
    """The triples an edge adds to its source (and target): direct, LPWC, and inverse/symmetric."""
    relation = data.get("relation", "related")
    source_iri, target_iri = terms.node(source), terms.node(target)
    yield source, (terms[relation_property(relation)], target_iri)
    if relation in SYMMETRIC_RELATIONS:
        yield target, (terms[relation_property(relation)], source_iri)
    if graph.nodes[source].get("type") != "Paper":
        return
    if relation == "introduces":
        yield target, (terms[LPWC_PROPERTY.introducedBy], source_iri)
    lpwc = _LPWC_EDGE.get((relation, graph.nodes[target].get("type", "")))
    if lpwc is not None:
        yield source, (terms[lpwc], target_iri)


def _statement_pairs(source: str, target: str, data: dict[str, Any], terms: _Terms) -> Iterator[Pair]:
    relation = data.get("relation", "related")
    yield terms[RDF.type], terms[KG.Statement]
    yield terms[RDF.subject], terms.node(source)
    yield terms[RDF.predicate], terms[relation_property(relation)]
    yield terms[RDF.object], terms.node(target)
    evidence = data.get("evidence") or []
    support = data.get("support", len({e.get("paper") for e in evidence}))
    yield terms[KG.support], ox.Literal(int(support))
    if "weight" in data:
        yield terms[KG.weight], ox.Literal(data["weight"])
    for paper in {e["paper"] for e in evidence if "paper" in e}:
        yield terms[PROV.wasDerivedFrom], terms.node(paper_node(paper))
    for item in evidence:
        if _is_mention(item):
            yield terms[KG.evidence], terms[mention_iri(item, terms.base)]


def _mention_pairs(evidence: dict[str, Any], terms: _Terms) -> Iterator[Pair]:
    yield terms[RDF.type], terms[KG.Mention]
    yield terms[PROV.wasDerivedFrom], terms.node(paper_node(evidence["paper"]))
    yield terms[KG.field], ox.Literal(evidence["field"])
    yield terms[KG.start], ox.Literal(int(evidence["start"]))
    yield terms[KG.end], ox.Literal(int(evidence["end"]))
    if evidence.get("sentence") is not None:
        yield terms[KG.sentence], ox.Literal(evidence["sentence"])


def _order(pair: Pair) -> tuple[str, str]:
    return pair[0].value, str(pair[1])


def triples(graph: nx.MultiDiGraph, base: str = DEFAULT_BASE) -> Iterator[ox.Triple]:
    """The RDF of ``graph``, subject by subject in IRI order, each subject's triples sorted.

    The order makes the output of one graph the same bytes on every run; only one
    subject's triples are held at a time.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("paper:p1", type="Paper", label="T", title="T", abstract="We use DPO.")
    >>> g.add_node("method:dpo", type="Method", label="DPO", aliases={"DPO": 1}, papers=1)
    >>> evidence = {"paper": "p1", "field": "abstract", "start": 7, "end": 10, "sentence": "We use DPO."}
    >>> g.add_edge("paper:p1", "method:dpo", key="uses", relation="uses", support=1, evidence=[evidence])
    'uses'
    >>> rdf = list(triples(g, "http://example.org/"))
    >>> [str(t) for t in rdf if t.predicate.value.endswith("hasMethod")]
    ['<http://example.org/paper/p1> <https://linkedpaperswithcode.com/property/hasMethod> <http://example.org/method/dpo>']
    >>> [t.object.value for t in rdf if t.predicate.value.endswith("#sentence")]
    ['We use DPO.']
    """
    check_base(base)
    terms = _Terms(base)
    extra: dict[str, list[Pair]] = {}
    subjects: dict[str, tuple[str, Any]] = {}
    for node in graph.nodes:
        subjects[str(node_iri(node, base))] = ("node", node)
    for source, target, key, data in graph.edges(keys=True, data=True):
        for owner, pair in _edge_pairs(graph, source, target, data, terms):
            extra.setdefault(owner, []).append(pair)
        relation = data.get("relation", key)
        subjects[statement_iri(source, relation, target, base)] = ("edge", (source, target, key))
        for item in data.get("evidence") or []:
            if _is_mention(item):
                subjects.setdefault(mention_iri(item, base), ("mention", item))
    for subject in sorted(subjects):
        kind, what = subjects[subject]
        if kind == "node":
            data = graph.nodes[what]
            own = (
                _paper_pairs(what, data, terms) if data.get("type") == "Paper" else _entity_pairs(data, terms)
            )
            pairs = [*own, *extra.get(what, [])]
        elif kind == "edge":
            source, target, key = what
            pairs = list(_statement_pairs(source, target, graph.edges[source, target, key], terms))
        else:
            pairs = list(_mention_pairs(what, terms))
        subject_node = terms[subject]
        for predicate, value in sorted(set(pairs), key=_order):
            yield ox.Triple(subject_node, predicate, value)


def data_prefixes(graph: nx.MultiDiGraph, base: str = DEFAULT_BASE) -> dict[str, str]:
    """Prefixes for the reused vocabularies and for each kind of node (``paper:``, ``method:``, ...).

    >>> g = nx.MultiDiGraph(); g.add_node("method:dpo")
    >>> data_prefixes(g, "http://example.org/")["method"]
    'http://example.org/method/'
    """
    kinds = {node.partition(":")[0] for node in graph.nodes} | {"statement", "mention", "void"}
    data = {
        kind: f"{base}{_segment(kind)}/" for kind in sorted(kinds) if re.fullmatch(r"[a-z][a-z0-9]*", kind)
    }
    return {**PREFIXES, **{k: v for k, v in data.items() if k not in PREFIXES}}


def write_rdf(
    graph: nx.MultiDiGraph, folder: str | Path, base: str = DEFAULT_BASE, endpoint: str = DEFAULT_ENDPOINT
) -> RdfSummary:
    """Write the RDF of ``graph`` into ``folder``: Turtle, N-Triples, JSON-LD, VoID and the store.

    ``folder`` is the build's staging folder; the build moves everything into
    place once every output is complete.
    """
    folder = Path(folder)
    prefixes = data_prefixes(graph, base)
    counted = _Counted(triples(graph, base))
    with _durable(folder / RDF_FILE) as out:
        ox.serialize(counted, out, ox.RdfFormat.TURTLE, prefixes=prefixes)
    with _durable(folder / NTRIPLES_FILE) as out:
        ox.serialize(_read_turtle(folder / RDF_FILE), out, ox.RdfFormat.N_TRIPLES)
    with _durable(folder / JSONLD_FILE) as out:
        write_jsonld(_read_turtle(folder / RDF_FILE), out, prefixes)
    with _durable(folder / VOID_FILE) as out:
        ox.serialize(
            sorted(void_triples(counted, base, endpoint), key=str),
            out,
            ox.RdfFormat.TURTLE,
            prefixes=prefixes,
        )
    store = ox.Store(str(folder / STORE_DIR))
    store.bulk_load(path=str(folder / RDF_FILE), format=ox.RdfFormat.TURTLE)
    store.optimize()
    del store  # closes the database before the build moves its folder into place
    names = [RDF_FILE, NTRIPLES_FILE, JSONLD_FILE, VOID_FILE, STORE_DIR]
    return RdfSummary(triples=counted.triples, files=[folder / name for name in names])


class _Counted:
    """Passes triples through, counting them and the instances of each class."""

    def __init__(self, source: Iterable[ox.Triple]) -> None:
        self._source = source
        self.triples = 0
        self.classes: Counter[str] = Counter()
        self.properties: set[str] = set()
        self.subjects = 0
        self._last_subject: ox.NamedNode | None = None

    def __iter__(self) -> Iterator[ox.Triple]:
        rdf_type = ox.NamedNode(str(RDF.type))
        for triple in self._source:
            self.triples += 1
            self.properties.add(triple.predicate.value)
            if triple.subject != self._last_subject:
                self.subjects += 1
                self._last_subject = triple.subject
            if triple.predicate == rdf_type:
                self.classes[triple.object.value] += 1
            yield triple


def _read_turtle(path: Path) -> Iterator[ox.Triple]:
    return (quad.triple for quad in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))


@contextmanager
def _durable(path: Path) -> Iterator[IO[bytes]]:
    """A binary file for writing that is on disk, not just in a buffer, once the block ends."""
    with open(path, "wb") as out:
        yield out
        out.flush()
        os.fsync(out.fileno())


def void_triples(counts: _Counted, base: str, endpoint: str) -> Iterator[ox.Triple]:
    """A VoID description of the written data: size, classes, vocabularies, dumps and endpoint."""
    dataset = ox.NamedNode(f"{base}void")
    names = {namespace: prefix for prefix, namespace in PREFIXES.items()}

    def triple(
        subject: ox.NamedNode, predicate: URIRef, value: ox.NamedNode | ox.Literal | URIRef
    ) -> ox.Triple:
        obj = ox.NamedNode(str(value)) if isinstance(value, URIRef) else value
        return ox.Triple(subject, ox.NamedNode(str(predicate)), obj)

    yield triple(dataset, RDF.type, VOID.Dataset)
    yield triple(dataset, DCTERMS.title, ox.Literal("kg: a knowledge graph of machine-learning papers"))
    yield triple(dataset, VOID.triples, ox.Literal(counts.triples))
    yield triple(dataset, VOID.entities, ox.Literal(counts.subjects))
    yield triple(dataset, VOID.classes, ox.Literal(len(counts.classes)))
    yield triple(dataset, VOID.properties, ox.Literal(len(counts.properties)))
    yield triple(dataset, VOID.uriSpace, ox.Literal(base))
    yield triple(dataset, VOID.sparqlEndpoint, ox.NamedNode(endpoint))
    for name in (RDF_FILE, NTRIPLES_FILE, JSONLD_FILE):
        yield triple(dataset, VOID.dataDump, ox.NamedNode(base + name))
    for namespace in sorted(set(PREFIXES.values())):
        yield triple(dataset, VOID.vocabulary, ox.NamedNode(namespace))
    for cls, count in counts.classes.items():
        namespace, local = re.match(r"(.*[/#])(.*)", cls).groups()
        partition = ox.NamedNode(f"{base}void/{names.get(namespace, _segment(namespace))}-{_segment(local)}")
        yield triple(dataset, VOID.classPartition, partition)
        yield triple(partition, VOID["class"], ox.NamedNode(cls))
        yield triple(partition, VOID.entities, ox.Literal(count))


def write_jsonld(triples: Iterable[ox.Triple], out: IO[bytes], prefixes: dict[str, str]) -> None:
    """Write ``triples`` (grouped by subject) as compacted JSON-LD: one node object per subject.

    >>> import io
    >>> label = ox.NamedNode(str(SKOS.prefLabel))
    >>> t = ox.Triple(ox.NamedNode("http://example.org/m/a"), label, ox.Literal("A"))
    >>> out = io.BytesIO(); write_jsonld([t], out, {"skos": str(SKOS._NS), "m": "http://example.org/m/"})
    >>> json.loads(out.getvalue())["@graph"]
    [{'@id': 'm:a', 'skos:prefLabel': 'A'}]
    """
    namespaces = sorted(prefixes.items(), key=lambda item: -len(item[1]))
    rdf_type, xsd_string = str(RDF.type), str(XSD.string)

    def compact(iri: str) -> str:
        for prefix, namespace in namespaces:
            if iri.startswith(namespace) and not iri[len(namespace) :].startswith("//"):
                return f"{prefix}:{iri[len(namespace) :]}"
        return iri

    def value(term: ox.NamedNode | ox.Literal) -> object:
        if isinstance(term, ox.NamedNode):
            return {"@id": compact(term.value)}
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if term.datatype.value == xsd_string:
            return term.value
        return {"@value": term.value, "@type": compact(term.datatype.value)}

    out.write(b'{"@context": ' + json.dumps(prefixes, indent=1).encode() + b',\n"@graph": [')

    def text(node: dict[str, Any]) -> bytes:
        node = {key: values[0] if len(values) == 1 else values for key, values in node.items()}
        return json.dumps(node, ensure_ascii=False).encode()

    node: dict[str, Any] = {}
    for triple in triples:
        subject = compact(triple.subject.value)
        if node.get("@id") != [subject]:
            if node:
                out.write(text(node) + b",")
            node = {"@id": [subject]}
            out.write(b"\n")
        if triple.predicate.value == rdf_type:
            node.setdefault("@type", []).append(compact(triple.object.value))
        else:
            node.setdefault(compact(triple.predicate.value), []).append(value(triple.object))
    if node:
        out.write(text(node))
    out.write(b"\n]}\n")
