"""Names recognised by their shape and typed by the name itself.

A coined name in an ML abstract rarely reads as ordinary English: it has inner
capitals (``SoftREPA``), is an acronym (``DPO``), or carries digits and hyphens
(``Mistral-7B-Instruct-v0.2``, ``EvalMuse-40K``). Such a token is a candidate, and
so is a known model stem followed by a version ("Llama 2", "Kandinsky v2.2"). The
type comes from the name (``name_type``): a ``-Bench`` suffix makes a Benchmark, a
data-size suffix (``-40K``) a Dataset, a model stem or size suffix (``-7B``) a Model,
anything else a Method. The words around a name can overrule this later
(``kg.extract.cues``).
"""

from __future__ import annotations

import re
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.known_names import known_names
from kg.model import EntityType

# A run of non-space characters holding an inner capital, a digit next to a letter,
# or an all-caps acronym of two or more letters; hyphens, dots, slashes-free.
_NAME = re.compile(
    r"(?<![\w-])"
    r"(?=[\w.^-]*(?:[a-z][A-Z]|[A-Z]{2}|[A-Za-z]\d|\d[A-Za-z]|[A-Z][\w]*-[A-Z0-9]|\^))"
    r"[A-Za-z0-9\u0370-\u03ff][\w.^]*(?:-[\w.^]+)*"
    r"(?<![.])"
)
# Adjectival suffixes: "CLIP-based" names CLIP.
_ADJECTIVAL = re.compile(
    r"(?i)-(?:based|like|style|guided|driven|aware|free|specific|level|wise|centric|only|powered|"
    r"generated|augmented|conditioned|tuned|friendly|scale|size|sized)$"
)
# Plural class words ("LLMs", "VLMs"), numbers and units are never names.
_NOT_A_NAME = re.compile(
    r"^(?:[A-Z]+s|[A-Z]+-[A-Z]+s|\d+[A-Za-z]?|[A-Z]\d?|\d+(?:\.\d+)?[KMBT]?|\d+(?:st|nd|rd|th)|"
    r"\d+(?:\.\d+)?(?:x|X|%|ms|GB|MB|TB|GPUs?|FLOPs?|fps|Hz|kHz|px|M|B|K)|[IVX]+|U\.S\.|COVID-19)$"
)
_BENCHMARK = re.compile(r"(?i)(?:bench(?:mark)?|eval|arena)(?:[-_]?(?:v?\d[\w.]*|hard|lite|pro|plus))?$")
_DATA_SIZE = re.compile(r"(?i)-\d+(?:\.\d+)?k$|\d+k$")
_MODEL_SIZE = re.compile(r"(?i)(?:^|[-_ ])\d+(?:\.\d+)?[bm](?:$|[-_ ])|[-_ ]v?\d+(?:\.\d+)*-?(?:instruct|chat|base)")
_MODEL_PART = re.compile(
    r"(?:GPT|BERT|LLaMA|Llama|LLaVA|ViT|Net|Former|former|CLIP|BLIP|T5|VAE|GAN|Diffusion|LM|Whisper|"
    r"Mamba|Qwen|Gemma|Mistral|Mixtral|Claude|Gemini|DALL-E|Vicuna|Alpaca)(?:\b|[-\d]|$)"
)
_VERSIONED = re.compile(r"\b([A-Z][A-Za-z]+) (v?\d+(?:\.\d+)*[A-Za-z]?|XL|XXL)\b")


@cache
def model_stems() -> frozenset[str]:
    """Lower-cased first words of the listed models ("llama", "kandinsky"), without common words."""
    stems = set()
    for key, entry in known_names().items():
        if entry.type == "Model":
            stem = re.split(r"[\s-]", key, maxsplit=1)[0]
            if len(stem) > 2 and stem.isalpha() and (stem in known_names() or " " in key):
                stems.add(stem)
    return frozenset(stems)


def name_type(name: str) -> EntityType:
    """The type a name's own shape gives it.

    >>> name_type("DPG-Bench"), name_type("EvalMuse-40K"), name_type("Mistral-7B-Instruct-v0.2")
    ('Benchmark', 'Dataset', 'Model')
    >>> name_type("SciBERT"), name_type("DPO")
    ('Model', 'Method')
    """
    if _BENCHMARK.search(name):
        return "Benchmark"
    if _DATA_SIZE.search(name):
        return "Dataset"
    stem = re.split(r"[\s-]", name, maxsplit=1)[0].lower()
    if _MODEL_SIZE.search(name) or _MODEL_PART.search(name) or (stem in model_stems() and stem != name.lower()):
        return "Model"
    known = known_names().get(name.casefold())
    return known.type if known else "Method"


def find_names(text: str) -> list[tuple[int, int]]:
    """Character spans of the shape-recognised names in ``text``.

    >>> text = "CLIP-based LLMs beat Llama 2 and SoftREPA on EvalMuse-40K."
    >>> [text[s:e] for s, e in find_names(text)]
    ['CLIP', 'Llama 2', 'SoftREPA', 'EvalMuse-40K']
    """
    found: list[tuple[int, int]] = []
    for match in _NAME.finditer(text):
        start, end = match.span()
        adjectival = _ADJECTIVAL.search(match.group())
        if adjectival:
            end = start + adjectival.start()
        name = text[start:end]
        if not _NOT_A_NAME.match(name) and len(name) > 1:
            found.append((start, end))
    stems = model_stems()
    for match in _VERSIONED.finditer(text):
        if match.group(1).lower() in stems:
            found.append(match.span())
    return sorted(found)


@Language.factory("kg_name_shapes", default_config={"spans_key": "kg_shapes"})
class NameShapes:
    """Add every shape-recognised name to ``doc.spans[spans_key]``, typed by ``name_type``.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("kg_name_shapes")
    >>> doc = nlp("We fine-tune LLaMA-2-7B with DPO on DPG-Bench.")
    >>> [(s.text, s.label_) for s in doc.spans["kg_shapes"]]
    [('LLaMA-2-7B', 'Model'), ('DPO', 'Method'), ('DPG-Bench', 'Benchmark')]
    """

    def __init__(self, nlp: Language, name: str, spans_key: str) -> None:
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for start, end in find_names(doc.text):
            span = doc.char_span(start, end, label=name_type(doc.text[start:end]), alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc
