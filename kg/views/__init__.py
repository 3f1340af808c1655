"""Interactive HTML views of the graph, drawn by vis-network through Pyvis.

Every view is a standalone page that works offline: vis-network is copied once
from the installed Pyvis package into the output folder's ``lib/`` and linked
relatively. Input text reaches the page only as JSON data (escaped by
``tojson``) and as plain-text tooltips, so a hostile title cannot run script.
Every page keeps Pyvis's page-global ``network`` (a ``vis.Network``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import networkx as nx
import pyvis
from pyvis.network import Network

COLORS = {
    "Paper": "#9e9e9e",
    "Method": "#1f77b4",
    "Model": "#d62728",
    "Dataset": "#2ca02c",
    "Benchmark": "#ff7f0e",
    "Task": "#9467bd",
    "Metric": "#8c564b",
}
SHAPES = {"Paper": "square"}
VIS_LIB = "vis-9.1.2"
_TEMPLATE_DIR = Path(__file__).parent
_OPTIONS = {
    "physics": {"solver": "forceAtlas2Based", "stabilization": {"iterations": 300}},
    "interaction": {"hover": True, "tooltipDelay": 150},
    "edges": {"smooth": False, "color": {"opacity": 0.4}},
}


def copy_assets(folder: Path) -> None:
    """Put vis-network into ``folder/lib`` (once), where every view links it from."""
    target = folder / "lib" / VIS_LIB
    if not target.is_dir():
        shutil.copytree(Path(pyvis.__file__).parent / "templates" / "lib" / VIS_LIB, target)


def _tooltip(node: str, data: dict) -> str:
    if data["type"] == "Paper":
        return f"{data['title']}\n(paper)"
    aliases = ", ".join(sorted(data["aliases"]))
    return f"{data['label']}\n{data['type']} · {data['papers']} papers\naliases: {aliases}"


def render_html(graph: nx.MultiDiGraph, heading: str) -> str:
    """The HTML page of ``graph``, with node and edge lists assigned directly.

    Pyvis's ``add_node``/``add_edge`` check for duplicates with a linear scan per
    call (quadratic in the graph); assigning the lists is linear.
    """
    net = Network(height="calc(100vh - 3rem)", width="100%", directed=True, heading=heading)
    net.set_template_dir(str(_TEMPLATE_DIR), "template.html")
    net.nodes = [
        {
            "id": node,
            "label": data["label"] if data["type"] != "Paper" else "",
            "title": _tooltip(node, data),
            "group": data["type"],
            "color": COLORS[data["type"]],
            "shape": SHAPES.get(data["type"], "dot"),
            "value": data.get("papers", 1),
        }
        for node, data in graph.nodes(data=True)
    ]
    net.edges = [
        {"from": source, "to": target, "title": data["relation"], "arrows": "to"}
        for source, target, data in graph.edges(data=True)
    ]
    template = net.templateEnv.get_template(net.path)
    return template.render(
        nodes=net.nodes, edges=net.edges, options=_OPTIONS, heading=heading, legend=COLORS,
        width=net.width, height=net.height, bgcolor=net.bgcolor,
    )  # fmt: skip
