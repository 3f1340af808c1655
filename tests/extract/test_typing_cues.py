"""What the words around a name say it is, where its shape or list entry says otherwise."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract.cues import context_type
from kg.extract.entities import settled_names, spelling_key
from kg.extract.shapes import shape_type


def types(pipeline: Language, text: str) -> dict[str, str]:
    return {e.text: e.label_ for e in pipeline(text).ents}


# A technique named in so many words ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "This work proposes a novel approach, dubbed CLIP4XY, for detecting errors.",
        "We design a simple method called BLIP2X that scores captions.",
        "We propose a training recipe that we call GPT4Tune.",
    ],
)
def test_a_model_shaped_name_the_text_names_a_technique_is_a_method(pipeline: Language, text: str) -> None:
    [name] = [word.strip(",.") for word in text.split() if any(c.isdigit() for c in word)]
    assert types(pipeline, text)[name] == "Method"


def test_a_model_shaped_name_called_a_method_in_passing_stays_a_model(pipeline: Language) -> None:
    # "methods such as X" lists X among methods without naming it one; models are often called so
    assert types(pipeline, "Existing methods such as BLIP-2 and LLaVA fail here.")["BLIP-2"] == "Model"


# A name that says it is a test --------------------------------------------------------------


@pytest.mark.parametrize("name", ["Civic Knowledge Test", "Uniform Bar Exam", "Moral Foundations Test"])
def test_a_title_case_test_or_exam_is_a_benchmark(name: str) -> None:
    assert shape_type(name, listed=False) == "Benchmark"


def test_a_defined_test_and_its_short_form_are_benchmarks(pipeline: Language) -> None:
    text = "We score 62 propositions of the Moral Foundations Test (MFT) with each LLM."
    assert types(pipeline, text) == {"Moral Foundations Test": "Benchmark", "MFT": "Benchmark"}


@pytest.mark.parametrize("name", ["unit Test", "Test", "test set"])
def test_a_test_word_alone_or_lower_case_names_no_benchmark(name: str) -> None:
    assert shape_type(name, listed=False) is None


# A parameter count --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We introduce SoftZorb. SoftZorb reaches top results with just 34M parameters.",
        "Building on this, we introduce SoftZorb. SoftZorb matches baselines at 1.3 billion parameters.",
    ],
)
def test_a_subject_with_a_parameter_count_is_a_model(pipeline: Language, text: str) -> None:
    assert types(pipeline, text)["SoftZorb"] == "Model"


def test_a_parameter_count_elsewhere_in_the_sentence_says_nothing_of_a_name(pipeline: Language) -> None:
    text = "We train a 7B model with SoftZorb, which adds fewer than 1M trainable parameters."
    assert types(pipeline, text)["SoftZorb"] == "Method"


# One name, two spellings --------------------------------------------------------------------


def test_a_greek_letter_and_its_spelled_name_are_one_name_with_one_type() -> None:
    title = (spelling_key("λ-Zorb"), "Method", "title", None)
    abstract = (spelling_key("lambda-Zorb"), "Model", "abstract", None)
    assert settled_names([title, abstract, abstract]) == {"lambda-zorb": ("Model", False)}


def test_a_paper_introducing_a_name_introduces_its_other_spelling() -> None:
    found = settled_names(
        [
            (spelling_key("\u03b1-Net"), "Model", "title", "introduced"),
            (spelling_key("alpha-Net"), "Model", "abstract", None),
        ]
    )
    assert found == {"alpha-net": ("Model", True)}


# A Title Case task phrase that names a technique ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "We first design an Latent Attribute Matching module for the fusion.",
            "Latent Attribute Matching",
        ),
        (
            "We further propose a Multi-Resolution Alignment strategy to inject it.",
            "Multi-Resolution Alignment",
        ),
        ("It uses a Dense Caption Generation approach.", "Dense Caption Generation"),
    ],
)
def test_a_title_case_task_phrase_before_a_technique_noun_is_a_method(
    pipeline: Language, text: str, name: str
) -> None:
    assert types(pipeline, text)[name] == "Method"


def test_a_lower_case_task_phrase_before_a_technique_noun_stays_a_task(pipeline: Language) -> None:
    found = types(pipeline, "We propose an image captioning approach and study image captioning.")
    assert found == {"image captioning": "Task"}


# An apposition after a defined pair -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pair", "kind"),
    [
        (
            "We propose Unified Chart Parsing (UCP), a foundation Chart AI model.",
            ("Unified Chart Parsing", "UCP"),
            "Model",
        ),
        (
            "We propose Masked Twin Encoders (MTE), a self-supervised learning framework.",
            ("Masked Twin Encoders", "MTE"),
            "Method",
        ),
        (
            "We release Open Caption Generation (OCG), a large-scale image-text dataset.",
            ("Open Caption Generation", "OCG"),
            "Dataset",
        ),
    ],
)
def test_an_apposition_after_a_defined_pair_types_both_forms(
    pipeline: Language, text: str, pair: tuple[str, str], kind: str
) -> None:
    found = types(pipeline, text)
    assert (found[pair[0]], found[pair[1]]) == (kind, kind)


def test_without_an_apposition_the_long_forms_head_types_the_pair(pipeline: Language) -> None:
    text = "We propose Unified Chart Parsing (UCP) for forms."
    assert types(pipeline, text) == {"Unified Chart Parsing": "Task", "UCP": "Task"}


# A class noun after one hyphenated adjective ---------------------------------------------------


def test_a_data_noun_after_a_compound_adjective_types_the_name(pipeline: Language) -> None:
    text = "On retrieval benchmarks, our model, trained on the Zorb-12M multi-modal dataset, wins."
    assert types(pipeline, text)["Zorb-12M"] == "Dataset"


def test_a_participle_before_the_class_noun_says_what_was_done_with_the_name() -> None:
    assert context_type("We fine-tune ", " image-text model.") == "Model"
    assert context_type("We fine-tune ", " pre-trained models.") is None


# Data called tasks -----------------------------------------------------------------------------


def test_data_names_listed_before_tasks_are_benchmarks(pipeline: Language) -> None:
    text = "It matches the best baselines on ImageNet, CIFAR-10, and MNIST tasks."
    found = types(pipeline, text)
    assert [found[name] for name in ("ImageNet", "CIFAR-10", "MNIST")] == ["Benchmark"] * 3


def test_data_names_before_other_words_keep_their_type(pipeline: Language) -> None:
    assert types(pipeline, "We train on ImageNet for downstream tasks.")["ImageNet"] == "Dataset"


# When a measure is taken is no part of its name ----------------------------------------------


def test_a_time_qualifier_is_left_out_of_a_measures_name(pipeline: Language) -> None:
    text = "We raise the test-time accuracy and the inference-time win rate of the policy."
    assert [name for name, kind in types(pipeline, text).items() if kind == "Metric"] == [
        "accuracy",
        "win rate",
    ]


# A measure named by an acronym is whole ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("We evaluate on the CoNLL-2003 NER task and report F1 score.", "F1 score"),
        ("It keeps a small KL divergence.", "KL divergence"),
        ("It lowers the Word Error Rate.", "Word Error Rate"),  # plain words still make one measure
    ],
)
def test_a_measure_named_by_an_acronym_takes_no_word_before_it(
    pipeline: Language, text: str, measure: str
) -> None:
    assert [name for name, kind in types(pipeline, text).items() if kind == "Metric"] == [measure]


# A benchmark word that belongs to one name -----------------------------------------------------


def test_a_benchmark_defined_in_the_sentence_leaves_the_other_data_datasets(pipeline: Language) -> None:
    text = "It reaches 99.4% on CIFAR-10 and 76.3% on the Visual Task Adaptation Benchmark (VTAB)."
    assert types(pipeline, text)["CIFAR-10"] == "Dataset"


def test_a_benchmark_word_for_the_sentences_data_makes_them_benchmarks(pipeline: Language) -> None:
    assert types(pipeline, "It reaches 99.4% on the CIFAR-10 benchmark.")["CIFAR-10"] == "Benchmark"


def test_a_pair_the_text_names_a_technique_is_one_whatever_its_list_entry(pipeline: Language) -> None:
    # "Base Boosting" is a listed Model; the text calls it a recipe
    doc = pipeline("We propose a simple recipe that we call Base Boosting (BaBo) for rook boards.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Base Boosting", "Method"), ("BaBo", "Method")]


def test_the_same_listed_pair_with_no_naming_keeps_its_list_type(pipeline: Language) -> None:
    doc = pipeline("We test Base Boosting (BaBo) on rook boards.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Base Boosting", "Model"), ("BaBo", "Model")]


def test_a_lower_case_of_phrase_pair_before_model_is_a_technique(pipeline: Language) -> None:
    doc = pipeline("Zorblax routes rook boards through a bag of glyphs (BoG) model. BoG is cheap.")
    assert {(e.text, e.label_) for e in doc.ents} == {("bag of glyphs", "Method"), ("BoG", "Method")}


def test_a_coined_pair_before_model_stays_a_model(pipeline: Language) -> None:
    doc = pipeline("Zorblax routes rook boards through a Glyph Router (GloR) model. GloR is cheap.")
    assert ("GloR", "Model") in {(e.text, e.label_) for e in doc.ents}
