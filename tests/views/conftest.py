"""A small graph in the shape of the graph contract, hostile titles and unknown relations included."""

import networkx as nx
import pytest

XSS_TITLE = "<img src=x onerror=alert(1)>"


def paper(graph: nx.MultiDiGraph, node: str, title: str, **metadata: str) -> None:
    graph.add_node(node, type="Paper", label=title, title=title, abstract="", **metadata)


def entity(graph: nx.MultiDiGraph, node: str, kind: str, label: str, papers: int, *aliases: str) -> None:
    names = {label: papers, **{alias: 1 for alias in aliases}}
    graph.add_node(
        node, type=kind, label=label, aliases=names, type_votes={kind: papers}, papers=papers, external={}
    )


def link(graph: nx.MultiDiGraph, source: str, target: str, relation: str, support: int = 1, **extra) -> None:
    evidence = [{"paper": source, "field": "abstract", "start": 0, "end": 1, "sentence": "<b>x</b>"}]
    graph.add_edge(
        source, target, key=relation, relation=relation, evidence=evidence, support=support, **extra
    )


@pytest.fixture
def graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    paper(g, "paper:xss", XSS_TITLE, arxiv_id="2305.18290", url="javascript:alert(3)")
    paper(g, "paper:plain", "Plain Paper")
    paper(g, "paper:other", "Other Paper")
    entity(g, "method:dpo", "Method", "DPO", 3, "Direct Preference Optimization")
    entity(g, "method:rlhf", "Method", "RLHF", 2)
    entity(g, "benchmark:mt-bench", "Benchmark", "MT-Bench", 1)
    entity(g, "gadget:widget", "Gadget", "Widget", 1)  # a type the views do not know yet
    g.nodes["method:dpo"]["external"] = {
        "pwc": "https://paperswithcode.com/method/dpo",
        "bad": "javascript:x",
    }
    for source in ["paper:xss", "paper:plain", "paper:other"]:
        link(g, source, "method:dpo", "introduces" if source == "paper:xss" else "mentions")
    link(g, "paper:plain", "method:rlhf", "uses")
    link(g, "paper:other", "method:rlhf", "mentions")
    link(g, "paper:xss", "benchmark:mt-bench", "evaluated_on")
    link(g, "paper:other", "gadget:widget", "mentions")
    link(g, "method:dpo", "method:rlhf", "co_mentioned", 2, weight=2)
    link(g, "method:dpo", "benchmark:mt-bench", "frobnicates")  # a relation the views do not know yet
    return g
