"""A long form after its short form ("models named SF (Long Form ...)"): found, typed by the class."""

from __future__ import annotations

from kg.extract import extract
from kg.extract.abbreviations import find_abbreviations
from kg.model import Paper

TEXT = (
    "We pre-train language models named QOKKA (Query-Oriented Knowledge Kernels with Adaptive Korean "
    "question Answering) on web text."
)


def test_a_long_form_of_over_sixty_characters_in_brackets_pairs_with_the_short_form() -> None:
    pairs = [
        (TEXT[p.long_start : p.long_end], TEXT[p.short_start : p.short_end]) for p in find_abbreviations(TEXT)
    ]
    assert pairs == [("Query-Oriented Knowledge Kernels with Adaptive Korean question Answering", "QOKKA")]


def test_the_class_that_names_the_short_form_types_the_pair() -> None:
    # The long form ends in a task's head word ("answering"); "models named" says what it is.
    [found] = extract([Paper("p1", "A title", TEXT)])
    assert {(m.text, m.type) for m in found.mentions} == {
        ("QOKKA", "Model"),
        ("Query-Oriented Knowledge Kernels with Adaptive Korean question Answering", "Model"),
    }


def test_a_short_form_not_named_by_a_class_keeps_its_long_forms_type() -> None:
    [found] = extract([Paper("p1", "A title", "Logs are split with ZQP (Zoned Query Parsing) first.")])
    assert {(m.text, m.type) for m in found.mentions} == {
        ("ZQP", "Task"),
        ("Zoned Query Parsing", "Task"),
    }
