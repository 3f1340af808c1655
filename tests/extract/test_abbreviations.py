"""``kg.extract.abbreviations``: the faster forms of its searches find what the plain forms find."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from kg.extract.abbreviations import _clause_start, _last_words_start

pieces = st.sampled_from(
    ["One", "x", " ", "  ", "\t", ".", ";", ":", "!", "?", "(", ")", "[", "]", "3.5", "\xa0"]
)
texts = st.lists(pieces, max_size=14).map("".join)


@given(texts, st.integers(min_value=0, max_value=40))
def test_clause_start_is_the_end_of_the_last_clause_end_before_it(text: str, end: int) -> None:
    clause_end = re.compile(r"[.;:!?()\[\]](?:\s|(?<=[()\[\]]))")
    end = min(end, len(text))
    expected = max((m.end() for m in clause_end.finditer(text, 0, end)), default=0)
    assert _clause_start(text, end) == expected


@given(texts, st.integers(min_value=0, max_value=40), st.integers(min_value=1, max_value=6))
def test_last_words_start_where_the_plain_word_search_says(text: str, start: int, n: int) -> None:
    start = min(start, len(text))
    words = list(re.compile(r"[^\s]+").finditer(text, start))
    expected = words[max(0, len(words) - n)].start() if words else None
    assert _last_words_start(text, start, len(text), n) == expected
