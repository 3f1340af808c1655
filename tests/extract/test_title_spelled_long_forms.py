"""A title "SF: Long Form ..." whose first words spell its head names the head's long form, introduced."""

from __future__ import annotations

from kg.extract import extract
from kg.extract.abbreviations import title_long_form
from kg.model import Paper


def _title_mentions(title: str, abstract: str = "We test it on toy data.") -> list[tuple[str, str | None]]:
    [found] = extract([Paper("p1", title, abstract)])
    return [(m.text, m.role) for m in found.mentions if m.field == "title"]


def _long_form(title: str) -> str | None:
    pair = title_long_form(title)
    return None if pair is None else title[pair.long_start : pair.long_end]


def test_the_spelling_words_are_the_long_form_and_both_are_introduced() -> None:
    mentions = _title_mentions("ZQRT: Zonal Query-Routing Transformer for Sparse Maps")
    assert ("ZQRT", "introduced") in mentions
    assert ("Zonal Query-Routing Transformer", "introduced") in mentions


def test_an_article_and_function_words_are_passed_over() -> None:
    title = "GLOVA: A Gated Lattice Of Vector Attention for Graphs"
    assert _long_form(title) == "Gated Lattice Of Vector Attention"


def test_a_class_noun_after_the_spelling_words_belongs_to_the_name() -> None:
    assert _long_form("PMR: Patch Mixing Reranker Network in Practice") == "Patch Mixing Reranker Network"


def test_class_words_a_head_spells_are_its_name_not_a_class() -> None:
    # "Video Audio Vision Transformer" elsewhere is a generic class of models (GUIDELINES.md).
    assert ("Video Audio Vision Transformer", "introduced") in _title_mentions(
        "VAVT: A Video Audio Vision Transformer"
    )


def test_words_that_spell_something_else_give_nothing() -> None:
    assert _long_form("ZQRT: Routing Queries by Zones") is None
    assert ("Routing Queries", "introduced") not in _title_mentions("ZQRT: Routing Queries by Zones")


def test_a_head_built_on_a_name_keeps_the_name_alone() -> None:
    # "Quantized GPT" spells Q-GPT's capitals, but the words hold GPT, a name of its own.
    assert _long_form("Q-GPT: Quantized GPT for Phones") is None


def test_a_head_of_one_capital_or_a_plain_title_gives_nothing() -> None:
    assert _long_form("Zorbo: Zero Order Robust Boosting for Trees") is None
    assert _long_form("Zonal Query Routing for Sparse Maps") is None


def _roles(title: str, abstract: str) -> dict[str, str | None]:
    [found] = extract([Paper("p1", title, abstract)])
    return {m.text: m.role for m in found.mentions}


def test_a_title_name_whose_initials_end_with_the_heads_capitals_is_introduced() -> None:
    found = _roles("FarGT: Gaze in Cars via Near-to-Far Gaze Tracking", "We test it on toy data.")
    assert found.get("Near-to-Far Gaze Tracking") == "introduced"


def test_an_abstract_name_spelling_the_title_head_is_introduced() -> None:
    abstract = "We present DiG, a self-supervised Dense Item Grouper model for receipts."
    assert _roles("DiG: Grouping Receipts", abstract).get("Dense Item Grouper") == "introduced"


def test_a_lower_case_phrase_with_the_same_initials_is_not() -> None:
    abstract = "We present DiG, trained with dense item grouping on receipts."
    assert _roles("DiG: Grouping Receipts", abstract).get("dense item grouping") is None


def test_a_rest_of_capitalised_words_the_head_abbreviates_letter_by_letter_is_its_name() -> None:
    mentions = _title_mentions("Zeta: Zoned Entropy Gated Attention")
    assert ("Zoned Entropy Gated Attention", "introduced") in mentions


def test_a_rest_with_lower_case_words_or_other_letters_is_not_one_name() -> None:
    assert _long_form("Zeta: Zoned Entropy for Gated Attention") is None
    assert _long_form("Zeta: Quick Brown Foxes") is None
