"""The RDF a build writes: valid against the shapes, described by the ontology, the same in every format."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import networkx as nx
import pyoxigraph as ox
import pyshacl
import pytest
import rdflib
from oxrdflib import OxigraphStore
from rdflib import URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS, VOID

import kg
from kg.errors import KgError
from kg.query import open_store
from kg.rdf import RELATION_PROPERTY, check_base, node_iri, write_rdf
from kg.vocab import KG

ROOT = Path(__file__).parent.parent
ONTOLOGY = ROOT / "kg" / "ontology.ttl"
SHAPES = ROOT / "kg" / "shapes.ttl"
SCHEMA = "https://schema.org/"
LPWC = "https://linkedpaperswithcode.com/class/"
sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic_graph import synthetic_graph  # noqa: E402


@pytest.fixture(scope="module")
def seed(seed_build) -> Path:
    return seed_build


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> tuple[nx.MultiDiGraph, Path]:
    out = tmp_path_factory.mktemp("synthetic")
    graph = synthetic_graph(120, seed=3)
    graph.add_edge("model:model-0-1", "model:model-1-2", key="fine_tuned_from", relation="fine_tuned_from",
                   evidence=[], support=0)  # fmt: skip
    write_rdf(graph, out, base="http://example.org/kg/")
    return graph, out


def parse(path: Path) -> set[ox.Triple]:
    return {quad.triple for quad in ox.parse(path=str(path))}


def validate(folder: Path) -> tuple[bool, rdflib.Graph]:
    data = rdflib.Graph().parse(folder / "kg.ttl")
    shapes, ontology = rdflib.Graph().parse(SHAPES), rdflib.Graph().parse(ONTOLOGY)
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology, allow_warnings=True)
    return conforms, report


@pytest.mark.parametrize("name", ["a b", 'quo"te', "hash#tag", "sl/ash", "λ-ECLIPSE", "<x>"])
def test_node_iris_are_safe_and_reversible(name):
    iri = node_iri(f"method:{name}", base="http://example.org/kg/")
    assert isinstance(iri, URIRef)
    local = str(iri).removeprefix("http://example.org/kg/method/")
    assert not set(local) & set(' "#/<>')
    assert unquote(local) == name


def test_any_text_survives_every_format_and_the_store(tmp_path):
    awkward = 'say "hi" \\ back\\slash\nnew\tline\r\x00\x01\x08\x0c\x7f λ € 😀 \u2028'
    graph = nx.MultiDiGraph()
    graph.add_node("method:m", type="Method", label=awkward, aliases={awkward: 1, "M\x1f": 2}, papers=1)
    write_rdf(graph, tmp_path)
    expected = {awkward, "M\x1f"}
    for name in ("kg.nt", "kg.ttl", "kg.jsonld"):
        labels = {t.object.value for t in parse(tmp_path / name) if isinstance(t.object, ox.Literal)}
        assert expected <= labels, name
    stored = {quad.object.value for quad in open_store(tmp_path) if isinstance(quad.object, ox.Literal)}
    assert expected <= stored


@pytest.mark.parametrize("base", ["example.org/", "http://example.org/kg", "http://exa mple.org/", "urn:x:"])
def test_bad_base_iris_are_user_errors(base):
    with pytest.raises(KgError, match="base IRI"):
        check_base(base)


def test_seed_build_conforms_to_the_shapes(seed):
    conforms, report = validate(seed)
    assert conforms, report.serialize(format="turtle")
    assert not set(report.objects(None, SH.resultSeverity)) & {SH.Violation}


def test_synthetic_graph_with_every_relation_conforms(synthetic):
    conforms, report = validate(synthetic[1])
    assert conforms, report.serialize(format="turtle")


def test_shapes_catch_a_broken_graph(tmp_path):
    graph = nx.MultiDiGraph()
    graph.add_node("paper:p", type="Paper", label="P", title="P", abstract="")
    graph.add_node("method:m", type="Method", label="M", aliases={}, papers=-1)
    write_rdf(graph, tmp_path)
    conforms, report = validate(tmp_path)
    assert not conforms
    assert (None, SH.resultPath, KG.paperCount) in report


def test_every_term_is_defined_in_the_ontology_with_label_and_comment(synthetic):
    ontology = rdflib.Graph().parse(ONTOLOGY)
    used = {URIRef(t.predicate.value) for t in parse(synthetic[1] / "kg.ttl")}
    used |= {
        URIRef(t.object.value) for t in parse(synthetic[1] / "kg.ttl") if t.predicate.value == str(RDF.type)
    }
    terms = {t for t in used if str(t).startswith(str(KG._NS))} - {URIRef(f"{KG._NS}fineTunedFrom")}
    terms |= set(RELATION_PROPERTY.values())
    terms |= {KG[name] for name in KG.__annotations__}
    for term in terms:
        assert (term, RDFS.label, None) in ontology, term
        assert (term, RDFS.comment, None) in ontology, term
        assert set(ontology.objects(term, RDF.type)) & {
            OWL.Class,
            OWL.ObjectProperty,
            OWL.DatatypeProperty,
        }, term


def test_papers_are_scholarly_articles_and_lpwc_papers(seed):
    graph = kg.load(seed)
    papers = {n for n, kind in graph.nodes(data="type") if kind == "Paper"}
    store = open_store(seed)
    for cls in (SCHEMA + "ScholarlyArticle", LPWC + "paper"):
        found = store.query(f"SELECT ?p WHERE {{ ?p a <{cls}> ; <http://purl.org/dc/terms/title> ?t }}")
        assert {row["p"].value for row in found} == {str(node_iri(p)) for p in papers}


def test_lpwc_triples_are_asserted(synthetic):
    graph, folder = synthetic
    triples = parse(folder / "kg.ttl")
    base = "http://example.org/kg/"
    for paper, target, relation in graph.edges(keys=True):
        source_iri, target_iri = (ox.NamedNode(str(node_iri(n, base))) for n in (paper, target))
        if relation == "evaluated_on" and graph.nodes[paper]["type"] == "Paper":
            predicate = ox.NamedNode("https://linkedpaperswithcode.com/property/usesDataset")
            assert ox.Triple(source_iri, predicate, target_iri) in triples
        if relation == "introduces":
            predicate = ox.NamedNode("https://linkedpaperswithcode.com/property/introducedBy")
            assert ox.Triple(target_iri, predicate, source_iri) in triples


def test_every_edge_is_a_statement_with_its_evidence_sentences(synthetic):
    graph, folder = synthetic
    store = ox.Store.read_only(str(folder / "store"))
    rows = store.query("""
        PREFIX kg: <https://w3id.org/kg/ontology#>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT ?s ?p ?o ?count ?sentence WHERE {
          ?st a kg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:support ?count .
          OPTIONAL { ?st kg:evidence/kg:text ?sentence }
        }""")
    found: dict[tuple[str, str, str, int], set[str]] = {}
    for row in rows:
        key = (unquote(row["s"].value), row["p"].value, unquote(row["o"].value), int(row["count"].value))
        found.setdefault(key, set())
        if row["sentence"] is not None:
            found[key].add(row["sentence"].value)
    edges = [edge for edge in graph.edges(keys=True, data=True) if edge[2] != "co_mentioned"]
    assert len(found) == len(edges)
    base = "http://example.org/kg/"
    for source, target, relation, data in edges:
        key = (unquote(str(node_iri(source, base))), str(kg.rdf.relation_property(relation)),
               unquote(str(node_iri(target, base))), data["support"])  # fmt: skip
        assert found[key] == {e["sentence"] for e in data["evidence"]}


def test_every_co_mention_is_one_node_with_both_entities_and_its_weight(synthetic):
    graph, folder = synthetic
    store = ox.Store.read_only(str(folder / "store"))
    rows = store.query("""
        PREFIX kg: <https://w3id.org/kg/ontology#>
        SELECT ?pair ?entity ?weight
        WHERE { ?pair a kg:CoMention ; kg:coMentionOf ?entity ; kg:weight ?weight }""")
    found: dict[str, tuple[set[str], set[int]]] = {}
    for row in rows:
        entities, weights = found.setdefault(row["pair"].value, (set(), set()))
        entities.add(unquote(row["entity"].value))
        weights.add(int(row["weight"].value))
    base = "http://example.org/kg/"
    expected = {
        frozenset(unquote(str(node_iri(n, base))) for n in (a, b)): {data["weight"]}
        for a, b, relation, data in graph.edges(keys=True, data=True)
        if relation == "co_mentioned"
    }
    assert expected and {frozenset(entities): weights for entities, weights in found.values()} == expected
    assert len(found) == len(expected)


def test_top_entities_of_each_type_are_linked_from_its_class_partition(synthetic):
    graph, folder = synthetic
    store = ox.Store.read_only(str(folder / "store"))
    rows = store.query("""
        PREFIX kg: <https://w3id.org/kg/ontology#>
        PREFIX void: <http://rdfs.org/ns/void#>
        SELECT ?type ?entity WHERE { ?partition void:class ?type ; kg:topEntity ?entity }""")
    found: dict[str, set[str]] = {}
    for row in rows:
        found.setdefault(row["type"].value.rpartition("#")[2], set()).add(unquote(row["entity"].value))
    base = "http://example.org/kg/"
    for kind in ("Method", "Model", "Dataset", "Benchmark", "Task", "Metric"):
        entities = [(-d["papers"], d["label"], n) for n, d in graph.nodes(data=True) if d["type"] == kind]
        top = {unquote(str(node_iri(n, base))) for *_, n in sorted(entities)[: kg.rdf.TOP_LINKS]}
        assert found.get(kind, set()) == top


def test_papers_introducing_a_dataset_and_a_method_have_their_own_class(synthetic):
    graph, folder = synthetic
    store = ox.Store.read_only(str(folder / "store"))
    rows = store.query(f"SELECT ?paper WHERE {{ ?paper a <{KG.DatasetAndMethodPaper}> }}")
    introduced: dict[str, set[str]] = {}
    for paper, entity, relation in graph.edges(keys=True):
        if relation == "introduces" and graph.nodes[paper]["type"] == "Paper":
            introduced.setdefault(paper, set()).add(graph.nodes[entity]["type"])
    expected = {
        str(node_iri(p, "http://example.org/kg/"))
        for p, kinds in introduced.items()
        if kinds & {"Dataset", "Benchmark"} and kinds & {"Method", "Model"}
    }
    assert expected and {row["paper"].value for row in rows} == expected


def test_unknown_relations_get_a_generic_property(synthetic):
    triples = parse(synthetic[1] / "kg.ttl")
    assert any(t.predicate.value == str(KG._NS) + "fineTunedFrom" for t in triples)


def test_external_ids_are_skos_matches_never_sameas(synthetic):
    graph, folder = synthetic
    triples = parse(folder / "kg.ttl")
    assert not any(t.predicate.value == str(OWL.sameAs) for t in triples)
    links = {t.object.value for t in triples if t.predicate.value == str(SKOS.exactMatch)}
    external = {url for _, urls in graph.nodes(data="external") if urls for url in urls.values()}
    assert external and external <= links


def test_serialisations_hold_the_same_triples(seed):
    turtle = parse(seed / "kg.ttl")
    assert parse(seed / "kg.nt") == turtle
    assert parse(seed / "kg.jsonld") == turtle
    assert "@context" in json.loads((seed / "kg.jsonld").read_text())
    assert len(rdflib.Graph().parse(seed / "kg.jsonld", format="json-ld")) == len(turtle)


def test_store_holds_the_turtle_and_opens_in_rdflib(seed):
    turtle = parse(seed / "kg.ttl")
    store = open_store(seed)
    assert {quad.triple for quad in store} == turtle
    del store
    oxigraph = OxigraphStore(store=ox.Store.read_only(str(seed / "store")))
    graph = rdflib.Graph(store=oxigraph, identifier=DATASET_DEFAULT_GRAPH_ID)
    assert len(graph) == len(turtle)


def test_void_describes_the_data(seed):
    void = rdflib.Graph().parse(seed / "void.ttl")
    dataset = next(void.subjects(RDF.type, VOID.Dataset))
    assert void.value(dataset, VOID.triples).toPython() == len(parse(seed / "kg.ttl"))
    assert void.value(dataset, VOID.sparqlEndpoint) is not None
    papers = sum(1 for _, kind in kg.load(seed).nodes(data="type") if kind == "Paper")
    partition = next(
        p for p in void.objects(dataset, VOID.classPartition) if (p, VOID["class"], KG.Paper) in void
    )
    assert void.value(partition, VOID.entities).toPython() == papers


def test_output_is_the_same_bytes_whatever_the_insertion_order(tmp_path):
    graph = synthetic_graph(60, seed=5)
    shuffled = nx.MultiDiGraph()
    nodes = list(graph.nodes(data=True))
    edges = list(graph.edges(keys=True, data=True))
    random.Random(1).shuffle(nodes)
    random.Random(2).shuffle(edges)
    shuffled.add_nodes_from(nodes)
    shuffled.add_edges_from(edges)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    write_rdf(graph, tmp_path / "a")
    write_rdf(shuffled, tmp_path / "b")
    for name in ("kg.ttl", "kg.nt", "kg.jsonld", "void.ttl"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_build_base_option_sets_every_iri(tmp_path):
    kg.build([ROOT / "tests" / "data" / "papers.jsonl"], tmp_path, base="http://example.org/mine#")
    subjects = {t.subject.value for t in parse(tmp_path / "kg.ttl")}
    assert subjects and all(s.startswith("http://example.org/mine#") for s in subjects)


def test_cli_rejects_a_bad_base_before_reading(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", "seeds", "-o", str(tmp_path), "--base", "not-an-iri"],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 2
    assert (
        result.stderr.startswith("kg: error: base IRI 'not-an-iri'") and len(result.stderr.splitlines()) == 1
    )
    assert not (tmp_path / "kg.ttl").exists()


def test_each_evidence_sentence_is_written_once(synthetic):
    graph, folder = synthetic
    evidence = [item for *_, r, items in graph.edges(keys=True, data="evidence") if r != "co_mentioned"
                for item in items]  # fmt: skip
    sentences = {(e["paper"], e["field"], e["sentence"]) for e in evidence}
    texts = [t for t in parse(folder / "kg.ttl") if t.predicate.value == str(KG.text)]
    assert len(texts) == len(sentences)
    assert {t.object.value for t in texts} == {sentence for *_, sentence in sentences}


def test_shapes_catch_a_co_mention_without_its_weight(synthetic):
    data = rdflib.Graph().parse(synthetic[1] / "kg.ttl")
    data.remove(next(data.triples((None, KG.weight, None))))
    shapes, ontology = rdflib.Graph().parse(SHAPES), rdflib.Graph().parse(ONTOLOGY)
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology, allow_warnings=True)
    assert not conforms and "kg:weight" in text


def test_the_store_loads_the_file_as_it_is_written_in_parts(tmp_path):
    lines = [f'<http://e.g/s{i}> <http://e.g/p> "{i}" .\n'.encode() for i in range(1000)]
    path = tmp_path / "kg.nt"
    with open(path, "wb") as out:
        loader = kg.rdf._StoreLoader(path, tmp_path / "store", size=500)
        written = kg.rdf._Announcing(out, loader, size=700)
        for start in range(0, len(lines), 7):
            written.write(b"".join(lines[start : start + 7]))
        written.flush()
    loader.finish()
    store = ox.Store.read_only(str(tmp_path / "store"))
    assert len(store) == len(lines) and {quad.triple for quad in store} == parse(path)


def test_a_store_that_fails_to_load_fails_when_finished(tmp_path):
    path = tmp_path / "kg.nt"
    path.write_bytes(b"<http://e.g/s> <http://e.g/p> .\n")
    loader = kg.rdf._StoreLoader(path, tmp_path / "store")
    loader.written(path.stat().st_size)
    with pytest.raises(SyntaxError):
        loader.finish()
