"""``kg.extract.phrases.find_phrases``: "X modeling" is a task where X only says what is modelled."""

from __future__ import annotations

import pytest

from kg.extract.phrases import find_phrases


def _phrases(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], kind) for s, e, kind in find_phrases(text)]


@pytest.mark.parametrize("text", ["We study graph modeling.", "Zorblax advances music modelling."])
def test_modeling_what_is_modelled_is_a_task(text: str) -> None:
    [(_, kind)] = _phrases(text)
    assert kind == "Task"


@pytest.mark.parametrize(
    "phrase",
    [
        "masked graph modeling",
        "causal graph modeling",
        "contrastive graph modeling",
        "auto-regressive graph modeling",
    ],
)
def test_modeling_with_a_manner_is_a_technique(phrase: str) -> None:
    assert _phrases(f"Zorblax is trained with {phrase} on rook boards.") == [(phrase, "Method")]


def test_a_noun_ending_like_an_adjective_still_names_a_subject() -> None:
    assert _phrases("We relate it to logic modeling.") == [("logic modeling", "Task")]
