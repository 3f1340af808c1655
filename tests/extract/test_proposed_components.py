"""A component the paper says it builds ("we propose a span-pair selector") is a Method it introduces."""

from __future__ import annotations

from kg.extract import extract
from kg.extract.phrases import find_proposed_components
from kg.model import Paper


def components(text: str) -> list[str]:
    return [text[start:end] for start, end, _ in find_proposed_components(text)]


def mentions(abstract: str) -> list[tuple[str, str, str | None]]:
    [found] = extract([Paper("p1", "A title", abstract)])
    return [(m.text, m.type, m.role) for m in found.mentions]


def test_a_component_after_we_and_a_verb_of_introduction_is_an_introduced_method() -> None:
    found = mentions("We also propose a stochastic glyph predictor to vary the output.")
    assert ("stochastic glyph predictor", "Method", "introduced") in found


def test_our_proposed_introduces_a_component_too() -> None:
    assert components("Paths meet through our proposed gated rung fusion module here.") == [
        "gated rung fusion module"
    ]


def test_vague_words_before_the_component_stay_out() -> None:
    assert components("We design an efficient lattice encoder.") == ["lattice encoder"]


def test_the_same_phrase_without_the_cue_is_no_name() -> None:
    assert components("A stochastic glyph predictor varies the output.") == []
    assert components("The cascade then introduces a glyph predictor.") == []  # not "we"


def test_a_vague_word_inside_or_a_head_alone_is_a_description() -> None:
    assert components("We introduce a shared global rung fusion module.") == []
    assert components("We design a new decoder and propose a selector for spans.") == []
