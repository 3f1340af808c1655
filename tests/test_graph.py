import networkx as nx

import kg
from kg.graph import build_graph, to_json
from kg.model import Mention, Paper, PaperMentions
from kg.resolve import resolve

TITLE = "DPG-Bench: dense prompts"
ABSTRACT = "We introduce DPG-Bench. We evaluate on MT-Bench."


def sample_graph() -> nx.MultiDiGraph:
    paper = Paper("p1", TITLE, ABSTRACT)
    mentions = (
        Mention("DPG-Bench", "Benchmark", "title", 0, 9, "introduced", (0, len(TITLE))),
        Mention("DPG-Bench", "Benchmark", "abstract", 13, 22, "introduced", (0, 23)),
        Mention("MT-Bench", "Benchmark", "abstract", 40, 48, "evaluated_on", (24, 49)),
    )
    extracted = [PaperMentions(paper, mentions)]
    return build_graph(extracted, resolve(extracted))


def test_nodes_and_edges_carry_type_label_relation_and_evidence():
    graph = sample_graph()
    assert graph.nodes["paper:p1"]["type"] == "Paper"
    assert graph.nodes["benchmark:dpg-bench"] == {
        "type": "Benchmark", "label": "DPG-Bench", "aliases": {"DPG-Bench": 2},
        "type_votes": {"Benchmark": 2}, "papers": 1, "external": {},
    }  # fmt: skip
    introduces = graph.get_edge_data("paper:p1", "benchmark:dpg-bench")
    assert list(introduces) == ["introduces"]
    assert introduces["introduces"]["support"] == 1
    assert [e["field"] for e in introduces["introduces"]["evidence"]] == ["title", "abstract"]
    evaluated = graph.get_edge_data("paper:p1", "benchmark:mt-bench")["evaluated_on"]
    assert evaluated["evidence"][0]["sentence"] == ABSTRACT[24:49]


def test_json_round_trip_through_load(tmp_path):
    graph = sample_graph()
    (tmp_path / "kg.json").write_text(to_json(graph))
    loaded = kg.load(tmp_path)
    assert isinstance(loaded, nx.MultiDiGraph)
    assert nx.utils.graphs_equal(loaded, graph)
