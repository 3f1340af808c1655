"""A name the text calls a system in an apposition or a naming is a Model (what the text calls it)."""

from __future__ import annotations

from spacy.language import Language


def _typed(pipeline: Language, text: str) -> dict[str, str]:
    return {e.text: e.label_ for e in pipeline(text).ents}


def test_an_apposition_calling_a_name_a_system_makes_it_a_model(pipeline: Language) -> None:
    found = _typed(pipeline, "The outcome is WarbLet - a fast, many-speaker lullaby synthesis system.")
    assert found["WarbLet"] == "Model"


def test_a_system_named_so_is_a_model(pipeline: Language) -> None:
    found = _typed(pipeline, "We build a glyph recognition system, named GlyphOwl. Our method is fast.")
    assert found["GlyphOwl"] == "Model"


def test_a_loose_system_word_types_nothing(pipeline: Language) -> None:
    found = _typed(pipeline, "We add TRAQ to a dependable glyph search system and test it.")
    assert found.get("TRAQ") != "Model"
