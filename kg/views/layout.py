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
_PARTNERS = 32
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
    sources, targets = pairs[:, 0], pairs[:, 1]
    rng = np.random.default_rng(seed)
    radius = SPACING * np.sqrt(count)
    # Positions as complex numbers x + iy: vector sums and lengths come for free.
    pos = rng.uniform(-radius, radius, count) + 1j * rng.uniform(-radius, radius, count)
    partners = min(count - 1, _PARTNERS)
    for step in range(iterations):
        temperature = radius / 4 * (1 - step / iterations) + 1.0
        push = np.zeros(count, dtype=complex)
        for shift in rng.integers(1, count, partners) if partners else ():
            delta = pos - np.roll(pos, shift)
            push += delta / (delta.real**2 + delta.imag**2 + 1.0)
        push *= SPACING**2 * (count - 1) / max(partners, 1)
        delta = pos[sources] - pos[targets]
        pull = delta * np.abs(delta) / SPACING
        push -= _sum_at(sources, pull, count) - _sum_at(targets, pull, count)
        push -= pos * _GRAVITY * np.sqrt(count)
        length = np.abs(push)
        pos += push / np.maximum(length, 1e-9) * np.minimum(length, temperature)
    pos -= pos.mean()
    return {
        node: (round(float(z.real), 1), round(float(z.imag), 1)) for node, z in zip(nodes, pos, strict=True)
    }


def _sum_at(index: np.ndarray, values: np.ndarray, count: int) -> np.ndarray:
    """``result[i]`` = the sum of the complex ``values`` whose ``index`` is ``i``."""
    return np.bincount(index, values.real, count) + 1j * np.bincount(index, values.imag, count)
