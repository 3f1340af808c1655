"""Names known from public lists: Papers with Code, HELM and Epoch AI.

``scripts/build_gazetteer.py`` derives ``kg/data/known_names.tsv.gz`` (columns
``name, type, source, id``) from the raw lists; see ``kg/data/NOTICE.md`` for their
origin and licenses. ``lookup`` answers for one name; the ``kg_known_names``
component marks every listed name in a doc as a candidate in
``doc.spans["kg_known"]``.

Matching is case-sensitive for one-word names ("CLIP" but not "clip") and
case-insensitive for names of several words ("image captioning" matches the task
"Image Captioning").

>>> lookup("image captioning")
ListedName(name='Image Captioning', type='Task', source='pwc', id='https://paperswithcode.com/task/image-captioning')
>>> lookup("no such thing") is None
True
"""

from __future__ import annotations

import csv
import gzip
import io
import re
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span

from kg.extract.extensions import Candidate, doc_text, propose, token_bounds
from kg.model import EntityType

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "known_names.tsv.gz"


class ListedName(NamedTuple):
    """One entry of the shipped list: its name, type, source (pwc, helm, epoch) and id or URL there."""

    name: str
    type: EntityType
    source: str
    id: str


@cache
def known_names(path: Path = DEFAULT_PATH) -> dict[str, ListedName]:
    """The shipped names, keyed by their case-folded form."""
    with gzip.open(path, "rb") as f:
        rows = csv.DictReader(io.TextIOWrapper(f, encoding="utf-8"), delimiter="\t")
        return {row["name"].casefold(): ListedName(**row) for row in rows}  # type: ignore[arg-type]


@lru_cache(maxsize=1 << 16)  # names recur in a corpus, and every stage asks
def lookup(name: str) -> ListedName | None:
    """The listed entry for ``name`` (case-insensitive), or None.

    >>> lookup("BERT").source, lookup("BERT").type
    ('pwc', 'Model')
    """
    return known_names().get(" ".join(name.split()).casefold())


def listed_type(name: str) -> EntityType | None:
    """The type the list gives ``name`` (case-insensitive), or None where it is not listed.

    >>> listed_type("BERT"), listed_type("no such thing")
    ('Model', None)
    """
    entry = lookup(name)
    return None if entry is None else entry.type


def _source_id(span: Span) -> str | None:
    entry = lookup(span.text)
    return f"{entry.source}:{entry.id}" if entry else None


if not Span.has_extension("kg_source_id"):
    Span.set_extension("kg_source_id", getter=_source_id)


# Capitalised words run together or hyphenated: "BookCorpus", "Open-Images" (not "ZeRO", "PaLM").
_JOINED_WORDS = re.compile(r"^[A-Z][a-z]+(?:-?[A-Z][a-z]+)+$")


def copy_tokenizer(nlp: Language) -> Tokenizer:
    """A tokenizer with the pipeline's rules and vocab but a cache of its own."""
    tokenizer = Tokenizer(nlp.vocab)
    tokenizer.from_bytes(nlp.tokenizer.to_bytes())
    return tokenizer


@Language.factory("kg_known_names", default_config={"path": None, "spans_key": "kg_known"})
class KnownNames:
    """Propose each listed name in a doc, typed by the list, in ``doc.spans[spans_key]``.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("kg_known_names")
    >>> doc = nlp("We evaluate CLIP on image captioning.")
    >>> [(s.text, s.label_, s._.kg_source_id is not None) for s in doc.spans["kg_known"]]
    [('CLIP', 'Model', True), ('image captioning', 'Task', True)]
    """

    def __init__(self, nlp: Language, name: str, path: str | None, spans_key: str) -> None:
        self.name = name
        self.spans_key = spans_key
        # (``known_names()`` as the rules call it: ``known_names(DEFAULT_PATH)`` is another cache key,
        # which loaded the list a second time, on the first doc)
        names = known_names(Path(path)) if path else known_names()
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.data_labels = {nlp.vocab.strings.add(label) for label in ("Dataset", "Benchmark")}
        # Patterns are tokenised by a copy of the tokenizer: sixteen thousand names in the
        # pipeline's own tokenizer cache make every later doc several times slower to tokenise.
        tokenizer = copy_tokenizer(nlp)
        one_word, several = [], []
        for entry in names.values():
            (several if " " in entry.name else one_word).append(entry)
        for entry, doc in zip(one_word, tokenizer.pipe(e.name for e in one_word), strict=True):
            self.exact.add(entry.type, [doc])
        # "Llama" for "LLaMA": models are written with either capitalisation; so are other names
        # coined from capitalised words ("Bookcorpus", "Open-images"), not from initials ("ZeRO").
        variants = [
            e
            for e in one_word
            if ((e.type == "Model" and e.name.isalpha()) or _JOINED_WORDS.match(e.name))
            and not e.name.isupper()
            and e.name != e.name.capitalize()
        ]
        for entry, doc in zip(variants, tokenizer.pipe(e.name.capitalize() for e in variants), strict=True):
            self.exact.add(entry.type, [doc])
        for entry, doc in zip(several, tokenizer.pipe(e.name for e in several), strict=True):
            self.folded.add(entry.type, [doc])

    def __call__(self, doc: Doc, span_groups: bool = True) -> Doc:
        starts, ends = token_bounds(doc)
        text = doc_text(doc)
        strings = doc.vocab.strings
        # (``Candidate._make`` builds the tuple in C: less than half the time the class call takes.)
        found = [
            Candidate._make((start, end, starts[start], ends[end - 1], strings[label]))
            for label, start, end in self.exact(doc)
        ]
        for label, start, end in self.folded(doc):
            if label in self.data_labels and text[starts[start] : ends[end - 1]].islower():
                continue  # data names are capitalised: "fact verification" is the task, not the data
            found.append(Candidate._make((start, end, starts[start], ends[end - 1], strings[label])))
        propose(doc, self.spans_key, found, span_groups)
        return doc
