"""``kg.extract.shapes``: the faster forms of its searches find what the plain forms find."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.extract.shapes import (
    _CAPITALISED,
    _TITLED,
    _VERSIONED,
    _chunks,
    _known_model_inside,
    _shaped_model_names,
    _versioned_starts,
    shape_type,
)


def _by_pattern(name: str) -> bool:
    """The regular expression ``_known_model_inside`` used before: a listed model at either end."""
    alternatives = "|".join(map(re.escape, sorted(_shaped_model_names(), key=len, reverse=True)))
    pattern = re.compile(rf"^(?:{alternatives})(?=[a-z0-9])|(?<=[A-Za-z0-9])(?:{alternatives})$")
    head = re.split(r"[-_ ]", name, maxsplit=1)[0]
    return (head != name and shape_type(head) == "Model") or pattern.search(name) is not None


@pytest.mark.parametrize(
    "name",
    ["BARTpho", "PLBART", "Swin2SR", "SoftREPA", "BART", "xBART", "-BART", "BARTX", "BART\n", "aBART\n", "é"],
)
def test_known_model_inside_is_the_pattern(name: str) -> None:
    assert _known_model_inside(name) == _by_pattern(name)


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
