"""The seed build's overview and an ego page, opened in a real headless Chromium from file://.

The build reads the seed page plus two papers with hostile titles (tests/data/views/xss.jsonl),
so the same pages also show that a title never runs as markup. Every request that is not
file:// is aborted and recorded; there must be none.
"""

import json
from pathlib import Path

import networkx as nx
import pytest

from kg.views.browser import CHROMIUM

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)"
)

ROOT = Path(__file__).parent.parent.parent
XSS_TITLES = ["<img src=x onerror=alert(1)>", "</script><script>alert(2)</script>"]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    import kg
    from kg.views import write_ego_view

    out = tmp_path_factory.mktemp("graphs")
    kg.build([ROOT / "seeds", ROOT / "tests" / "data" / "views" / "xss.jsonl"], out)
    write_ego_view(kg.load(out), out, "DPO")
    return out


@pytest.fixture(scope="module")
def graph(built) -> nx.MultiDiGraph:
    return nx.node_link_graph(json.loads((built / "kg.json").read_text()), edges="edges")


@pytest.fixture(scope="module")
def dpo(graph) -> str:
    named = [n for n, d in graph.nodes(data=True) if d["type"] != "Paper" and "DPO" in d.get("aliases", {})]
    assert named, "the build found no entity called DPO"
    return max(named, key=lambda n: graph.nodes[n]["papers"])


@pytest.fixture(scope="module")
def browser():
    from kg.views.browser import offline_page

    with offline_page() as opened:
        yield opened


def expected_overview(graph: nx.MultiDiGraph, cap: int = 150) -> int:
    """The overview's rule, restated: the cap entities in most papers (ties by id), and their papers."""
    ranked = sorted((-d["papers"], n) for n, d in graph.nodes(data=True) if d["type"] != "Paper")
    entities = {n for _, n in ranked[:cap]}
    papers = {u for u, v in graph.edges() if v in entities and graph.nodes[u]["type"] == "Paper"}
    return len(entities) + min(len(papers), cap)


def expected_ego(graph: nx.MultiDiGraph, center: str, depth: int = 2, cap: int = 200) -> int:
    """Every node within ``depth`` steps, or exactly ``cap`` of them where there are more."""
    reach = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), center, cutoff=depth)
    return min(len(reach), cap)


def rendered_nodes(browser) -> list[int]:
    """Nodes in the page's vis DataSet, and nodes vis-network is drawing."""
    return browser.page.evaluate("[network.body.data.nodes.length, network.body.nodeIndices.length]")


def search(browser, text: str, node: str) -> None:
    """Type ``text`` into the search box and wait until ``node`` is in the middle of the view."""
    browser.page.fill("#search-box", text)
    browser.page.press("#search-box", "Enter")
    browser.page.wait_for_function(
        """id => {
            const p = network.getPositions([id])[id], v = network.getViewPosition();
            return Math.hypot(p.x - v.x, p.y - v.y) < 1;
        }""",
        arg=node,
    )


@pytest.mark.parametrize("page", ["index.html", "ego"])
def test_page_opens_offline_without_errors_with_every_node(browser, built, graph, dpo, page):
    path = built / (f"ego-{dpo.replace(':', '-')}.html" if page == "ego" else page)
    browser.open(path)
    expected = expected_overview(graph) if page == "index.html" else expected_ego(graph, dpo)
    assert rendered_nodes(browser) == [expected, expected]
    assert browser.requests_blocked == [], "the page asked for something that is not on disk"
    assert browser.console_errors == []


@pytest.mark.parametrize("page", ["index.html", "ego"])
def test_search_box_focuses_dpo(browser, built, graph, dpo, page):
    browser.open(built / (f"ego-{dpo.replace(':', '-')}.html" if page == "ego" else "index.html"))
    search(browser, "DPO", dpo)
    assert browser.page.evaluate("network.getSelectedNodes()") == [dpo]
    assert browser.page.text_content("#details h2") == graph.nodes[dpo]["label"]


def test_hostile_titles_show_as_text_and_run_nothing(browser, built, graph):
    browser.open(built / "index.html")
    for title in XSS_TITLES:
        node = next(n for n, d in graph.nodes(data=True) if d.get("title") == title)
        search(browser, title, node)
        assert browser.page.evaluate("network.getSelectedNodes()") == [node]
        assert browser.page.text_content("#details h2") == title
        # Hovering shows the tooltip, which holds the title as text.
        box = browser.page.locator("#mynetwork").bounding_box()
        spot = browser.page.evaluate("id => network.canvasToDOM(network.getPositions([id])[id])", node)
        browser.page.mouse.move(box["x"] + spot["x"], box["y"] + spot["y"], steps=4)
        browser.page.wait_for_selector("div.vis-tooltip", state="visible")
        assert title in browser.page.text_content("div.vis-tooltip")
    assert browser.page.evaluate("document.querySelectorAll('img, main script, #details script').length") == 0
    assert browser.dialogs == [], "a title ran as script"
    assert browser.console_errors == []


def test_layout_freezes_and_filters_hide_nodes(browser, built, graph):
    browser.open(built / "index.html")
    assert browser.page.evaluate("network.physics.physicsEnabled") is False, "physics is off once settled"
    total, _ = rendered_nodes(browser)
    papers = browser.page.evaluate("nodes.get({filter: n => n.kind === 'Paper'}).length")
    browser.page.uncheck("#types input[value=Paper]")
    assert rendered_nodes(browser) == [total, total - papers], "hidden, not removed"
    browser.page.fill("#min-papers", "3")
    frequent = browser.page.evaluate("nodes.get({filter: n => n.kind !== 'Paper' && n.count >= 3}).length")
    assert 0 < frequent < total - papers
    assert rendered_nodes(browser) == [total, frequent]


def test_click_lights_up_the_neighbourhood(browser, built, dpo):
    browser.open(built / "index.html")
    search(browser, "DPO", dpo)
    box = browser.page.locator("#mynetwork").bounding_box()
    spot = browser.page.evaluate("id => network.canvasToDOM(network.getPositions([id])[id])", dpo)
    empty = browser.page.evaluate(  # a corner with no node or edge on it (they move with the layout)
        """box => [[5, 5], [box.width - 5, 5], [5, box.height - 5], [box.width - 5, box.height - 5]]
            .find(([x, y]) => !network.getNodeAt({x, y}) && !network.getEdgeAt({x, y}))""",
        box,
    )
    browser.page.mouse.click(box["x"] + empty[0], box["y"] + empty[1])  # empty canvas: everything lit again
    assert browser.page.evaluate("nodes.get({filter: n => n.color === DIMMED}).length") == 0
    browser.page.mouse.click(box["x"] + spot["x"], box["y"] + spot["y"])
    lit = browser.page.evaluate("nodes.get({filter: n => n.color !== DIMMED}).map(n => n.id)")
    ends = browser.page.evaluate("id => edges.get().filter(e => e.from === id || e.to === id)", dpo)
    assert ends, "DPO is linked on the page"
    assert set(lit) == {dpo} | {end for edge in ends for end in (edge["from"], edge["to"])}


def test_page_policy_blocks_injected_handlers_and_requests(browser, built):
    """Defence in depth: even markup that got onto the page could neither run nor send anything."""
    browser.open(built / "index.html")
    browser.page.evaluate("""() => {
        document.body.insertAdjacentHTML("beforeend", '<img src="x.png" onerror="window.ran = 1">');
        fetch("https://example.com/").catch(() => {});
    }""")
    browser.page.wait_for_timeout(300)
    assert browser.page.evaluate("window.ran") is None
    assert browser.requests_blocked == [], "the page's policy stopped the request before it was made"
    assert any("Content Security Policy" in error for error in browser.console_errors)
