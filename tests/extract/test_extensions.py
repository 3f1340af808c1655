"""``kg.extract.extensions``: the tuples components pass on hold what spaCy's spans would."""

from __future__ import annotations

import spacy
from hypothesis import assume, given
from hypothesis import strategies as st
from spacy.language import Language

from kg.extract import entities_only
from kg.extract.extensions import candidate, candidates_at, doc_value, entities_of, token_at, token_span

tokenizer = spacy.blank("en")
texts = st.text(alphabet="ab .-(\n", max_size=20)


@given(texts, st.integers(-2, 22), st.integers(-2, 22))
def test_candidates_are_what_char_span_expands_to(text: str, start: int, end: int) -> None:
    doc = tokenizer(text)
    try:
        span = doc.char_span(start, end, label="Task", alignment_mode="expand")
    except IndexError:
        assume(False)  # spaCy's own bounds run backwards: no component proposes such a range
    expected = [candidate(span)] if span is not None and len(span) else []
    assert candidates_at(doc, [(start, end, "Task")]) == expected


@given(texts, st.integers(-2, 22))
def test_token_at_is_the_token_spacy_finds(text: str, char: int) -> None:
    doc = tokenizer(text)
    span = doc.char_span(char, char + 1, alignment_mode="expand") if 0 <= char < len(text) else None
    found = token_at(doc, char)
    if span is None:
        assert found == -1
    else:
        assert found in (span.start, span.start - 1)  # span.start is past the token ending at char


TEXT = "We propose SoftREPA, which aligns CLIP with DPO on the COCO dataset for image captioning."


def test_span_groups_and_ents_hold_the_tuples(pipeline: Language) -> None:
    doc = pipeline(TEXT)
    for key, found in doc_value(doc, "kg_candidates").items():
        assert [candidate(span) for span in doc.spans[key]] == found
    assert [candidate(ent) for ent in doc.ents] == entities_of(doc)
    assert [ent.text for ent in doc.ents] == ["SoftREPA", "CLIP", "DPO", "COCO", "image captioning"]


def test_skipping_what_only_users_read_keeps_the_entities(pipeline: Language) -> None:
    text = f"{TEXT} It wins on COCO."
    full = pipeline(text)
    [doc] = pipeline.pipe([text], component_cfg=entities_only())
    assert len(list(full.sents)) == 2 and not doc.has_annotation("SENT_START")
    assert not doc.spans
    assert not doc.ents
    assert entities_of(doc) == entities_of(full)
    assert doc_value(doc, "kg_roles") == doc_value(full, "kg_roles")


@given(texts, st.integers(0, 22), st.integers(0, 22))
def test_token_span_is_where_char_span_makes_a_span(text: str, start: int, end: int) -> None:
    doc = tokenizer(text)
    span = doc.char_span(start, end) if start < end else None
    assert token_span(doc, start, end) == (None if span is None else (span.start, span.end))
