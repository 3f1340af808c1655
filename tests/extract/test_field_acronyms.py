"""``kg.extract.entities.names_a_field``: words before a field's acronym narrow the field, no name."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract.entities import names_a_field


@pytest.mark.parametrize("text", ["Klingon NLP", "Pipelined NLP", "Robot AI", "Low-resource NLU"])
def test_words_before_a_field_acronym_name_an_area(text: str) -> None:
    assert names_a_field(text)


@pytest.mark.parametrize("text", ["NLP", "FooAI", "NLP-Bench", "AI2 Reasoning"])
def test_a_bare_acronym_or_another_last_word_is_not_an_area(text: str) -> None:
    assert not names_a_field(text)


def test_an_area_before_tasks_gives_no_entity(pipeline: Language) -> None:
    doc = pipeline("We release FooNet to help generative Klingon NLP tasks.")
    assert [(e.text, e.label_) for e in doc.ents] == [("FooNet", "Model")]


def test_a_listed_area_ending_in_an_acronym_stays_a_name(pipeline: Language) -> None:
    doc = pipeline("FooNet was scored on the Mario AI levels.")
    assert ("Mario AI", "Dataset") in [(e.text, e.label_) for e in doc.ents]
