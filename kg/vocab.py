"""The vocabularies the RDF output uses, as rdflib namespaces.

``KG`` is this project's own ontology; the others are reused so that queries
written for them work here. Closed namespaces (``DefinedNamespace``) make a typo
in a term an error rather than a silent new IRI.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, DefinedNamespace

__all__ = ["DCTERMS", "KG", "LPWC_CLASS", "RDF", "RDFS", "SCHEMA", "SKOS", "DEFAULT_BASE"]

DEFAULT_BASE = "https://w3id.org/kg/"

SCHEMA = Namespace("https://schema.org/")
LPWC_CLASS = Namespace("https://linkedpaperswithcode.com/class/")


class KG(DefinedNamespace):
    """The kg ontology: entity classes and the relations between papers and entities."""

    _NS = Namespace("https://w3id.org/kg/ontology#")
    _fail = True

    Paper: URIRef
    Method: URIRef
    Model: URIRef
    Dataset: URIRef
    Benchmark: URIRef
    Task: URIRef
    Metric: URIRef

    introduces: URIRef
    evaluatedOn: URIRef
    mentions: URIRef
    mentionCount: URIRef
    paperCount: URIRef
