"""``kg.extract.shapes``: the faster forms of its searches find what the plain forms find."""

from __future__ import annotations

import re
from functools import cache

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from kg.extract.shapes import (
    _BENCHMARK,
    _BENCHMARK_MARK,
    _BENCHMARK_WORD,
    _CAPITALISED,
    _MODEL_SIZE,
    _NAME,
    _NAME_MARK,
    _SIZE_MARK,
    _TITLED,
    _VERSIONED,
    _chunks,
    _known_model_inside,
    _shaped_model_names,
    _versioned_starts,
    shape_type,
)


@cache
def _listed_at_either_end() -> re.Pattern[str]:
    alternatives = "|".join(map(re.escape, sorted(_shaped_model_names(), key=len, reverse=True)))
    return re.compile(rf"^(?:{alternatives})(?=[a-z0-9])|(?<=[A-Za-z0-9])(?:{alternatives})$")


def _by_pattern(name: str) -> bool:
    """The regular expression ``_known_model_inside`` used before: a listed model at either end."""
    head = re.split(r"[-_ ]", name, maxsplit=1)[0]
    return (head != name and shape_type(head) == "Model") or _listed_at_either_end().search(name) is not None


@pytest.mark.parametrize(
    "name",
    ["BARTpho", "PLBART", "Swin2SR", "SoftREPA", "BART", "xBART", "-BART", "BARTX", "BART\n", "aBART\n", "é"],
)
def test_known_model_inside_is_the_pattern(name: str) -> None:
    assert _known_model_inside(name) == _by_pattern(name)


model_pieces = st.sampled_from(
    ["BART", "pho", "PL", "Swin2SR", "Soft", "REPA", "GPT-4", "x", "2", "-", " ", "\n"]
)


@given(st.lists(model_pieces, max_size=6).map("".join))
def test_known_model_inside_finds_what_the_pattern_finds(name: str) -> None:
    """The look-ups of a name's shape and of its first and last four characters only save work."""
    assert _known_model_inside(name) == _by_pattern(name)


# benchmark and size words, the letters that match "s" and "k" when case is ignored, an Arabic digit
mark_pieces = st.sampled_from(
    ["Bench", "mark", "EVAL", "eval", "Arena", "QA", "qa", "Turing", " Test", " Exam", " ", "-", "_", "v2"]
)
mark_pieces |= st.sampled_from(
    ["7B", "1.5b", "Hard", "instruct", "base", "x", "r50", "\n", "\u017f", "\u212a", "\u0663"]
)


@given(st.lists(mark_pieces, max_size=8).map("".join))
@example("Turing Test")
@example("Board Exam")
@example("ViT-base")
@example("RoBERTa-L")
def test_marks_are_in_every_name_their_patterns_find(name: str) -> None:
    """``_BENCHMARK_MARK`` and ``_SIZE_MARK`` find something wherever the patterns they guard do."""
    if _BENCHMARK.search(name) or _BENCHMARK_WORD.search(name):
        assert _BENCHMARK_MARK.search(name.lower())
    if _MODEL_SIZE.search(name):
        assert _SIZE_MARK.search(name)


# marks, a digit not in ASCII, a Greek letter and letters around them
name_pieces = st.sampled_from(
    ["Soft", "REPA", "x", "B", "2", "-", "-B", "-2", "^", ".", "(", "_", "\u0663", "\u03b1", "\u00e9"]
)


@given(st.lists(name_pieces, max_size=8).map("".join))
@example("Soft-B")
@example("x-2")
def test_name_mark_is_in_every_chunk_with_a_name(chunk: str) -> None:
    if _NAME.search(chunk):
        assert _NAME_MARK.search(chunk)


pieces = st.sampled_from(
    ["Llama", "v2", "2", " ", "-", ".", "7B", "Chat", "x", "é", "A", "^", ",", "\u03b1", "\t"]
)


@given(st.lists(pieces, max_size=12).map("".join))
def test_chunk_and_version_patterns_match_as_their_backtracking_forms(text: str) -> None:
    """``_chunks``' search from each mark and the possessive head of ``_VERSIONED`` only save work."""
    plain_chunk = re.compile(r"(?<!\S)(?=\S*[A-Z0-9^\u0370-\u03ff])\S+")
    backtracking_version = re.compile(_VERSIONED.pattern.replace(r"[\w.-]*+", r"[\w.-]*", 1))
    assert _chunks(text) == [(m.start(), m.group()) for m in plain_chunk.finditer(text)]
    assert [m.groups() for m in _VERSIONED.finditer(text)] == [
        m.groups() for m in backtracking_version.finditer(text)
    ]


# words, white space, marks, a digit not in ASCII, a Greek letter and a dash past U+0660
titled_pieces = st.sampled_from(
    ["Large", "Models", "in the", " ", "\t", "-", "3D", "^2-", "\u0663", "\u03b1", "\u2013"]
)


@given(st.lists(titled_pieces, max_size=12).map("".join))
def test_titled_pattern_matches_as_its_plain_form(text: str) -> None:
    """``_TITLED`` skips to a wider class of first characters, checks the plain one after and takes
    the first word possessively."""
    plain = re.compile(rf"(?<![\w-]){_CAPITALISED}(?:\s(?:(?:of|for|in|in the)\s)?{_CAPITALISED})+(?![\w-])")
    assert [m.span() for m in _TITLED.finditer(text)] == [m.span() for m in plain.finditer(text)]


version_pieces = st.sampled_from(
    ["Llama", "x", "v2", "2", "3.5", "7B", "Chat", " ", "-", ".", "\u0663", "v\u0663", "\t"]
)


@given(st.lists(version_pieces, max_size=12).map("".join))
def test_version_starts_from_the_chunks_are_those_from_every_space(text: str) -> None:
    assert _versioned_starts(text, _chunks(text)) == _versioned_starts(text)
