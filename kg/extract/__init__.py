"""Extraction: a spaCy pipeline that finds the six entity types in each paper.

``nlp()`` returns the configured pipeline, ``spacy.blank("en")`` plus these
registered components (each usable in a pipeline of one's own with ``add_pipe``):

- ``kg_sentences`` (``sentences.py``): sentence bounds from the text, ``doc._.kg_sentences``;
- ``kg_abbreviations`` (``abbreviations.py``): Schwartz-Hearst long/short pairs,
  ``doc._.kg_abbreviations``;
- ``kg_known_names`` (``known_names.py``): names from the shipped PwC/HELM/Epoch list,
  ``doc.spans["kg_known"]`` (source ids via ``span._.kg_source_id`` and ``lookup``);
- ``kg_name_shapes`` (``shapes.py``): coined names ("SoftREPA", "EvalMuse-40K"), names the
  text gives ("called X") and Title Case names, ``doc.spans["kg_shapes"]``;
- ``kg_phrases`` (``phrases.py``): tasks, techniques and measures typed by their head word,
  ``doc.spans["kg_phrases"]``;
- ``kg_entities`` (``entities.py``, with ``cues.py``): ``doc.ents`` from those spans, one type
  per name, generic class words dropped;
- ``kg_roles`` (``roles.py``): ``span._.kg_role``, introduced or evaluated_on.

``extract`` runs it over papers, one doc per field::

    >>> from kg.model import Paper
    >>> [found] = extract([Paper("p1", "DPG-Bench: a benchmark", "We propose DPG-Bench.")])
    >>> [(m.text, m.type, m.field, m.role) for m in found.mentions]
    [('DPG-Bench', 'Benchmark', 'title', 'introduced'), ('DPG-Bench', 'Benchmark', 'abstract', 'introduced')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import NamedTuple

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# Importing the component modules registers their factories.
from kg.extract import abbreviations, known_names, phrases, roles, sentences, shapes  # noqa: F401
from kg.extract.entities import settled_names, spelling_key, title_long_forms
from kg.extract.extensions import Candidate, doc_value, entities_of, sentences_of, set_doc_value
from kg.model import Abbreviation, Field, Mention, Paper, PaperMentions

PIPELINE_VERSION = "11"


@cache
def nlp() -> Language:
    """The extraction pipeline, built once per process."""
    pipeline = spacy.blank("en")
    pipeline.add_pipe("kg_sentences")
    pipeline.add_pipe("kg_abbreviations")
    pipeline.add_pipe("kg_known_names")
    pipeline.add_pipe("kg_name_shapes")
    pipeline.add_pipe("kg_phrases")
    pipeline.add_pipe("kg_entities")
    pipeline.add_pipe("kg_roles")
    return pipeline


def entities_only() -> dict[str, dict[str, bool]]:
    """``component_cfg`` for ``nlp().pipe`` that leaves out what only users of spaCy's objects read.

    The components pass on what they need in ``doc._.kg_*`` attributes; sentence starts,
    span groups and ``doc.ents`` are for users (``extract`` runs the pipeline so). The
    entities are in ``doc._.kg_entities`` either way:

    >>> [doc] = nlp().pipe(["We propose SoftREPA."], component_cfg=entities_only())
    >>> doc.ents, [(e.start, e.end, e.label_) for e in doc._.kg_entities]
    ((), [(2, 3, 'Method')])
    """
    return {
        "kg_sentences": {"sent_starts": False},
        "kg_known_names": {"span_groups": False},
        "kg_name_shapes": {"span_groups": False},
        "kg_phrases": {"span_groups": False},
        "kg_entities": {"ents": False},
    }


class _Found(NamedTuple):
    """A mention before its paper's names are settled (``settled_names`` reads the first four)."""

    key: str  # spelling_key of the text
    type: str
    field: Field
    role: str | None
    text: str
    start: int
    end: int
    sentence: tuple[int, int]


def _mentions(doc: Doc, ents: list[Candidate], text: str, field: Field) -> Iterator[_Found]:
    """The mentions of ``ents``, the doc's entities; ``text`` is the field's text (the doc's has
    spaces for newlines; offsets are the same)."""
    role_of = doc_value(doc, "kg_roles") or {}
    for ent, sentence in zip(ents, sentences_of(doc, [e.start_char for e in ents]), strict=True):
        # The tokenizer keeps a full stop on some names ("SECLA-B."); the name ends before it.
        end = ent.end_char - 1 if text[ent.end_char - 1] in ".,;:" else ent.end_char
        name = text[ent.start_char : end]
        role = role_of.get((ent.start, ent.end)) if role_of else None
        yield _Found(spelling_key(name), ent.label_, field, role, name, ent.start_char, end, sentence)


def _paper_mentions(paper: Paper, found: list[_Found], pairs: dict[Abbreviation, None]) -> PaperMentions:
    """The paper's mentions, each name with one type and role (``settled_names``)."""
    if pairs:
        found = _with_title_long_forms(paper.title, found, pairs)
    settled = settled_names([row[:4] for row in found], pairs)
    mentions = []
    for key, _, field, role, name, start, end, sentence in found:
        kind, introduced = settled[key]
        role = "introduced" if introduced else role
        mentions.append(Mention(name, kind, field, start, end, role, sentence))  # type: ignore[arg-type]
    return PaperMentions(paper, tuple(mentions), tuple(pairs))


def _with_title_long_forms(title: str, found: list[_Found], pairs: dict[Abbreviation, None]) -> list[_Found]:
    """``found`` with the title's uses of defined long forms, in place of the title's names inside
    them ("Zorb Distillation" of "Zorb Distillation for Preference Transfer"); longer ones stay."""
    spans = title_long_forms(title, [pair.long for pair in pairs])
    if not spans:
        return found
    kinds = {row.key: row.type for row in found}
    kept = [
        row
        for row in found
        if row.field != "title"
        or not any(s <= row.start and row.end <= e and row.end - row.start < e - s for s, e in spans)
    ]
    present = {(row.start, row.end) for row in kept if row.field == "title"}
    for start, end in spans:
        key = spelling_key(title[start:end])
        if key in kinds and (start, end) not in present:
            kept.append(_Found(key, kinds[key], "title", None, title[start:end], start, end, (0, len(title))))
    return sorted(kept, key=lambda row: (row.field != "title", row.start))


def _abbreviations(doc: Doc, ents: list[Candidate], text: str) -> Iterator[Abbreviation]:
    """The defined pairs both of whose forms are entities (generic ones, "LLMs", are not)."""
    pairs = doc_value(doc, "kg_abbreviations")
    if not pairs:
        return
    entities = {(e.start, e.end) for e in ents}
    for long, short in pairs:
        if (long.start, long.end) in entities and (short.start, short.end) in entities:
            yield Abbreviation(text[long.start_char : long.end_char], text[short.start_char : short.end_char])


def extract(papers: Iterable[Paper], batch_size: int = 256) -> Iterator[PaperMentions]:
    """Find the entity mentions of each paper, in input order."""
    pipeline = nlp()

    def fields() -> Iterator[tuple[Doc, tuple[Paper, Field]]]:
        for paper in papers:
            for field in ("title", "abstract"):
                # The tokenizer is ~9x slower on text with newlines; the swap keeps offsets.
                text = paper.text(field).replace("\n", " ")
                doc = pipeline.make_doc(text)
                set_doc_value(doc, "kg_field", field)
                if field == "abstract":
                    set_doc_value(doc, "kg_title", paper.title)
                set_doc_value(doc, "kg_text", text)
                yield doc, (paper, field)

    current: Paper | None = None
    found: list[_Found] = []
    pairs: dict[Abbreviation, None] = {}
    docs = pipeline.pipe(fields(), as_tuples=True, batch_size=batch_size, component_cfg=entities_only())
    for doc, (paper, field) in docs:
        if paper is not current:
            if current is not None:
                yield _paper_mentions(current, found, pairs)
            current, found, pairs = paper, [], {}
        text, ents = paper.text(field), entities_of(doc)
        found.extend(_mentions(doc, ents, text, field))
        pairs.update(dict.fromkeys(_abbreviations(doc, ents, text)))
    if current is not None:
        yield _paper_mentions(current, found, pairs)


def as_record(found: PaperMentions) -> dict[str, object]:
    """One line of ``kg extract``'s output, in the scorer's contract (see README)."""
    entities = []
    for mention in found.mentions:
        entity: dict[str, object] = {
            "text": mention.text,
            "type": mention.type,
            "field": found.paper.abstract_key if mention.field == "abstract" else mention.field,
            "start": mention.start,
            "end": mention.end,
        }
        if mention.role:
            entity["role"] = mention.role
        entities.append(entity)
    aliases = [[pair.long, pair.short] for pair in found.abbreviations]
    return {"id": found.paper.id, "entities": entities, "aliases": aliases}
