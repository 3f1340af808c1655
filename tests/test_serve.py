"""`kg serve`, started as a real process and asked by real HTTP clients (SPARQLWrapper, httpx)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import httpx
import pytest
import rdflib
from rdflib.namespace import VOID
from SPARQLWrapper import CSV, JSON, POST, TSV, TURTLE, XML, SPARQLWrapper

import kg

ROOT = Path(__file__).parent.parent
MAX_ROWS = 50
PAPERS = "SELECT (COUNT(?p) AS ?n) WHERE { ?p a <https://schema.org/ScholarlyArticle> }"
# Three copies of every triple, joined with no shared variable: far longer than the time limit.
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def build(seed_build) -> Path:
    return seed_build


@pytest.fixture(scope="module")
def papers(build) -> int:
    return sum(1 for _, kind in kg.load(build).nodes(data="type") if kind == "Paper")


@pytest.fixture(scope="module")
def server(build) -> Iterator[str]:
    """The base URL of a `kg serve` process on a free localhost port."""
    process = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "serve", str(build), "--port", "0", "--timeout", "2",
         "--max-rows", str(MAX_ROWS)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    try:
        line = process.stdout.readline()
        assert line.startswith("serving"), line
        yield line.split(" at ")[1].split("/ ")[0]
    finally:
        process.terminate()
        process.wait(timeout=10)


def sparql(server: str, query: str, return_format: str = JSON, method: str | None = None) -> SPARQLWrapper:
    client = SPARQLWrapper(f"{server}/sparql")
    client.setQuery(query)
    client.setReturnFormat(return_format)
    if method:
        client.setMethod(method)
    return client


def test_binds_to_localhost(server):
    assert server.startswith("http://127.0.0.1:")


def test_select_as_json_by_get_and_post(server, papers):
    for method in (None, POST):
        answer = sparql(server, PAPERS, JSON, method).queryAndConvert()
        assert int(answer["results"]["bindings"][0]["n"]["value"]) == papers


def test_select_as_xml_csv_and_tsv(server, papers):
    xml = sparql(server, PAPERS, XML).query().response.read()
    literal = ElementTree.fromstring(xml).find(".//{http://www.w3.org/2005/sparql-results#}literal")
    assert int(literal.text) == papers
    rows = list(csv.reader(io.StringIO(sparql(server, PAPERS, CSV).queryAndConvert().decode())))
    assert rows == [["n"], [str(papers)]]
    tsv = sparql(server, PAPERS, TSV).queryAndConvert().decode().splitlines()
    assert tsv[0] == "?n" and str(papers) in tsv[1]


def test_ask_and_construct(server):
    assert sparql(server, "ASK { ?p a <https://w3id.org/kg/ontology#Paper> }").queryAndConvert()["boolean"]
    construct = "CONSTRUCT { ?e a ?t } WHERE { ?e a ?t . FILTER(?t = <https://w3id.org/kg/ontology#Model>) }"
    graph = sparql(server, construct, TURTLE).queryAndConvert()
    graph = graph if isinstance(graph, rdflib.Graph) else rdflib.Graph().parse(data=graph, format="turtle")
    assert len(graph) > 0


def test_updates_are_refused_and_change_nothing(server, build):
    before = (build / "kg.ttl").read_bytes()
    everything = {"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"}
    count = httpx.get(f"{server}/sparql", params=everything).json()
    insert = "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }"
    assert httpx.post(f"{server}/sparql", data={"update": insert}).status_code == 403
    update = {"Content-Type": "application/sparql-update"}
    assert httpx.post(f"{server}/sparql", content="DROP ALL", headers=update).status_code == 403
    assert httpx.post(f"{server}/sparql", data={"query": insert}).status_code == 400
    assert httpx.get(f"{server}/sparql", params=everything).json() == count
    assert (build / "kg.ttl").read_bytes() == before
    assert httpx.put(f"{server}/kg.ttl", content=b"x").status_code >= 400


def test_bad_queries_are_client_errors(server):
    answer = httpx.get(f"{server}/sparql", params={"query": "SELECT WHERE {"})
    assert answer.status_code == 400 and "syntax" in answer.text
    assert httpx.get(f"{server}/sparql").status_code == 400


def test_answers_are_cut_at_the_row_cap(server):
    answer = httpx.get(
        f"{server}/sparql", params={"query": "SELECT * { ?s ?p ?o }"}, headers={"Accept": "application/json"}
    )
    assert answer.status_code == 200 and answer.headers["X-Kg-Truncated"] == "true"
    assert len(answer.json()["results"]["bindings"]) == MAX_ROWS


def test_a_query_past_the_time_limit_is_stopped_and_the_server_goes_on(server, papers):
    answer = httpx.get(f"{server}/sparql", params={"query": ENDLESS}, timeout=30)
    assert answer.status_code == 503 and "time limit" in answer.text
    for _ in range(3):  # every worker answers, including the one that replaced the stopped one
        assert int(sparql(server, PAPERS).queryAndConvert()["results"]["bindings"][0]["n"]["value"]) == papers


def test_serves_the_build_views_but_not_the_store(server, build):
    assert httpx.get(f"{server}/").text == (build / "index.html").read_text()
    assert httpx.get(f"{server}/kg.ttl").content == (build / "kg.ttl").read_bytes()
    for path in ("/.well-known/void", "/void.ttl"):
        void = rdflib.Graph().parse(data=httpx.get(f"{server}{path}").text, format="turtle")
        assert {str(o) for o in void.objects(None, VOID.sparqlEndpoint)} == {f"{server}/sparql"}
        assert len(void) == len(rdflib.Graph().parse(build / "void.ttl"))
    assert httpx.get(f"{server}/store/CURRENT").status_code == 404
    assert httpx.get(f"{server}/../../etc/passwd").status_code == 404


def test_json_results_are_the_sparql_format(server):
    answer = httpx.get(f"{server}/sparql", params={"query": PAPERS})
    assert answer.headers["Content-Type"].startswith("application/sparql-results+json")
    assert json.loads(answer.text)["head"]["vars"] == ["n"]


def test_serving_a_folder_without_a_build_is_a_user_error(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "kg.cli", "serve", str(tmp_path), "--port", "0"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    assert "no built graph here" in result.stderr and len(result.stderr.strip().splitlines()) == 1
