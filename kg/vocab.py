"""The vocabularies the RDF output uses, as rdflib namespaces.

``KG`` is this project's own ontology (``kg/ontology.ttl`` defines every term);
the others are reused so that queries written for them work here: Linked Papers
With Code (``LPWC``, ``LPWC_PROPERTY``), schema.org, Dublin Core, SKOS, PROV-O,
ML-Schema (``MLS``) and VoID. Closed namespaces (``DefinedNamespace``) make a
typo in a term an error rather than a silent new IRI:

>>> KG.evaluatedOn
rdflib.term.URIRef('https://w3id.org/kg/ontology#evaluatedOn')
>>> KG.evaluatedOnn
Traceback (most recent call last):
...
AttributeError: term 'evaluatedOnn' not in namespace 'https://w3id.org/kg/ontology#'
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SKOS, VOID, XSD, DefinedNamespace

__all__ = [
    "BIBO",
    "DCTERMS",
    "DEFAULT_BASE",
    "KG",
    "LPWC",
    "LPWC_PROPERTY",
    "MLS",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SKOS",
    "VOID",
    "XSD",
]  # fmt: skip

DEFAULT_BASE = "https://w3id.org/kg/"

SCHEMA = SDO


class KG(DefinedNamespace):
    """The kg ontology: the classes of the graph, its relations and its provenance terms."""

    _NS = Namespace("https://w3id.org/kg/ontology#")
    _fail = True

    # Classes
    Paper: URIRef
    Entity: URIRef
    Method: URIRef
    Model: URIRef
    Dataset: URIRef
    Benchmark: URIRef
    Task: URIRef
    Metric: URIRef
    DatasetAndMethodPaper: URIRef
    Statement: URIRef
    CoMention: URIRef
    Sentence: URIRef
    Evaluation: URIRef

    # Paper -> entity relations
    introduces: URIRef
    evaluatedOn: URIRef
    uses: URIRef
    mentions: URIRef
    addresses: URIRef
    # Entity -> entity relations
    outperforms: URIRef
    basedOn: URIRef
    appliedTo: URIRef
    variantOf: URIRef
    coMentionOf: URIRef
    related: URIRef

    # Datatype properties
    paperCount: URIRef
    mentionCount: URIRef
    methodCount: URIRef
    coMentionCount: URIRef
    evaluationCount: URIRef
    entitiesInSeveralPapers: URIRef
    support: URIRef
    weight: URIRef
    topCoMention: URIRef
    topEntity: URIRef
    topByMethodCount: URIRef
    topEvaluation: URIRef
    system: URIRef
    onData: URIRef
    evidence: URIRef
    field: URIRef
    text: URIRef
    arxivId: URIRef
    venue: URIRef


class LPWC(DefinedNamespace):
    """Linked Papers With Code's classes (https://linkedpaperswithcode.com)."""

    _NS = Namespace("https://linkedpaperswithcode.com/class/")
    _fail = True

    paper: URIRef
    method: URIRef
    model: URIRef
    dataset: URIRef
    task: URIRef


class LPWC_PROPERTY(DefinedNamespace):
    """Linked Papers With Code's properties."""

    _NS = Namespace("https://linkedpaperswithcode.com/property/")
    _fail = True

    hasMethod: URIRef
    usesDataset: URIRef
    hasTask: URIRef
    introducedBy: URIRef


class MLS(DefinedNamespace):
    """ML-Schema (https://www.w3.org/ns/mls), for metrics."""

    _NS = Namespace("http://www.w3.org/ns/mls#")
    _fail = True

    EvaluationMeasure: URIRef


class BIBO(DefinedNamespace):
    """The Bibliographic Ontology, for DOIs."""

    _NS = Namespace("http://purl.org/ontology/bibo/")
    _fail = True

    doi: URIRef


PREFIXES: dict[str, str] = {
    "kg": str(KG._NS),
    "lpwc": str(LPWC._NS),
    "lpwcp": str(LPWC_PROPERTY._NS),
    "schema": str(SCHEMA._NS),
    "dcterms": str(DCTERMS._NS),
    "skos": str(SKOS._NS),
    "prov": str(PROV._NS),
    "mls": str(MLS._NS),
    "bibo": str(BIBO._NS),
    "void": str(VOID._NS),
    "rdf": str(RDF._NS),
    "rdfs": str(RDFS._NS),
    "owl": str(OWL._NS),
    "xsd": str(XSD._NS),
}
"""The reused vocabularies' prefixes, for serialisations and for queries."""
