"""Names recognised by their shape and typed by the words around them.

A coined name in an ML abstract rarely reads as ordinary English: it has inner
capitals (``SoftREPA``), is an acronym (``DPO``), or carries digits and hyphens
(``Mistral-7B-Instruct-v0.2``, ``EvalMuse-40K``). Such a token is a candidate; the
type comes from the name itself (a ``-Bench`` suffix, a size suffix) or from the
head noun that follows it ("the X dataset", "the X loss").
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.model import EntityType

# A run of non-space characters holding an inner capital, a digit next to a letter,
# or an all-caps acronym of two or more letters; hyphens and dots join the parts.
_NAME = re.compile(
    r"(?<![\w-])"
    r"(?=[\w.-]*(?:[a-z][A-Z]|[A-Z]{2}|[A-Za-z]\d|\d[A-Za-z]|[A-Z][\w]*-[A-Z0-9]))"
    r"[A-Za-z0-9][\w.]*(?:-[\w.]+)*"
    r"(?<![.])"
)
# Plural class words ("LLMs", "VLMs") and unit-like tokens are never names.
_NOT_A_NAME = re.compile(r"^(?:[A-Z]+s|\d+[A-Za-z]?|[A-Z]\d?|\d+(?:\.\d+)?[KMBT]?)$")

_CUE_TYPES: dict[str, EntityType] = {
    "dataset": "Dataset",
    "datasets": "Dataset",
    "corpus": "Dataset",
    "benchmark": "Benchmark",
    "benchmarks": "Benchmark",
    "model": "Model",
    "models": "Model",
    "llm": "Model",
    "mllm": "Model",
    "loss": "Method",
    "method": "Method",
    "framework": "Method",
    "algorithm": "Method",
    "score": "Metric",
    "metric": "Metric",
}
_BENCHMARK_SUFFIX = re.compile(r"(?i)(?:-?bench(?:mark)?|eval)(?:-[\w.]+)?$")
_MODEL_SIZE = re.compile(r"(?i)(?:^|-)\d+(?:\.\d+)?[bm](?:-|$)|gpt|llama|bert")


def name_type(name: str, next_word: str) -> EntityType:
    """The type a name's own shape or its following head noun gives it.

    >>> name_type("DPG-Bench", "")
    'Benchmark'
    >>> name_type("COCO", "dataset")
    'Dataset'
    >>> name_type("Mistral-7B", "")
    'Model'
    >>> name_type("DPO", "")
    'Method'
    """
    if _BENCHMARK_SUFFIX.search(name):
        return "Benchmark"
    cue = _CUE_TYPES.get(next_word.lower())
    if cue:
        return cue
    if _MODEL_SIZE.search(name):
        return "Model"
    return "Method"


@Language.factory("kg_name_shapes")
class NameShapes:
    """Add every shape-recognised name to ``doc.ents``, typed by ``name_type``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = list(doc.ents)
        for match in _NAME.finditer(doc.text):
            text = match.group()
            if _NOT_A_NAME.match(text):
                continue
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None:
                continue
            next_word = doc[span.end].text if span.end < len(doc) else ""
            spans.append(Span(doc, span.start, span.end, label=name_type(text, next_word)))
        doc.ents = filter_spans(spans)
        return doc
