"""The pages' content, read back from their HTML: what each view shows, and that input stays text."""

import json
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from conftest import XSS_TITLE, entity, link, paper

from kg.errors import KgError
from kg.views import ViewOptions, copy_assets, write_ego_view, write_views

ROOT = Path(__file__).parent.parent.parent


def page_data(path: Path) -> dict:
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', path.read_text(), re.S)
    assert match, f"{path.name} has no data block"
    return json.loads(match.group(1))


def node_ids(path: Path) -> set[str]:
    return {node["id"] for node in page_data(path)["nodes"]}


@pytest.fixture
def written(graph, tmp_path) -> dict[str, Path]:
    copy_assets(tmp_path)
    return {path.name: path for path in write_views(graph, tmp_path)}


def test_every_view_is_written_and_links_the_others(written):
    assert sorted(written) == [
        "communities.html", "index.html", "papers.html",
        "type-benchmark.html", "type-gadget.html", "type-method.html",
    ]  # fmt: skip
    index = written["index.html"].read_text()
    for name in written:
        assert f'href="{name}"' in index


def test_pages_load_nothing_remote_and_keep_the_global_network(written):
    for path in written.values():
        html = path.read_text()
        assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:[a-z]+:)?//""", html), path.name
        assert '<script src="lib/vis-9.1.2/vis-network.min.js">' in html
        assert "var network = new vis.Network(" in html
    assert (written["index.html"].parent / "lib" / "vis-9.1.2" / "vis-network.min.js").is_file()


def test_hostile_text_never_appears_as_markup(written):
    for path in written.values():
        html = path.read_text()
        assert "<img" not in html and "onerror" not in html.replace("onerror=alert(1)", "")
        assert "<b>x</b>" not in html
    data = page_data(written["index.html"])
    assert data["papers"]["paper:xss"]["title"] == XSS_TITLE, "the title reaches the page intact, as data"


def test_links_are_web_links_only(written):
    data = page_data(written["index.html"])
    assert data["papers"]["paper:xss"]["links"] == [
        ["arXiv", "https://arxiv.org/abs/2305.18290"],
        ["Hugging Face", "https://huggingface.co/papers/2305.18290"],
    ]
    dpo = next(node for node in data["nodes"] if node["id"] == "method:dpo")
    assert dpo["ext"] == [["pwc", "https://paperswithcode.com/method/dpo"]]
    assert dpo["aliases"] == ["Direct Preference Optimization"]
    assert dpo["top"][0] == "paper:xss", "the paper introducing an entity comes first"


def test_overview_caps_entities_by_papers_and_adds_their_papers(graph, tmp_path):
    index = write_views(graph, tmp_path, ViewOptions(cap=2))[0]
    # Papers are capped too: the two linking the most of the entities shown.
    assert node_ids(index) == {"method:dpo", "method:rlhf", "paper:plain", "paper:other"}
    assert "the 2 entities in the most papers, of 4" in index.read_text()
    relations = {edge["rel"] for edge in page_data(index)["edges"]}
    assert "co_mentioned" not in relations, "papers on the page already show what co-mention says"


def test_overview_without_papers_shows_entity_relations(graph, tmp_path):
    index = write_views(graph, tmp_path, ViewOptions(papers=False))[0]
    data = page_data(index)
    assert {node["kind"] for node in data["nodes"]} == {"Method", "Benchmark", "Gadget"}
    assert {edge["rel"] for edge in data["edges"]} == {"co_mentioned", "frobnicates"}
    assert data["undirected"] == ["co_mentioned"]


def test_type_view_holds_one_type_and_unknown_types_get_a_style(written):
    assert {n["kind"] for n in page_data(written["type-method.html"])["nodes"]} == {"Method", "Paper"}
    data = page_data(written["type-gadget.html"])
    assert [n["kind"] for n in data["nodes"]] == ["Gadget", "Paper"]
    assert "" in data["styles"], "the page has a style for types it does not know"


def test_papers_view_shows_every_paper_with_its_entities(written):
    papers = {"paper:xss", "paper:plain", "paper:other"}
    entities = {"method:dpo", "method:rlhf", "benchmark:mt-bench", "gadget:widget"}
    assert node_ids(written["papers.html"]) == papers | entities


def test_community_view_colours_separate_groups_apart(tmp_path):
    g = nx.MultiDiGraph()
    for group in ("a", "b"):
        for i in range(3):
            entity(g, f"method:{group}{i}", "Method", f"{group}{i}", 1)
        for i, j in [(0, 1), (1, 2), (0, 2)]:
            link(g, f"method:{group}{i}", f"method:{group}{j}", "based_on")
    colors = {n["id"]: n["color"] for n in page_data(write_views(g, tmp_path)[2])["nodes"]}
    assert colors["method:a0"] == colors["method:a1"] == colors["method:a2"]
    assert colors["method:b0"] == colors["method:b1"] != colors["method:a0"]


def test_large_views_are_laid_out_in_python_with_physics_off(graph, tmp_path):
    for i in range(30):
        paper(graph, f"paper:p{i}", f"P{i}")
        link(graph, f"paper:p{i}", "method:dpo", "mentions")
    small, large = ViewOptions(physics_limit=100), ViewOptions(physics_limit=20)
    assert page_data(write_views(graph, tmp_path, small)[0])["options"]["physics"]["enabled"] is True
    data = page_data(write_views(graph, tmp_path, large)[0])
    assert data["options"]["physics"]["enabled"] is False
    positions = {(node["x"], node["y"]) for node in data["nodes"]}
    assert len(positions) == len(data["nodes"]), "every node has a position of its own"


def test_ego_view_finds_any_alias_and_stops_at_depth(graph, tmp_path):
    path = write_ego_view(graph, tmp_path, "direct preference OPTIMIZATION", depth=1)
    assert path.name == "ego-method-dpo.html"
    data = page_data(path)
    assert data["focus"] == "method:dpo"
    assert node_ids(path) == {"method:dpo", "paper:xss", "paper:plain", "paper:other", "method:rlhf",
                              "benchmark:mt-bench"}  # fmt: skip
    assert node_ids(write_ego_view(graph, tmp_path, "DPO", depth=2, cap=3)) == {
        "method:dpo", "method:rlhf", "benchmark:mt-bench",
    }, "the nearest first, and among them those in the most papers"  # fmt: skip


def test_ego_view_of_an_unknown_name_suggests_close_ones(graph, tmp_path):
    with pytest.raises(KgError, match=r"no entity named 'RLHX' in the graph; did you mean 'RLHF'\?"):
        write_ego_view(graph, tmp_path, "RLHX")


def test_kg_view_writes_beside_the_graph_or_fails_in_one_line(graph, tmp_path):
    (tmp_path / "kg.json").write_text(json.dumps(nx.node_link_data(graph, edges="edges")))

    def kg(*args):
        return subprocess.run(
            [sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=ROOT
        )

    done = kg("view", "rlhf", "--graph", str(tmp_path), "--depth", "1")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(tmp_path / "ego-method-rlhf.html")
    assert (tmp_path / "lib" / "vis-9.1.2").is_dir()
    failed = kg("view", "nothing like it", "--graph", str(tmp_path))
    assert failed.returncode == 2 and failed.stderr.count("\n") == 1
    assert "no entity named 'nothing like it'" in failed.stderr


def test_pages_keep_only_their_strongest_edges_up_to_the_cap(tmp_path):
    g = nx.MultiDiGraph()
    for i in range(4):
        entity(g, f"method:m{i}", "Method", f"M{i}", 1)
    link(g, "method:m0", "method:m1", "based_on", support=5)
    link(g, "method:m1", "method:m2", "based_on", support=1)
    link(g, "method:m2", "method:m3", "based_on", support=3)
    index = write_views(g, tmp_path, ViewOptions(max_edges=2))[0]
    assert [(edge["from"], edge["to"]) for edge in page_data(index)["edges"]] == [
        ("method:m0", "method:m1"), ("method:m2", "method:m3"),
    ]  # fmt: skip
    assert len(page_data(write_views(g, tmp_path, ViewOptions())[0])["edges"]) == 3, "the cap can be raised"
