"""Short forms defined by an apposition whose capitals spell them: "ZORBA, a ZerO-shot Reasoning BAseline"."""

from __future__ import annotations

from spacy.language import Language

from kg.extract.abbreviations import find_abbreviations


def _pairs(text: str) -> list[tuple[str, str]]:
    return [
        (text[p.long_start : p.long_end], text[p.short_start : p.short_end]) for p in find_abbreviations(text)
    ]


def test_capitals_inside_words_spell_the_short_form() -> None:
    text = "We introduce ZORBA, a ZerO-shot Reasoning BAseline, trained on web text."
    assert _pairs(text) == [("ZerO-shot Reasoning BAseline", "ZORBA")]


def test_initials_with_a_function_word_between_spell_it_too() -> None:
    text = "We fine-tune QUIP, a Query Understanding for Intent Parsing model, on logs."
    assert _pairs(text) == [("Query Understanding for Intent Parsing", "QUIP")]


def test_a_word_that_spells_nothing_ends_the_search() -> None:
    assert _pairs("We use QOCO, a Quick Objects collection of photos.") == []
    assert _pairs("We use ZORBA, the Zero Overhead Sampler Of Much.") == []


def test_two_capitals_are_too_few_to_be_sure() -> None:
    assert _pairs("We use ZD, a Zorbic Diffusion model.") == []


def test_the_pair_takes_the_listed_short_forms_type(pipeline: Language) -> None:
    doc = pipeline("We fine-tune ELMo, an Embeddings from Language Models network, on news.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("ELMo", "Model"),
        ("Embeddings from Language Models", "Model"),
    ]
