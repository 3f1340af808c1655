"""``kg.extract.known_names``: what the shipped name list holds."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract.known_names import lookup


@pytest.mark.parametrize("name", ["Claude", "Gemma", "Falcon", "Whisper"])
def test_model_families_that_read_as_english_are_listed(name: str) -> None:
    entry = lookup(name)
    assert entry is not None and entry.type == "Model"


def test_a_model_family_name_is_found_in_text(pipeline: Language) -> None:
    doc = pipeline("We compare Claude with Gemma and transcribe the audio with Whisper.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Claude", "Model"),
        ("Gemma", "Model"),
        ("Whisper", "Model"),
    ]


def test_english_words_without_a_family_stay_out() -> None:
    assert lookup("Boss") is None and lookup("Switch") is None


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        # one-word family names of listed models ("Swin Transformer", "Perceiver IO", "VideoMAE V2")
        ("Swin", "Model"),
        ("Perceiver", "Model"),
        ("VideoMAE", "Model"),
        # acronyms the task list gives in brackets ("Optical Character Recognition (OCR)")
        ("ASR", "Task"),
        ("OCR", "Task"),
        ("ABSA", "Task"),
        # data the source describes as benchmarks, and data it does not
        ("GLUE", "Benchmark"),
        ("MMLU", "Benchmark"),
        ("ImageNet", "Dataset"),
        # a listed "Non Maximum Suppression" spelled as texts spell it
        ("Non-Maximum Suppression", "Method"),
    ],
)
def test_names_the_list_derives_have_their_types(name: str, kind: str) -> None:
    entry = lookup(name)
    assert entry is not None and entry.type == kind


def test_a_family_word_is_found_in_text(pipeline: Language) -> None:
    doc = pipeline("It beats Swin and Perceiver at the same cost.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Swin", "Model"), ("Perceiver", "Model")]


def test_a_task_acronym_is_found_in_text(pipeline: Language) -> None:
    doc = pipeline("The objective subsumes common pretraining signals such as OCR and captioning.")
    assert ("OCR", "Task") in [(e.text, e.label_) for e in doc.ents]


def test_names_joined_from_capitalised_words_match_with_one_capital(pipeline: Language) -> None:
    doc = pipeline("We pretrain on Bookcorpus and Openwebtext.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Bookcorpus", "Dataset"), ("Openwebtext", "Dataset")]


def test_names_built_from_initials_keep_their_capitals(pipeline: Language) -> None:
    doc = pipeline("Zero redundancy is the aim, and zero-shot transfer the test.")
    assert [e.text for e in doc.ents if e.text == "Zero"] == []
