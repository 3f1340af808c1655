"""A defined pair whose long form ends in a measure's word is a Metric; "in terms of" introduces nothing."""

from __future__ import annotations

from spacy.language import Language

from kg.extract import extract
from kg.model import Paper


def test_an_error_or_a_correlation_defined_with_its_short_form_is_a_metric(pipeline: Language) -> None:
    doc = pipeline(
        "We report the scaled depth error (SDE) and the zorbic rank correlation (ZRC) on the test set."
    )
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("scaled depth error", "Metric"),
        ("SDE", "Metric"),
        ("zorbic rank correlation", "Metric"),
        ("ZRC", "Metric"),
    ]


def test_a_technique_defined_alike_stays_a_technique(pipeline: Language) -> None:
    doc = pipeline("We apply gradient error feedback (GEF) to compress updates.")
    assert ("GEF", "Metric") not in [(e.text, e.label_) for e in doc.ents]


def test_in_terms_of_a_measure_is_no_introduction() -> None:
    text = "With more data we further improve the state of the art in terms of scaled depth error (SDE)."
    [found] = extract([Paper("p1", "Depth for All", text)])
    assert [(m.text, m.role) for m in found.mentions if m.type == "Metric"] == [
        ("scaled depth error", None),
        ("SDE", None),
    ]
