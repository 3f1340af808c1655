"""``kg.extract.phrases.find_phrases``: learning paradigms and settings chores are no techniques."""

from __future__ import annotations

import pytest

from kg.extract.phrases import find_phrases


def _phrases(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], kind) for s, e, kind in find_phrases(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Unlike plain unsupervised learning, QuillNet needs no labels.",
        "We frame rook counting as supervised learning over board states.",
        "Machine learning has moved fast in the last decade.",
        "We skip the hyperparameter tuning that GlimmerNet needs.",
        "No parameter optimization is done for the Zephod baseline.",
    ],
)
def test_a_paradigm_or_a_settings_chore_is_no_technique(text: str) -> None:
    assert _phrases(text) == []


def test_a_named_technique_with_those_words_is_kept() -> None:
    text = "We use semi-supervised learning and supervised distillation with prefix tuning."
    assert _phrases(text) == [
        ("semi-supervised learning", "Method"),
        ("supervised distillation", "Method"),
        ("prefix tuning", "Method"),
    ]


def test_a_longer_name_ending_in_the_paradigm_is_kept() -> None:
    text = "We apply contrastive unsupervised learning to rook counting."
    assert ("contrastive unsupervised learning", "Method") in _phrases(text)
