"""One HTML page: a view's nodes and edges as data, drawn by vis-network.

Input text (titles, names, sentences) reaches the page only as JSON inside a
``<script type="application/json">`` block, written by Jinja's ``tojson``, which
escapes ``<``, ``>``, ``&`` and ``'``, so no title can close the block. The page
script then shows that text only as text: DOM ``textContent`` and vis-network 9's
string tooltips, which it renders as text. The rest of the page goes through
Jinja with autoescaping on, and the page's Content-Security-Policy runs only
vis-network (a file) and the page script (by its hash).

Node and edge lists are built here and handed to vis-network whole; nothing goes
through Pyvis's ``add_node``/``add_edge``, whose duplicate check is a linear scan
per call (quadratic over a graph).
"""

from __future__ import annotations

import base64
import hashlib
import heapq
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import jinja2
import networkx as nx

from kg.views.layout import force_layout
from kg.views.rank import PAPER, edge_strength, is_paper
from kg.views.style import NODE_STYLES, UNDIRECTED_RELATIONS, UNKNOWN_TYPE

VIS_LIB = "vis-9.1.2"  # the vis-network build that Pyvis ships, copied to lib/ beside the pages
TOP_PAPERS = 5
MAX_EDGES = 6000
_PAPER_LABEL = 32
# A paper's strongest link to an entity comes first when choosing its top papers.
_RELATION_RANK = {"introduces": 0, "evaluated_on": 1, "uses": 2, "addresses": 3, "mentions": 4}
_TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent), autoescape=True, keep_trailing_newline=True
)
_SCRIPT = (Path(__file__).parent / "view.js").read_text(encoding="utf-8")
# The page's Content-Security-Policy allows this one inline script, by its hash, and
# nothing but files: no request leaves the machine, and an inline handler such as
# onerror=... would not run even if markup got in.
_SCRIPT_HASH = base64.b64encode(hashlib.sha256(_SCRIPT.encode()).digest()).decode()


@dataclass
class View:
    """What one page shows: which nodes of the graph, most important first, and how.

    ``colors`` overrides the type colour of some nodes, and ``legend`` then says what
    the colours mean; ``focus`` is the node an ego view is about; edges whose relation
    is in ``hidden_relations`` are left off the page.
    """

    file: str
    name: str
    nodes: list[str]
    note: str = ""
    colors: dict[str, str] = field(default_factory=dict)
    legend: list[tuple[str, str]] = field(default_factory=list)
    focus: str | None = None
    hidden_relations: frozenset[str] = frozenset()
    paper_labels: bool = False


def render_page(
    graph: nx.MultiDiGraph,
    view: View,
    links: list[tuple[str, str]],
    *,
    heading: str,
    physics_limit: int,
    max_edges: int = MAX_EDGES,
    top_papers: dict[str, list[str]] | None = None,
) -> str:
    """The standalone HTML page of ``view``, linking the other pages in ``links`` (name, file).

    Views of up to ``physics_limit`` nodes settle with vis-network's physics, from
    positions computed here, and then freeze; larger ones are drawn at those
    positions with physics off. A page shows its ``max_edges`` strongest edges at most.
    ``top_papers`` keeps each entity's top papers for the next page of the same graph
    (an entity is on several pages, and finding them walks every paper that names it).

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("paper:x", type="Paper", label="<img src=x onerror=alert(1)>", title="<img src=x>")
    >>> html = render_page(g, View("a.html", "A", ["paper:x"]), [], heading="kg", physics_limit=10)
    >>> "new vis.Network" in html and "<img" not in html
    True
    """
    shown = dict.fromkeys(view.nodes)
    edges = [
        {"from": source, "to": target, "rel": data.get("relation", key), "value": edge_strength(data)}
        for source in shown
        for _, target, key, data in graph.out_edges(source, keys=True, data=True)
        if target in shown and data.get("relation", key) not in view.hidden_relations
    ]
    if len(edges) > max_edges:
        # Edges, not nodes, are what make a large page heavy: thousands of papers' links.
        kept = sorted(range(len(edges)), key=lambda i: -edges[i]["value"])[:max_edges]
        edges = [edges[i] for i in sorted(kept)]
    positions = force_layout(list(shown), [(edge["from"], edge["to"]) for edge in edges])
    papers: dict[str, dict[str, object]] = {}
    top = {} if top_papers is None else top_papers
    nodes = [_node_record(graph, node, view, papers, top) | _xy(positions[node]) for node in shown]
    physics = len(nodes) <= physics_limit
    data = {
        "nodes": nodes,
        "edges": edges,
        "papers": papers,
        "styles": {kind: vars(style) for kind, style in {**NODE_STYLES, "": UNKNOWN_TYPE}.items()},
        "undirected": sorted(UNDIRECTED_RELATIONS),
        "focus": view.focus,
        "recoloured": bool(view.colors),
        "options": _options(physics),
    }
    return _TEMPLATES.get_template("template.html").render(
        heading=heading,
        view=view,
        links=links,
        data=data,
        vis=VIS_LIB,
        script=_SCRIPT,
        script_hash=_SCRIPT_HASH,
    )


def paper_links(data: dict) -> list[tuple[str, str]]:
    """Where a paper can be read: arXiv and Hugging Face for an arXiv id, its DOI, its URL.

    >>> paper_links({"arxiv_id": "2305.18290", "url": "javascript:alert(1)"})
    [('arXiv', 'https://arxiv.org/abs/2305.18290'), ('Hugging Face', 'https://huggingface.co/papers/2305.18290')]
    """
    links = []
    if arxiv_id := data.get("arxiv_id"):
        links += [
            ("arXiv", f"https://arxiv.org/abs/{quote(arxiv_id)}"),
            ("Hugging Face", f"https://huggingface.co/papers/{quote(arxiv_id)}"),
        ]
    if doi := data.get("doi"):
        links.append(("DOI", f"https://doi.org/{quote(doi, safe='/')}"))
    if _is_web(url := data.get("url")) and url not in dict(links).values():
        links.append(("web", url))
    return links


def _node_record(
    graph: nx.MultiDiGraph, node: str, view: View, papers: dict[str, dict], top_papers: dict[str, list[str]]
) -> dict[str, object]:
    data = graph.nodes[node]
    kind = data.get("type", "")
    record: dict[str, object] = {"id": node, "kind": kind}
    if kind == PAPER:
        _index_paper(graph, node, papers)
        title = data.get("title") or data.get("label") or node
        record["label"] = _shorten(title) if view.paper_labels else ""
        record["count"] = sum(1 for target in graph.successors(node) if not is_paper(graph, target))
        record["value"] = 1
    else:
        label = data.get("label", node)
        aliases = sorted(data.get("aliases", {}).items(), key=lambda item: (-item[1], item[0]))
        if (top := top_papers.get(node)) is None:
            top = top_papers[node] = _top_papers(graph, node)
        for paper in top:
            _index_paper(graph, paper, papers)
        record |= {
            "label": label,
            "count": data.get("papers", 0),
            "value": data.get("papers", 0),
            "aliases": [alias for alias, _ in aliases if alias != label],
            "top": top,
            "ext": [
                (source, ref) for source, ref in sorted(data.get("external", {}).items()) if _is_web(ref)
            ],
        }
    if node in view.colors:
        record["color"] = view.colors[node]
    return record


def _top_papers(graph: nx.MultiDiGraph, entity: str) -> list[str]:
    # One pass over a popular entity's thousands of papers, each ranked by its strongest link.
    best: dict[str, tuple[int, int]] = {}
    nodes = graph.nodes
    for source, _, key, data in graph.in_edges(entity, keys=True, data=True):
        if nodes[source].get("type") == PAPER:
            rank = (_RELATION_RANK.get(data.get("relation", key), len(_RELATION_RANK)), -edge_strength(data))
            if source not in best or rank < best[source]:
                best[source] = rank
    return [source for *_, source in heapq.nsmallest(TOP_PAPERS, ((*r, s) for s, r in best.items()))]


def _index_paper(graph: nx.MultiDiGraph, paper: str, papers: dict[str, dict]) -> None:
    if paper not in papers:
        data = graph.nodes[paper]
        papers[paper] = {"title": data.get("title") or data.get("label") or paper, "links": paper_links(data)}


def _xy(position: tuple[float, float]) -> dict[str, float]:
    return {"x": position[0], "y": position[1]}


def _shorten(text: str) -> str:
    return text if len(text) <= _PAPER_LABEL else text[: _PAPER_LABEL - 1].rstrip() + "…"


def _is_web(ref: object) -> bool:
    return isinstance(ref, str) and ref.startswith(("https://", "http://"))


def _options(physics: bool) -> dict[str, object]:
    """vis-network options: positions come from Python, so its own initial layout is off."""
    return {
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 70, "avoidOverlap": 0.2},
            "stabilization": {"iterations": 120, "updateInterval": 25},
        },
        "layout": {"improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": not physics},
        "nodes": {
            "scaling": {
                "min": 6,
                "max": 34,
                "label": {"enabled": True, "min": 12, "max": 32, "drawThreshold": 3},
            },
            "font": {"size": 12, "face": "system-ui, sans-serif"},
            "borderWidth": 1,
        },
        "edges": {
            "smooth": False,
            "color": {"color": "#b5b5b5", "highlight": "#444444", "hover": "#666666", "opacity": 0.7},
            "scaling": {"min": 1, "max": 6},
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.4}},
        },
    }
