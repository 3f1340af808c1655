"""Architecture classes ("graph neural networks") are generic class words, not names (GUIDELINES.md)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract.entities import is_generic


@pytest.mark.parametrize(
    "text",
    ["graph neural networks", "Convolutional Neural Networks", "deep neural network", "recurrent networks"],
)
def test_architecture_classes_are_generic(text: str) -> None:
    assert is_generic(text)


@pytest.mark.parametrize("text", ["Graph Attention Networks", "Deep Q-Network", "GraphSAGE"])
def test_named_networks_are_not_generic(text: str) -> None:
    assert not is_generic(text)


def test_a_sentence_with_a_class_of_networks_names_nothing(pipeline: Language) -> None:
    doc = pipeline("We encode molecules with graph neural networks.")
    assert [e.text for e in doc.ents] == []
