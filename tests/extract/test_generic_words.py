"""``kg.extract.entities.is_generic``: class words, languages and file formats are no names."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract.entities import is_generic


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
