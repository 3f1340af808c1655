"""``kg.extract.phrases``: a measure's word inside a trade-off names no measure the paper reports."""

from __future__ import annotations

import pytest

from kg.extract.phrases import find_phrases


def _phrases(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], t) for s, e, t in find_phrases(text)]


@pytest.mark.parametrize(
    "text",
    [
        "FooNet strikes a better cost/accuracy trade-off.",
        "FooNet has a fine latency-accuracy tradeoff.",
        "We study the trade-off between accuracy and memory.",
    ],
)
def test_accuracy_in_a_trade_off_is_no_measure(text: str) -> None:
    assert _phrases(text) == []


def test_accuracy_reported_beside_a_trade_off_stays() -> None:
    text = "FooNet reaches 71% top-1 accuracy, a good trade-off."
    assert _phrases(text) == [("top-1 accuracy", "Metric")]
