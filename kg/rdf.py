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
  with its ``kg:support`` (and ``kg:weight`` for co-mentions) and ``kg:evidence``;
- ranking queries read precomputed numbers and links: ``kg:methodCount`` on
  tasks, a ``kg:Evaluation`` per method and dataset evaluated together (with the
  papers that do so), and from each entity its strongest co-mentions
  (``kg:topCoMention``) and from each dataset its best-supported evaluations
  (``kg:topEvaluation``), :data:`TOP_LINKS` of each;
- each piece of evidence is a ``kg:Mention``, a character span (``kg:start``,
  ``kg:end``) of a ``kg:Sentence``; the sentence, written once however many
  mentions it holds, has the paper it comes from (``prov:wasDerivedFrom``), its
  ``kg:field`` and its ``kg:text``.

IRIs are ``<base><kind>/<slug>``, percent-encoded so that any name is safe, and
stable across runs. The triples are made once, subject by subject in an order that
depends only on the graph (so the same graph gives the same bytes), and go in one
pass to pyoxigraph's Turtle, N-Triples and JSON-LD serialisers and its bulk loader
(the store, ``store/``): nothing is parsed back.
"""

from __future__ import annotations

import heapq
import json
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
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
    "co_mentioned": KG.coMentionedWith,
}
"""The property of each relation of the graph contract; others get ``kg:<camelCase>``."""

SYMMETRIC_RELATIONS = frozenset({"co_mentioned"})
"""Stored once per pair in the graph, asserted both ways in RDF so queries need no UNION."""

NAMING_RELATIONS = frozenset({"introduces", "uses", "mentions", "evaluated_on"})
"""The roles in which a paper names a method or model that ``kg:methodCount`` counts for its tasks."""

_OPEN_KG = Namespace(str(KG._NS))
_LPWC_CLASS = {
    "Paper": LPWC.paper, "Method": LPWC.method, "Model": LPWC.model, "Dataset": LPWC.dataset,
    "Benchmark": LPWC.dataset, "Task": LPWC.task, "Metric": MLS.EvaluationMeasure,
}  # fmt: skip
_METHOD_TYPES = frozenset({"Method", "Model"})
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
"""How many strongest co-mentions an entity links to, and how many best-supported evaluations a dataset."""
_CHUNK_TRIPLES = 100_000
"""Triples serialised at a time: large enough for pyoxigraph to do the work, small enough to hold."""


@lru_cache(maxsize=1024)
def _ox(term: URIRef) -> ox.NamedNode:
    return ox.NamedNode(str(term))


# pyoxigraph terms for the vocabulary, made once: a large build writes millions of triples of few terms.
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
_TOP_CO_MENTION, _TOP_EVALUATION = map(_ox, (KG.topCoMention, KG.topEvaluation))
_DERIVED_FROM, _INTRODUCED_BY = map(_ox, (PROV.wasDerivedFrom, LPWC_PROPERTY.introducedBy))
_START, _END, _IN_SENTENCE, _FIELD, _TEXT = map(_ox, (KG.start, KG.end, KG.inSentence, KG.field, KG.text))
_PAPER_CLASSES = tuple(map(_ox, (KG.Paper, SCHEMA.ScholarlyArticle, LPWC.paper)))
_STATEMENT, _MENTION, _SENTENCE = map(_ox, (KG.Statement, KG.Mention, KG.Sentence))
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


def mention_iri(paper: str, text_field: str, start: int, end: int, base: str = DEFAULT_BASE) -> str:
    """The IRI of a piece of evidence: the paper, field and character span it quotes.

    >>> mention_iri("p1", "abstract", 3, 6, "http://example.org/")
    'http://example.org/mention/p1:abstract:3-6'
    """
    return f"{base}mention/{_segment(paper)}:{_segment(text_field)}:{start}-{end}"


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
        self._nodes: dict[str, ox.NamedNode] = {}

    def node(self, node_id: str) -> ox.NamedNode:
        node = self._nodes.get(node_id)
        if node is None:
            node = self._nodes[node_id] = ox.NamedNode(str(node_iri(node_id, self.base)))
        return node


Pair = tuple[ox.NamedNode, ox.NamedNode | ox.Literal]
Block = tuple[ox.NamedNode, list[Pair]]
"""A subject and its (predicate, object) pairs: the unit the writers cut the triples at."""


def _date(text: str) -> ox.Literal:
    for pattern, datatype in _DATE_TYPES:
        if pattern.fullmatch(text):
            return ox.Literal(text, datatype=_ox(datatype))
    return ox.Literal(text)


def _iri_or_literal(text: str) -> ox.NamedNode | ox.Literal:
    try:
        return ox.NamedNode(text) if re.match(r"https?://", text) else ox.Literal(text)
    except ValueError:
        return ox.Literal(text)


def _paper_pairs(node: str, data: dict[str, Any]) -> Iterator[Pair]:
    for cls in _PAPER_CLASSES:
        yield _A, cls
    yield _IDENTIFIER, ox.Literal(node.partition(":")[2])
    yield _LABEL, ox.Literal(data.get("label") or data.get("title") or node)
    for key, predicate in (("title", _TITLE), ("abstract", _ABSTRACT), ("venue", _VENUE)):
        if data.get(key):
            yield predicate, ox.Literal(data[key])
    for author in data.get("authors") or ():
        yield _CREATOR, ox.Literal(author)
    if data.get("date"):
        yield _ISSUED, _date(str(data["date"]))
    if data.get("arxiv_id"):
        yield _ARXIV_ID, ox.Literal(data["arxiv_id"])
        yield _EXACT_MATCH, ox.NamedNode(f"https://arxiv.org/abs/{quote(data['arxiv_id'], safe='/.')}")
    if data.get("doi"):
        yield _DOI, ox.Literal(data["doi"])
        yield _EXACT_MATCH, ox.NamedNode(f"https://doi.org/{quote(data['doi'], safe='/.()-_;')}")
    if data.get("url"):
        yield _URL, _iri_or_literal(data["url"])


def _entity_pairs(data: dict[str, Any]) -> Iterator[Pair]:
    kind = data.get("type", "Entity")
    yield _A, _ox(_OPEN_KG[_segment(kind)])
    if kind in _LPWC_CLASS:
        yield _A, _ox(_LPWC_CLASS[kind])
    label = ox.Literal(data.get("label", ""))
    yield _PREF_LABEL, label
    yield _LABEL, label
    aliases = data.get("aliases") or {}
    for alias in aliases:
        if alias != data.get("label"):
            yield _ALT_LABEL, ox.Literal(alias)
    yield _PAPER_COUNT, ox.Literal(int(data.get("papers", 0)))
    yield _MENTION_COUNT, ox.Literal(sum(aliases.values()))
    for source, identifier in (data.get("external") or {}).items():
        link = _iri_or_literal(str(identifier))
        if isinstance(link, ox.NamedNode):
            yield _EXACT_MATCH, link
        else:
            yield _IDENTIFIER, ox.Literal(f"{source}:{identifier}")


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
    parts = [*method.partition(":")[::2], *data.partition(":")[::2]]
    return f"{base}evaluation/" + ":".join(_segment(part) for part in parts)


def _evaluation_block(method: str, data: str, papers: int, terms: _Terms) -> Block:
    pairs: list[Pair] = [(_A, _EVALUATION), (_SYSTEM, terms.node(method)), (_ON_DATA, terms.node(data)),
                         (_SUPPORT, ox.Literal(papers))]  # fmt: skip
    return ox.NamedNode(evaluation_iri(method, data, terms.base)), pairs


def _node_block(graph: nx.MultiDiGraph, node: str, terms: _Terms, derived: list[Pair]) -> Block:
    """A node's own triples, the precomputed ones, and its edges' direct, LPWC, inverse and symmetric ones."""
    data = graph.nodes[node]
    is_paper = data.get("type") == "Paper"
    pairs = [*(_paper_pairs(node, data) if is_paper else _entity_pairs(data)), *derived]
    for _, target, key, relation in sorted(graph.out_edges(node, keys=True, data="relation")):
        relation = relation or key
        pairs.append((_ox(relation_property(relation)), terms.node(target)))
        lpwc = _LPWC_EDGE.get((relation, graph.nodes[target].get("type", ""))) if is_paper else None
        if lpwc is not None:
            pairs.append((_ox(lpwc), terms.node(target)))
    for source, _, key, relation in sorted(graph.in_edges(node, keys=True, data="relation")):
        relation = relation or key
        if relation in SYMMETRIC_RELATIONS:
            pairs.append((_ox(relation_property(relation)), terms.node(source)))
        elif relation == "introduces" and graph.nodes[source].get("type") == "Paper":
            pairs.append((_INTRODUCED_BY, terms.node(source)))
    return terms.node(node), list(dict.fromkeys(pairs))


def _is_span(evidence: dict[str, Any]) -> bool:
    return "start" in evidence and "end" in evidence and "field" in evidence and "paper" in evidence


def _statement_block(source: str, target: str, data: dict[str, Any], terms: _Terms) -> Block:
    relation = data.get("relation", "related")
    subject, obj = terms.node(source), terms.node(target)
    evidence = data.get("evidence") or []
    support = data.get("support", len({e.get("paper") for e in evidence}))
    pairs: list[Pair] = [
        (_A, _STATEMENT), (_SUBJECT, subject), (_PREDICATE, _ox(relation_property(relation))),
        (_OBJECT, obj), (_SUPPORT, ox.Literal(int(support))),
    ]  # fmt: skip
    if "weight" in data:
        pairs.append((_WEIGHT, ox.Literal(data["weight"])))
    for item in evidence:
        if _is_span(item):
            iri = mention_iri(str(item["paper"]), str(item["field"]), item["start"], item["end"], terms.base)
            pairs.append((_EVIDENCE, ox.NamedNode(iri)))
        elif "paper" in item:  # evidence without a span can still name its paper
            pairs.append((_DERIVED_FROM, terms.node(paper_node(item["paper"]))))
    subject_iri = statement_iri(source, relation, target, terms.base)
    return ox.NamedNode(subject_iri), list(dict.fromkeys(pairs))


def _spans_by_paper(graph: nx.MultiDiGraph) -> dict[str, dict[tuple[str, int, int], str | None]]:
    """Every evidence span of the graph, by paper: (field, start, end) -> the sentence around it."""
    spans: dict[str, dict[tuple[str, int, int], str | None]] = defaultdict(dict)
    for *_, evidence in graph.edges(data="evidence"):
        for item in evidence or ():
            if _is_span(item):
                key = (str(item["field"]), int(item["start"]), int(item["end"]))
                spans[str(item["paper"])].setdefault(key, item.get("sentence"))
    return spans


def _evidence_blocks(
    graph: nx.MultiDiGraph, paper: str, spans: dict[tuple[str, int, int], str | None], terms: _Terms
) -> Iterator[Block]:
    """A paper's sentences of evidence, each once, then its mentions (spans of those sentences)."""
    node = paper_node(paper)
    texts = graph.nodes[node] if node in graph else {}
    sentences: dict[tuple[str, str | None], list[tuple[int, int]]] = defaultdict(list)
    for (text_field, start, end), sentence in spans.items():
        sentences[text_field, sentence].append((start, end))
    sentence_of: dict[tuple[str, str | None], ox.NamedNode] = {}
    blocks = []
    for (text_field, sentence), found in sentences.items():
        text = texts.get(text_field) or ""
        # Where the sentence starts in its field names it; a sentence not found there, by its first span.
        offset = text.find(sentence) if sentence else -1
        offset = offset if offset >= 0 else min(found)[0]
        iri = ox.NamedNode(sentence_iri(paper, text_field, offset, terms.base))
        sentence_of[text_field, sentence] = iri
        pairs: list[Pair] = [
            (_A, _SENTENCE),
            (_DERIVED_FROM, terms.node(node)),
            (_FIELD, ox.Literal(text_field)),
        ]
        if sentence is not None:
            pairs.append((_TEXT, ox.Literal(sentence)))
        blocks.append((iri, pairs))
    yield from sorted(blocks, key=lambda block: block[0].value)
    for (text_field, start, end), sentence in sorted(spans.items()):
        iri = mention_iri(paper, text_field, start, end, terms.base)
        pairs = [(_A, _MENTION), (_START, ox.Literal(start)), (_END, ox.Literal(end)),
                 (_IN_SENTENCE, sentence_of[text_field, sentence])]  # fmt: skip
        yield ox.NamedNode(iri), pairs


def _derived_pairs(
    graph: nx.MultiDiGraph, evaluations: dict[tuple[str, str], int], terms: _Terms
) -> dict[str, list[Pair]]:
    """Per node, the precomputed triples: its method count, top co-mentions and top evaluations.

    The top links are cut in the order the queries that read them rank by, so that
    a query's first :data:`TOP_LINKS` rows are the links: co-mentions by weight,
    then the other entity's IRI; evaluations by papers, then the method's label.
    """
    derived: dict[str, list[Pair]] = defaultdict(list)
    for task, count in method_counts(graph).items():
        derived[task].append((_METHOD_COUNT, ox.Literal(count)))
    co_mentions: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for a, b, key, data in graph.edges(keys=True, data=True):
        relation = data.get("relation", key)
        if relation in SYMMETRIC_RELATIONS:
            weight = int(data.get("weight", data.get("support", 0)))
            statement = statement_iri(a, relation, b, terms.base)
            co_mentions[a].append((-weight, terms.node(b).value, statement))
            co_mentions[b].append((-weight, terms.node(a).value, statement))
    for entity, found in co_mentions.items():
        derived[entity] += [
            (_TOP_CO_MENTION, ox.NamedNode(iri)) for *_, iri in heapq.nsmallest(TOP_LINKS, found)
        ]
    by_data: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for (method, data), papers in evaluations.items():
        by_data[data].append((-papers, graph.nodes[method].get("label", ""), method))
    for data, found in by_data.items():
        top = heapq.nsmallest(TOP_LINKS, found)
        iris = [evaluation_iri(method, data, terms.base) for *_, method in top]
        derived[data] += [(_TOP_EVALUATION, ox.NamedNode(iri)) for iri in iris]
    return derived


def _blocks(graph: nx.MultiDiGraph, base: str) -> Iterator[Block]:
    """The RDF of ``graph``, subject by subject: nodes with their edges' statements, evaluations, evidence.

    The order depends only on the graph, not on the order it was built in, and
    only one subject's triples are made at a time.
    """
    check_base(base)
    terms = _Terms(base)
    evaluations = evaluation_counts(graph)
    derived = _derived_pairs(graph, evaluations, terms)
    for node in sorted(graph.nodes):
        yield _node_block(graph, node, terms, derived.pop(node, []))
        seen = set()
        for _, target, key, data in sorted(graph.out_edges(node, keys=True, data=True), key=_edge_order):
            relation = data.get("relation", key)
            if (relation, target) not in seen:
                seen.add((relation, target))
                yield _statement_block(node, target, {"relation": relation, **data}, terms)
    for (method, data), papers in sorted(evaluations.items()):
        yield _evaluation_block(method, data, papers, terms)
    spans = _spans_by_paper(graph)
    for paper in sorted(spans):
        yield from _evidence_blocks(graph, paper, spans.pop(paper), terms)


def _edge_order(edge: tuple[str, str, str, dict[str, Any]]) -> tuple[str, str]:
    return edge[2], edge[1]


def triples(graph: nx.MultiDiGraph, base: str = DEFAULT_BASE) -> Iterator[ox.Quad]:
    """The RDF of ``graph``, as pyoxigraph quads in the default graph, subject by subject.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("paper:p1", type="Paper", label="T", title="T", abstract="We use DPO.")
    >>> g.add_node("method:dpo", type="Method", label="DPO", aliases={"DPO": 1}, papers=1)
    >>> evidence = {"paper": "p1", "field": "abstract", "start": 7, "end": 10, "sentence": "We use DPO."}
    >>> g.add_edge("paper:p1", "method:dpo", key="uses", relation="uses", support=1, evidence=[evidence])
    'uses'
    >>> rdf = list(triples(g, "http://example.org/"))
    >>> [str(t.triple) for t in rdf if t.predicate.value.endswith("hasMethod")]
    ['<http://example.org/paper/p1> <https://linkedpaperswithcode.com/property/hasMethod> <http://example.org/method/dpo>']
    >>> [(t.subject.value, t.object.value) for t in rdf if t.predicate.value.endswith("#text")]
    [('http://example.org/sentence/p1:abstract:0', 'We use DPO.')]
    """
    for subject, pairs in _blocks(graph, base):
        for predicate, value in pairs:
            yield ox.Quad(subject, predicate, value)


def data_prefixes(graph: nx.MultiDiGraph, base: str = DEFAULT_BASE) -> dict[str, str]:
    """Prefixes for the reused vocabularies and for each kind of node (``paper:``, ``method:``, ...).

    >>> g = nx.MultiDiGraph(); g.add_node("method:dpo")
    >>> data_prefixes(g, "http://example.org/")["method"]
    'http://example.org/method/'
    """
    kinds = {node.partition(":")[0] for node in graph.nodes}
    kinds |= {"statement", "evaluation", "mention", "sentence", "void"}
    data = {
        kind: f"{base}{_segment(kind)}/" for kind in sorted(kinds) if re.fullmatch(r"[a-z][a-z0-9]*", kind)
    }
    return {**PREFIXES, **{k: v for k, v in data.items() if k not in PREFIXES}}


def write_rdf(
    graph: nx.MultiDiGraph, folder: str | Path, base: str = DEFAULT_BASE, endpoint: str = DEFAULT_ENDPOINT
) -> RdfSummary:
    """Write the RDF of ``graph`` into ``folder``: Turtle, N-Triples, JSON-LD, VoID and the store.

    One pass: each chunk of triples is serialised to the three files and handed on
    to the store's bulk loader. ``folder`` is the build's staging folder; the build
    moves everything into place once every output is complete.
    """
    folder = Path(folder)
    prefixes = data_prefixes(graph, base)
    counts = _Counts()
    store = ox.Store(str(folder / STORE_DIR))
    with ExitStack() as files:
        turtle, ntriples, jsonld = (
            files.enter_context(_durable(folder / name)) for name in (RDF_FILE, NTRIPLES_FILE, JSONLD_FILE)
        )
        writer = _Writer(turtle, ntriples, jsonld, prefixes)
        store.bulk_extend(chain.from_iterable(writer.chunks(counts.through(_blocks(graph, base)))))
        writer.close()
    store.optimize()
    del store  # closes the database before the build moves its folder into place
    with _durable(folder / VOID_FILE) as out:
        ox.serialize(
            sorted(void_triples(counts, base, endpoint), key=str), out, ox.RdfFormat.TURTLE, prefixes=prefixes
        )
    names = [RDF_FILE, NTRIPLES_FILE, JSONLD_FILE, VOID_FILE, STORE_DIR]
    return RdfSummary(triples=counts.triples, files=[folder / name for name in names])


class _Counts:
    """Counts what passes through: triples, subjects, the instances of each class, the properties."""

    def __init__(self) -> None:
        self.triples = 0
        self.subjects = 0
        self.classes: Counter[str] = Counter()
        self._properties: set[ox.NamedNode] = set()

    @property
    def properties(self) -> int:
        return len(self._properties)

    def through(self, blocks: Iterable[Block]) -> Iterator[Block]:
        for subject, pairs in blocks:
            self.triples += len(pairs)
            self.subjects += 1
            for predicate, value in pairs:
                self._properties.add(predicate)
                if predicate is _A:
                    self.classes[value.value] += 1
            yield subject, pairs


class _Writer:
    """Serialises chunks of whole subjects to Turtle, N-Triples and JSON-LD as they pass to the store.

    pyoxigraph serialises each chunk; Turtle's prefixes and JSON-LD's enclosing
    array and context are written once, here, around the chunks. pyoxigraph writes
    JSON-LD with full IRIs; the context's prefixes then shorten every property and
    ``@id``/``@type`` IRI (never a literal, whose strings follow ``"@value":``).
    """

    def __init__(self, turtle: IO[bytes], ntriples: IO[bytes], jsonld: IO[bytes], prefixes: dict[str, str]):
        self._turtle, self._ntriples, self._jsonld = turtle, ntriples, jsonld
        self._prefixes = prefixes
        self._chunk: list[ox.Quad] = []
        self._first = True
        namespaces = sorted(prefixes.items(), key=lambda item: -len(item[1]))
        self._prefix = {iri.encode(): f"{prefix}:".encode() for prefix, iri in namespaces}
        alternatives = b"|".join(re.escape(iri.encode()) for _, iri in namespaces)
        self._iri = re.compile(b'((?:[{,]|"@id":|"@type":)")(' + alternatives + b")(?!/)")
        turtle.write("".join(f"@prefix {p}: <{iri}> .\n" for p, iri in prefixes.items()).encode())
        context = json.dumps({"@context": prefixes}, ensure_ascii=False)[:-1]
        jsonld.write(context.encode() + b', "@graph": [\n')

    def chunks(self, blocks: Iterable[Block]) -> Iterator[list[ox.Quad]]:
        """The quads of ``blocks``, a chunk at a time, each chunk written out before it is passed on."""
        for subject, pairs in blocks:
            self._chunk += [ox.Quad(subject, predicate, value) for predicate, value in pairs]
            if len(self._chunk) >= _CHUNK_TRIPLES:
                yield self._flush()
        yield self._flush()

    def _flush(self) -> list[ox.Quad]:
        chunk, self._chunk = self._chunk, []
        if not chunk:
            return chunk
        turtle = ox.serialize(chunk, format=ox.RdfFormat.TURTLE, prefixes=self._prefixes)
        self._turtle.write(turtle.split(b"\n", len(self._prefixes))[-1])
        ox.serialize(chunk, self._ntriples, ox.RdfFormat.N_TRIPLES)
        nodes = ox.serialize(chunk, format=ox.RdfFormat.JSON_LD)  # a JSON array of node objects
        nodes = self._iri.sub(lambda found: found[1] + self._prefix[found[2]], nodes[1:-1])
        self._jsonld.write((b"" if self._first else b",\n") + nodes)
        self._first = False
        return chunk

    def close(self) -> None:
        self._jsonld.write(b"\n]}\n")


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
    yield triple(dataset, VOID.properties, ox.Literal(counts.properties))
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
