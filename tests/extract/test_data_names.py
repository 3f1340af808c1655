"""Data names in the style of NLP papers: versions, editions and families of listed corpora."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract.shapes import is_language_pair, shape_type


@pytest.mark.parametrize("name", ["MultiNLI 1.0", "MultiNLI 2.0", "Penn Treebank 3.0", "Penn Treebank 2024"])
def test_a_numbered_version_of_listed_data_is_data(name: str) -> None:
    assert shape_type(name) == "Dataset"


@pytest.mark.parametrize("name", ["Zorblax 1.1", "Zorblax 2014"])
def test_a_version_of_an_unlisted_word_says_nothing(name: str) -> None:
    assert shape_type(name) is None


def test_versioned_reading_comprehension_sets_in_a_sentence(pipeline: Language) -> None:
    doc = pipeline("On MultiNLI 1.0 our reader obtains 88.5 EM, and on MultiNLI 2.0 it learns to abstain.")
    assert [(e.text, e.label_) for e in doc.ents if e.label_ == "Dataset"] == [
        ("MultiNLI 1.0", "Dataset"),
        ("MultiNLI 2.0", "Dataset"),
    ]


@pytest.mark.parametrize("name", ["IWSLT15", "IWSLT'17", "OntoNotes-2012", "DCASE2019"])
def test_a_short_or_long_year_after_a_listed_data_series_is_data(name: str) -> None:
    assert shape_type(name) == "Dataset"


@pytest.mark.parametrize("name", ["Zorblax15", "ResNet50", "VGG16"])
def test_digits_after_other_words_are_no_year_of_data(name: str) -> None:
    assert shape_type(name) != "Dataset"


def test_a_yearly_corpus_release_in_a_sentence(pipeline: Language) -> None:
    doc = pipeline("We train on IWSLT15 and report F1 on OntoNotes.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("IWSLT15", "Dataset"),
        ("F1", "Metric"),
        ("OntoNotes", "Dataset"),
    ]


def test_a_shared_task_or_challenge_is_a_benchmark(pipeline: Language) -> None:
    doc = pipeline(
        "This paper describes our IWSLT17 submission. We also enter the DCASE2020 acoustic challenge."
    )
    assert [(e.text, e.label_) for e in doc.ents] == [("IWSLT17", "Benchmark"), ("DCASE2020", "Benchmark")]


def test_data_before_the_word_challenge_in_another_clause_stays_data(pipeline: Language) -> None:
    doc = pipeline("We train on IWSLT15 and the challenge is its size.")
    assert [(e.text, e.label_) for e in doc.ents] == [("IWSLT15", "Dataset")]


@pytest.mark.parametrize("word", ["English-German", "Ro-En", "German-to-English", "En\u2192De"])
def test_translation_directions(word: str) -> None:
    assert is_language_pair(word)


@pytest.mark.parametrize("word", ["Fine-Grained", "Train-Val", "English-Centric", "Self-Supervised"])
def test_hyphenated_words_that_are_no_directions(word: str) -> None:
    assert not is_language_pair(word)


def test_a_translation_direction_is_part_of_the_corpus_name(pipeline: Language) -> None:
    doc = pipeline("It gains two points on the IWSLT 2014 German-English dataset and on IWSLT15 En-Vi.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("IWSLT 2014 German-English", "Dataset"),
        ("IWSLT15 En-Vi", "Dataset"),
    ]


def test_a_direction_after_a_model_is_not_taken_in(pipeline: Language) -> None:
    doc = pipeline("We fine-tune ZorbNet English-Romanian checkpoints.")
    assert "Dataset" not in [e.label_ for e in doc.ents]


def test_one_languages_part_of_listed_data_is_data(pipeline: Language) -> None:
    doc = pipeline("Our parser obtains 94.1% LAS on the English Penn Treebank.")
    assert ("English Penn Treebank", "Dataset") in [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize("name", ["MultiNLI-X", "Penn Treebank-mm", "ImageNet-Z9"])
def test_a_short_split_or_subset_after_listed_data_is_data(name: str) -> None:
    assert shape_type(name) == "Dataset"


@pytest.mark.parametrize("name", ["Zorblax-R", "MultiNLI-Large"])
def test_a_suffix_of_unlisted_words_or_a_long_one_says_nothing_of_data(name: str) -> None:
    assert shape_type(name) != "Dataset"
