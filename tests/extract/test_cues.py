"""``kg.extract.cues``: the faster forms of its patterns match what the plain forms match."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.extract.cues import (
    _ANY_CLASS,
    _BEFORE,
    _BEFORE_NOUN,
    CLASS_NOUNS,
    ClassNounIndex,
    _class_examples,
    ends_in,
    has_class_noun,
    word_alternation,
)
from kg.extract.triggers import first_match


@pytest.mark.parametrize("noun", sorted(CLASS_NOUNS))
def test_every_class_noun_is_found_as_the_pattern_finds_it(noun: str) -> None:
    for text in (f"the {noun.upper()} here", f"a {noun}.", f"{noun}s", f"x{noun}", f"({noun}-based"):
        assert has_class_noun(text) == bool(_ANY_CLASS.search(text)), text


pieces = st.sampled_from(["model", "Data", "set", "s", " ", "-", "_", "1", "é", "\u212a", "\u017f"])


@given(st.lists(pieces).map("".join))
def test_has_class_noun_is_the_pattern(text: str) -> None:
    assert has_class_noun(text) == bool(_ANY_CLASS.search(text))


words = st.lists(st.text(alphabet="abs", min_size=1, max_size=4), min_size=1, max_size=6, unique=True)


@given(words, st.lists(st.sampled_from(["a", "b", "s", "S", " ", ",", "x"]), max_size=14).map("".join))
def test_word_alternation_matches_as_the_plain_alternation(found: list[str], text: str) -> None:
    plain = "|".join(sorted(found, key=len, reverse=True))
    for shape in (r"(?i)\b({})\b", r"({})s?,", r"({})(?:b|\s)"):
        expected = re.compile(shape.format(plain))
        trie = re.compile(shape.format(word_alternation(found)))
        assert [(m.span(), m.groups()) for m in trie.finditer(text)] == [
            (m.span(), m.groups()) for m in expected.finditer(text)
        ]


def test_the_class_noun_index_answers_as_has_class_noun_for_every_window() -> None:
    for text in [
        "On the COCO Dataset, models_2 and a model-free Benchmarks suite.",
        "Λ-Net, a model (ours).",
    ]:
        index = ClassNounIndex(text)
        for start in range(len(text) + 1):
            for end in range(start, len(text) + 1):
                assert index.within(start, end) == has_class_noun(text[start:end]), (start, end)


window_pieces = st.sampled_from(
    ["model", "Datasets", "such as ", "(", ")", ", ", "and ", "a ", "new ", "X", "x", " ", "-", "_", "1", ":"]
)


@given(st.lists(window_pieces, max_size=16).map("".join), st.integers(0, 40), st.integers(0, 40))
def test_the_before_patterns_are_tried_where_they_may_match(text: str, start: int, end: int) -> None:
    index = ClassNounIndex(text)
    start, end = sorted((min(start, len(text)), min(end, len(text))))
    window = text[start:end]
    found = first_match(_BEFORE, window, index.starts_within(start, end))
    expected = _BEFORE.search(window)
    assert (found and (found.span(), found.groups())) == (expected and (expected.span(), expected.groups()))
    if _BEFORE_NOUN.search(window):
        assert ends_in(window, CLASS_NOUNS, ",")


@given(st.lists(window_pieces, max_size=16).map(lambda pieces: "".join(pieces).lower()))
def test_the_class_noun_index_starts_where_the_plain_pattern_matches(text: str) -> None:
    plain = re.compile(rf"\b(?:{word_alternation(CLASS_NOUNS)})")
    assert ClassNounIndex(text).starts == [m.start() for m in plain.finditer(text)]


instance_pieces = st.sampled_from(
    ["method", "models", "Models", "Janus", "Dromedary", "x", " ", "  ", "(", "is", ","]
)


@given(st.lists(instance_pieces, max_size=12).map("".join))
def test_class_instances_are_the_capitalised_words_after_a_lower_case_class_noun(text: str) -> None:
    plain = []
    for match in re.finditer(r" ([A-Z][a-z]+[A-Za-z]*)(?=\s+[a-z])", text):
        word = text[text.rfind(" ", 0, match.start()) + 1 : match.start()]
        if word in CLASS_NOUNS:
            plain.append((word, *match.span(1)))
    assert _class_examples(text) == plain  # no example cue ("such as") among the pieces
