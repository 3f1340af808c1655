"""Where Title Case names start: not at a scored measure ("57.9 PQ for ..."), a size, a language."""

from __future__ import annotations

from spacy.language import Language

from kg.extract.shapes import find_titled


def test_a_scored_acronym_starts_no_title_case_name() -> None:
    text = "Zorblax reaches 61.2 RQ for Rook Board Parsing on the test split."
    assert find_titled(text) == []


def test_an_acronym_in_a_name_with_no_figure_before_is_kept() -> None:
    text = "We evaluate on QA for Rook Board Parsing this year."
    assert [text[s:e] for s, e, _ in find_titled(text)] == ["QA for Rook Board Parsing"]


def test_the_measure_is_found_alone(pipeline: Language) -> None:
    doc = pipeline("Zorblax reaches 61.2 RQ for Rook Board Parsing on the test split.")
    assert ("RQ", "Metric") in [(e.text, e.label_) for e in doc.ents]


def test_a_parameter_count_starts_no_title_case_name() -> None:
    text = "The 7B and 13B Quill Owl variants support glyph repair."
    assert [text[s:e] for s, e, _ in find_titled(text)] == ["Quill Owl"]


def test_a_language_and_plain_words_start_no_technique() -> None:
    text = "A pre-trained model for Danish Limericks and the Danish Penn Treebank."
    assert [(text[s:e], kind) for s, e, kind in find_titled(text)] == [("Danish Penn Treebank", "Dataset")]
