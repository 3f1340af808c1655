"""The graph as RDF: papers and entities with reused vocabularies.

Papers are ``schema:ScholarlyArticle`` (and Linked Papers With Code's paper
class) with ``dcterms:title`` and ``dcterms:abstract``; entities carry their
``kg:`` class, ``skos:prefLabel`` and one ``skos:altLabel`` per other surface
form. IRIs are ``<base><type>/<slug>``, stable across runs.
"""

from __future__ import annotations

from urllib.parse import quote

import networkx as nx
from rdflib import Graph, Literal, URIRef

from kg.vocab import DCTERMS, DEFAULT_BASE, KG, LPWC_CLASS, RDF, RDFS, SCHEMA, SKOS

_PREDICATE = {"introduces": KG.introduces, "evaluated_on": KG.evaluatedOn, "mentions": KG.mentions}
_LPWC_CLASS = {"Method": "method", "Model": "model", "Dataset": "dataset", "Task": "task"}


def node_iri(node_id: str, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of a graph node: its ``kind:slug`` id as ``<base>kind/slug``.

    >>> str(node_iri("paper:a b#c"))
    'https://w3id.org/kg/paper/a%20b%23c'
    """
    kind, _, name = node_id.partition(":")
    return URIRef(f"{base}{kind}/{quote(name, safe='-._~')}")


def to_rdf(graph: nx.MultiDiGraph, base: str = DEFAULT_BASE) -> Graph:
    """The RDF of a built graph, in an Oxigraph-backed rdflib ``Graph``."""
    rdf = Graph(store="Oxigraph", bind_namespaces="core")
    for prefix, namespace in [("kg", KG._NS), ("schema", SCHEMA), ("lpwc", LPWC_CLASS), ("dcterms", DCTERMS),
                              ("skos", SKOS), ("data", base)]:  # fmt: skip
        rdf.bind(prefix, namespace)
    for node, data in graph.nodes(data=True):
        subject = node_iri(node, base)
        if data["type"] == "Paper":
            rdf.add((subject, RDF.type, SCHEMA.ScholarlyArticle))
            rdf.add((subject, RDF.type, LPWC_CLASS.paper))
            rdf.add((subject, RDF.type, KG.Paper))
            rdf.add((subject, DCTERMS.identifier, Literal(node.partition(":")[2])))
            rdf.add((subject, DCTERMS.title, Literal(data["title"])))
            rdf.add((subject, DCTERMS.abstract, Literal(data["abstract"])))
            continue
        rdf.add((subject, RDF.type, KG[data["type"]]))
        if data["type"] in _LPWC_CLASS:
            rdf.add((subject, RDF.type, LPWC_CLASS[_LPWC_CLASS[data["type"]]]))
        rdf.add((subject, RDFS.label, Literal(data["label"])))
        rdf.add((subject, SKOS.prefLabel, Literal(data["label"])))
        for alias in data["aliases"]:
            if alias != data["label"]:
                rdf.add((subject, SKOS.altLabel, Literal(alias)))
        rdf.add((subject, KG.paperCount, Literal(data["papers"])))
    for source, target, data in graph.edges(data=True):
        if data["relation"] in _PREDICATE:
            rdf.add((node_iri(source, base), _PREDICATE[data["relation"]], node_iri(target, base)))
    return rdf
