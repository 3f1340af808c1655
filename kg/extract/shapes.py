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
from collections import Counter
from functools import cache, lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.cues import CLASS_NOUNS, find_named
from kg.extract.extensions import candidates_at, doc_text, doc_value, propose
from kg.extract.known_names import known_names
from kg.extract.phrases import LANGUAGE_NAMES, VAGUE, head_type
from kg.extract.triggers import matches_at
from kg.model import EntityType

# A run of non-space characters holding an inner capital, a digit next to a letter,
# or an all-caps acronym of two or more letters; hyphens, dots, slashes-free.
_NAME = re.compile(
    r"(?<![\w-])"
    r"(?=[\w.^-]*(?:[a-z][A-Z]|[A-Z]{2}|[A-Za-z]\d|\d[A-Za-z]|[A-Z][\w]*-[A-Z0-9]|\^|-[A-Z]\b))"
    r"[A-Za-z0-9\u0370-\u03ff][\w.^]*(?:-[\w.^]+)*"
    r"(?<![.])"
)
# Adjectival suffixes: "CLIP-based" names CLIP.
_ADJECTIVAL = re.compile(
    r"(?i)-(?:based|like|style|aware|free|specific|level|wise|centric|only|powered|friendly|scale|size|"
    r"[a-z]+ed)$"
)
_BASED = re.compile(r"(?i)-(?:based|like|style|powered)$")
# Capitalised words joined by hyphens ("Vision-Language", "Fine-Grained") are parts of phrases.
_TITLE_COMPOUND = re.compile(r"^(?:[A-Z][a-z]+|[a-z]+)(?:-(?:[A-Z][a-z]+|[a-z]+))+$")
# Citation keys ("sun2023principledriven") and the names of tools and formats.
_NOT_A_MODEL_NAME = re.compile(
    r"^(?:[a-z]+\d{4}[a-z]+|v\d[\w.]*|GitHub|PyTorch|TensorFlow|JAX|CUDA|PDF|HTML|JSON|XML|API|GPU|TPU|CPU|"
    r"TPU-v\d|ARM|iPhone|JavaScript|Python|LaTeX|URL|HTTP|IoT|ID|IDs|FP\d+|INT\d+|BF16|FP16|USD|PhD|"
    # a divergence's initials and generic layers: "KL-regularized", "FFN layers"
    r"KL|FFNs?|MLPs?)$"
)
# Plural class words ("LLMs", "VLMs"), numbers and units are never names.
_NOT_A_NAME = re.compile(
    r"^(?!G?FLOPs$|MACs$)(?:[A-Z]+s|[A-Z]+-[A-Z]+s|\d+[A-Za-z]?|[A-Z]\d?|\d+(?:\.\d+)?[KMBT]?|\d+(?:st|nd|rd|th)|"
    r"\d+(?:\.\d+)?(?:x|X|%|ms|GB|MB|TB|GPUs?|FLOPs?|fps|Hz|kHz|px|M|B|K)|[IVX]+|U\.S\.|COVID-19|"
    # quantities and ranges ("8kbps", "10min", "100h-960h", "16x16") and special tokens ("[CLS]")
    r"[\d.]+[a-zA-Z]{0,5}(?:[-x][\d.]+[a-zA-Z]{0,5})?|[kK]Hz|CLS|SEP|MASK|IMG|EOS|BOS|PAD|UNK)$"
)
# A name that says it is a benchmark: "-Bench", "AlpacaEval", "... Arena", "Turing Test".
_BENCHMARK = re.compile(
    r"(?i)(?<=.)(?:bench(?:mark)?|eval|arena|QA)(?:[-_ ]?(?:v?\d[\w.]*|hard|lite|pro|plus|instruct))?$|-EVAL-"
    r"|(?-i:[A-Z]\w* (?:Test|Exam))$"
)
# A benchmark word inside a name, before its variant or version: "Arena Hard Auto v0.1", "MT-Bench-101".
_BENCHMARK_WORD = re.compile(r"(?<![A-Za-z])(?:Arena|Bench|Benchmark|Eval)(?=[ -][A-Za-z])")
# What a lower-cased name holds wherever either pattern above finds a benchmark in it: few names
# hold any, and looking costs a third of what either pattern costs, trying every offset of a name.
_BENCHMARK_MARK = re.compile(r"bench|eval|arena|qa| test| exam")
_DATA_SIZE = re.compile(r"\d+(?:\.\d+)?[KM]$")
_METRIC = re.compile(r"(?:Score|Scores|IoU|@\d+|-[Dd]ivergence)$")
# Compute costs are measures, whatever a list of names says of the same letters ("MACS").
_COST = re.compile(r"^(?:G?FLOPs|MACs)$")
# A mean of a measure ("mAP", "mIoU"), whatever a list says of the same letters ("MAP").
_MEAN = re.compile(r"^m(?:[A-Z]{2,3}|IoU)$")
_MODEL_SIZE = re.compile(
    r"(?i)(?:^|[-_ ])\d+(?:\.\d+)?b(?:$|[-_ ])|[a-z]\d+b$|[-_ ]v?\d+(?:\.\d+)*-?(?:instruct|chat|base)"
    r"|-(?:tiny|small|base|large|huge|giant|xl|xxl|[lbsxh]|r\d+)$| v\d"
)
# A digit or a hyphen: every size or variant ``_MODEL_SIZE`` finds holds one, and most names
# hold neither (looking costs a quarter of a search with ``_MODEL_SIZE``).
_SIZE_MARK = re.compile(r"[\d-]")
_MODEL_PART = re.compile(
    r"(?:GPT|BERT|LLaMA|Llama|LLaVA|ViT|Net|Former|former|CLIP|BLIP|T5|VAE|GAN|Diffusion|LM|Whisper|"
    r"Mamba|Qwen|Gemma|Mistral|Mixtral|Claude|Gemini|DALL-E|Vicuna|Alpaca)(?:\b|[-\d]|$)"
)
_CAPITALISED = r"(?:(?:[A-Z\u0370-\u03ff][\w^]*|\d+[A-Za-z][\w^]*)(?:-[\w^]+)*)"
# Two or more capitalised words: ``(?<![\w-]){_CAPITALISED}(?:\s(?:(?:of|for|in|in the)\s)?{_CAPITALISED})+``,
# not inside a word. The first word's first character comes first, so that the engine skips to
# the capitals and digits instead of trying the pattern at every offset (which cost as much as
# the rest of ``kg_name_shapes``); lookbehinds then check the character before it and which
# branch of ``_CAPITALISED`` it starts. The class it skips with holds every character from the
# first digit past ASCII's (U+0660) up, and a lookbehind then checks for the first class: a
# Unicode category (``\d``) in the class the engine skips with costs it two fifths of the time.
# The first word is taken possessively: white space must follow it, so giving back characters
# never lets the rest match (a later word may end before a "^", which the end allows).
_TITLED = re.compile(
    r"[A-Z0-9\u0370-\u03ff\u0660-\U0010ffff](?<=[A-Z\u0370-\u03ff\d])(?<![\w-].)"
    r"(?:(?<=[A-Z\u0370-\u03ff])[\w^]*+|(?<=\d)\d*+[A-Za-z][\w^]*+)(?:-[\w^]++)*+"
    rf"(?:\s(?:(?:of|for|in|in the)\s)?{_CAPITALISED})+(?![\w-])"
)
_PLAIN_CAPITALISED = re.compile(r"^[A-Z][a-z]+(?:-[A-Za-z][a-z]+)*$")
_URL = re.compile(r"\W*(?:https?://|www\.|\S+\.(?:com|org|io|net|ai)(?:/|$))")
# White-space delimited chunks that may hold a name: those with a capital, digit, caret or Greek
# letter (a mark): ``(?<!\S)(?=\S*[marks])\S+``. Each is found from its first mark (the engine skips
# to the marks, not to the starts of words) and read back to the white space before it: a third
# less time than scanning every word for a mark.
_MARKS = r"A-Z0-9^\u0370-\u03ff"
_MARKED = re.compile(rf"[{_MARKS}]\S*")
_SHAPED = re.compile(r"[a-z][A-Z]|[A-Z]{2}|[A-Za-z]\d|\d[A-Za-z]")
# What a chunk holds wherever ``_NAME`` finds a name in it (its lookahead's pairs, less the
# letters before a hyphen): most chunks hold none, and looking costs a third of ``_NAME``'s search.
_NAME_MARK = re.compile(rf"{_SHAPED.pattern}|\^|-[A-Z0-9]")
# A version: "v2.2", "2", "3.5" (one decimal: "FID 14.84" is a score), a size, an edition.
_VERSION_WORD = (
    r"(?:v\d+(?:\.\d+)*[A-Za-z]?|\d+(?:\.\d)?[A-Za-z]?|\d+(?:\.\d+)?[BM]|"
    r"Instruct|Chat|Base|Turbo|XL|XXL|Pro|Ultra|Mini|Hard|Auto)"
)
# (The head's characters are taken possessively: none of them is a space, so giving some
# back never lets the version match, and trying costs a second pass over every word.)
_VERSIONED = re.compile(rf"\b([A-Za-z][\w.-]*+)((?: {_VERSION_WORD})+)(?!\w|\.\d)")
# The letters a version word may start with (the others start with a digit).
_VERSION_INITIAL_LETTERS = "vICBTXPUMHA"
_VERSION_INITIALS = frozenset(_VERSION_INITIAL_LETTERS + "0123456789")
# The space between a versioned name's head and its first version word. (The first lookahead
# turns most spaces away at one character instead of at each of the version words' alternatives.)
_SPACE_BEFORE_VERSION = re.compile(rf" (?=[{_VERSION_INITIAL_LETTERS}\d])(?={_VERSION_WORD})")
_HEAD_PUNCTUATION = frozenset(".-")


def _versioned_starts(text: str, chunks: list[tuple[int, str]] | None = None) -> list[int]:
    """The offsets where ``_VERSIONED`` may match: the word starts in the head before a version word.

    The head is a run of letters, digits, "_", "." and "-" right before the space; a match
    starts at its first character or after a "." or "-" in it (where ``\\b`` holds). In ASCII
    text each version word starts one of the text's ``chunks`` (``_chunks``: it holds a digit
    or a capital), so, given those, the spaces before version words are looked for at them, not
    at every space in the text (elsewhere a version may have a digit that is no chunk's mark).

    >>> text = "We tune Llama 2 and Kandinsky v2.2."
    >>> _versioned_starts(text), _versioned_starts(text, _chunks(text))
    ([8, 20], [8, 20])
    """
    if chunks is not None and text.isascii():
        # (at offset 0 the match is tried at 0, where the chunk, not a space, stands)
        spaces = [
            offset - 1
            for offset, chunk in chunks
            if chunk[0] in _VERSION_INITIALS and _SPACE_BEFORE_VERSION.match(text, offset - 1)
        ]
    else:
        spaces = [space.start() for space in _SPACE_BEFORE_VERSION.finditer(text)]
    starts = []
    for space in spaces:
        start = space
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_.-"):
            start -= 1
        starts += [i for i in range(start, space) if i == start or text[i - 1] in _HEAD_PUNCTUATION]
    return starts


@cache
def _shaped_model_names() -> frozenset[str]:
    """Listed model names that are shaped and four characters or more: those a longer name may hold."""
    return frozenset(
        e.name
        for e in known_names().values()
        if e.type == "Model" and _SHAPED.search(e.name) and len(e.name) > 3
    )


@cache
def _shaped_model_ends() -> tuple[frozenset[str], frozenset[str]]:
    """The first and the last four characters of the names ``_shaped_model_names`` holds.

    A name starts (or ends) with a listed one only if it starts (ends) with one of these:
    one set look-up turns most names away before a look-up at each of their offsets.

    >>> firsts, lasts = _shaped_model_ends()
    >>> "BART" in firsts, "BART" in lasts, "Soft" in firsts
    (True, True, False)
    """
    listed = _shaped_model_names()
    return frozenset(name[:4] for name in listed), frozenset(name[-4:] for name in listed)


# A name's first word (its stem) ends at white space or a hyphen; its head also at "_".
_STEM_END = re.compile(r"[\s-]")
_HEAD_END = re.compile(r"[-_ ]")
_JOINED_PART = re.compile(r"[^+/]+")
_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_ASCII_LOWER_OR_DIGIT = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


@cache
def model_stems() -> frozenset[str]:
    """Lower-cased first words of the listed models ("llama", "kandinsky"), less term words.

    A stem must begin three or more listed models; a first word that also occurs in
    task and method names ("cross", "deep") says nothing about a new name.
    """
    counts: Counter[str] = Counter()
    technical = set()
    for key, entry in known_names().items():
        if entry.type == "Model":
            counts[_STEM_END.split(key, maxsplit=1)[0]] += 1
        elif entry.type in ("Task", "Method") and " " in key:
            technical.update(key.split())
    stems = {stem for stem, n in counts.items() if n >= 3 and len(stem) > 2 and stem.isalpha()}
    return frozenset(stems - technical)


def name_type(name: str) -> EntityType:
    """The type a name's own shape gives it, Method where the shape says nothing.

    >>> name_type("DPG-Bench"), name_type("EvalMuse-40K"), name_type("Mistral-7B-Instruct-v0.2")
    ('Benchmark', 'Dataset', 'Model')
    >>> name_type("SciBERT"), name_type("BARTpho"), name_type("RoBERTa-base"), name_type("DPO")
    ('Model', 'Model', 'Model', 'Method')
    """
    return shape_type(name) or "Method"


# A data name and a short or long year after it, joined or not: "IWSLT17", "DCASE'19", "BraTS2020".
_DATA_EDITION = re.compile(r"^([A-Za-z][\w]*?[A-Za-z])[-']?((?:19|20)?\d\d)$")
# A dotted release number after a lower-case coinage and a space: "zorb2vec 2.0", "quill v1.5"
# (a capitalised name may be unlisted data: "Zorblax 1.1").
_RELEASE = re.compile(r"^[a-z][^ ]* \(?v?\d+(?:\.\d+)+\)?$")
# A version or edition of listed data: "v2", "1.1", "2.0", "2014".
_VERSION = re.compile(r"^(?:[vV]\d[\w.]*|\d{1,2}\.\d{1,2}|(?:19|20)\d\d)$")


# Languages by name and by the codes translation papers write directions in ("En-De").
LANGUAGES = LANGUAGE_NAMES | frozenset(
    [
        "En",
        "De",
        "Fr",
        "Es",
        "It",
        "Pt",
        "Nl",
        "Ru",
        "Pl",
        "Cs",
        "Ro",
        "Fi",
        "Et",
        "Lv",
        "Lt",
        "Tr",
        "Zh",
        "Ja",
        "Ko",
        "Vi",
        "Ar",
        "Hi",
        "Gu",
        "Kk",
        "He",
        "Fa",
        "Uk",
        "Ne",
        "Si",
    ]
)
_LANGUAGE_PAIR = re.compile(r"^([A-Z][a-z]+)(?:-to-|-|\u2013|\u2192|->)([A-Z][a-z]+)$")


def is_language_pair(word: str) -> bool:
    """Whether ``word`` is a translation direction: two languages joined by a hyphen or an arrow.

    >>> is_language_pair("English-German"), is_language_pair("Ro-En"), is_language_pair("Fine-Grained")
    (True, True, False)
    """
    match = _LANGUAGE_PAIR.match(word)
    return match is not None and match.group(1) in LANGUAGES and match.group(2) in LANGUAGES


# Last words that make a name with a model's name in it a technique done to or with the model.
_TECHNIQUE_WORDS = frozenset(
    {
        "alignment",
        "distillation",
        "tuning",
        "fine-tuning",
        "pruning",
        "quantization",
        "adaptation",
        "prompting",
    }
)


# Acronyms of tasks that name no data set of their own, so "QA datasets" are datasets for the
# task (the name list holds others: "NER", "OCR", "ASR").
_TASK_ACRONYMS = frozenset({"QA", "NLI", "TTS", "SRL", "MRC", "ODQA", "KBQA"})


@lru_cache(maxsize=1 << 16)  # bounded: a large corpus has words without end
def shape_type(name: str, listed: bool = True) -> EntityType | None:
    """The type a name's list entry (if ``listed``) or shape gives it, or None if neither says anything.

    >>> shape_type("COCO"), shape_type("SoftREPA"), shape_type("COCO v2"), shape_type("Mistral v2")
    ('Dataset', None, 'Dataset', 'Model')
    """
    if _COST.match(name) or _MEAN.match(name):
        return "Metric"
    known = known_names().get(name.casefold()) if listed else None
    if known is not None:
        return "Benchmark" if known.type == "Dataset" and _BENCHMARK.search(name) else known.type
    if name in _TASK_ACRONYMS:
        return "Task"
    if _BENCHMARK_MARK.search(name.lower()) and (_BENCHMARK.search(name) or _BENCHMARK_WORD.search(name)):
        return "Benchmark"
    if _METRIC.search(name):
        return "Metric"
    if _DATA_SIZE.search(name):
        return "Dataset"
    data = _data_variant_type(name) if listed else None
    if data is not None:
        return data
    if name.rpartition(" ")[2].lower() in _TECHNIQUE_WORDS:
        return None  # "Zorbo Alignment", "CLIP Distillation": a technique on a model, not the model
    if _RELEASE.search(name):
        return "Model"  # "zorb2vec 2.0": a release number after a lower-case coinage, not data (above)
    stem = _STEM_END.split(name, maxsplit=1)[0]
    if (
        (_SIZE_MARK.search(name) and _MODEL_SIZE.search(name))
        or _MODEL_PART.search(name)
        or (stem.lower() in model_stems() and stem.lower() != name.lower())
        or _known_model_inside(name)
    ):
        return "Model"
    return None


def _data_variant_type(name: str) -> EntityType | None:
    """The type of the listed data that ``name`` is a version, part or edition of, if it is one.

    >>> [_data_variant_type(n) for n in ["Pick-a-Pic v2", "OntoNotes 5.0", "English Penn Treebank"]]
    ['Dataset', 'Dataset', 'Dataset']
    >>> [_data_variant_type(n) for n in ["IWSLT17 English-German", "MultiNLI-X", "IWSLT17", "Zorbo 2"]]
    ['Dataset', 'Dataset', 'Dataset', None]
    """
    base, _, version = name.rpartition(" ")
    if base and _VERSION.match(version):
        return _listed_data(base)  # "Pick-a-Pic v2", "OntoNotes 5.0": a version of listed data is data
    if base and is_language_pair(version):
        kind = shape_type(base)  # "IWSLT17 English-German": one direction of a translation corpus
        return kind if kind in ("Dataset", "Benchmark") else None
    first, _, rest = name.partition(" ")
    if rest and first in LANGUAGE_NAMES:
        kind = shape_type(rest)  # "English Penn Treebank": one language's part of listed data
        if kind in ("Dataset", "Benchmark"):
            return kind
    base, dash, part = name.rpartition("-")
    if dash and base and 0 < len(part) <= 3 and part.isalnum():
        kind = _listed_data(base)  # "MultiNLI-X", "ZRK-mm": a split or subset of listed data
        if kind is not None:
            return kind
    edition = _DATA_EDITION.match(name)  # "IWSLT17", "DCASE'19": a yearly edition
    return None if edition is None else _listed_data(edition.group(1))


def _listed_data(name: str) -> EntityType | None:
    """The list's type for ``name`` where that is Dataset or Benchmark, else None."""
    known = known_names().get(name.casefold())
    return known.type if known is not None and known.type in ("Dataset", "Benchmark") else None


def _known_model_inside(name: str) -> bool:
    """Whether a listed model's name starts ``name`` or ends it ("BARTpho", "PLBART", "Swin2SR").

    The listed name must be followed by a lower-case letter or digit, or follow a letter or digit.

    >>> _known_model_inside("BARTpho"), _known_model_inside("PLBART"), _known_model_inside("SoftREPA")
    (True, True, False)
    """
    head = _HEAD_END.split(name, maxsplit=1)[0]
    if head != name and shape_type(head) == "Model":
        return True
    if not _SHAPED.search(name):
        return False  # the listed names are shaped: one inside would make ``name`` shaped too
    listed = _shaped_model_names()
    firsts, lasts = _shaped_model_ends()
    if name[:4] in firsts and any(
        name[:i] in listed and name[i] in _ASCII_LOWER_OR_DIGIT for i in range(4, len(name))
    ):
        return True
    for end in (len(name), len(name) - 1) if name.endswith("\n") else (len(name),):  # where "$" matches
        if name[end - 4 : end] in lasts and any(
            name[i:end] in listed and name[i - 1] in _ASCII_ALNUM for i in range(1, end - 3)
        ):
            return True
    return False


@lru_cache(maxsize=1 << 16)  # bounded: a large corpus has words without end
def names_in_chunk(chunk: str) -> tuple[tuple[int, int], ...]:
    """The offsets of the names in one white-space delimited chunk of text (cached: chunks recur).

    >>> names_in_chunk("(SFT+RLHF),"), names_in_chunk("CLIP-based"), names_in_chunk("https://x.org/DPO")
    (((1, 4), (5, 9)), ((0, 4),), ())
    """
    if _URL.match(chunk) or chunk.startswith("\\") or not _NAME_MARK.search(chunk):  # URLs, LaTeX macros
        return ()
    found = []
    for match in _NAME.finditer(chunk):
        start, end = match.span()
        adjectival = _ADJECTIVAL.search(match.group())
        if adjectival:
            end = start + adjectival.start()
            if not _SHAPED.search(chunk[start:end]):
                continue  # "Multi-Level", "Symmetry-Enhanced": no name before the suffix
        piece = chunk[start:end]
        # names joined by "+" or "/" ("SFT+RLHF") are parts; most pieces are one part, no search needed
        if "+" in piece or "/" in piece:
            parts = [(start + part.start(), part.group()) for part in _JOINED_PART.finditer(piece)]
        else:
            parts = [(start, piece)]
        for offset, name in parts:
            if (
                len(name) > 1
                and not _NOT_A_NAME.match(name)
                and not _NOT_A_MODEL_NAME.match(name)
                and not (_TITLE_COMPOUND.match(name) and name.split("-")[0].lower() not in model_stems())
            ):
                found.append((offset, offset + len(name)))
    return tuple(found)


# Capitalised words joined by hyphens: "Mask-Steer", "Sketch-Fuse" (not idioms: "Plug-and-Play").
_CAPITALISED_COMPOUND = re.compile(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)+(?=[,.;:)]*$)")
# What may follow a name that stands alone: punctuation, a conjunction or an acronym's parenthesis.
_ALONE_AFTER = re.compile(r"[,.;:)]|\s+(?:and|or)\b|\s*\(|\s*$")
_LOWER_WORD = re.compile(r"\s+([a-z]+)")


@lru_cache(maxsize=1 << 16)  # bounded: a large corpus has words without end
def _capitalised_compound(chunk: str) -> int | None:
    """Where a chunk that is one Title Case hyphenated compound ends ("Mask-Steer,": 10), else None.

    >>> _capitalised_compound("Mask-Steer,"), _capitalised_compound("English-Centric")
    (10, None)
    """
    match = _CAPITALISED_COMPOUND.match(chunk)
    if match is None or _ADJECTIVAL.search(match.group()):
        return None
    return match.end()


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Whether the compound ``text[start:end]`` is a name of its own, not part of a phrase.

    A capitalised compound mid-sentence, with no capitalised word before it and no plain word
    after it but a class noun, is a name: "we introduce Mask-Steer, a two-stage approach",
    "an Auto-Correlation mechanism"; "a Many-to-Many translation model" and "Supervised
    Fine-Tuning" are phrases.

    >>> text = "We introduce Mask-Steer, and a Many-to-Many translation model."
    >>> _stands_alone(text, 13, 24), _stands_alone(text, 32, 44)
    (True, False)
    """
    before = text[max(0, start - 30) : start].rstrip()
    if not before or not (before[-1].islower() or before[-1] == ","):
        return False  # a sentence's first word, or a word in a Title Case phrase
    if before[-1] != "," and before.rsplit(maxsplit=1)[-1][:1].isupper():
        return False
    if _ALONE_AFTER.match(text, end):
        return True
    following = _LOWER_WORD.match(text, end)
    return following is not None and following.group(1) in CLASS_NOUNS


def _standalone_compounds(text: str) -> list[tuple[int, int]]:
    """The spans of the capitalised compounds that stand alone in ``text`` ("Mask-Steer").

    Looked for from each hyphen before a capital, fewer than the chunks ``find_names`` reads.

    >>> text = "We introduce Mask-Steer, a self-supervised approach, and Cross-Scan (CS)."
    >>> [text[s:e] for s, e in _standalone_compounds(text)]
    ['Mask-Steer', 'Cross-Scan']
    """
    found: list[tuple[int, int]] = []
    hyphen = text.find("-")
    while hyphen >= 0:
        if hyphen and text[hyphen + 1 : hyphen + 2].isupper() and text[hyphen - 1].islower():
            start = text.rfind(" ", 0, hyphen) + 1
            stop = text.find(" ", hyphen)
            stop = len(text) if stop < 0 else stop
            compound = _capitalised_compound(text[start:stop])
            if (
                compound is not None
                and (not found or found[-1][0] != start)
                and _stands_alone(text, start, start + compound)
            ):
                found.append((start, start + compound))
        hyphen = text.find("-", hyphen + 1)
    return found


def _chunks(text: str) -> list[tuple[int, str]]:
    """The offset and text of each white-space delimited chunk of ``text`` that may hold a name.

    >>> _chunks("GPT-4 beats the COCO set by 2 points, x^2 (SFT)")
    [(0, 'GPT-4'), (16, 'COCO'), (28, '2'), (38, 'x^2'), (42, '(SFT)')]
    """
    found = []
    for match in _MARKED.finditer(text):
        start = match.start()
        while start and not text[start - 1].isspace():
            start -= 1
        found.append((start, text[start : match.end()]))
    return found


def find_names(text: str, title: bool = False) -> list[tuple[int, int]]:
    """Character spans of the shape-recognised names in ``text`` (a ``title`` capitalises every word).

    >>> text = "CLIP-based LLMs beat Llama 2 and SoftREPA on EvalMuse-40K."
    >>> [text[s:e] for s, e in find_names(text)]
    ['CLIP', 'Llama 2', 'SoftREPA', 'EvalMuse-40K']
    """
    chunks = _chunks(text)
    found = [
        (offset + start, offset + end) for offset, chunk in chunks for start, end in names_in_chunk(chunk)
    ]
    if not title:
        found += _standalone_compounds(text)
    versioned_starts = _versioned_starts(text, chunks)
    if versioned_starts:  # (most titles and many abstracts have no version after a word)
        stems = model_stems()
        shaped = {text[s:e] for s, e in found}
        for match in matches_at(_VERSIONED, text, versioned_starts):
            head = match.group(1)
            if head in shaped or (
                head[0].isupper() and (head.lower() in stems or re.search(r" v\d", match.group(2)))
            ):
                found.append(match.span())
    return sorted(found)


# "(2) Insufficient Synergy: These ...": the heading of an enumerated point, not a name.
_HEADING = re.compile(r":\s+[A-Z]")
_ENUMERATOR = re.compile(r"(?:\(\w{1,3}\)|\b\d\.)\s*$")
# A figure right before a name, and a short acronym with a function word after it: "57.9 PQ for ...".
_SCORED_BEFORE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?%?\s$")
_MEASURE_THEN_WORD = re.compile(r"[A-Za-z]{0,2}[A-Z]{1,4}(?:@\d+)?\s(?:of|for|in)\s")
# A parameter count on its own: "13B", "1.5B", "350M".
_SIZE_WORD = re.compile(r"\d+(?:\.\d+)?[BM]$")
# Last words of Title Case phrases that name claims and problems, not techniques.
_NOT_TECHNIQUES = frozenset(
    {"hypothesis", "theorem", "conjecture", "problem", "dilemma", "paradox", "challenge"}
)


def _mid_sentence(text: str, start: int) -> bool:
    """Whether a capitalised word at ``start`` stands mid-sentence ("an Iterative ...", "and Preference").

    >>> _mid_sentence("We use an Efficient Adapter.", 10), _mid_sentence("Efficient Adapters win.", 0)
    (True, False)
    """
    before = text[max(0, start - 5) : start].rstrip()
    return bool(before) and (before[-1] in ",(" or before[-1].isalpha())


def find_titled(text: str) -> list[tuple[int, int, EntityType]]:
    """Character spans and types of Title Case names of two or more words in running text.

    The type comes from the last word (``head_type``, or a class noun such as
    "Model" or "Loss"), else Method. Leading function words and vague words are left out.

    >>> text = "We evaluate on Labeled Faces in the Wild with a Rotation-Aware Contrastive Loss."
    >>> [(text[s:e], t) for s, e, t in find_titled(text)]
    [('Labeled Faces in the Wild', 'Dataset'), ('Rotation-Aware Contrastive Loss', 'Method')]
    """
    found: list[tuple[int, int, EntityType]] = []
    for match in _TITLED.finditer(text):
        titled = _titled_name(match.group(), _mid_sentence(text, match.start()))
        if titled is None:
            continue
        start, end, kind = match.start() + titled[0], match.start() + titled[1], titled[2]
        if _HEADING.match(text, end) and _ENUMERATOR.search(text, max(0, start - 8), start):
            continue  # "(1) Information Degradation: This arises ...": a point's heading
        if _SCORED_BEFORE.search(text, max(0, start - 12), start) and _MEASURE_THEN_WORD.match(text, start):
            continue  # "61.2 RQ for Rook Board Parsing": a measure, then what it is taken on
        found.append((start, end, kind))
    return found


_WORDS = re.compile(r"\S+")


@lru_cache(maxsize=1 << 16)  # bounded: a large corpus has words without end
def _titled_name(phrase: str, mid_sentence: bool) -> tuple[int, int, EntityType] | None:
    """The name in a ``_TITLED`` match ``phrase`` and its type, offsets in ``phrase``.

    ``mid_sentence`` says whether the phrase stands mid-sentence (``_mid_sentence``), all that
    the text before it decides (cached: the same phrases recur, "Large Language Models").
    """
    words = list(_WORDS.finditer(phrase))
    while words and (
        words[0].group().lower() in STOP_WORDS
        or (
            words[0].group().lower() in VAGUE
            # a later word's previous word is in the phrase: the text before it says nothing
            and not (_mid_sentence(phrase, words[0].start()) if words[0].start() else mid_sentence)
        )
        or words[0].group().endswith("ing")  # "Aligning Large Language Models" is a verb phrase
        or _BASED.search(words[0].group())  # "Transformer-based BERT" is BERT
        or _SIZE_WORD.match(words[0].group())  # "13B Zorb Gemma": a size of the named network
    ):
        words.pop(0)
    while words and _BASED.search(words[-1].group()):
        words.pop()  # "SOTA Transformer-based models": an adjective, not a name's end
    if len(words) < 2 or not any(_PLAIN_CAPITALISED.match(w.group()) for w in words):
        return None
    if words[-1].group().lower() in _NOT_TECHNIQUES:
        return None
    start, end = words[0].start(), words[-1].end()
    name = phrase[start:end]
    last = words[-1].group().lower()
    kind = head_type(name.split()) or CLASS_NOUNS.get(last) or shape_type(name)
    if (
        kind is None
        and words[0].group() in LANGUAGE_NAMES
        and all(_PLAIN_CAPITALISED.match(w.group()) for w in words[1:])
    ):
        return None  # "Danish Limericks": what data is in a language, no technique (nor a listed name)
    return start, end, kind or "Method"


@Language.factory("kg_name_shapes", default_config={"spans_key": "kg_shapes"})
class NameShapes:
    """Propose every shape-recognised name, typed by ``name_type``, in ``doc.spans[spans_key]``.

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

    def __call__(self, doc: Doc, span_groups: bool = True) -> Doc:
        text = doc_text(doc)
        title = doc_value(doc, "kg_field") == "title"
        found = [(start, end, name_type(text[start:end])) for start, end in find_names(text, title)]
        found += [(start, end, kind or name_type(text[start:end])) for start, end, kind in find_named(text)]
        if not title:  # a title capitalises every word
            found += find_titled(text)
        propose(doc, self.spans_key, candidates_at(doc, found), span_groups)
        return doc
