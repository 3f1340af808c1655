import json

import networkx as nx
import pytest
from markup import marked

import kg
from kg.errors import KgError
from kg.graph import build_graph, to_json, write_json
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


def test_written_json_is_node_link_data_with_sorted_keys_one_record_a_line(tmp_path):
    graph = sample_graph()
    write_json(graph, tmp_path / "kg.json")
    text = (tmp_path / "kg.json").read_text(encoding="utf-8")
    assert text == to_json(graph)
    written = json.loads(text)
    assert written.pop("evidence_items") == "[paper, field, start, end, sentence start, sentence end]"
    nodes = {node["id"]: node for node in written["nodes"]}
    for edge in written["edges"]:
        edge["evidence"] = [
            {"paper": p, "field": f, "start": s, "end": e, "sentence": nodes[f"paper:{p}"][f][at:to]}
            for p, f, s, e, at, to in edge["evidence"]
        ]
    # An evidence record (see kg.graph.EvidenceRecord) is written as its dict.
    assert written == json.loads(json.dumps(nx.node_link_data(graph, edges="edges"), default=dict))
    assert len(text.splitlines()) == 3 + graph.number_of_nodes() + graph.number_of_edges()
    assert nx.utils.graphs_equal(kg.load(tmp_path), graph)


def test_entity_relations_carry_evidence_support_and_co_mention_weight():
    found = [
        marked("p1", "[SimPO|Method] outperforms [DPO|Method] on [AlpacaEval|Benchmark]."),
        marked("p2", "[SimPO|Method] beats [DPO|Method]."),
    ]
    graph = build_graph(found, resolve(found))
    outperforms = graph.edges["method:simpo", "method:dpo", "outperforms"]
    assert outperforms["relation"] == "outperforms" and outperforms["support"] == 2
    assert outperforms["evidence"][1] == {
        "paper": "p2", "field": "abstract", "start": 0, "end": 15, "sentence": "SimPO beats DPO.",
    }  # fmt: skip
    co = graph.edges["method:dpo", "method:simpo", "co_mentioned"]
    assert co["weight"] == co["support"] == 2
    assert not graph.has_edge("method:simpo", "method:dpo", "co_mentioned")
    assert graph.edges["paper:p1", "method:simpo", "mentions"]["support"] == 1


def test_a_co_mention_weighs_every_paper_in_the_entity_graph_though_its_evidence_is_examples(tmp_path):
    found = [marked(f"p{i}", "[SimPO|Method] and [DPO|Method] align.") for i in range(5)]
    write_json(build_graph(found, resolve(found)), tmp_path / "kg.json")
    graph = kg.load(tmp_path)
    co = graph.edges["method:dpo", "method:simpo", "co_mentioned"]
    assert co["weight"] == co["support"] == 5 and len(co["evidence"]) < 5
    assert co["evidence"][0]["sentence"] == "SimPO and DPO align."
    assert kg.load(tmp_path, kind="entities").edges["method:dpo", "method:simpo"]["weight"] == 5


def test_evidence_whose_sentence_is_not_in_its_paper_is_written_as_it_is(tmp_path):
    graph = nx.MultiDiGraph()
    graph.add_node("paper:p1", type="Paper", title="T", abstract="We use DPO.")
    graph.add_node("method:dpo", type="Method", label="DPO")
    quoted = {"paper": "p1", "field": "abstract", "start": 7, "end": 10, "sentence": "Said elsewhere."}
    loose = {"paper": "p2", "note": "not a statement of this graph"}
    graph.add_edge("paper:p1", "method:dpo", key="uses", relation="uses", evidence=[quoted, loose], support=1)
    write_json(graph, tmp_path / "kg.json")
    assert nx.utils.graphs_equal(kg.load(tmp_path), graph)
    assert kg.load(tmp_path).edges["paper:p1", "method:dpo", "uses"]["evidence"] == [quoted, loose]


def test_a_graph_file_whose_evidence_names_a_missing_paper_is_refused(tmp_path):
    (tmp_path / "kg.json").write_text(
        '{"directed":true,"multigraph":true,"graph":{},"nodes":[{"id":"method:a"}],'
        '"edges":[{"source":"method:a","target":"method:a","key":"x","evidence":[["p9","abstract",0,1,0,2]]}]}'
    )
    with pytest.raises(KgError, match=r"kg\.json: evidence names a paper or field"):
        kg.load(tmp_path)


def test_paper_nodes_keep_the_metadata_the_input_had():
    paper = Paper("p1", "T", "A", authors=("Ada", "Alan"), date="2024-01-02", arxiv_id="2401.00001")
    graph = build_graph([PaperMentions(paper, ())], resolve([]))
    assert graph.nodes["paper:p1"] == {
        "type": "Paper", "label": "T", "title": "T", "abstract": "A",
        "authors": ["Ada", "Alan"], "date": "2024-01-02", "arxiv_id": "2401.00001",
    }  # fmt: skip


def test_load_entities_gives_a_weighted_entity_graph(tmp_path):
    found = [
        marked("p1", "[SimPO|Method] outperforms [DPO|Method]."),
        marked("p2", "[DPO|Method] and [SimPO|Method] are compared. We use [PPO|Method]."),
    ]
    (tmp_path / "kg.json").write_text(to_json(build_graph(found, resolve(found))))
    entities = kg.load(tmp_path, kind="entities")
    assert isinstance(entities, nx.Graph) and not entities.is_directed()
    assert sorted(entities) == ["method:dpo", "method:ppo", "method:simpo"]
    assert entities.edges["method:dpo", "method:simpo"] == {
        "weight": 2,
        "relations": ["co_mentioned", "outperforms"],
    }
    assert entities.nodes["method:ppo"]["label"] == "PPO"
    with pytest.raises(KgError, match="unknown kind"):
        kg.load(tmp_path, kind="papers")


def test_a_graph_that_releases_the_extractions_empties_their_list_and_is_the_same_graph():
    found = [
        marked("p1", "[SimPO|Method] outperforms [DPO|Method] on [AlpacaEval|Benchmark]."),
        marked("p2", "[LLaMA-2-7B|Model] and [LLaMA-2|Model] beat [DPO|Method]."),
    ]
    resolution = resolve(found)
    handed = list(found)
    released = build_graph(handed, resolution, release=True)
    assert handed == []
    kept = build_graph(found, resolution)
    assert nx.utils.graphs_equal(released, kept) and list(released.edges) == list(kept.edges)
    assert to_json(released) == to_json(kept)
