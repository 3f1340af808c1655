"""How fast the views are made and how fast they settle in a browser.

    python benchmarks/views_speed.py                 # synthetic graphs of 500, 2,000, 10,000 nodes
    python benchmarks/views_speed.py --graph graphs  # also: the built overview's settle time

For each size it prints the time to write one page holding every node (layout,
data and HTML), the size of that page, and the time for all of a build's pages
(``write_views``). With Chromium at /usr/bin/chromium it also opens each page
offline and prints the time from navigation to a frozen layout. The target is a
2,000-node page in under 2 s.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from kg.views import ViewOptions, copy_assets, write_views
from kg.views.page import View, render_page

SIZES = (500, 2_000, 10_000)
KINDS = ("Method", "Model", "Dataset", "Benchmark", "Task", "Metric")
LINKS_PER_PAPER = 5


def synthetic_graph(nodes: int, seed: int = 0) -> nx.MultiDiGraph:
    """A graph in the contract's shape: a quarter papers, each linking entities of skewed popularity."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    papers = [f"paper:p{i}" for i in range(nodes // 4)]
    entities = [f"{KINDS[i % len(KINDS)].lower()}:e{i}" for i in range(nodes - len(papers))]
    for paper in papers:
        graph.add_node(paper, type="Paper", label=f"Paper {paper}", title=f"Paper {paper}", abstract="")
    weights = [1 / (rank + 1) for rank in range(len(entities))]
    mentioned: dict[str, set[str]] = {entity: set() for entity in entities}
    for paper in papers:
        for entity in set(rng.choices(entities, weights, k=LINKS_PER_PAPER)):
            graph.add_edge(paper, entity, "mentions", relation="mentions", evidence=[], support=1)
            mentioned[entity].add(paper)
    for i, entity in enumerate(entities):
        kind = KINDS[i % len(KINDS)]
        label = f"{kind} {i}"
        graph.add_node(
            entity, type=kind, label=label, aliases={label: 1}, type_votes={kind: 1},
            papers=len(mentioned[entity]), external={},
        )  # fmt: skip
    return graph


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--graph", type=Path, help="a build folder whose index.html to time in the browser")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="kg-views-speed-"))
    copy_assets(folder)
    options = ViewOptions()
    pages = {}
    print(f"{'nodes':>7} {'edges':>7} {'one page':>9} {'page size':>10} {'physics':>8} {'all pages':>10}")
    for size in SIZES:
        graph = synthetic_graph(size)
        start = time.perf_counter()
        view = View(f"all-{size}.html", f"{size} nodes", list(graph))
        html = render_page(graph, view, [], heading="benchmark", physics_limit=options.physics_limit)
        (folder / view.file).write_text(html, encoding="utf-8")
        one_page = time.perf_counter() - start
        start = time.perf_counter()
        subfolder = folder / str(size)
        subfolder.mkdir()
        write_views(graph, subfolder, options)
        all_pages = time.perf_counter() - start
        physics = "on" if size <= options.physics_limit else "off"
        size_mb = len(html.encode()) / 1e6
        edges = graph.number_of_edges()
        print(f"{size:>7,} {edges:>7,} {one_page:>8.2f}s {size_mb:>8.2f}MB {physics:>8} {all_pages:>9.2f}s")
        pages[f"{size:,}-node page"] = folder / view.file
    if args.graph:
        pages[f"{args.graph}/index.html"] = args.graph / "index.html"
    settle(pages)


def settle(pages: dict[str, Path]) -> None:
    from kg.views.browser import CHROMIUM, offline_page

    if not CHROMIUM.exists():
        print(f"(no Chromium at {CHROMIUM}: browser settle times skipped)", file=sys.stderr)
        return
    print("\nin Chromium, seconds from navigation to: page parsed (DOMContentLoaded), layout frozen")
    with offline_page() as browser:
        for name, path in pages.items():
            settled_ms = browser.open(path, timeout_ms=300_000)
            parsed_ms = browser.page.evaluate(
                "performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"
            )
            nodes = browser.page.evaluate("network.body.data.nodes.length")
            print(f"  {name:<32} {nodes:>6,} nodes {parsed_ms / 1000:>6.2f}s {settled_ms / 1000:>6.2f}s")
            assert not browser.requests_blocked and not browser.console_errors, (
                browser.requests_blocked, browser.console_errors
            )  # fmt: skip


if __name__ == "__main__":
    main()
