"""Abbreviations: "(X in short)" defines X; a coined short form makes its class-worded long form a name."""

from __future__ import annotations

from spacy.language import Language

from kg.extract.abbreviations import find_abbreviations


def pairs(text: str) -> list[tuple[str, str]]:
    return [
        (text[p.long_start : p.long_end], text[p.short_start : p.short_end]) for p in find_abbreviations(text)
    ]


def test_in_short_and_for_short_define_the_short_form() -> None:
    text = "We propose Focal Modulation (FocalMod in short) and Sparse Attention (SA for short)."
    assert pairs(text) == [("Focal Modulation", "FocalMod"), ("Sparse Attention", "SA")]


def test_a_coined_short_form_makes_its_long_form_a_name(pipeline: Language) -> None:
    doc = pipeline("We propose focal modulation networks (FocalNets in short), which replace attention.")
    assert [(e.text, e.label_, e._.kg_role) for e in doc.ents] == [
        ("focal modulation networks", "Model", "introduced"),
        ("FocalNets", "Model", "introduced"),
    ]


def test_a_modality_and_a_class_word_stay_generic(pipeline: Language) -> None:
    doc = pipeline("Plain vision transformers (ViTs) and convolutional neural networks (CNNs) are strong.")
    assert [(e.text, e.label_) for e in doc.ents] == [("ViTs", "Model")]
