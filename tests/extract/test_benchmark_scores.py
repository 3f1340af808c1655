"""A listed benchmark's name and "score" after a figure ("86.4 BLURB score") is a measure."""

from __future__ import annotations

from spacy.language import Language


def _typed(pipeline: Language, text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in pipeline(text).ents]


def test_a_figure_before_a_benchmark_score_makes_it_a_measure(pipeline: Language) -> None:
    assert ("BLURB score", "Metric") in _typed(pipeline, "Zorblax reaches 81.3 BLURB score with few weights.")


def test_a_benchmark_score_without_a_figure_names_only_the_benchmark(pipeline: Language) -> None:
    found = _typed(pipeline, "Zorblax raises the BLURB score of small encoders.")
    assert [text for text, _ in found] == ["BLURB"]
