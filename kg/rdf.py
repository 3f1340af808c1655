"""The graph as RDF: Turtle, N-Triples, JSON-LD, a VoID description and an Oxigraph store.

What the data says (``kg/ontology.ttl`` defines every ``kg:`` term):

- a paper is ``kg:Paper``, ``schema:ScholarlyArticle`` and Linked Papers With
  Code's ``lpwc:paper``, with ``dcterms:title``/``abstract``/``identifier`` and,
  when the input had them, ``dcterms:creator``/``issued``, ``bibo:doi``,
  ``kg:arxivId``, ``schema:url`` and ``kg:venue``;
- an entity is its ``kg:`` class (plus LPWC's class, or ``mls:EvaluationMeasure``
  for metrics), with ``skos:prefLabel``, one ``skos:altLabel`` per other surface
  form, ``kg:paperCount`` and ``skos:exactMatch`` links to outside ids; a task
  also has ``kg:methodCount``, precomputed so that ranking tasks reads one number;
- every edge of the graph is a direct triple (``paper kg:introduces method``), the
  LPWC triple that means the same where there is one (asserted, since SPARQL users
  run no reasoner), and a ``kg:Statement`` (an ``rdf:Statement``) that reifies it
  with its ``kg:support`` and ``kg:evidence``, the sentences that state it;
- a co-mention, which has no direction, is a ``kg:CoMention`` node per pair, with
  the two entities (``kg:coMentionOf``) and its ``kg:weight``: four triples, where
  a property asserted both ways and reified took seven (and most of the triples);
- ranking queries read precomputed numbers and links: the dataset's VoID class
  partitions (``void:entities``, ``kg:entitiesInSeveralPapers`` and the most-named
  entities, ``kg:topEntity``, per type; for tasks, also those with most methods,
  ``kg:topByMethodCount``), ``kg:methodCount`` on tasks, a
  ``kg:Evaluation`` per method and dataset evaluated together (with the papers that
  do so), each entity's ``kg:coMentionCount`` (a dataset's ``kg:evaluationCount``)
  and, when it has more than :data:`TOP_LINKS`, links to the strongest of them
  (``kg:topCoMention``, ``kg:topEvaluation``); and a paper that introduces both a
  dataset and a method or model is also a ``kg:DatasetAndMethodPaper``;
- each piece of evidence is a ``kg:Sentence``, written once however many
  statements it supports, with the paper it comes from (``prov:wasDerivedFrom``),
  its ``kg:field`` and its ``kg:text``. (The character offsets of each name are
  in ``kg.json``: a node per mention was a third of the triples, and no query needs them.)

IRIs are ``<base><kind>/<slug>``, percent-encoded so that any name is safe, and
stable across runs. Python makes the triples once, as N-Triples text, subject by
subject in an order that depends only on the graph (so the same graph gives the
same bytes); from there on Rust does the work: pyoxigraph's bulk loader reads
``kg.nt`` into the store (``store/``), and its parser streams it into its Turtle
and JSON-LD serialisers. (Dumping from the store instead costs a database lookup
per term, several times slower.)
"""

from __future__ import annotations

import heapq
import json
import os
import re
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
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
}
"""The property of each relation of the graph contract; others get ``kg:<camelCase>``."""

CO_MENTION = "co_mentioned"
"""The relation written as a ``kg:CoMention`` node per pair, not as a property: it has no direction."""

NAMING_RELATIONS = frozenset({"introduces", "uses", "mentions", "evaluated_on"})
"""The roles in which a paper names a method or model that ``kg:methodCount`` counts for its tasks."""

_OPEN_KG = Namespace(str(KG._NS))
_LPWC_CLASS = {
    "Paper": LPWC.paper, "Method": LPWC.method, "Model": LPWC.model, "Dataset": LPWC.dataset,
    "Benchmark": LPWC.dataset, "Task": LPWC.task, "Metric": MLS.EvaluationMeasure,
}  # fmt: skip
_METHOD_TYPES = frozenset({"Method", "Model"})
_DATA_TYPES = frozenset({"Dataset", "Benchmark"})
_SYSTEM_RELATIONS = frozenset({"introduces", "uses", "mentions"})
# (relation, target type) -> the LPWC property from paper to target.
_LPWC_EDGE: dict[tuple[str, str], URIRef] = {
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
TOP_LINKS = 100
"""How many strongest co-mentions an entity links to, best-supported evaluations a dataset, and
entities named by most papers a type's class partition."""
_LOAD_BYTES = 16 << 20
"""N-Triples given to the store's bulk loader at a time: about 100,000 triples. It loads while the
graph is still in memory (0.1 GB more at the peak of a 100k-paper build; 64 MB parts held 0.4 GB)."""
_CHUNK_TRIPLES = 10_000
"""Triples written at a time: a few megabytes of text, as lines, joined and encoded."""


@lru_cache(maxsize=1024)
def _ox(term: URIRef) -> str:
    return f"<{term}>"


_XSD_INTEGER = f"<{XSD.integer}>"
# N-Triples string escapes: the short ones, else \uXXXX for the other control characters.
_ESCAPES = {code: f"\\u{code:04X}" for code in (*range(0x20), 0x7F)} | {
    0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r", 0x22: '\\"', 0x5C: "\\\\",
}  # fmt: skip


def _literal(text: str) -> str:
    """A plain string literal in N-Triples.

    >>> print(_literal('say "hi"\\n'))
    "say \\"hi\\"\\n"
    """
    return '"' + text.translate(_ESCAPES) + '"'


def _number(value: int) -> str:
    """An ``xsd:integer`` literal in N-Triples.

    >>> print(_number(3))
    "3"^^<http://www.w3.org/2001/XMLSchema#integer>
    """
    return f'"{int(value)}"^^{_XSD_INTEGER}'


# N-Triples terms for the vocabulary, made once: a large build writes millions of triples of few terms.
_A, _LABEL, _PREF_LABEL, _ALT_LABEL, _EXACT_MATCH = map(
    _ox, (RDF.type, RDFS.label, SKOS.prefLabel, SKOS.altLabel, SKOS.exactMatch)
)
_IDENTIFIER, _TITLE, _ABSTRACT, _CREATOR, _ISSUED = map(
    _ox, (DCTERMS.identifier, DCTERMS.title, DCTERMS.abstract, DCTERMS.creator, DCTERMS.issued)
)
_VENUE, _ARXIV_ID, _DOI, _URL = map(_ox, (KG.venue, KG.arxivId, BIBO.doi, SCHEMA.url))
_PAPER_COUNT, _MENTION_COUNT, _METHOD_COUNT = map(_ox, (KG.paperCount, KG.mentionCount, KG.methodCount))
_SUBJECT, _PREDICATE, _OBJECT = map(_ox, (RDF.subject, RDF.predicate, RDF.object))
_SUPPORT, _WEIGHT, _EVIDENCE = map(_ox, (KG.support, KG.weight, KG.evidence))
_TOP_CO_MENTION, _TOP_EVALUATION, _TOP_ENTITY = map(_ox, (KG.topCoMention, KG.topEvaluation, KG.topEntity))
_CO_MENTION, _CO_MENTION_OF = map(_ox, (KG.CoMention, KG.coMentionOf))
_TOP_BY_METHOD_COUNT = _ox(KG.topByMethodCount)
_CO_MENTION_COUNT, _EVALUATION_COUNT = map(_ox, (KG.coMentionCount, KG.evaluationCount))
_DATASET_AND_METHOD_PAPER = _ox(KG.DatasetAndMethodPaper)
_DERIVED_FROM, _INTRODUCED_BY = map(_ox, (PROV.wasDerivedFrom, LPWC_PROPERTY.introducedBy))
_FIELD, _TEXT = map(_ox, (KG.field, KG.text))
_PAPER_CLASSES = tuple(map(_ox, (KG.Paper, SCHEMA.ScholarlyArticle, LPWC.paper)))
_STATEMENT, _SENTENCE = map(_ox, (KG.Statement, KG.Sentence))
_CLASS_PARTITION, _CLASS, _ENTITIES = map(_ox, (VOID.classPartition, VOID["class"], VOID.entities))
_IN_SEVERAL_PAPERS = _ox(KG.entitiesInSeveralPapers)
_EVALUATION, _SYSTEM, _ON_DATA = map(_ox, (KG.Evaluation, KG.system, KG.onData))


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


def sentence_iri(paper: str, text_field: str, offset: int, base: str = DEFAULT_BASE) -> str:
    """The IRI of a sentence of evidence: the paper, field and offset where the sentence starts.

    >>> sentence_iri("p1", "abstract", 120, "http://example.org/")
    'http://example.org/sentence/p1:abstract:120'
    """
    return f"{base}sentence/{_segment(paper)}:{_segment(text_field)}:{offset}"


class _Terms:
    """The pyoxigraph term of each node id, made once."""

    def __init__(self, base: str) -> None:
        self.base = base
        self._nodes: dict[str, str] = {}

    def node(self, node_id: str) -> str:
        node = self._nodes.get(node_id)
        if node is None:
            node = self._nodes[node_id] = f"<{node_iri(node_id, self.base)}>"
        return node


Pair = tuple[str, str]
Block = tuple[str, list[Pair]]
"""A subject and its (predicate, object) pairs as N-Triples terms: the unit the triples are made in."""


def _date(text: str) -> str:
    for pattern, datatype in _DATE_TYPES:
        if pattern.fullmatch(text):
            return f"{_literal(text)}^^<{datatype}>"
    return _literal(text)


def _iri_or_literal(text: str) -> str:
    """An IRI (checked by pyoxigraph) for a web address, else a literal."""
    try:
        return f"<{ox.NamedNode(text).value}>" if re.match(r"https?://", text) else _literal(text)
    except ValueError:
        return _literal(text)


def _paper_pairs(node: str, data: dict[str, Any]) -> Iterator[Pair]:
    for cls in _PAPER_CLASSES:
        yield _A, cls
    yield _IDENTIFIER, _literal(node.partition(":")[2])
    yield _LABEL, _literal(data.get("label") or data.get("title") or node)
    for key, predicate in (("title", _TITLE), ("abstract", _ABSTRACT), ("venue", _VENUE)):
        if data.get(key):
            yield predicate, _literal(data[key])
    for author in data.get("authors") or ():
        yield _CREATOR, _literal(author)
    if data.get("date"):
        yield _ISSUED, _date(str(data["date"]))
    if data.get("arxiv_id"):
        yield _ARXIV_ID, _literal(data["arxiv_id"])
        yield _EXACT_MATCH, _iri_or_literal(f"https://arxiv.org/abs/{quote(data['arxiv_id'], safe='/.')}")
    if data.get("doi"):
        yield _DOI, _literal(data["doi"])
        yield _EXACT_MATCH, _iri_or_literal(f"https://doi.org/{quote(data['doi'], safe='/.()-_;')}")
    if data.get("url"):
        yield _URL, _iri_or_literal(data["url"])


def _entity_pairs(data: dict[str, Any]) -> Iterator[Pair]:
    kind = data.get("type", "Entity")
    yield _A, _ox(_OPEN_KG[_segment(kind)])
    if kind in _LPWC_CLASS:
        yield _A, _ox(_LPWC_CLASS[kind])
    label = _literal(data.get("label", ""))
    yield _PREF_LABEL, label
    yield _LABEL, label
    aliases = data.get("aliases") or {}
    for alias in aliases:
        if alias != data.get("label"):
            yield _ALT_LABEL, _literal(alias)
    yield _PAPER_COUNT, _number(data.get("papers", 0))
    yield _MENTION_COUNT, _number(sum(aliases.values()))
    for source, identifier in (data.get("external") or {}).items():
        link = _iri_or_literal(str(identifier))
        if link.startswith("<"):
            yield _EXACT_MATCH, link
        else:
            yield _IDENTIFIER, _literal(f"{source}:{identifier}")


def method_counts(graph: nx.MultiDiGraph) -> dict[str, int]:
    """Per task, the number of distinct methods and models that papers addressing it name, or applied to it.

    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("paper:a", {"type": "Paper"}), ("task:t", {"type": "Task"}),
    ...                   ("method:m", {"type": "Method"}), ("model:n", {"type": "Model"})])
    >>> for source, target, relation in [("paper:a", "task:t", "addresses"), ("paper:a", "method:m", "uses"),
    ...                                  ("model:n", "task:t", "applied_to")]:
    ...     _ = g.add_edge(source, target, key=relation, relation=relation)
    >>> method_counts(g)
    {'task:t': 2}
    """
    kinds = dict(graph.nodes(data="type"))
    methods: dict[str, set[str]] = {node: set() for node, kind in kinds.items() if kind == "Task"}
    for paper, kind in kinds.items():
        if kind != "Paper":
            continue
        tasks, named = [], set()
        for _, target, relation in graph.out_edges(paper, data="relation"):
            if relation == "addresses" and kinds[target] == "Task":
                tasks.append(target)
            elif relation in NAMING_RELATIONS and kinds[target] in _METHOD_TYPES:
                named.add(target)
        for task in tasks:
            methods[task] |= named
    for method, task, relation in graph.edges(data="relation"):
        if relation == "applied_to" and kinds[task] == "Task" and kinds[method] in _METHOD_TYPES:
            methods[task].add(method)
    return {task: len(found) for task, found in methods.items()}


def evaluation_counts(graph: nx.MultiDiGraph) -> dict[tuple[str, str], int]:
    """Per (method or model, dataset or benchmark): the papers that evaluate on the one and name the other.

    A paper names the method or model as it introduces, uses or mentions it; a
    method evaluated on the dataset directly (an entity-to-entity edge) is there
    too, with the papers that name it so (possibly none).

    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("paper:a", {"type": "Paper"}), ("benchmark:b", {"type": "Benchmark"}),
    ...                   ("method:m", {"type": "Method"}), ("model:n", {"type": "Model"})])
    >>> edges = [("paper:a", "benchmark:b", "evaluated_on"), ("paper:a", "method:m", "uses"),
    ...          ("model:n", "benchmark:b", "evaluated_on")]
    >>> for source, target, relation in edges:
    ...     _ = g.add_edge(source, target, key=relation, relation=relation)
    >>> evaluation_counts(g)
    {('method:m', 'benchmark:b'): 1, ('model:n', 'benchmark:b'): 0}
    """
    kinds = dict(graph.nodes(data="type"))
    counts: Counter[tuple[str, str]] = Counter()
    for paper, kind in kinds.items():
        if kind != "Paper":
            continue
        evaluated, named = [], []
        for _, target, relation in graph.out_edges(paper, data="relation"):
            if relation == "evaluated_on":
                evaluated.append(target)
            elif relation in _SYSTEM_RELATIONS and kinds[target] in _METHOD_TYPES:
                named.append(target)
        for data in evaluated:
            for method in named:
                counts[method, data] += 1
    for method, data, relation in graph.edges(data="relation"):
        if relation == "evaluated_on" and kinds[method] in _METHOD_TYPES:
            counts.setdefault((method, data), 0)
    return dict(counts)


def evaluation_iri(method: str, data: str, base: str = DEFAULT_BASE) -> str:
    """The IRI of the precomputed evaluation of a method or model on a dataset or benchmark.

    >>> evaluation_iri("model:mistral-7b", "benchmark:mt-bench", "http://example.org/")
    'http://example.org/evaluation/model:mistral-7b:benchmark:mt-bench'
    """
    return _pair_iri("evaluation", method, data, base)


def co_mention_iri(entity: str, other: str, base: str = DEFAULT_BASE) -> str:
    """The IRI of the co-mention of two entities: the same whichever is given first.

    >>> co_mention_iri("model:gpt-4", "method:rlhf", "http://example.org/")
    'http://example.org/comention/method:rlhf:model:gpt-4'
    """
    return _pair_iri("comention", *sorted((entity, other)), base)


def _pair_iri(kind: str, first: str, second: str, base: str) -> str:
    """``<base><kind>/`` and the two node ids, each part percent-encoded, joined by ``:``."""
    parts = [*first.partition(":")[::2], *second.partition(":")[::2]]
    return f"{base}{kind}/" + ":".join(_segment(part) for part in parts)


def _evaluation_block(method: str, data: str, papers: int, terms: _Terms) -> Block:
    pairs: list[Pair] = [(_A, _EVALUATION), (_SYSTEM, terms.node(method)), (_ON_DATA, terms.node(data)),
                         (_SUPPORT, _number(papers))]  # fmt: skip
    return f"<{evaluation_iri(method, data, terms.base)}>", pairs


@lru_cache(maxsize=256)
def _property(relation: str) -> str:
    return _ox(relation_property(relation))


def _node_block(
    graph: nx.MultiDiGraph, node: str, kinds: dict[str, str], terms: _Terms, derived: list[Pair]
) -> Block:
    """A node's own triples, the precomputed ones, and its edges' direct, LPWC, inverse and symmetric ones."""
    data = graph.nodes[node]
    is_paper = kinds[node] == "Paper"
    pairs = [*(_paper_pairs(node, data) if is_paper else _entity_pairs(data)), *derived]
    introduced = set()
    for _, target, key, relation in sorted(graph.out_edges(node, keys=True, data="relation")):
        relation = relation or key
        if relation == CO_MENTION:
            continue
        pairs.append((_property(relation), terms.node(target)))
        lpwc = _LPWC_EDGE.get((relation, kinds[target])) if is_paper else None
        if lpwc is not None:
            pairs.append((_ox(lpwc), terms.node(target)))
        if relation == "introduces":
            introduced.add(kinds[target])
    if is_paper and introduced & _DATA_TYPES and introduced & _METHOD_TYPES:
        pairs.append((_A, _DATASET_AND_METHOD_PAPER))
    for source, _, key, relation in sorted(graph.in_edges(node, keys=True, data="relation")):
        if (relation or key) == "introduces" and kinds[source] == "Paper":
            pairs.append((_INTRODUCED_BY, terms.node(source)))
    return terms.node(node), list(dict.fromkeys(pairs))


def _is_span(evidence: dict[str, Any]) -> bool:
    return "start" in evidence and "end" in evidence and "field" in evidence and "paper" in evidence


class _Sentences:
    """The sentences of evidence, each made once and named by where it starts in its field.

    A sentence not found in its field (or not given) is named by the start of
    the evidence in it instead. Until they are written, last, only where each
    sentence is and its text (the graph's own string) are kept: at 100k papers,
    their triples made up front held most of a gigabyte.
    """

    def __init__(self, graph: nx.MultiDiGraph, terms: _Terms) -> None:
        self._graph, self._terms = graph, terms
        self._found: dict[tuple[str, str, int], str | None] = {}  # (paper, field, offset) -> text
        self._names: dict[tuple[str, str, str | None, int], str] = {}  # of the current subject's evidence

    def iri(self, item: dict[str, Any]) -> str:
        paper, text_field, sentence = str(item["paper"]), str(item["field"]), item.get("sentence")
        key = (paper, text_field, sentence, -1 if sentence else int(item["start"]))
        iri = self._names.get(key)
        if iri is None:
            node = paper_node(paper)
            text = (self._graph.nodes[node] if node in self._graph else {}).get(text_field) or ""
            offset = text.find(sentence) if sentence else -1
            offset = offset if offset >= 0 else int(item["start"])
            iri = self._names[key] = f"<{sentence_iri(paper, text_field, offset, self._terms.base)}>"
            self._found.setdefault((paper, text_field, offset), sentence)
        return iri

    def forget_names(self) -> None:
        """Let go of the names made so far (a subject's evidence shares sentences; the next one's, few)."""
        self._names.clear()

    def blocks(self) -> Iterator[Block]:
        """Every sentence found so far, in the order of paper, field and offset."""
        for paper, text_field, offset in sorted(self._found):
            sentence = self._found.pop((paper, text_field, offset))
            pairs = [
                (_A, _SENTENCE),
                (_DERIVED_FROM, self._terms.node(paper_node(paper))),
                (_FIELD, _literal(text_field)),
            ]
            if sentence is not None:
                pairs.append((_TEXT, _literal(sentence)))
            yield f"<{sentence_iri(paper, text_field, offset, self._terms.base)}>", pairs


def _statement_block(
    source: str, target: str, relation: str, data: dict[str, Any], terms: _Terms, sentences: _Sentences
) -> Block:
    """The reified edge, with its support and the sentences that state it."""
    evidence = data.get("evidence") or []
    support = data.get("support", len({item.get("paper") for item in evidence}))
    pairs: list[Pair] = [
        (_A, _STATEMENT), (_SUBJECT, terms.node(source)), (_PREDICATE, _property(relation)),
        (_OBJECT, terms.node(target)), (_SUPPORT, _number(support)),
    ]  # fmt: skip
    for item in evidence:
        if _is_span(item):
            pairs.append((_EVIDENCE, sentences.iri(item)))
        elif "paper" in item:  # evidence without a span can still name its paper
            pairs.append((_DERIVED_FROM, terms.node(paper_node(item["paper"]))))
    return f"<{statement_iri(source, relation, target, terms.base)}>", list(dict.fromkeys(pairs))


def _co_mention_block(entity: str, other: str, weight: int, terms: _Terms) -> Block:
    """The co-mention of two entities: both of them and the number of papers naming them in one sentence.

    One node per pair, not a property asserted both ways and reified (seven triples a pair, not four):
    a co-mention has no direction, and no evidence of its own to reify.
    """
    pairs = [(_A, _CO_MENTION), *sorted((_CO_MENTION_OF, terms.node(n)) for n in (entity, other)),
             (_WEIGHT, _number(weight))]  # fmt: skip
    return f"<{co_mention_iri(entity, other, terms.base)}>", pairs


def _derived_pairs(
    graph: nx.MultiDiGraph, node: str, tasks: dict[str, int], top_evaluations: list[Pair], terms: _Terms
) -> list[Pair]:
    """A node's precomputed triples: its method count, co-mentions and evaluations, and the top ones.

    Only a node with more than :data:`TOP_LINKS` of them links its top ones (the
    others' are as few, and a query reads them all: linked too, the links were
    three-quarters as many triples as the co-mentions' own); their counts
    (``kg:coMentionCount``, ``kg:evaluationCount``) let a query tell which. The top
    links are cut in the order the queries that read them rank by, so that a
    query's first :data:`TOP_LINKS` rows are the links: co-mentions by weight,
    then the other entity's IRI; evaluations by papers, then the method's label.
    The co-mentions are found when the node is written, from its own edges: made
    for every node up front, they were the largest thing the RDF held beside the graph.
    """
    derived = [(_METHOD_COUNT, _number(tasks[node]))] if node in tasks else []
    co_mentions = []
    for source, target, key, data in chain(
        graph.out_edges(node, keys=True, data=True), graph.in_edges(node, keys=True, data=True)
    ):
        if data.get("relation", key) == CO_MENTION:
            other = target if source == node else source
            iri = co_mention_iri(node, other, terms.base)
            co_mentions.append((-_weight(data), terms.node(other)[1:-1], iri))
    if co_mentions:
        derived.append((_CO_MENTION_COUNT, _number(len(co_mentions))))
    if len(co_mentions) > TOP_LINKS:  # else a query reads them all as fast (kg:coMentionOf the node)
        derived += [(_TOP_CO_MENTION, f"<{iri}>") for *_, iri in heapq.nsmallest(TOP_LINKS, co_mentions)]
    return derived + top_evaluations


def _top_evaluations(
    graph: nx.MultiDiGraph, evaluations: dict[tuple[str, str], int], terms: _Terms
) -> dict[str, list[Pair]]:
    """Per dataset or benchmark, its number of evaluations and, if more than :data:`TOP_LINKS`,
    links to its best-supported ones, by papers and then the method's label."""
    by_data: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for (method, data), papers in evaluations.items():
        by_data[data].append((-papers, graph.nodes[method].get("label", ""), method))
    top: dict[str, list[Pair]] = {}
    for data, found in by_data.items():
        top[data] = [(_EVALUATION_COUNT, _number(len(found)))]
        if len(found) > TOP_LINKS:  # else a query reads them all as fast (kg:onData the dataset)
            methods = [method for *_, method in heapq.nsmallest(TOP_LINKS, found)]
            top[data] += [(_TOP_EVALUATION, f"<{evaluation_iri(m, data, terms.base)}>") for m in methods]
    return top


def partition_iri(cls: str, base: str = DEFAULT_BASE) -> str:
    """The IRI of the VoID class partition of ``cls``: the class as a prefixed name, under ``<base>void/``.

    >>> partition_iri("https://w3id.org/kg/ontology#Method", "http://example.org/")
    'http://example.org/void/kg-Method'
    """
    namespace, local = re.fullmatch(r"(.*[/#])(.*)", cls).groups()
    prefix = next((p for p, iri in PREFIXES.items() if iri == namespace), None) or _segment(namespace)
    return f"{base}void/{prefix}-{_segment(local)}"


def _partition_blocks(graph: nx.MultiDiGraph, terms: _Terms, tasks: dict[str, int]) -> Iterator[Block]:
    """The dataset's VoID class partition for papers and for each type of entity, with its size.

    In the data itself (``void.ttl`` describes the same partitions), so that
    counting entities by type reads a number per type: an entity type's
    partition also says how many of its entities several papers name, and links
    the :data:`TOP_LINKS` that most papers name (``kg:topEntity``, by papers and
    then label), so that ranking entities reads those, not every entity's count;
    the tasks' partition also links the tasks with most methods (``kg:topByMethodCount``).
    """
    entities: Counter[str] = Counter()
    in_several: Counter[str] = Counter()
    ranks: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for node, data in graph.nodes(data=True):
        kind = data.get("type", "Entity")
        entities[kind] += 1
        if kind != "Paper":
            in_several[kind] += data.get("papers", 0) > 1
            ranks[kind].append((-data.get("papers", 0), data.get("label", ""), node))
    partitions = []
    for kind in sorted(entities):
        cls = str(KG.Paper if kind == "Paper" else _OPEN_KG[_segment(kind)])
        pairs = [(_CLASS, f"<{cls}>"), (_ENTITIES, _number(entities[kind]))]
        if kind != "Paper":
            pairs.append((_IN_SEVERAL_PAPERS, _number(in_several[kind])))
            pairs += _top_links(_TOP_ENTITY, ranks[kind], terms)
        if kind == "Task":
            by_methods = [(-n, graph.nodes[task].get("label", ""), task) for task, n in tasks.items() if n]
            pairs += _top_links(_TOP_BY_METHOD_COUNT, by_methods, terms)
        partitions.append((f"<{partition_iri(cls, terms.base)}>", pairs))
    yield f"<{terms.base}void>", [(_CLASS_PARTITION, iri) for iri, _ in partitions]
    yield from partitions


def _top_links(predicate: str, ranked: list[tuple[int, str, str]], terms: _Terms) -> list[Pair]:
    """Links to the first :data:`TOP_LINKS` of ``ranked`` (negated count, label, node id), best first."""
    return [(predicate, terms.node(node)) for *_, node in heapq.nsmallest(TOP_LINKS, ranked)]


def _blocks(graph: nx.MultiDiGraph, base: str) -> Iterator[Block]:
    """The RDF of ``graph``, subject by subject: nodes with their edges' statements, evaluations, evidence.

    The order depends only on the graph, not on the order it was built in, and
    only one subject's triples are made at a time.
    """
    check_base(base)
    terms = _Terms(base)
    sentences = _Sentences(graph, terms)
    evaluations = evaluation_counts(graph)
    tasks = method_counts(graph)
    top_evaluations = _top_evaluations(graph, evaluations, terms)
    kinds = {node: kind or "" for node, kind in graph.nodes(data="type")}
    yield from _partition_blocks(graph, terms, tasks)
    for node in sorted(graph.nodes):
        derived = _derived_pairs(graph, node, tasks, top_evaluations.pop(node, []), terms)
        yield _node_block(graph, node, kinds, terms, derived)
        seen = set()
        for _, target, key, data in sorted(graph.out_edges(node, keys=True, data=True), key=_edge_order):
            relation = data.get("relation", key)
            if (relation, target) in seen:
                continue
            seen.add((relation, target))
            if relation == CO_MENTION:
                yield _co_mention_block(node, target, _weight(data), terms)
            else:
                yield _statement_block(node, target, relation, data, terms, sentences)
        sentences.forget_names()
    for method, data in sorted(evaluations):
        yield _evaluation_block(method, data, evaluations[method, data], terms)
    yield from sentences.blocks()


def _weight(data: dict[str, Any]) -> int:
    """A co-mention's weight: the papers naming both in one sentence (its support, in older graphs)."""
    return int(data.get("weight", data.get("support", 0)))


def _edge_order(edge: tuple[str, str, str, dict[str, Any]]) -> tuple[str, str]:
    return edge[2], edge[1]


def ntriples(graph: nx.MultiDiGraph, base: str = DEFAULT_BASE) -> Iterator[str]:
    """The RDF of ``graph`` as N-Triples lines, subject by subject.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("paper:p1", type="Paper", label="T", title="T", abstract="We use DPO.")
    >>> g.add_node("method:dpo", type="Method", label='"DPO"', aliases={'"DPO"': 1}, papers=1)
    >>> evidence = {"paper": "p1", "field": "abstract", "start": 7, "end": 10, "sentence": "We use DPO."}
    >>> g.add_edge("paper:p1", "method:dpo", key="uses", relation="uses", support=1, evidence=[evidence])
    'uses'
    >>> lines = list(ntriples(g, "http://e.g/"))
    >>> print(*[line for line in lines if "hasMethod" in line or "prefLabel" in line], sep="", end="")
    <http://e.g/method/dpo> <http://www.w3.org/2004/02/skos/core#prefLabel> "\\"DPO\\"" .
    <http://e.g/paper/p1> <https://linkedpaperswithcode.com/property/hasMethod> <http://e.g/method/dpo> .
    >>> [(t.subject.value, t.object.value) for t in ox.parse("".join(lines), ox.RdfFormat.N_TRIPLES)
    ...  if t.predicate.value.endswith("#text")]
    [('http://e.g/sentence/p1:abstract:0', 'We use DPO.')]
    """
    for subject, pairs in _blocks(graph, base):
        for predicate, value in pairs:
            yield f"{subject} {predicate} {value} .\n"


def data_prefixes(graph: nx.MultiDiGraph, base: str = DEFAULT_BASE) -> dict[str, str]:
    """Prefixes for the reused vocabularies and for each kind of node (``paper:``, ``method:``, ...).

    >>> g = nx.MultiDiGraph(); g.add_node("method:dpo")
    >>> data_prefixes(g, "http://example.org/")["method"]
    'http://example.org/method/'
    """
    kinds = {node.partition(":")[0] for node in graph.nodes}
    kinds |= {"statement", "comention", "evaluation", "sentence", "void"}
    data = {
        kind: f"{base}{_segment(kind)}/" for kind in sorted(kinds) if re.fullmatch(r"[a-z][a-z0-9]*", kind)
    }
    return {**PREFIXES, **{k: v for k, v in data.items() if k not in PREFIXES}}


def write_rdf(
    graph: nx.MultiDiGraph, folder: str | Path, base: str = DEFAULT_BASE, endpoint: str = DEFAULT_ENDPOINT
) -> RdfSummary:
    """Write the RDF of ``graph`` into ``folder``: N-Triples, the store, Turtle, JSON-LD and VoID.

    Python makes the triples once, as N-Triples text (``kg.nt``, in an order that
    depends only on the graph); pyoxigraph's bulk loader reads that file into the
    store while its serialisers stream the same file into Turtle and JSON-LD, in the
    file's order. ``folder`` is the build's staging folder; the build moves
    everything into place once every output is complete. The two halves are
    :func:`write_ntriples`, the only one that reads the graph, and
    :func:`write_rdf_from_ntriples`, which a build runs once it has let go of the graph.
    """
    return write_rdf_from_ntriples(write_ntriples(graph, folder, base), endpoint)


@dataclass(frozen=True)
class NTriples:
    """What :func:`write_ntriples` wrote, with all that the rest of the RDF needs to know of the graph,
    and the store it is still loading into."""

    path: Path
    base: str
    prefixes: dict[str, str]
    counts: _Counts
    loader: _StoreLoader

    def abandon(self) -> None:
        """Stop loading the store and close it: the build failed before :func:`write_rdf_from_ntriples`."""
        self.loader.abandon()


def write_ntriples(graph: nx.MultiDiGraph, folder: str | Path, base: str = DEFAULT_BASE) -> NTriples:
    """Write the RDF of ``graph`` as N-Triples into ``folder``, counting what the VoID description says.

    The store (``store/`` in ``folder``) loads each part of the file as it is written, on
    another core: :func:`write_rdf_from_ntriples` finishes it.
    """
    path = Path(folder) / NTRIPLES_FILE
    with _durable(path) as out:
        loader = _StoreLoader(path, Path(folder) / STORE_DIR)
        try:
            counts = _write_ntriples(_blocks(graph, base), _Announcing(out, loader))
        except BaseException:
            loader.abandon()
            raise
    return NTriples(path, base, data_prefixes(graph, base), counts, loader)


def write_rdf_from_ntriples(ntriples: NTriples, endpoint: str = DEFAULT_ENDPOINT) -> RdfSummary:
    """Write the store, Turtle, JSON-LD and VoID beside the N-Triples file :func:`write_ntriples` wrote."""
    folder, prefixes = ntriples.path.parent, ntriples.prefixes
    # The bulk loader lets go of the GIL: the store finishes on another core while this thread serialises.
    with ThreadPoolExecutor(max_workers=1) as loader:
        loaded = loader.submit(ntriples.loader.finish)
        with _durable(folder / RDF_FILE) as out:
            ox.serialize(_parse(ntriples.path), out, ox.RdfFormat.TURTLE, prefixes=prefixes)
        with _durable(folder / JSONLD_FILE) as out:
            # pyoxigraph writes full IRIs; the context declares the prefixes, for readers that compact.
            out.write(json.dumps({"@context": prefixes}, ensure_ascii=False)[:-1].encode() + b', "@graph": ')
            ox.serialize(_parse(ntriples.path), out, ox.RdfFormat.JSON_LD)
            out.write(b"}\n")
        loaded.result()
    with _durable(folder / VOID_FILE) as out:
        triples = void_triples(ntriples.counts, ntriples.base, endpoint)
        ox.serialize(sorted(triples, key=str), out, ox.RdfFormat.TURTLE, prefixes=prefixes)
    names = [RDF_FILE, NTRIPLES_FILE, JSONLD_FILE, VOID_FILE, STORE_DIR]
    return RdfSummary(triples=ntriples.counts.triples, files=[folder / name for name in names])


class _StoreLoader:
    """A new store in ``folder``, bulk-loading the N-Triples file ``path`` on its own thread as it is written.

    The bulk loader lets go of the GIL, so the store loads on another core while Python
    makes the triples (and then the views and kg.json), instead of after them. It
    follows the file: the writer says how far it has written whole lines
    (:meth:`written`), and the loader reads up to there, :data:`_LOAD_BYTES` at a time
    (it holds about a kilobyte per triple of what it is given, and the graph is still
    in memory), so neither waits for the other and no part is held twice.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = Path(folder) / "kg.nt"
    ...     _ = path.write_bytes(b"<http://e.g/a> <http://e.g/p> <http://e.g/b> .\\n")
    ...     loader = _StoreLoader(path, Path(folder) / "store")
    ...     loader.written(path.stat().st_size)
    ...     loader.finish()
    ...     len(ox.Store.read_only(f"{folder}/store"))
    1
    """

    def __init__(self, path: Path, folder: Path, size: int = _LOAD_BYTES) -> None:
        self._path, self._size = path, size
        self._store: ox.Store | None = ox.Store(str(folder))
        self._progress = threading.Condition()
        self._written, self._complete, self._abandoned = 0, False, False
        self._failed: BaseException | None = None
        # A daemon: a build that fails before finishing the store must not wait for it to exit.
        self._thread = threading.Thread(target=self._follow, name="kg-store-loader", daemon=True)
        self._thread.start()

    def written(self, offset: int) -> None:
        """The file holds whole lines up to ``offset``, flushed."""
        with self._progress:
            self._written = offset
            self._progress.notify()

    def finish(self) -> None:
        """Wait for the rest of the file to load, optimise the store for reading, and close it."""
        self._stop(abandoned=False)
        if self._failed is not None:
            raise self._failed
        # Compacts the loader's files: without, lookups in a 100k-paper store were several times slower.
        self._store.optimize()
        self._store = None  # closes the database before the build moves its folder into place

    def abandon(self) -> None:
        """Load no more of the file, wait for the part being loaded, and close the unfinished store."""
        self._stop(abandoned=True)
        self._store = None

    def _stop(self, *, abandoned: bool) -> None:
        """Tell the loader the file is complete (or to load no more of it), and wait for it to stop."""
        with self._progress:
            self._complete, self._abandoned = True, abandoned
            self._progress.notify()
        self._thread.join()

    def _follow(self) -> None:
        with open(self._path, "rb") as lines:
            while True:
                with self._progress:
                    self._progress.wait_for(
                        lambda: (
                            self._complete or self._abandoned or self._written - lines.tell() >= self._size
                        )
                    )
                    if self._abandoned:
                        return
                    end, complete = self._written, self._complete
                if lines.tell() >= end and complete:
                    return
                part = lines.read(min(self._size, end - lines.tell()))
                if lines.tell() < end:  # the rest of the line is there too: end is at a line's end
                    part += lines.readline()
                if self._failed is None:
                    try:
                        # Lenient: every IRI was percent-encoded here or checked by pyoxigraph already.
                        self._store.bulk_load(part, format=ox.RdfFormat.N_TRIPLES, lenient=True)
                    except BaseException as error:  # raised by finish(), in the build's thread
                        self._failed = error


class _Announcing:
    """A file being written that tells a store loader how far it holds whole lines, every ``size`` bytes."""

    def __init__(self, out: IO[bytes], loader: _StoreLoader, size: int = _LOAD_BYTES) -> None:
        self._out, self._loader, self._size = out, loader, size
        self._offset = self._announced = 0

    def write(self, lines: bytes) -> None:
        """Write ``lines``, whole lines."""
        self._out.write(lines)
        self._offset += len(lines)
        if self._offset - self._announced >= self._size:
            self.flush()

    def flush(self) -> None:
        """Flush the file and tell the loader."""
        self._out.flush()
        self._loader.written(self._offset)
        self._announced = self._offset


def _parse(ntriples: Path) -> Iterator[ox.Quad]:
    return ox.parse(path=ntriples, format=ox.RdfFormat.N_TRIPLES, lenient=True)


@dataclass
class _Counts:
    """What was written: triples, subjects, the instances of each class, the properties."""

    triples: int = 0
    subjects: int = 0
    classes: Counter[str] = field(default_factory=Counter)
    properties: set[str] = field(default_factory=set)


def _write_ntriples(blocks: Iterable[Block], out: IO[bytes] | _Announcing) -> _Counts:
    """Write ``blocks`` to ``out`` as N-Triples, a chunk of subjects at a time, counting as they pass."""
    counts = _Counts()
    lines: list[str] = []
    for subject, pairs in blocks:
        counts.subjects += 1
        counts.triples += len(pairs)
        for predicate, value in pairs:
            lines.append(f"{subject} {predicate} {value} .\n")
            if predicate is _A:
                counts.classes[value[1:-1]] += 1
        counts.properties.update(predicate for predicate, _ in pairs)
        if len(lines) >= _CHUNK_TRIPLES:
            out.write("".join(lines).encode())
            lines.clear()
    out.write("".join(lines).encode())
    out.flush()
    return counts


@contextmanager
def _durable(path: Path) -> Iterator[IO[bytes]]:
    """A binary file for writing that is on disk, not just in a buffer, once the block ends."""
    with open(path, "wb") as out:
        yield out
        out.flush()
        os.fsync(out.fileno())


def void_triples(counts: _Counts, base: str, endpoint: str) -> Iterator[ox.Triple]:
    """A VoID description of the written data: size, classes, vocabularies, dumps and endpoint."""
    dataset = ox.NamedNode(f"{base}void")

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
        partition = ox.NamedNode(partition_iri(cls, base))
        yield triple(dataset, VOID.classPartition, partition)
        yield triple(partition, VOID["class"], ox.NamedNode(cls))
        yield triple(partition, VOID.entities, ox.Literal(count))
