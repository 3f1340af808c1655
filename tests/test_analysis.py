import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from markup import marked

import kg
from kg import analysis
from kg.cli import main
from kg.errors import KgError
from kg.extract import extract
from kg.graph import build_graph, to_json
from kg.read import read
from kg.resolve import resolve

ROOT = Path(__file__).parent.parent
PAPERS = [
    marked(
        "p1",
        "We propose [Direct Preference Optimization|Method|introduced] ([DPO|Method|introduced]). "
        "[DPO|Method] outperforms [PPO|Method] on [MT-Bench|Benchmark|evaluated_on].",
        pairs=(("Direct Preference Optimization", "DPO"),),
        title="DPO: your language model is secretly a reward model",
    ),
    marked("p2", "We use [DPO|Method] and [PPO|Method] for [summarization|Task]."),
    marked("p3", "[dpo|Method] beats [PPO|Method]. [RLHF|Method] and [PPO|Method] are costly."),
    marked("p4", "[CLIP|Model] and [ViT|Model] see. [CLIP|Model] and [ViT|Model] and [COCO|Dataset] agree."),
    marked("p5", "[ViT|Model] and [COCO|Dataset] are old. [CLIP|Model] and [COCO|Dataset] too."),
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("graph")
    (out / "kg.json").write_text(to_json(build_graph(PAPERS, resolve(PAPERS))))
    return out


@pytest.fixture(scope="module")
def graph(folder):
    return kg.load(folder)


def test_card_is_found_by_any_alias_in_any_case(graph):
    for name in ("DPO", "dpo", "direct preference optimization", "Direct-Preference Optimization"):
        assert analysis.find(graph, name) == "method:direct-preference-optimization"


def test_card_gathers_names_papers_relations_and_neighbours(graph):
    card = analysis.card(graph, "dpo")
    assert (card.label, card.type, card.papers) == ("Direct Preference Optimization", "Method", 3)
    assert card.aliases == {"DPO": 3, "Direct Preference Optimization": 1, "dpo": 1}
    assert card.papers_by_relation == {"introduces": 1, "uses": 1, "mentions": 1}
    assert card.introduced_by == ["DPO: your language model is secretly a reward model"]
    links = {(link.relation, link.outgoing, link.other, link.support) for link in card.links}
    assert links == {
        ("outperforms", True, "method:ppo", 2),
        ("evaluated_on", True, "benchmark:mt-bench", 1),
    }
    assert card.neighbours[0] == ("PPO", 3)
    text = str(card)
    assert text.splitlines()[0] == "Direct Preference Optimization  [method:direct-preference-optimization]"
    assert "outperforms   -> PPO  (support 2)" in text


def test_an_unknown_name_is_an_error_with_a_close_match(graph):
    with pytest.raises(KgError, match=r"no entity named 'PPPO' in the graph; did you mean 'PPO'\?"):
        analysis.card(graph, "PPPO")
    with pytest.raises(KgError, match=r"no entity named 'zzz' in the graph$"):
        analysis.find(graph, "zzz")


def test_top_entities_by_papers_and_by_centrality(graph):
    assert [node for node, *_ in analysis.top_entities(graph, n=2)] == [
        "method:direct-preference-optimization",
        "method:ppo",
    ], "ties go to the smaller id"
    assert analysis.top_entities(graph, type="Dataset") == [("dataset:coco", "COCO", 2.0)]
    by_degree = analysis.top_entities(graph, by="degree", n=1)
    assert by_degree[0][0] == "method:ppo"
    betweenness = dict(
        (node, score) for node, _, score in analysis.top_entities(graph, by="betweenness", n=100)
    )
    assert betweenness["method:ppo"] > 0 and betweenness["dataset:coco"] == 0
    with pytest.raises(KgError, match="unknown ranking"):
        analysis.top_entities(graph, by="fame")


def test_pagerank_scores_sum_to_one(graph):
    pytest.importorskip("scipy")
    pagerank = analysis.top_entities(graph, by="pagerank", n=100)
    assert sum(score for *_, score in pagerank) == pytest.approx(1.0)


def test_communities_separate_the_two_topics(graph):
    groups = analysis.communities(graph)
    assert ["dataset:coco", "model:clip", "model:vit"] in groups
    assert any({"method:direct-preference-optimization", "method:ppo"} <= set(g) for g in groups)


def test_co_mentions_table_is_strongest_first(graph):
    pytest.importorskip("pandas")
    table = analysis.co_mentions(graph)
    assert list(table.columns) == ["source", "target", "source_label", "target_label", "weight"]
    assert table.iloc[0].to_dict() == {
        "source": "method:direct-preference-optimization", "target": "method:ppo",
        "source_label": "Direct Preference Optimization", "target_label": "PPO", "weight": 3,
    }  # fmt: skip
    assert list(table["weight"]) == sorted(table["weight"], reverse=True)


def test_summary_counts_papers_entities_and_edges(graph):
    summary = analysis.summary(graph)
    assert summary.papers == 5
    assert summary.entities == {"Benchmark": 1, "Dataset": 1, "Method": 3, "Model": 2, "Task": 1}
    assert summary.edges["outperforms"] == 1 and summary.edges["introduces"] == 1
    assert sum(summary.edges.values()) == graph.number_of_edges()
    assert summary.supported_edges >= 1


def test_cli_show_and_stats(folder, capsys):
    assert main(["show", "DPO", "--graph", str(folder)]) == 0
    assert capsys.readouterr().out.startswith("Direct Preference Optimization  [method:")
    assert main(["show", "PPPO", "--graph", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "did you mean 'PPO'?" in err
    assert main(["stats", "--graph", str(folder)]) == 0
    assert "papers            5" in capsys.readouterr().out


def test_kg_show_dpo_on_the_seed_graph(tmp_path, capsys):
    extracted = list(extract(read([ROOT / "seeds"])))
    (tmp_path / "kg.json").write_text(to_json(build_graph(extracted, resolve(extracted))))
    assert main(["show", "dpo", "--graph", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith("[method:dpo]") or "Direct Preference Optimization" in lines[0]
    assert lines[1].startswith("type        Method")
    assert "DPO (" in lines[2]
    assert int(lines[3].split()[1]) >= 5, "DPO is named by at least five seed papers"


def test_communities_of_a_subgraph_do_not_depend_on_the_hash_seed():
    # A subgraph view of under half a graph lists its nodes in set order, which changes with
    # PYTHONHASHSEED; on a ring, many splits are equally good, so Louvain's answer would follow it.
    code = """
import json, networkx as nx
from kg.analysis import communities
g = nx.MultiDiGraph()
ring = [f"method:m{i:02d}" for i in range(30)]
g.add_nodes_from(ring + [f"model:x{i:02d}" for i in range(40)], type="Method")
for a, b in zip(ring, ring[1:] + ring[:1]):
    g.add_edge(a, b, "co_mentioned", relation="co_mentioned", weight=1, evidence=[{"paper": "p"}])
print(json.dumps(communities(g.subgraph(ring), min_size=1)))
"""
    answers = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for hash_seed in ("1", "2", "3", "4")
    }
    assert len(answers) == 1 and len(json.loads(answers.pop())) > 1
