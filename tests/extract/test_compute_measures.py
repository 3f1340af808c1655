"""Counts of operations and frame rates ("FLOPs", "MACs", "FPS") are measures, found alone."""

from __future__ import annotations

import pytest

from kg.extract.phrases import find_phrases


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Zorblax needs 9 times fewer GFLOPs than its teacher.", "GFLOPs"),
        ("It keeps low FLOP counts on rook boards.", "FLOP"),
        ("Under equal budgets and flops, the Zorblax nets win.", "flops"),
        ("Zorblax runs at 40 FPS on a phone.", "FPS"),
    ],
)
def test_a_compute_measure_is_a_metric(text: str, name: str) -> None:
    assert (name, "Metric") in [(text[s:e], kind) for s, e, kind in find_phrases(text)]


def test_other_cost_words_are_left_alone() -> None:
    assert (
        find_phrases("Zorblax has a small memory footprint and short wall-clock time on rook boards.") == []
    )
