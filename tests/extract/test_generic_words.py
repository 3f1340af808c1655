"""``kg.extract.entities.is_generic``: class words, languages and file formats are no names."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract import extract
from kg.extract.entities import is_generic
from kg.model import Paper


@pytest.mark.parametrize("text", ["ConvNet", "ConvNets", "convnets", "VL"])
def test_architecture_and_modality_class_words_are_generic(text: str) -> None:
    assert is_generic(text)


@pytest.mark.parametrize("text", ["ConvNeXt", "ConvNeXts", "VLMo"])
def test_names_built_on_class_words_are_not(text: str) -> None:
    assert not is_generic(text)


def test_a_class_word_and_its_long_form_give_no_entity(pipeline: Language) -> None:
    doc = pipeline("Convolutional Neural Networks (ConvNets) and Vision-Language (VL) models trail ViT here.")
    assert [(e.text, e.label_) for e in doc.ents] == [("ViT", "Model")]


@pytest.mark.parametrize("text", ["French", "Chinese", "JPEG"])
def test_languages_and_file_formats_are_generic(text: str) -> None:
    assert is_generic(text)


def test_a_language_before_corpus_is_no_dataset(pipeline: Language) -> None:
    doc = pipeline("BARThez was pretrained on a very large monolingual French corpus and on CCNet.")
    assert "French" not in [e.text for e in doc.ents]


def test_a_listed_network_written_with_capitals_mid_sentence_is_a_name(pipeline: Language) -> None:
    doc = pipeline("We compare with a Neural LM trained on news.")
    assert ("Neural LM", "Model") in [(e.text, e.label_) for e in doc.ents]


def test_the_same_class_words_in_lower_case_or_a_title_stay_generic() -> None:
    [found] = extract([Paper("p1", "Scaling Every Neural LM", "We compare with neural LMs trained on news.")])
    assert [m.text for m in found.mentions] == []


@pytest.mark.parametrize("text", ["detectors", "neural detectors", "Detector"])
def test_detectors_are_a_class_word(text: str) -> None:
    assert is_generic(text)


def test_a_pair_with_a_detector_class_long_form_gives_no_entity(pipeline: Language) -> None:
    doc = pipeline("Recently, glyph-based detectors (GBDs) beat QuillDet-L on rook boards.")
    assert [e.text for e in doc.ents if e.text in ("detectors", "GBDs")] == []
    assert ("QuillDet-L", "Model") in [(e.text, e.label_) for e in doc.ents]
