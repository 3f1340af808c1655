"""`kg build` on the seed page, checked with parsers independent of the code that wrote it."""

import json
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest

ROOT = Path(__file__).parent.parent


def kg(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], cwd=cwd, capture_output=True, text=True)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("graphs")
    result = kg("build", "seeds", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "papers read      67" in result.stdout
    return out


def test_build_writes_turtle_json_and_html(built):
    store = pyoxigraph.Store()
    store.load(path=str(built / "kg.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    papers = store.query("SELECT (COUNT(?p) AS ?n) WHERE { ?p a <https://schema.org/ScholarlyArticle> }")
    assert int(next(iter(papers))["n"].value) == 67

    graph = nx.node_link_graph(json.loads((built / "kg.json").read_text()), edges="edges")
    kinds = {data["type"] for _, data in graph.nodes(data=True)}
    assert "Paper" in kinds and kinds & {"Method", "Model", "Benchmark"}
    assert {data["relation"] for *_, data in graph.edges(data=True)} >= {"introduces", "mentions"}
    linked = [data["external"] for _, data in graph.nodes(data=True) if data.get("external")]
    assert linked, "entities found in the shipped name lists keep the list's id"

    html = (built / "index.html").read_text()
    assert "new vis.Network" in html
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html), "opens offline: nothing remote"
    assert (built / "lib" / "vis-9.1.2" / "vis-network.min.js").is_file()


def test_summary_counts_match_the_outputs(built, tmp_path):
    result = kg("build", "seeds", "-o", str(tmp_path))
    graph = nx.node_link_graph(json.loads((tmp_path / "kg.json").read_text()), edges="edges")
    assert f"edges            {graph.number_of_edges()}" in result.stdout


def test_query_formats(built):
    text = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    as_json = json.loads(kg("query", text, "--graph", str(built), "--format", "json").stdout)
    assert as_json["columns"] == ["n"] and int(as_json["rows"][0]["n"]) > 0
    table = kg("query", text, "--graph", str(built)).stdout.splitlines()
    assert table[0].strip() == "n" and table[-1] == "(1 rows)"


def test_extract_keeps_the_scoring_contract(tmp_path):
    papers = ROOT / "tests" / "data" / "papers.jsonl"
    out = tmp_path / "pred.jsonl"
    assert kg("extract", str(papers), "-o", str(out)).returncode == 0
    records = [json.loads(line) for line in out.read_text().splitlines()]
    inputs = [json.loads(line) for line in papers.read_text().splitlines()]
    assert [r["id"] for r in records] == [i["id"] for i in inputs]
    for record, source in zip(records, inputs, strict=True):
        for entity in record["entities"]:
            assert source[entity["field"]][entity["start"] : entity["end"]] == entity["text"]
            assert entity["type"] in {"Method", "Model", "Dataset", "Benchmark", "Task", "Metric"}
            assert entity.get("role", "introduced") in {"introduced", "evaluated_on"}
    assert any(e["text"] == "DPG-Bench" and e.get("role") == "introduced" for e in records[0]["entities"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build", "nope.jsonl"], "nope.jsonl: no such file or folder"),
        (["query", "SELECT WHERE {", "--graph", "."], "no built graph here"),
        (["extract", "tests/data/bad.jsonl"], "bad.jsonl:2: not valid JSON"),
    ],
)
def test_user_errors_are_one_line_and_exit_2(args, message):
    result = kg(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_bad_sparql_is_a_user_error(built):
    result = kg("query", "SELECT WHERE {", "--graph", str(built))
    assert result.returncode == 2 and "SPARQL error" in result.stderr


def test_failed_build_keeps_previous_outputs(built, tmp_path):
    assert kg("build", "seeds", "-o", str(tmp_path)).returncode == 0
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    assert kg("build", "tests/data/bad.jsonl", "-o", str(tmp_path)).returncode == 2
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    assert after == before
