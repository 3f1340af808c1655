"""``kg.extract.phrases``: an "X-based" compound before a lone task head says how, not which task."""

from __future__ import annotations

from kg.extract.phrases import find_phrases


def _phrases(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], t) for s, e, t in find_phrases(text)]


def test_a_based_compound_and_a_lone_task_head_name_no_task() -> None:
    assert _phrases("It extends to other sketch-based generation tasks.") == []


def test_a_based_compound_before_a_longer_task_name_stays() -> None:
    text = "We study sketch-based shape retrieval."
    assert _phrases(text) == [("sketch-based shape retrieval", "Task")]


def test_a_lone_task_head_after_another_modifier_stays() -> None:
    assert _phrases("We study sketch generation.") == [("sketch generation", "Task")]
