"""``kg.extract.shapes.shape_type``: types a name's own shape gives (benchmark words, divergences)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract.shapes import shape_type


@pytest.mark.parametrize("name", ["Arena Hard Auto v0.1", "Arena-Hard", "Chatbot Arena", "MT-Bench-Hard v2"])
def test_a_benchmark_word_before_a_variant_or_version_beats_the_version(name: str) -> None:
    assert shape_type(name) == "Benchmark"


@pytest.mark.parametrize("name", ["Arena-7B", "Evaluator-2 v1", "Benchmarking-LM v2"])
def test_a_size_or_a_longer_word_keeps_a_model(name: str) -> None:
    assert shape_type(name) == "Model"


def test_a_versioned_benchmark_in_a_list_of_benchmarks(pipeline: Language) -> None:
    doc = pipeline("On three benchmarks (AlpacaEval 2.0, MT-Bench, Arena Hard Auto v0.1), it wins.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("AlpacaEval 2.0", "Benchmark"),
        ("MT-Bench", "Benchmark"),
        ("Arena Hard Auto v0.1", "Benchmark"),
    ]


@pytest.mark.parametrize("name", ["KL-divergence", "JS-Divergence"])
def test_a_named_divergence_is_a_measure(name: str) -> None:
    assert shape_type(name) == "Metric"


def test_a_divergence_used_as_a_constraint_is_still_a_measure(pipeline: Language) -> None:
    doc = pipeline("It distils with two KL-divergence constraints from the teacher.")
    assert [(e.text, e.label_) for e in doc.ents] == [("KL-divergence", "Metric")]


def test_our_proposed_dataset_names_a_dataset(pipeline: Language) -> None:
    doc = pipeline("We benchmark VLEA models on our proposed dataset VLEA-PXQD, where pairs differ.")
    assert ("VLEA-PXQD", "Dataset") in [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize("name", ["CLIP Distillation", "Llama Alignment", "BLIP Prompting"])
def test_a_technique_word_after_a_models_name_says_no_model(name: str) -> None:
    assert shape_type(name) != "Model"


@pytest.mark.parametrize("name", ["CLIP Adapter", "Llama Guard"])
def test_other_words_after_a_models_name_keep_a_model(name: str) -> None:
    assert shape_type(name) == "Model"


def test_a_technique_named_after_a_model_is_a_method(pipeline: Language) -> None:
    doc = pipeline("We introduce Llama Distillation, a way to shrink Llama for phones.")
    assert ("Llama Distillation", "Method") in [(e.text, e.label_) for e in doc.ents]
