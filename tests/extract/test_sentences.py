"""``kg.extract.sentences``: the faster form of its search finds what the plain form finds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kg.extract.sentences import _BOUNDARY, _FULL_STOP_BOUNDARY

pieces = st.sampled_from(["One", "x", "2", " ", "\t", ".", '"', ")", "]", "(", "e.g.", "\u2013"])


@given(st.lists(pieces, max_size=12).map("".join))
def test_full_stop_boundary_is_the_boundary_where_a_text_has_no_other_end_mark(text: str) -> None:
    assert [m.span() for m in _FULL_STOP_BOUNDARY.finditer(text)] == [
        m.span() for m in _BOUNDARY.finditer(text)
    ]
