"""Libraries, licences and tools are none of the six types, however coined their names."""

from __future__ import annotations

from spacy.language import Language


def _ents(pipeline: Language, text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in pipeline(text).ents]


def test_a_package_and_its_long_form_are_no_entities(pipeline: Language) -> None:
    text = "We develop QUIKK (Quick Kernel Kit), a Python package with CUDA kernels, for ZorbNet."
    assert _ents(pipeline, text) == [("ZorbNet", "Model")]


def test_a_licence_and_a_training_library_are_no_entities(pipeline: Language) -> None:
    text = "Weights are released under a FreeWeightz license and the training library TrainaX is open."
    assert _ents(pipeline, text) == []


def test_a_tool_named_in_apposition_is_no_entity(pipeline: Language) -> None:
    assert _ents(pipeline, "We build the Glossa Engine, a tool that translates speech.") == []


def test_a_method_before_other_words_stays(pipeline: Language) -> None:
    text = "We propose ZorbAlign, a training method, and compare tools built on it."
    assert ("ZorbAlign", "Method") in _ents(pipeline, text)
