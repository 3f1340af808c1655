"""Interactive HTML views of the graph, drawn by vis-network (as shipped with Pyvis).

A build writes, into one folder:

- ``index.html``: the overview, the entities in the most papers (and the papers linking them);
- ``type-<type>.html``: one page per entity type;
- ``papers.html``: papers and the entities they mention;
- ``communities.html``: entities (and papers) coloured by Louvain community;
- ``lib/``: vis-network, copied once from the installed Pyvis package.

``kg view NAME`` adds ``ego-<entity>.html``: one entity and its surroundings.

Every page works offline from ``file://`` (it loads only ``lib/``, by a relative
path), keeps Pyvis's page globals ``network`` (the ``vis.Network``), ``nodes`` and
``edges``, and shows input text only as text (see :mod:`kg.views.page`).

>>> import tempfile, networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("paper:a", type="Paper", label="A", title="A")
>>> g.add_node("method:dpo", type="Method", label="DPO", papers=1, aliases={"DPO": 1})
>>> _ = g.add_edge("paper:a", "method:dpo", "introduces", relation="introduces", support=1)
>>> folder = Path(tempfile.mkdtemp())
>>> copy_assets(folder)
>>> [path.name for path in write_views(g, folder)]
['index.html', 'papers.html', 'communities.html', 'type-method.html']
>>> write_ego_view(g, folder, "dpo").name
'ego-method-dpo.html'
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pyvis

from kg.analysis import find
from kg.views.communities import COMMUNITIES_FILE, community_view
from kg.views.ego import ego_view
from kg.views.overview import INDEX_FILE, overview, type_views
from kg.views.page import MAX_EDGES, VIS_LIB, render_page
from kg.views.papers import PAPERS_FILE, papers_view

__all__ = ["ViewOptions", "copy_assets", "write_ego_view", "write_views"]


@dataclass(frozen=True)
class ViewOptions:
    """How much each page shows.

    ``cap``: entities on the overview; ``papers``: whether the overview, type and
    community pages show papers; ``max_nodes``: nodes on any other page;
    ``max_edges``: edges on any page, the strongest kept;
    ``physics_limit``: pages with more nodes open with physics off, laid out in Python.
    Raise the caps for larger pages; the defaults keep a page browser-sized however
    large the graph.
    """

    cap: int = 150
    papers: bool = True
    max_nodes: int = 1000
    max_edges: int = MAX_EDGES
    physics_limit: int = 300


def write_views(graph: nx.MultiDiGraph, folder: Path, options: ViewOptions = ViewOptions()) -> list[Path]:
    """Write the overview, papers, community and per-type pages of ``graph`` into ``folder``.

    Returns the pages written. They need ``lib/`` beside them in the folder they are
    finally opened from: see :func:`copy_assets`.
    """
    views = [
        overview(graph, options.cap, options.papers),
        papers_view(graph, options.max_nodes),
        community_view(graph, options.max_nodes, options.papers),
        *type_views(graph, options.max_nodes, options.papers),
    ]
    links = [(view.name, view.file) for view in views]
    heading = _heading(graph)
    top_papers: dict[str, list[str]] = {}
    written = []
    for view in views:
        html = render_page(
            graph, view, links, heading=heading, physics_limit=options.physics_limit,
            max_edges=options.max_edges, top_papers=top_papers,
        )  # fmt: skip
        (folder / view.file).write_text(html, encoding="utf-8")
        written.append(folder / view.file)
    return written


def write_ego_view(
    graph: nx.MultiDiGraph, folder: Path, name: str, *, depth: int = 2, cap: int = 200,
    options: ViewOptions = ViewOptions(),
) -> Path:  # fmt: skip
    """Write the ego page of the entity called ``name`` into ``folder``; return its path.

    The entity is found as :func:`kg.analysis.find` finds it (id, label or any alias, in
    any case), which raises :class:`kg.errors.KgError` when no entity has that name.
    """
    view = ego_view(graph, find(graph, name), depth, cap)
    links = [("Overview", INDEX_FILE), ("Papers", PAPERS_FILE), ("Communities", COMMUNITIES_FILE)]
    links.append((view.name, view.file))
    html = render_page(
        graph, view, links, heading=_heading(graph), physics_limit=options.physics_limit,
        max_edges=options.max_edges,
    )  # fmt: skip
    copy_assets(folder)
    path = folder / view.file
    # Renamed into place whole, so a page is never seen half-written.
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, suffix=".tmp", delete=False) as out:
        out.write(html)
    os.replace(out.name, path)
    return path


def _heading(graph: nx.MultiDiGraph) -> str:
    return f"kg: {sum(1 for _, kind in graph.nodes(data='type') if kind == 'Paper')} papers"


def copy_assets(folder: Path) -> None:
    """Copy vis-network from the installed Pyvis package into ``folder/lib``, unless it is there."""
    target = folder / "lib" / VIS_LIB
    if not target.is_dir():
        shutil.copytree(Path(pyvis.__file__).parent / "templates" / "lib" / VIS_LIB, target)
