"""Sentence boundaries from the text alone, for speed.

spaCy's ``sentencizer`` reads every token, which costs as much as tokenising an
abstract again; ML abstracts end sentences in a regular way (". " before a capital,
a digit or a bracket), so a regular expression over the text finds the same
boundaries. ``kg_sentences`` stores them in ``doc._.kg_sentences`` and marks the first
token of each sentence, so ``doc.sents`` and ``Span.sent`` work as usual.
"""

from __future__ import annotations

import re

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.extensions import doc_text, set_doc_value, token_at, token_bounds

# A full stop, question or exclamation mark (and any closing quote or bracket), space,
# then a capital, digit or opening bracket; not after "e.g.", "i.e.", "et al.", "vs.", "Fig.".
_AFTER_END = r"[\"')\]]*\s+(?=[A-Z0-9(\[\"'])"
_BOUNDARY = re.compile(rf"[.!?]{_AFTER_END}")
# The same where a text has no "!" or "?", as most have not: the engine finds a pattern's first
# character fast where it is one character, and slowly where it is one of a class.
_FULL_STOP_BOUNDARY = re.compile(rf"\.{_AFTER_END}")
_NOT_AN_END = ("e.g.", "i.e.", " al.", " vs.", "Fig.", "Eq.", "Sec.", "etc.")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` character spans of the sentences of ``text``.

    >>> text = "We use CLIP, i.e. a model. It works (e.g. on COCO). 2 results follow."
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['We use CLIP, i.e. a model.', 'It works (e.g. on COCO).', '2 results follow.']
    """
    bounds = []
    start = 0
    boundary = _BOUNDARY if "!" in text or "?" in text else _FULL_STOP_BOUNDARY
    for match in boundary.finditer(text):
        if text.endswith(_NOT_AN_END, 0, match.start() + 1):
            continue
        bounds.append((start, match.start() + len(match.group().rstrip())))
        start = match.end()
    bounds.append((start, len(text.rstrip())))
    return bounds


@Language.factory("kg_sentences")
class Sentences:
    """Set ``doc._.kg_sentences`` and, unless run with ``sent_starts=False``, the sentence starts of a doc.

    The ``kg_*`` components read ``doc._.kg_sentences`` only; the sentence starts are for
    users of ``doc.sents`` (``kg.extract.extract`` leaves them out).

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("kg_sentences")
    >>> [s.text for s in nlp("One sentence. And another.").sents]
    ['One sentence.', 'And another.']
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc, sent_starts: bool = True) -> Doc:
        bounds = split_sentences(doc_text(doc))
        set_doc_value(doc, "kg_sentences", bounds)
        if sent_starts and len(doc):
            doc[0].is_sent_start = True  # raises on a parsed doc, as spaCy does
            ends = token_bounds(doc)[1]
            starts = []
            for start, _ in bounds[1:]:
                token = token_at(doc, start)
                if token >= 0:
                    # the token that holds the start, or the next if it is the white space after one
                    starts.append(token + 1 if start == ends[token] else token)
            if starts:
                # One array for all: each Token.is_sent_start assignment scans the doc for a parse.
                values = doc.to_array(SENT_START)
                values[starts] = 1
                doc.from_array([SENT_START], values)
        return doc
