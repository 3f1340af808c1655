"""A network's variant joined by a spaced dash ("X - Python 7B") is part of its name (GUIDELINES.md)."""

from __future__ import annotations

from spacy.language import Language


def _names(pipeline: Language, text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in pipeline(text).ents]


def test_a_dashed_variant_with_a_size_or_before_a_bracket_is_kept(pipeline: Language) -> None:
    text = "We release Quill Gemma (base), Quill Gemma - Glyph (glyphs), and Quill Gemma - Glyph 13B today."
    found = _names(pipeline, text)
    assert ("Quill Gemma - Glyph", "Model") in found
    assert ("Quill Gemma - Glyph 13B", "Model") in found
    assert ("Glyph 13B", "Model") not in found


def test_an_apposition_after_a_dash_is_no_variant(pipeline: Language) -> None:
    text = "The result is Quill Gemma - a network for glyphs - and Quill Gemma - Our pick wins."
    found = _names(pipeline, text)
    assert [name for name, _ in found] == ["Quill Gemma", "Quill Gemma"]
