"""``kg.extract.phrases``: an "X-free" compound says what a thing lacks, so it starts no name."""

from __future__ import annotations

from kg.extract.phrases import find_phrases, is_term_word


def test_a_free_compound_is_no_term_word() -> None:
    assert not is_term_word("grammar-free")
    assert is_term_word("grammar-aware")


def test_a_free_compound_before_a_head_gives_no_phrase() -> None:
    text = "It extends to other grammar-free loss functions."
    assert find_phrases(text) == []


def test_a_term_word_after_a_free_compound_still_starts_the_name() -> None:
    text = "A grammar-free contrastive learning recipe."
    assert [(text[s:e], t) for s, e, t in find_phrases(text)] == [("contrastive learning", "Method")]
