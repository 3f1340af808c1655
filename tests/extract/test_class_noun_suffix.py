"""A lower-case technique name does not take "mechanism" after it (GUIDELINES.md: no surrounding words)."""

from __future__ import annotations

from spacy.language import Language


def ents(pipeline: Language, text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in pipeline(text).ents]


def test_mechanism_is_left_out_of_a_listed_technique(pipeline: Language) -> None:
    found = ents(pipeline, "We add a class activation guided attention mechanism to the encoder.")
    assert found == [("class activation guided attention", "Method")]


def test_a_title_case_name_with_mechanism_is_left_alone(pipeline: Language) -> None:
    found = ents(pipeline, "We build on the Gated Routing Mechanism of earlier work.")
    assert ("Gated Routing Mechanism", "Method") in found
