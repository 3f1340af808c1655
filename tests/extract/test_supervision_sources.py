"""``kg.extract.phrases``: "X supervision" where X is data or an annotator says where a signal comes from."""

from __future__ import annotations

from kg.extract.phrases import find_phrases


def test_supervision_from_a_kind_of_data_is_no_technique() -> None:
    for text in ["It learns from noisy caption supervision.", "There is no ground-truth supervision here."]:
        assert find_phrases(text) == [], text


def test_a_named_kind_of_supervision_stays_a_technique() -> None:
    text = "FooNet is trained with distant supervision."
    assert [(text[s:e], t) for s, e, t in find_phrases(text)] == [("distant supervision", "Method")]
