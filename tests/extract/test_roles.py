"""``kg.extract.roles``: the one-scan forms of its trigger searches find what the plain forms find."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kg.extract import roles
from kg.extract.triggers import folds_like_ascii, occurrences


def word_starts(text: str, words: tuple[str, ...]) -> list[int] | None:
    """The offsets where one of ``words`` starts a word, case aside: where the ``(?i)`` pattern may match."""
    if not folds_like_ascii(text):
        return None
    return [
        i
        for i in occurrences(text.lower(), words)
        if i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")  # where ``\b`` holds
    ]


pieces = st.sampled_from(
    [
        "we",
        "us",
        "Our ",
        "this ",
        "here",
        "test",
        "SOTA",
        "results",
        "And",
        "then",
        "also",
        " ",
        "(",
        "x",
        "_",
        "\u00e9",
        "\u00c9",
        "\u017f",
        "\u0130",
    ]
)


@given(st.lists(pieces, max_size=12).map("".join), st.integers(0, 40), st.integers(0, 40))
def test_trigger_words_are_found_by_one_scan_where_each_list_finds_them(
    text: str, start: int, end: int
) -> None:
    def between(starts: list[int] | None) -> list[int] | None:
        return None if starts is None else [i for i in starts if start <= i < end]

    expected = tuple(
        between(word_starts(text, words))
        for words in (roles._INTRODUCE_STARTS, roles._CONJUNCTIONS, roles._EVALUATE_STARTS)
    )
    if folds_like_ascii(text):
        assert roles._trigger_starts(text.lower(), start, end) == expected
    else:
        assert expected == (None, None, None)


def test_no_trigger_word_starts_as_one_of_another_list_does() -> None:
    # The one scan reads which list a word belongs to from the word it found there.
    lists = (roles._INTRODUCE_STARTS, roles._CONJUNCTIONS, roles._EVALUATE_STARTS)
    assert [
        (word, other)
        for words in lists
        for others in lists
        if others is not words
        for word in words
        for other in others
        if other.startswith(word)
    ] == []
    assert len(roles._TRIGGER_WORDS) == sum(map(len, lists))


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
        "co\u0131ned",
    ]
)


@given(st.lists(naming_pieces, max_size=10).map("".join))
def test_a_name_is_named_where_the_pattern_says(text: str) -> None:
    assert roles._names_next(text, 0, len(text)) == (roles._NAMED.search(text) is not None)
