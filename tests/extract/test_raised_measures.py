"""A short acronym a verb raises from one figure to another ("improves RQ from 31% to 44%") is a measure."""

from __future__ import annotations

from spacy.language import Language


def _typed(pipeline: Language, text: str) -> dict[str, str]:
    return {e.text: e.label_ for e in pipeline(text).ents}


def test_a_raised_acronym_is_a_metric(pipeline: Language) -> None:
    found = _typed(
        pipeline, "With self-labels, Zorblax improves RQ on rare glyphs from 31.2% to 44.6% overall."
    )
    assert found["RQ"] == "Metric"


def test_an_improved_acronym_with_no_figures_is_no_metric(pipeline: Language) -> None:
    found = _typed(pipeline, "With self-labels, Zorblax improves RQ on rare glyphs by a wide margin.")
    assert found.get("RQ") != "Metric"
