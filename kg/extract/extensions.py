"""The custom ``Doc`` and ``Span`` attributes the ``kg_*`` components read and write.

- ``doc._.kg_field``: which field of a paper the doc holds, ``"title"`` or ``"abstract"``
  (set by ``kg.extract.extract``; components that treat titles differently read it).
- ``doc._.kg_abbreviations``: the ``(long, short)`` span pairs defined in the doc
  (written by ``kg_abbreviations``).
- ``doc._.kg_roles``: the role, ``"introduced"`` or ``"evaluated_on"``, of each entity that has
  one, keyed by its token bounds ``(start, end)`` (written by ``kg_roles``, in one assignment:
  each ``._.`` access costs microseconds, more than a dict look-up per entity).
- ``span._.kg_role``: the span's role in ``doc._.kg_roles``, or None.
- ``doc._.kg_sentences``: the character spans of the doc's sentences (written by
  ``kg_sentences``; ``Span.sent`` walks the doc's tokens each time it is read).
- ``doc._.kg_title``: on an abstract's doc, the paper's title (set by ``kg.extract.extract``;
  ``kg_entities`` finds the name a title heads, "Marten: ...", in the abstract too).
- ``doc._.kg_text``: the doc's text, kept by ``doc_text`` (``Doc.text`` joins the tokens
  anew on each access, which costs more than tokenising).
- ``doc._.kg_candidates``: the names each proposing component found, as ``Candidate``
  tuples keyed by the component's ``spans_key`` (``kg_entities`` reads them; ``doc.spans``
  holds the same as ``Span`` objects, for users, unless the pipeline is run with
  ``span_groups=False``, as ``kg.extract.extract`` runs it).
- ``doc._.kg_entities``: the entities ``kg_entities`` chose, as ``Candidate`` tuples in
  text order (``doc.ents`` holds them as spans, unless run with ``ents=False``).
- ``doc._.kg_token_bounds``: the start and end offsets of the doc's tokens, read once
  (``token_bounds``).

Importing this module registers them; registering twice is harmless. The components
read and write them with ``doc_value`` and ``set_doc_value``, which skip the ``doc._``
object spaCy builds on every access.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import Any, NamedTuple

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, LENGTH
from spacy.tokens import Doc, Span

_DEFAULTS: dict[str, Any] = {
    "kg_candidates": None,
    "kg_entities": None,
    "kg_token_bounds": None,
    "kg_field": "abstract",
    "kg_abbreviations": [],
    "kg_roles": None,
    "kg_sentences": None,
    "kg_text": None,
    "kg_title": None,
}
for _name, _default in _DEFAULTS.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def doc_value(doc: Doc, name: str) -> Any:
    """``doc._.<name>`` for one of the attributes above, read where spaCy keeps it.

    ``doc._`` builds an ``Underscore`` object at each access, which costs microseconds
    (components read these attributes a dozen times per doc); spaCy keeps a doc's
    values in ``doc.user_data`` under ``("._.", name, None, None)``. The default is
    returned as it is: callers do not change it.

    >>> import spacy
    >>> doc = spacy.blank("en")("A title.")
    >>> doc._.kg_field = "title"
    >>> doc_value(doc, "kg_field"), doc_value(doc, "kg_title"), doc_value(doc, "kg_abbreviations")
    ('title', None, [])
    """
    return doc.user_data.get(("._.", name, None, None), _DEFAULTS[name])


def set_doc_value(doc: Doc, name: str, value: Any) -> None:
    """``doc._.<name> = value`` for one of the attributes above, without building ``doc._``.

    >>> import spacy
    >>> doc = spacy.blank("en")("A title.")
    >>> set_doc_value(doc, "kg_title", "A title.")
    >>> doc._.kg_title
    'A title.'
    """
    if name not in _DEFAULTS:
        raise AttributeError(f"no doc attribute {name!r} in kg.extract.extensions")
    doc.user_data[("._.", name, None, None)] = value


def _role(span: Span) -> str | None:
    roles = doc_value(span.doc, "kg_roles")
    return roles.get((span.start, span.end)) if roles else None


def _set_role(span: Span, role: str | None) -> None:
    roles = dict(doc_value(span.doc, "kg_roles") or {})
    roles.pop((span.start, span.end), None)
    if role is not None:
        roles[(span.start, span.end)] = role
    set_doc_value(span.doc, "kg_roles", roles)


if not Span.has_extension("kg_role"):
    Span.set_extension("kg_role", getter=_role, setter=_set_role)


def doc_text(doc: Doc) -> str:
    """``doc.text``, read once per doc: spaCy joins the tokens anew on each access."""
    text = doc_value(doc, "kg_text")
    if text is None:
        text = doc.text
        set_doc_value(doc, "kg_text", text)
    return text


def sentence_of(doc: Doc, char: int) -> tuple[int, int]:
    """The character span of the sentence (``doc._.kg_sentences``) that holds offset ``char``.

    >>> import spacy, kg.extract.sentences
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("kg_sentences")
    >>> sentence_of(nlp("One. Two three."), 7)
    (5, 15)
    """
    return sentences_of(doc, [char])[0]


def sentences_of(doc: Doc, chars: Iterable[int]) -> list[tuple[int, int]]:
    """``sentence_of`` for many offsets, reading the doc's extension attributes once.

    >>> import spacy, kg.extract.sentences
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("kg_sentences")
    >>> sentences_of(nlp("One. Two three."), [0, 7])
    [(0, 4), (5, 15)]
    """
    bounds = doc_value(doc, "kg_sentences") or [(0, len(doc_text(doc)))]
    if len(bounds) == 1:
        return [bounds[0] for _ in chars]
    starts = [start for start, _ in bounds]
    return [bounds[max(0, bisect_right(starts, char) - 1)] for char in chars]


class Candidate(NamedTuple):
    """A proposed or chosen entity: the bounds and label a ``Span`` has, as a plain tuple.

    Components pass names on as these: a ``Span`` costs microseconds to make and to read.
    """

    start: int
    end: int
    start_char: int
    end_char: int
    label_: str


def token_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """The start and end character offsets of the doc's tokens, read once per doc.

    >>> import spacy
    >>> token_bounds(spacy.blank("en")("We use  CLIP."))
    ([0, 3, 7, 8, 12], [2, 6, 8, 12, 13])
    """
    bounds = doc_value(doc, "kg_token_bounds")
    if bounds is None:
        values = doc.to_array([IDX, LENGTH])
        bounds = (values[:, 0].tolist(), (values[:, 0] + values[:, 1]).tolist())
        set_doc_value(doc, "kg_token_bounds", bounds)
    return bounds


def token_text(doc: Doc, i: int) -> str:
    """``doc[i].text``, without making a ``Token``.

    >>> import spacy
    >>> token_text(spacy.blank("en")("the 175B model"), 1)
    '175B'
    """
    starts, ends = token_bounds(doc)
    return doc_text(doc)[starts[i] : ends[i]]


def token_at(doc: Doc, char: int) -> int:
    """The index of the token that holds offset ``char`` (with the white space after it), or -1.

    >>> import spacy
    >>> doc = spacy.blank("en")("We use  CLIP.")
    >>> [token_at(doc, char) for char in (0, 2, 3, 7, 12, 13)]
    [0, 0, 1, 2, 4, -1]
    """
    if not 0 <= char < len(doc_text(doc)):
        return -1
    return bisect_right(token_bounds(doc)[0], char) - 1


def token_span(doc: Doc, start_char: int, end_char: int) -> tuple[int, int] | None:
    """The token bounds of ``doc.char_span(start_char, end_char)``, or None where it gives None.

    Characters that do not start and end tokens make no span (``alignment_mode="strict"``).

    >>> import spacy
    >>> doc = spacy.blank("en")("We use CLIP-based models.")
    >>> token_span(doc, 7, 11), token_span(doc, 7, 17), token_span(doc, 8, 11)
    ((2, 3), (2, 5), None)
    """
    starts, ends = token_bounds(doc)
    start = bisect_left(starts, start_char)
    if start == len(starts) or starts[start] != start_char:
        return None
    end = bisect_left(ends, end_char, start)
    if end == len(ends) or ends[end] != end_char:
        return None
    return start, end + 1


def candidates_at(doc: Doc, found: Iterable[tuple[int, int, str]]) -> list[Candidate]:
    """Labelled candidates for ``(start_char, end_char, label)`` triples, widened to whole tokens.

    What ``doc.char_span(start, end, label, alignment_mode="expand")`` gives, less the
    empty spans and those it gives None for, without making a ``Span``.

    >>> import spacy
    >>> candidates_at(spacy.blank("en")("We use CLIP-based models."), [(9, 13, "Model"), (30, 40, "Task")])
    [Candidate(start=2, end=5, start_char=7, end_char=17, label_='Model')]
    """
    starts, ends = token_bounds(doc)
    size = len(doc_text(doc))
    candidates = []
    for start_char, end_char, label in found:
        # token_at for both ends, with the doc's attributes read once (~1 us a call otherwise)
        if not (0 <= start_char < size and 0 < end_char <= size):
            continue
        start, last = bisect_right(starts, start_char) - 1, bisect_right(starts, end_char - 1) - 1
        if start < 0 or last < 0:
            continue
        if start_char == ends[start]:
            start += 1  # the white space after a token is not part of it
        if last >= start:
            # ``_make`` builds the tuple in C: less than half the time the class call takes
            candidates.append(Candidate._make((start, last + 1, starts[start], ends[last], label)))
    return candidates


def candidate(span: Span, label: str | None = None) -> Candidate:
    """A span's bounds and label (or ``label``), read once."""
    return Candidate(span.start, span.end, span.start_char, span.end_char, label or span.label_)


def propose(doc: Doc, spans_key: str, found: list[Candidate], span_groups: bool) -> None:
    """Store a component's candidates in ``doc._.kg_candidates`` and, if ``span_groups``, ``doc.spans``."""
    proposed = doc_value(doc, "kg_candidates")
    if proposed is None:
        proposed = {}
        set_doc_value(doc, "kg_candidates", proposed)
    proposed[spans_key] = found
    if span_groups:
        doc.spans[spans_key] = [Span(doc, c.start, c.end, label=c.label_) for c in found]


def proposed(doc: Doc, spans_key: str) -> list[Candidate]:
    """The candidates under ``spans_key``: those a ``kg_*`` component stored, else ``doc.spans``'s."""
    found = (doc_value(doc, "kg_candidates") or {}).get(spans_key)
    if found is None:
        found = [candidate(span) for span in doc.spans.get(spans_key, [])]
    return found


def entities_of(doc: Doc) -> list[Candidate]:
    """The doc's entities: those ``kg_entities`` stored, else ``doc.ents``'s."""
    found = doc_value(doc, "kg_entities")
    return [candidate(ent) for ent in doc.ents] if found is None else found


# Token.ent_iob values: inside, outside, beginning.
_INSIDE, _OUTSIDE, _BEGIN = 1, 2, 3


def set_entities(doc: Doc, ents: Iterable[tuple[int, int, str]]) -> None:
    """``doc.set_ents`` for labelled, non-overlapping token spans ``(start, end, label)``.

    Writes the same token annotation (every other token outside any entity) as one
    array: ``set_ents`` compares its mode in Python at every token, which costs a fifth
    of tokenising the doc.

    >>> import spacy
    >>> doc = spacy.blank("en")("We align CLIP with DPO.")
    >>> set_entities(doc, [(2, 3, "Model"), (4, 5, "Method")])
    >>> [(e.text, e.label_) for e in doc.ents]
    [('CLIP', 'Model'), ('DPO', 'Method')]
    """
    values = numpy.zeros((len(doc), 2), dtype="uint64")
    values[:, 0] = _OUTSIDE
    strings = doc.vocab.strings
    for start, end, label in ents:
        values[start, 0] = _BEGIN
        values[start + 1 : end, 0] = _INSIDE
        values[start:end, 1] = strings.add(label)
    doc.from_array([ENT_IOB, ENT_TYPE], values)
