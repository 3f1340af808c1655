"""``kg.extract.roles``: the one-scan forms of its trigger searches find what the plain forms find."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kg.extract import roles

pieces = st.sampled_from(
    ["we", "us", "Our ", "this ", "here", "test", "SOTA", "results", " ", "(", "x", "_", "é"]
)


@given(st.lists(pieces, max_size=12).map("".join))
def test_trigger_words_are_found_by_one_scan_where_each_list_finds_them(text: str) -> None:
    assert roles._trigger_starts(text) == (
        roles._word_starts(text, roles._INTRODUCE_STARTS),
        roles._word_starts(text, roles._EVALUATE_STARTS),
    )


naming_pieces = st.sampled_from(
    [
        "a new benchmark",
        "our model",
        ",",
        " ",
        "  ",
        "the",
        "namely",
        "called",
        "Named",
        "as",
        "x",
        "5",
        "_",
        "\u017f",
    ]
)


@given(st.lists(naming_pieces, max_size=10).map("".join))
def test_a_name_is_named_where_the_pattern_says(text: str) -> None:
    assert roles._names_next(text, 0, len(text)) == (roles._NAMED.search(text) is not None)
