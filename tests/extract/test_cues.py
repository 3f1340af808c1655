"""``kg.extract.cues``: the class-noun pre-check agrees with the pattern it stands for."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.extract.cues import _ANY_CLASS, CLASS_NOUNS, has_class_noun


@pytest.mark.parametrize("noun", sorted(CLASS_NOUNS))
def test_every_class_noun_is_found_as_the_pattern_finds_it(noun: str) -> None:
    for text in (f"the {noun.upper()} here", f"a {noun}.", f"{noun}s", f"x{noun}", f"({noun}-based"):
        assert has_class_noun(text) == bool(_ANY_CLASS.search(text)), text


pieces = st.sampled_from(["model", "Data", "set", "s", " ", "-", "_", "1", "é", "\u212a", "\u017f"])


@given(st.lists(pieces).map("".join))
def test_has_class_noun_is_the_pattern(text: str) -> None:
    assert has_class_noun(text) == bool(_ANY_CLASS.search(text))
