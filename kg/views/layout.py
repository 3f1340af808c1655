"""Node positions computed in Python, so large views open laid out with physics off.

vis-network's physics never settles on a few thousand nodes, and NetworkX's own
``spring_layout`` costs seconds per thousand nodes here. :func:`force_layout` is
the Fruchterman-Reingold model (Fruchterman and Reingold 1991: attraction
``d^2/k`` along edges, repulsion ``k^2/d`` between nodes, a cooling step limit),
with the all-pairs repulsion estimated each step from a fresh random sample of
partners for every node. That makes a step linear in the number of nodes, and
the sampling noise averages out as the temperature falls.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

SPACING = 60.0  # ideal edge length, in vis-network pixels
_PARTNERS = 48
_GRAVITY = 0.02  # pull towards the centre, so parts without edges stay near the rest


def force_layout(
    nodes: Sequence[str], edges: Iterable[tuple[str, str]], *, iterations: int = 80, seed: int = 0
) -> dict[str, tuple[float, float]]:
    """Positions (in pixels, around the origin) of ``nodes``, pulled together along ``edges``.

    Every pair of nodes pushes apart. The same input and seed give the same positions.

    >>> pos = force_layout(["a", "b", "c"], [("a", "b"), ("b", "c")])
    >>> sorted(pos) == ["a", "b", "c"] and all(map(np.isfinite, pos["b"]))
    True
    >>> d = lambda u, v: float(np.hypot(*np.subtract(pos[u], pos[v])))
    >>> d("a", "b") < d("a", "c")
    True
    """
    count = len(nodes)
    if count == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = np.array([(index[u], index[v]) for u, v in edges if u != v], dtype=np.intp).reshape(-1, 2)
    rng = np.random.default_rng(seed)
    radius = SPACING * np.sqrt(count)
    pos = rng.uniform(-radius, radius, (count, 2))
    partners = min(count - 1, _PARTNERS)
    scale = (count - 1) / partners if partners else 0.0
    rows = np.arange(count)[:, None]
    for step in range(iterations):
        temperature = radius / 4 * (1 - step / iterations) + 1.0
        push = np.zeros_like(pos)
        if partners:
            others = (rows + rng.integers(1, count, partners)) % count
            delta = pos[:, None, :] - pos[others]
            push = (delta * (SPACING**2 / (np.einsum("ijk,ijk->ij", delta, delta) + 1.0))[..., None]).sum(1)
            push *= scale
        delta = pos[pairs[:, 0]] - pos[pairs[:, 1]]
        pull = delta * (np.linalg.norm(delta, axis=1) / SPACING)[:, None]
        for axis in range(2):
            push[:, axis] -= np.bincount(pairs[:, 0], pull[:, axis], count)
            push[:, axis] += np.bincount(pairs[:, 1], pull[:, axis], count)
        push -= pos * _GRAVITY * np.sqrt(count)
        length = np.linalg.norm(push, axis=1)[:, None]
        pos += push / np.maximum(length, 1e-9) * np.minimum(length, temperature)
    pos -= pos.mean(axis=0)
    return {node: (round(float(x), 1), round(float(y), 1)) for node, (x, y) in zip(nodes, pos, strict=True)}
