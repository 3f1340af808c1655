"""A divergence or similarity measure made a loss, constraint or penalty stays the measure (GUIDELINES.md)."""

from __future__ import annotations

import pytest

from kg.extract.phrases import find_phrases


def _phrases(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], kind) for s, e, kind in find_phrases(text)]


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("Zorblax is fit under a conditional entropy penalty on rook boards.", "conditional entropy"),
        ("Zorblax adds a binary entropy constraint to glyph features.", "binary entropy"),
        ("Zorblax adds a conditional entropy regularization to glyph features.", "conditional entropy"),
    ],
)
def test_the_measure_is_the_name(text: str, measure: str) -> None:
    assert _phrases(text) == [(measure, "Metric")]


@pytest.mark.parametrize(
    ("text", "technique"),
    [
        ("Zorblax is trained with a cross entropy loss on glyphs.", "cross entropy loss"),
        ("Zorblax adds an entropy regularization to glyph features.", "entropy regularization"),
    ],
)
def test_cross_entropy_and_a_bare_measure_word_keep_the_technique(text: str, technique: str) -> None:
    assert (technique, "Method") in _phrases(text)
