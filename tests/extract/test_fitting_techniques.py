"""Matching and inference heads after a statistical object ("moment matching") name techniques."""

from __future__ import annotations

import pytest
from spacy.language import Language


def typed(pipeline: Language, text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in pipeline(text).ents]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("We train FooNet by kernel matching of its features.", "kernel matching"),
        ("FooNet replaces moment matching with a ranking loss.", "moment matching"),
        ("FooNet learns by gradient matching alone.", "gradient matching"),
    ],
)
def test_fitting_a_probabilistic_model_is_a_technique(pipeline: Language, text: str, name: str) -> None:
    assert (name, "Method") in typed(pipeline, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("FooNet does well on entity matching.", "entity matching"),
        ("FooNet does well on natural language inference.", "natural language inference"),
        ("FooNet does well on density estimation.", "density estimation"),  # no matching/inference head
    ],
)
def test_matching_or_inferring_data_stays_a_task(pipeline: Language, text: str, name: str) -> None:
    assert (name, "Task") in typed(pipeline, text)
