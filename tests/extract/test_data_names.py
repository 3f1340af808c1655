"""Data names in the style of NLP papers: versions, editions and families of listed corpora."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract.shapes import shape_type


@pytest.mark.parametrize("name", ["SQuAD 1.1", "SQuAD 2.0", "Penn Treebank 3.0", "CoNLL 2003"])
def test_a_numbered_version_of_listed_data_is_data(name: str) -> None:
    assert shape_type(name) == "Dataset"


@pytest.mark.parametrize("name", ["Zorblax 1.1", "Zorblax 2014"])
def test_a_version_of_an_unlisted_word_says_nothing(name: str) -> None:
    assert shape_type(name) is None


def test_versioned_reading_comprehension_sets_in_a_sentence(pipeline: Language) -> None:
    doc = pipeline("On SQuAD 1.1 our reader obtains 88.5 EM, and on SQuAD 2.0 it learns to abstain.")
    assert [(e.text, e.label_) for e in doc.ents if e.label_ == "Dataset"] == [
        ("SQuAD 1.1", "Dataset"),
        ("SQuAD 2.0", "Dataset"),
    ]
