"""How nodes and edges look: one colour and one shape per type, one style per relation.

Unknown types and relations (the graph grows in parallel with the views) get a
neutral look instead of an error.

>>> node_style("Method")
NodeStyle(color='#1f77b4', shape='dot')
>>> node_style("Gadget")
NodeStyle(color='#7f7f7f', shape='dot')
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NodeStyle:
    color: str
    shape: str


NODE_STYLES = {
    "Paper": NodeStyle("#9e9e9e", "square"),
    "Method": NodeStyle("#1f77b4", "dot"),
    "Model": NodeStyle("#d62728", "diamond"),
    "Dataset": NodeStyle("#2ca02c", "triangle"),
    "Benchmark": NodeStyle("#ff7f0e", "star"),
    "Task": NodeStyle("#9467bd", "triangleDown"),
    "Metric": NodeStyle("#8c564b", "hexagon"),
}
UNKNOWN_TYPE = NodeStyle("#7f7f7f", "dot")

# Relations that hold both ways are drawn without arrows; all others point source -> target.
UNDIRECTED_RELATIONS = frozenset({"co_mentioned"})

# Colours for communities, in order of size; smaller communities share the last, grey.
COMMUNITY_COLORS = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
    "#e377c2", "#bcbd22", "#17becf", "#aec7e8", "#ffbb78", "#98df8a",
)  # fmt: skip
OTHER_COMMUNITIES = "#c7c7c7"


def node_style(kind: str) -> NodeStyle:
    """The colour and shape of nodes of type ``kind``."""
    return NODE_STYLES.get(kind, UNKNOWN_TYPE)
