"""A list of tasks: each item after "tasks such as", "tasks:", "the tasks of" is a Task, whole."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract.entities import listed_tasks


def tasks(pipeline: Language, text: str) -> list[str]:
    return [e.text for e in pipeline(text).ents if e.label_ == "Task"]


def test_three_tasks_in_a_list_are_three_tasks(pipeline: Language) -> None:
    text = "We evaluate on the tasks of image classification, object detection, and segmentation."
    assert tasks(pipeline, text) == ["image classification", "object detection", "segmentation"]


def test_an_item_is_a_task_with_all_its_words(pipeline: Language) -> None:
    text = "We study three tasks: summarization, polite response generation, and table parsing."
    assert "polite response generation" in tasks(pipeline, text)
    assert "response generation" not in tasks(pipeline, text)


def test_a_slashed_item_stays_one_name(pipeline: Language) -> None:
    text = "It unifies vision-language tasks such as image/video captioning and question answering."
    assert tasks(pipeline, text) == ["image/video captioning", "question answering"]


@pytest.mark.parametrize(
    "text",
    [
        "It enables tasks such as generation.",  # a lone word with no other task beside it
        "It enables tasks such as cross-modal understanding and generation.",  # a capability
        "We design two pre-training tasks: word matching and region prediction.",  # objectives
        "We address the task of generating 3D shapes from images.",  # a clause, not a name
        "It improves tasks such as various downstream benchmarks.",  # vague words, a plural
    ],
)
def test_what_a_list_holds_that_names_no_task(text: str) -> None:
    assert listed_tasks(text) == []
