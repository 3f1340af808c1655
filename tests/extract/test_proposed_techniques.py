"""Head-typed phrases: a proposed technique keeps its first word; some task words are names alone."""

from __future__ import annotations

from kg.extract import extract
from kg.extract.phrases import find_phrases
from kg.model import Paper


def phrases(text: str) -> list[tuple[str, str]]:
    return [(text[start:end], kind) for start, end, kind in find_phrases(text)]


def test_the_first_word_after_a_verb_of_introduction_is_part_of_the_name() -> None:
    text = "We propose a rollback penalty and introduce a prefixed autoregression."
    assert phrases(text) == [("rollback penalty", "Method"), ("prefixed autoregression", "Method")]


def test_the_same_words_elsewhere_are_no_name() -> None:
    assert phrases("A rollback penalty helps.") == []


def test_adjectives_and_vague_words_after_the_verb_stay_out() -> None:
    text = "We design a flexible context aggregation and propose a novel penalty."
    assert phrases(text) == [("context aggregation", "Method")]


def test_tasks_do_not_take_the_word() -> None:
    # (a word no name holds: a field such as "dermatology" is part of a task's name, phrases.py)
    assert phrases("We present a lantern caption generation.") == [("caption generation", "Task")]


def test_the_proposed_technique_is_introduced() -> None:
    [found] = extract([Paper("p1", "A title", "We propose a rollback penalty to keep the model steady.")])
    assert [(m.text, m.type, m.role) for m in found.mentions] == [
        ("rollback penalty", "Method", "introduced")
    ]


def test_captioning_alone_is_a_task() -> None:
    assert phrases("It is trained for captioning and retrieval.") == [("captioning", "Task")]


def test_implicit_and_explicit_qualify_a_technique_but_may_name_a_measure() -> None:
    assert phrases("It uses implicit in-context learning.") == [("in-context learning", "Method")]
    assert phrases("We report the implicit coherence score.") == [("implicit coherence score", "Metric")]
