"""From candidate spans to ``doc.ents``: overlaps, abbreviations, generic words, one type per name.

The earlier components each propose names under their own spans key (known names,
name shapes, head-typed phrases; ``kg.extract.extensions.proposed``) and
``kg_abbreviations`` lists the defined long/short pairs. ``kg_entities`` then

1. drops generic class words ("LLMs", "large language models", "diffusion models");
2. adds both forms of each defined abbreviation, with one type for the pair, and
   every later bare use of the short form;
3. for a title of the form "X: ...", adds X;
4. keeps the longest of overlapping spans (as ``spacy.util.filter_spans`` does);
5. types each name: an abbreviation pair's type first, then the words around it
   (``kg.extract.cues``), then its list entry or shape; and
6. gives every occurrence of one name the type most of its occurrences got.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from itertools import chain
from operator import itemgetter

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.cues import (
    CLASS_NOUNS,
    ClassNounIndex,
    apposition_type,
    context_type,
    copula_type,
    data_context_type,
    has_software_word,
    is_review_title,
    lists_objectives,
    names_a_competition,
    names_a_suite,
    names_a_system,
    names_an_objective,
    names_software,
)
from kg.extract.extensions import (
    Candidate,
    candidate,
    doc_text,
    doc_value,
    proposed,
    sentence_of,
    sentences_of,
    set_doc_value,
    set_entities,
    token_at,
    token_bounds,
    token_span,
    token_text,
)
from kg.extract.known_names import listed_type, lookup
from kg.extract.phrases import BROAD_HEADS, MODALITY_COMPOUND, MODALITY_WORDS, VAGUE, head_type
from kg.extract.shapes import is_language_pair, name_type, shape_type
from kg.extract.triggers import folds_like_ascii, matches_within, occurrences
from kg.model import Abbreviation, EntityType, Field, Role

# Class words and vague phrases that are never names (GUIDELINES.md).
_GENERIC = re.compile(
    r"(?i)^(?:(?:multi-?modal|vision|visual|small|large|pre-?trained|foundation|generative|neural|"
    r"graph|convolutional|recurrent|deep|"
    r"text-to-image|t2i|vision[- ]language|video|audio|speech|open|closed|general)\s*)*"
    r"(?:(?:large\s)?(?:language|vision|multimodal|foundation|diffusion|generative|reward|world|"
    r"embedding|sequence|reasoning)\s)?"
    r"(?:models?|transformers?|networks?|detectors?|llms?|mllms?|vlms?|lmms?|lvlms?|slms?|lms?|ai|agi)$"
)
_LOWER_CASE_GENERIC = re.compile(
    r"^(?:[a-z][a-z0-9-]*\s)+(?:language\s|vision\s|diffusion\s|foundation\s)?"
    r"(?:models|llms|mllms|vlms|diffusion models|transformers|networks)$"
)
_GENERIC_WORDS = frozenset(
    [
        "sota",
        "gpu",
        "gpus",
        "cpu",
        "api",
        "apis",
        "url",
        "ai",
        "agi",
        "nlp",
        "cv",
        "llm",
        "mllm",
        "vlm",
        "lmm",
        "lvlm",
        "slm",
        "lm",
        "t2i",
        "i2t",
        "t2v",
        "rgb",
        "hd",
        "ui",
        "ood",
        "iid",
        "cnn",
        "rnn",
        "gnn",
        "gan",
        "dnn",
        "nn",
        "mlp",
        "convnet",
        "kg",
        "plm",
        # kinds of content, models and data, not names of any
        "aigc",
        "seq2seq",
        "v+l",
        "vl",
        # languages and file formats: what data is in, not the data
        "english",
        "french",
        "german",
        "spanish",
        "italian",
        "portuguese",
        "dutch",
        "russian",
        "polish",
        "chinese",
        "japanese",
        "korean",
        "vietnamese",
        "arabic",
        "hindi",
        "jpeg",
        "png",
        "vision-and-language",
        "vision-language",
    ]
)
# A lower-case name that ends in "mechanism": the name is the words before it ("the tiled
# attention mechanism" names tiled attention; GUIDELINES.md leaves such surrounding words out).
_ENDS_IN_MECHANISM = re.compile(r"[a-z][a-z -]* mechanisms?")
# "benchmark" in a sentence, where it may call the data there benchmarks; not one a bracket follows,
# which is one benchmark's own name or reference ("the Visual Task Adaptation Benchmark (VTAB)").
_BENCHMARK_WORD = re.compile(r"\b[Bb]enchmark(?!\s+\([A-Z])")
# Capitals inside a word: "FocalNets", "ViTs".
_COINED = re.compile(r"[a-z][A-Z]")


def _names_coinage(long: str, short: str) -> bool:
    """Whether a long form made of a class word and plain words spells out a coined short form.

    "focal modulation networks (FocalNets)" names the paper's networks; a modality and
    a class word ("vision transformers (ViTs)") stay a class however the short form reads.

    >>> _names_coinage("focal modulation networks", "FocalNets")
    True
    >>> _names_coinage("vision transformers", "ViTs"), _names_coinage("convolutional networks", "CNNs")
    (False, False)
    """
    return _COINED.search(short) is not None and _GENERIC.match(long) is None


# Between two names (``match(text, pos, endpos)``): a comma, "and", "or", a slash or "&".
_COORDINATION = re.compile(r"\)?\s*(?:,|,?\s*and|,?\s*or|/|&)\s*(?:the\s+)?$")
# "the HuBERT model", "the X benchmark"; not "X benchmark datasets", whose head is "datasets".
_CALLED = re.compile(
    r"(?i)\s(model|models|architecture|benchmark|benchmarks)\b(?!-|\s+(?:datasets?|corpus|corpora)\b)"
)
# The letters the words ``_CALLED`` looks for start with, after one white space character.
_CALLED_INITIALS = frozenset("mMaAbB")
# What a name's type may become where the text calls it so: (type, called) pairs.
_CALLED_CHANGES = frozenset({("Method", "Model"), ("Dataset", "Benchmark")})
_JOINED = re.compile(r"\s&\s")
# "X is proposed to minimise ...": what a paper devises is a technique, whatever its head word.
_DEVISED = re.compile(
    r"\s(?:is|are)\s(?:then\s|further\s|also\s)?(?:proposed|devised|designed|introduced)\s+to\b"
)
# A technique's class noun right after a name: "the Cross Frame Reasoning module".
_TECHNIQUE_AFTER = re.compile(
    r"\s(?:strateg(?:y|ies)|approach(?:es)?|methods?|frameworks?|modules?|mechanisms?|paradigms?|"
    r"algorithms?|techniques?|schemes?|objectives?|losses|loss)\b"
)


def names_technique(text: str, start: int, end: int) -> bool:
    """Whether the Title Case name ``text[start:end]`` stands before a technique's class noun.

    "the Cross Frame Reasoning module", "a Multi-Scale Prediction strategy": a
    task's head word, but capitals and the noun after say the phrase names the technique;
    lower case ("an image captioning approach") is a technique for the task.

    >>> text = "a Cross Frame Reasoning module and an image captioning approach"
    >>> names_technique(text, 2, 23), names_technique(text, 38, 54)
    (True, False)
    """
    return _TECHNIQUE_AFTER.match(text, end) is not None and all(
        part[:1].isupper() for part in text[start:end].replace("-", " ").split()
    )


# "X, a framework for ...": an apposition says what a name is, even a model-shaped one.
_APPOSED = re.compile(r",\s+(?:a|an)\s")
# "a novel approach, dubbed X": the text names X as a technique in so many words.
_TECHNIQUE_NOUNS = "|".join(noun for noun, kind in CLASS_NOUNS.items() if kind == "Method")
_NAMED_TECHNIQUE = re.compile(
    rf"(?i)\b(?:{_TECHNIQUE_NOUNS})\s*,?\s*(?:(?:which|that)\s+we\s+)?"
    r"(?:called|named|dubbed|termed|coined|call)(?:\s+as)?\s+$"
)
_TITLE_HEAD = re.compile(r"^\s*([^:]{2,40}?)\s*:\s")
# Words that make a title head a clause or question rather than a name.
_CLAUSE_WORDS = frozenset(
    {"what", "how", "why", "when", "is", "are", "do", "does", "can", "you", "we", "your"}
)
# Nouns that a task's name modifies rather than names a task with: "image synthesis power",
# "visual comprehension capabilities", "an image-mask generation pipeline".
_TASK_MODIFIES = re.compile(
    r"(?i)\s(?:capabilit(?:y|ies)|abilit(?:y|ies)|power|pipelines?|process|strateg(?:y|ies)|distributions?|"
    r"pairs?|discrepancy|modules?|algorithms?|scheme|area|skills?|frameworks?)\b"
)
# "of" and what is acted on, after a task's head word: "grounding of motion-language models".
_OBJECT_AFTER = re.compile(r"\s+of\s")
# A listed task before "model" names the task the model does ("a speech synthesis model").
_TASK_MODEL = re.compile(r"(?i)\smodels?\b")
# Nouns that a technique's lower-case name modifies: "a text encoding process".
_METHOD_MODIFIES = re.compile(
    r"\s(?:units?|injections?|pathways?|process(?:es)?|procedures?|strategies|capabilit(?:y|ies)|"
    r"abilit(?:y|ies)|pipelines?)\b"
)


@lru_cache(maxsize=1 << 16)  # bounded: a large corpus has words without end
def is_generic(text: str) -> bool:
    """Whether ``text`` is a class word or vague phrase rather than a name.

    >>> is_generic("LLMs"), is_generic("multimodal large language models"), is_generic("MLLM")
    (True, True, True)
    >>> is_generic("Stable Diffusion"), is_generic("CLIP")
    (False, False)
    """
    lower = text.lower()
    last = lower.rsplit("-", 1)[-1]
    return (
        lower in _GENERIC_WORDS
        # lower-case words before a class word, the first perhaps capitalised as a sentence starts:
        # "text-guided diffusion models", "Latent diffusion models"
        or (text[1:] == lower[1:] and bool(_LOWER_CASE_GENERIC.match(lower)))
        or bool(_GENERIC.match(text))
        or (text.endswith("s") and text[:-1].lower() in _GENERIC_WORDS)
        or text.count("(") != text.count(")")
        # "8B-MLLMs", "user-LLM": a class word with a size or a common word before it
        or ("-" in text and last.rstrip("s") in _GENERIC_WORDS and not text[:1].isupper())
    )


# Acronyms of research fields: "NLP", "computer vision (CV)".
_FIELD_ACRONYMS = frozenset({"nlp", "nlu", "nlg", "ai", "cv", "ml"})


def names_a_field(text: str) -> bool:
    """Whether ``text`` is words before a field's acronym, an area of study rather than a name.

    "Klingon NLP tasks" and "Pipelined NLP systems" narrow a field ("NLP"), which is no
    entity; a listed area stays a name (the caller looks it up).

    >>> names_a_field("Klingon NLP"), names_a_field("Robot AI"), names_a_field("NLP"), names_a_field("FooAI")
    (True, True, False, False)
    """
    head, _, last = text.rpartition(" ")
    return bool(head) and last.lower() in _FIELD_ACRONYMS


@lru_cache(maxsize=1 << 16)  # names recur across a corpus's docs
def _name_checks(name: str) -> tuple[bool, bool, bool]:
    """What the name string alone says of a proposed name: whether it is generic (``is_generic``),
    whether it is no name whatever its context, and whether it is listed (``lookup``).

    No name: words before a field's acronym ("Klingon NLP") that are not listed, or a
    lower-case phrase ending in "mechanism" (a listed "tiled attention mechanism": the
    words before "mechanism" are the name).

    >>> _name_checks("LLMs"), _name_checks("Klingon NLP"), _name_checks("tiled attention mechanism")
    ((True, False, False), (False, True, False), (False, True, False))
    >>> _name_checks("BERT")
    (False, False, True)
    """
    listed = lookup(name) is not None
    no_name = (names_a_field(name) and not listed) or _ENDS_IN_MECHANISM.fullmatch(name) is not None
    return is_generic(name), no_name, listed


def is_named_architecture(text: str, start: int, end: int) -> bool:
    """Whether the class phrase ``text[start:end]``, capitalised mid-sentence, names a listed model.

    Written so, a class phrase is one network's name ("a Neural LM", the listed model)
    where in lower case it is the class ("neural LMs", GUIDELINES.md). A title or a
    sentence's start capitalises words anyway, so only the middle of running text says so.

    >>> text = "We train a Neural LM. Neural LMs and neural LMs differ from Large Language Models."
    >>> [is_named_architecture(text, s, s + n) for s, n in [(11, 9), (22, 10), (37, 10), (60, 22)]]
    [True, False, False, False]
    """
    words = text[start:end].split()
    if len(words) < 2 or not all(word[:1].isupper() for word in words):
        return False
    before = text[max(0, start - 3) : start].rstrip()
    if not before or before[-1] in ".!?:":
        return False
    name = text[start:end]
    entry = lookup(name) or (lookup(name[:-1]) if name.endswith("s") else None)
    return entry is not None and entry.type == "Model"


def is_modifier(text: str, start: int, end: int, label: str) -> bool:
    """Whether the span ``text[start:end]`` is part of a longer word or noun phrase, not a name.

    A span that starts inside a hyphenated word ("Text-[Video Retrieval]") is a piece of
    a longer name; a task's name before a noun it modifies ("image synthesis power")
    names no task there.

    >>> text = "Text-Video Retrieval lends image synthesis power to image captioning."
    >>> is_modifier(text, 5, 20, "Task"), is_modifier(text, 27, 42, "Task"), is_modifier(text, 52, 68, "Task")
    (True, True, False)
    """
    if start > 1 and text[start - 1] == "-" and text[start - 2].isalnum():
        return True
    if label == "Method" and text[start:end].islower():
        return _METHOD_MODIFIES.match(text, end) is not None
    if label != "Task":
        return False
    if _OBJECT_AFTER.match(text, end) is not None:
        return True  # "semantic manipulation of the output": an act on one thing, no task's name
    if _TASK_MODIFIES.match(text, end) is not None:
        return not names_technique(text, start, end)
    return _TASK_MODEL.match(text, end) is not None and lookup(text[start:end]) is None


# Last words of a defined long form that name a measure (GUIDELINES: divergences and similarities too).
_MEASURE_HEADS = frozenset(
    {
        "error",
        "errors",
        "correlation",
        "similarity",
        "distance",
        "coefficient",
        "divergence",
        "precision",
        "recall",
    }
)


# Lower-case words joined by "of": "bag of visual words", "chain-of-thought", "mixture of glyphs".
_CONCEPT_PHRASE = re.compile(r"[a-z]+(?:[ -][a-z]+)?[ -]of[ -][a-z]+(?:[ -][a-z]+)?")


def is_concept_phrase(text: str) -> bool:
    """Whether a long form is lower-case words joined by "of", a design's name rather than a network's.

    Networks are named by coinages or by a class noun at the end ("glyph transformer");
    "a bag of glyphs (BoG) model" is a model built on a technique (GUIDELINES.md:
    techniques and modules are Method), and "model" after the pair says which kind.

    >>> is_concept_phrase("bag of visual words"), is_concept_phrase("bag-of-glyphs")
    (True, True)
    >>> is_concept_phrase("Bag of Glyphs"), is_concept_phrase("glyph transformer")
    (False, False)
    """
    return _CONCEPT_PHRASE.fullmatch(text) is not None


def pair_type(
    doc: Doc, long: Candidate, short: Candidate, proposed: Iterable[Candidate]
) -> EntityType | None:
    """The one type of a long form and its short form, both in ``doc``.

    An apposition after the pair decides ("X (Y), a ... framework"); else the long form's
    last word where it is a class noun or head word ("... Model",
    "... Optimization", "... Generation"); else a naming as a technique before it ("a recipe
    that we call X (Y)"); else a listed entry for the long form, the words
    around the pair ("an X (Y) approach"), a proposed span covering the long form, or
    the short form's shape. A listed entry for the short form alone is not used:
    acronyms are ambiguous ("UAR" is also a metric). None where nothing of these holds
    and the long form is lower-case words: "natural language (NL)" names no technique.
    """
    text = doc_text(doc)
    long_text = text[long.start_char : long.end_char]
    apposed = apposition_type(text, long.end_char)
    if apposed is not None:
        return apposed  # "X (Y), a self-supervised learning framework": what the text calls the pair
    if is_concept_phrase(long_text):
        return "Method"  # "a bag of glyphs (BoG) model": a model of that design, not its name
    if short.start < long.start:
        # "language models named X (Long Form ... Understanding)": the class the text names the pair by
        start = sentence_of(doc, short.start_char)[0]
        named = context_type(text[start : short.start_char], "")
        if named is not None:
            return named
    last = long_text.replace("-", " ").split()[-1].lower()
    if last in CLASS_NOUNS and last not in ("framework", "approach", "family"):
        return CLASS_NOUNS[last]
    if last in _MEASURE_HEADS:
        return "Metric"  # "scaled depth error (SDE)", "rank correlation (RC)": a measure's name
    by_head = head_type(long_text.split())
    if by_head == "Task" and lists_objectives(text, long.start_char):
        return "Method"
    if by_head == "Task":
        by_head = copula_type(text, long.end_char) or by_head
    if by_head is not None:
        return by_head  # a head word says more than a list entry ("reinforcement learning")
    if _NAMED_TECHNIQUE.search(text, max(0, long.start_char - 60), long.start_char):
        return "Method"  # "a recipe that we call X (Y)": the text names a technique, whatever a list says
    known = lookup(long_text)
    if known is not None:
        return known.type
    start, end = sentence_of(doc, long.start_char)
    close = text.find(")", short.end_char, end)
    cue = context_type(text[start : long.start_char], text[close + 1 if close >= 0 else short.end_char : end])
    if cue is not None:
        return cue
    covered = False  # whether a proposed span overlaps the long form
    for span in proposed:
        if span.start == long.start and span.end == long.end and span.label_ != "Method":
            return span.label_  # type: ignore[return-value]
        covered = covered or (span.start < long.end and long.start < span.end)
    # A short form before its long form ("UNIFY, a UNIversal ...") is the name; its list entry types it.
    kind = shape_type(text[short.start_char : short.end_char], listed=short.start < long.start)
    if kind is None and not covered and long_text.islower():
        return None  # "natural language (NL)": nothing says the pair names a technique
    return kind or "Method"


# What follows a modality compound's short form where the pair names the task ("text-to-image
# (T2I) generation models"), not an adjective of a technique ("text-to-image (T2I) diffusion
# models" tag nothing, GUIDELINES.md).
_MODALITY_TASK_AFTER = re.compile(
    r"(?i)\)\s*(?:[.,;:]|$|(?:generation|generative|synthesis|models?|systems?|tasks?|benchmarks?|and|or)\b)"
)


def names_modality_task(text: str, long: str, short_end: int) -> bool:
    """Whether a long form with a modality compound and its short form name a task.

    The compound ends the long form and the words after the short form do not make it an
    adjective, or a task's head word ends it ("sketch-to-video generation (S2V)").

    >>> text = "Prior audio-to-mesh (A2M) systems and sketch-to-video (S2V) diffusion models."
    >>> names_modality_task(text, "audio-to-mesh", 24), names_modality_task(text, "sketch-to-video", 59)
    (True, False)
    >>> text = "We study sketch-to-video generation (S2V) here."
    >>> names_modality_task(text, "sketch-to-video generation", 40)
    True
    """
    words = long.split()
    if MODALITY_COMPOUND.fullmatch(words[-1]) is not None:
        return _MODALITY_TASK_AFTER.match(text, short_end) is not None
    return head_type(words) == "Task" and any(MODALITY_COMPOUND.fullmatch(word) for word in words)


_OBJECTIVE_WORDS = frozenset({"loss", "losses", "objective"})


def _is_objective_of(name: str, short_forms: dict[str, str]) -> bool:
    """Whether ``name`` is a defined short form and "loss" or "objective": the short form is the name.

    A list holds "Zorb Loss", but where the text defines Zorb ("Zero-Order Rank Bound (ZORB)"),
    "the ZORB loss function" uses that technique (GUIDELINES.md leaves surrounding words out).

    >>> _is_objective_of("ZORB loss", {"ZORB": "Method"}), _is_objective_of("ZORB loss", {"QUX": "Method"})
    (True, False)
    """
    short, _, word = name.rpartition(" ")
    return word.lower() in _OBJECTIVE_WORDS and short in short_forms


def _joins_defined(name: str, short_forms: dict[str, str]) -> bool:
    """Whether ``name`` is short forms the text defines joined by "+": the two used together, no third name.

    >>> defined = {"ZRB": "Method", "QLX": "Method"}
    >>> _joins_defined("ZRB+QLX", defined), _joins_defined("ZRB+LLM", defined)
    (True, False)
    """
    parts = name.split("+")
    return len(parts) > 1 and all(part in short_forms for part in parts)


def _uses_short_forms(name: str, short_forms: dict[str, str]) -> bool:
    """``_is_objective_of`` or ``_joins_defined``: a name made of the text's short forms, no name of its own.

    >>> _uses_short_forms("ZORB loss", {"ZORB": "Method"}), _uses_short_forms("ZORB", {"ZORB": "Method"})
    (True, False)
    """
    # (neither holds for a name without a space or a "+": most names)
    return (" " in name and _is_objective_of(name, short_forms)) or (
        "+" in name and _joins_defined(name, short_forms)
    )


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char in "_-"  # what ``[\w-]`` matches


def standalone_uses(text: str, names: Iterable[str]) -> list[tuple[int, int, str]]:
    r"""The non-overlapping uses of ``names`` in ``text`` with no letter, digit, "_" or "-" either side.

    What ``re.finditer`` finds for ``(?<![\w-])(?:name1|name2|...)(?![\w-])``, left to right,
    an earlier name first where two start at one place; without compiling a pattern per
    doc, which costs more than the search (every paper defines names of its own).

    >>> standalone_uses("DPO, DPO-2 and xDPO; SD v1 (SD)", ["SD", "DPO"])
    [(0, 3, 'DPO'), (21, 23, 'SD'), (28, 30, 'SD')]
    """
    candidates = []
    for rank, name in enumerate(names):
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            if not (start and _is_word_char(text[start - 1])) and not (
                end < len(text) and _is_word_char(text[end])
            ):
                candidates.append((start, rank, end, name))
            start = text.find(name, start + 1)
    found = []
    position = 0
    for start, _, end, name in sorted(candidates):
        if start >= position:
            found.append((start, end, name))
            position = end
    return found


def _bare_uses(doc: Doc, short_forms: dict[str, str]) -> list[Candidate]:
    if not short_forms:
        return []
    found = []
    for start, end, name in standalone_uses(doc_text(doc), short_forms):
        tokens = token_span(doc, start, end)
        if tokens is not None:
            found.append(Candidate(*tokens, start, end, short_forms[name]))
    return found


@lru_cache(maxsize=256)  # an abstract's doc asks for its title's, read just before
def title_head(title: str) -> tuple[int, int] | None:
    """The character span of the name a title of the form "X: ..." heads, if it is one.

    >>> title = "Kestrel: Chart Question Answering with Region Grounding"
    >>> start, end = title_head(title)
    >>> title[start:end]
    'Kestrel'
    >>> title_head("QX4D & QX4D-LLM: Elevating 4D Representation") is None  # two names
    True
    >>> title_head("Taming Long Contexts: A Study") is None  # a verb phrase
    True
    >>> title_head("Know What You Need: A Study") is None  # a clause
    True
    >>> title_head("Model Alignment: A Survey") is None  # a review's topic
    True
    """
    match = _TITLE_HEAD.match(title)
    if match is None or len(match.group(1).split()) > 4:
        return None
    head = match.group(1)
    if " " in head and (head.split()[0].endswith("ing") or _CLAUSE_WORDS & set(head.lower().split())):
        return None  # "Negating Negatives: ...", "Understand What X Needs: ...": a phrase, not a name
    if not head[:1].isupper() or is_generic(head) or _JOINED.search(head) or "(" in head:
        return None  # "QX4D & QX4D-LLM: ...", "Big Transfer (BiT): ...": two names, found on their own
    if " " in head and is_review_title(title):
        return None  # "Large Language Model Alignment: A Survey": the topic a review covers
    return match.span(1)


def _title_head(doc: Doc) -> Candidate | None:
    text = doc_text(doc)
    bounds = title_head(text)
    tokens = None if bounds is None else _tokens_within(doc, *bounds)
    if tokens is None:
        return None
    start, end = token_bounds(doc)[0][tokens[0]], token_bounds(doc)[1][tokens[1] - 1]
    return Candidate(*tokens, start, end, name_type(text[start:end]))


def _tokens_within(doc: Doc, start_char: int, end_char: int) -> tuple[int, int] | None:
    """The bounds of the tokens wholly inside ``start_char:end_char``, or None where no token is.

    What ``doc.char_span(start_char, end_char, alignment_mode="contract")`` spans, from the
    offsets read once (``token_bounds``), without making a ``Span``.

    >>> import spacy
    >>> doc = spacy.blank("en")("We use CLIP-based models.")
    >>> _tokens_within(doc, 5, 17), _tokens_within(doc, 8, 10)
    ((2, 5), None)
    """
    starts, ends = token_bounds(doc)
    first, last = token_at(doc, start_char), token_at(doc, end_char - 1)
    if first < 0 or last < 0:
        return None
    if starts[first] < start_char:
        first += 1
    if end_char < ends[last]:
        last -= 1
    return (first, last + 1) if first <= last else None


def _title_head_uses(doc: Doc) -> list[Candidate]:
    """The abstract's uses of the name its paper's title heads ("Marten" for "Marten: ...")."""
    title = doc_value(doc, "kg_title")
    bounds = title_head(title) if title else None
    if bounds is None:
        return []
    name = title[bounds[0] : bounds[1]]
    if name not in doc_text(doc):
        return []  # most abstracts: no use to type
    return _bare_uses(doc, {name: name_type(name)})


@Language.factory(
    "kg_entities",
    default_config={"spans_keys": ["kg_known", "kg_shapes", "kg_phrases"], "typed_by_head": "kg_phrases"},
)
class Entities:
    """Choose the doc's entities from the proposed names and give each name one type.

    They go to ``doc._.kg_entities`` as ``Candidate`` tuples, and to ``doc.ents`` unless the
    pipeline is run with ``component_cfg={"kg_entities": {"ents": False}}``.

    >>> from kg.extract import nlp
    >>> doc = nlp()("We align CLIP-based LLMs with Direct Preference Optimization (DPO) on the COCO dataset.")
    >>> [(e.text, e.label_) for e in doc.ents]
    [('CLIP', 'Model'), ('Direct Preference Optimization', 'Method'), ('DPO', 'Method'), ('COCO', 'Dataset')]
    """

    def __init__(self, nlp: Language, name: str, spans_keys: list[str], typed_by_head: str) -> None:
        self.name = name
        self.spans_keys = spans_keys
        self.typed_by_head = typed_by_head

    def __call__(self, doc: Doc, ents: bool = True) -> Doc:
        text = doc_text(doc)  # slicing it is much cheaper than Span.text, which walks the tokens
        proposals = []
        by_head: dict[tuple[int, int], str] = {}
        found_by_key = [proposed(doc, key) for key in self.spans_keys]
        distinct = dict.fromkeys(chain.from_iterable(found_by_key))  # components often propose one name
        for key, found in zip(self.spans_keys, found_by_key, strict=True):
            if key == self.typed_by_head:
                by_head = {(c.start, c.end): c.label_ for c in found}
        in_title = doc_value(doc, "kg_field") == "title"
        software = has_software_word(text)
        for proposal in distinct:
            start, end, label = proposal.start_char, proposal.end_char, proposal.label_
            generic, no_name, listed = _name_checks(text[start:end])
            if generic and (in_title or not is_named_architecture(text, start, end)):
                continue
            if no_name:
                continue
            if software and not listed and names_software(text, start, end):
                continue  # "X, a Python package": software is no entity
            if (
                text[start - 1 : start] == "-"
                or (label in ("Method", "Task") and text[end : end + 1].isspace())
            ) and is_modifier(text, start, end, label):
                continue  # (``is_modifier`` holds for no other name but one after a hyphen or before a space)
            if label == "Task" and names_technique(text, start, end):
                proposal = proposal._replace(label_="Method")  # "a Cross Frame Reasoning module"
            proposals.append(proposal)
        if self.typed_by_head not in self.spans_keys:
            by_head = {(c.start, c.end): c.label_ for c in proposed(doc, self.typed_by_head)}
        fixed: dict[str, str] = {}
        pairs: list[Candidate] = []
        generic_long_forms = set()
        for long_span, short_span in doc_value(doc, "kg_abbreviations"):
            long, short = candidate(long_span), candidate(short_span)  # each ``Span`` read costs
            long_text = text[long.start_char : long.end_char]
            short_text = text[short.start_char : short.end_char]
            if names_modality_task(text, long_text, short.end_char):
                fixed[long_text.casefold()] = fixed[short_text.casefold()] = "Task"
                pairs += [long._replace(label_="Task"), short._replace(label_="Task")]
                continue
            if is_generic(short_text) or (
                is_generic(long_text)
                and not _names_coinage(long_text, short_text)
                and (in_title or not is_named_architecture(text, long.start_char, long.end_char))
                # "ZViT: A Zonal Vision Transformer": the words a title's head spells are its name
                and not (in_title and short.start_char == 0)
            ):
                generic_long_forms.add(long_text.casefold())  # "Artificial General Intelligence (AGI)"
                continue
            label = pair_type(doc, long, short, proposals)
            first, last = min(long.start_char, short.start_char), max(long.end_char, short.end_char)
            # (or "X (Y), a Python package": the pair names software)
            if label is None or (software and names_software(text, first, last)):
                generic_long_forms.update((long_text.casefold(), short_text.casefold()))
                continue
            fixed[long_text.casefold()] = fixed[short_text.casefold()] = label
            pairs += [long._replace(label_=label), short._replace(label_=label)]
        short_forms = {text[s.start_char : s.end_char]: s.label_ for s in pairs[1::2]}
        if generic_long_forms:
            proposals = [
                c for c in proposals if text[c.start_char : c.end_char].casefold() not in generic_long_forms
            ]
        if short_forms:
            proposals = [
                c for c in proposals if not _uses_short_forms(text[c.start_char : c.end_char], short_forms)
            ]
        if in_title:
            title = [head for head in [_title_head(doc)] if head is not None]
        else:
            title = _title_head_uses(doc)
        found = without_overlaps(pairs + title + proposals + _bare_uses(doc, short_forms))
        found = _with_listed_data(doc, text, found)
        found = _with_listed_tasks(doc, text, found)
        found = _with_data_versions(doc, text, found)
        found = _with_dashed_variants(doc, text, found)
        called = _called(text, found, by_head)
        for long, short in zip(pairs[::2], pairs[1::2], strict=True):
            keys = (
                text[long.start_char : long.end_char].casefold(),
                text[short.start_char : short.end_char].casefold(),
            )
            label = called.get(keys[0]) or called.get(keys[1])
            if (
                label is not None
                and (fixed[keys[0]], label) in _CALLED_CHANGES
                and not is_concept_phrase(text[long.start_char : long.end_char])
            ):
                fixed[keys[0]] = fixed[keys[1]] = label
        fixed = {**called, **fixed}
        entities = self._typed(doc, text, found, fixed, by_head)
        set_doc_value(doc, "kg_entities", entities)
        if ents:
            set_entities(doc, [(ent.start, ent.end, ent.label_) for ent in entities])
        return doc

    def _typed(
        self,
        doc: Doc,
        text: str,
        ents: list[Candidate],
        fixed: dict[str, str],
        by_head: dict[tuple[int, int], str],
    ) -> list[Candidate]:
        votes: dict[str, dict[str, int]] = {}
        names = [text[ent.start_char : ent.end_char] for ent in ents]
        keys = [name.casefold() for name in names]
        weak: set[int] = set()  # names whose type is only the Method default
        sentences: list[tuple[int, int]] = []  # read with ``class_nouns``
        # (made for the first name read in context: a third of docs have none)
        class_nouns: ClassNounIndex | None = None
        has_system = False  # whether the text holds "system", which ``names_a_system`` needs (read with them)
        token_ends = token_bounds(doc)[1]
        coordinated = _coordinated(text, ents)
        listed_as_tasks = _listed_with_tasks(text, ents, coordinated, keys, by_head)
        for i, ent in enumerate(ents):
            key = keys[i]
            cue = fixed.get(key)
            if cue is not None:
                weight = 10
            else:
                cue = by_head.get((ent.start, ent.end))  # a head word says more than a list entry
                if cue == "Method" and key in listed_as_tasks:
                    cue = "Task"  # "image classification and language modeling": a problem, as its peers
                if cue == "Task":
                    cue = self._task_cue(text, ent)
                elif cue == "Metric" and names_an_objective(text, ent.end_char):
                    cue = "Method"  # "a binary entropy objective": minimised in training, not reported
                elif cue is None and ent.label_ not in ("Task", "Metric"):
                    if class_nouns is None:
                        class_nouns = ClassNounIndex(text)
                        sentences = sentences_of(doc, [ent.start_char for ent in ents])
                        has_system = "system" in text
                    cue = self._context_cue(
                        doc, text, ent, names[i], sentences[i], class_nouns, has_system, token_ends
                    )
                    if cue is None and shape_type(names[i]) is None:
                        start, end = sentences[i]
                        cue = data_context_type(text[start : ent.start_char], text[start:end])
                        weak.add(i)
                    elif (
                        cue is None
                        and ent.label_ == "Dataset"
                        and _BENCHMARK_WORD.search(text, *sentences[i])
                    ):
                        cue = "Benchmark"  # "a name the text calls a benchmark is Benchmark"
                weight = 3 if cue else 1
                cue = cue or ent.label_
            counts = votes.get(key)
            if counts is None:
                votes[key] = {cue: weight}
            else:
                counts[cue] = counts.get(cue, 0) + weight
        winners = _most_voted(votes)
        labels = [winners[key] for key in keys]
        if weak:
            for group in coordinated:
                strong = Counter(labels[i] for i in group if i not in weak)
                if strong:
                    for i in group:
                        if i in weak:
                            labels[i] = strong.most_common(1)[0][0]
        return [
            ent if ent.label_ == label else Candidate(ent.start, ent.end, ent.start_char, ent.end_char, label)
            for ent, label in zip(ents, labels, strict=True)
        ]

    @staticmethod
    def _task_cue(text: str, ent: Candidate) -> str:
        """The type of a name a task's head word types."""
        if lists_objectives(text, ent.start_char) or _DEVISED.match(text, ent.end_char):
            return "Method"  # a training objective, or "X is proposed to ...": not a task
        if names_technique(text, ent.start_char, ent.end_char):
            return "Method"  # "a Multi-Scale Prediction strategy": the name of the strategy
        if names_an_objective(text, ent.end_char) and (
            listed_type(text[ent.start_char : ent.end_char]) != "Task"
        ):
            return "Method"  # "minimizing moment matching losses": a loss, where no listed task
        return copula_type(text, ent.end_char) or "Task"  # "X is a widely used criterion"

    @staticmethod
    def _context_cue(
        doc: Doc,
        text: str,
        ent: Candidate,
        name: str,
        sentence: tuple[int, int],
        class_nouns: ClassNounIndex,
        has_system: bool,
        token_ends: list[int],
    ) -> str | None:
        """The type the words around a name give it (``context_type``), or a figure or size before it."""
        start, end = sentence
        name_start, name_end = ent.start_char, ent.end_char
        before_start = max(start, name_start - 160)
        after_end = min(end, name_end + 120)
        nouns_before = class_nouns.within(before_start, name_start)
        nouns_after = class_nouns.within(name_end, after_end)
        after = text[name_end:after_end]
        cue = None
        if has_system and names_a_system(text, name_start, name_end):
            return "Model"  # "X, an expressive lullaby synthesis system"
        if nouns_before or nouns_after:
            cue = context_type(
                text[before_start:name_start],
                after,
                nouns_before=nouns_before,
                nouns_after=nouns_after,
                class_starts=class_nouns.starts_within(before_start, name_start) if nouns_before else None,
            )
        if (
            cue is None
            and ent.label_ not in ("Dataset", "Benchmark")
            and _SHORT_MEASURE.match(name) is not None  # what both rules need first
            and (
                _is_scored(name, text, start, name_start) or _is_raised(name, text, name_start, name_end, end)
            )
        ):
            return "Metric"
        if cue is None and ent.label_ == "Dataset" and names_a_suite(after):
            return "Benchmark"  # "on Atari, OpenAI Gym and Lock-and-Key tasks": suites of tasks
        if cue is None and ent.label_ in ("Dataset", "Method") and names_a_competition(after):
            return "Benchmark"  # "the X shared task", "our X submission": a competition's test sets
        if (
            cue is None
            and ent.start
            and text[token_ends[ent.start - 1] - 1] in "BM\n"  # what ``_PARAMETER_COUNT`` needs
            and _PARAMETER_COUNT.match(token_text(doc, ent.start - 1))
        ):
            return "Model"  # "the 175B DaVinci003": only a network has a parameter count
        if (
            cue is None
            and ent.label_ == "Method"
            and _CLAUSE_START.search(text[max(start, name_start - 4) : name_start])
            and _HAS_PARAMETERS.search(text, name_end, end)
        ):
            return "Model"  # "X achieves ... with just 34M parameters": the subject has weights
        if (
            cue == "Method"
            and ent.label_ == "Model"
            and not _APPOSED.match(text, name_end)
            and not _NAMED_TECHNIQUE.search(text[max(start, name_start - 60) : name_start])
        ):
            return None  # models are often called methods; "a model" is the stronger word
        return cue


# Words before a list that make its items what a model is trained with, not tested on.
_TRAINING_SIGNALS = re.compile(r"(?i)\b(?:pre-?training|objectives?|signals?|losses)\b[^.;]*$")
# Heads of techniques that also name the problem they address: "language modeling", "imitation learning".
_PROBLEM_HEADS = ("modeling", "modelling", "learning")


def _listed_with_tasks(
    text: str,
    ents: list[Candidate],
    coordinated: list[list[int]],
    keys: list[str],
    by_head: dict[tuple[int, int], str],
) -> set[str]:
    """The names whose head makes them techniques but that a list joins to tasks (``coordinated``).

    In "FooNet does well on image retrieval, video captioning and graph modeling", "graph
    modeling" is one more problem the model is tested on, as its peers are, not a technique;
    a technique the name list holds stays one ("contrastive learning and image captioning").
    """
    found: set[str] = set()
    for group in coordinated:
        heads = [by_head.get((ents[i].start, ents[i].end)) for i in group]
        first = ents[group[0]].start_char
        if "Task" not in heads or _TRAINING_SIGNALS.search(text, max(0, first - 120), first):
            continue  # "pre-training signals such as OCR and language modeling" are objectives
        found.update(
            keys[i]
            for i, head in zip(group, heads, strict=True)
            if head == "Method" and keys[i].endswith(_PROBLEM_HEADS) and listed_type(keys[i]) != "Method"
        )
    return found


def _most_voted(votes: dict[str, dict[str, int]]) -> dict[str, str]:
    """Each name's type with the most votes, the first such where several have as many.

    What ``Counter.most_common(1)`` gives, for plain dicts (a ``Counter`` costs more to fill).

    >>> _most_voted({"x": {"Model": 3, "Method": 3, "Dataset": 1}, "y": {"Task": 1}})
    {'x': 'Model', 'y': 'Task'}
    """
    return {
        key: next(iter(counts)) if len(counts) == 1 else max(counts, key=counts.__getitem__)
        for key, counts in votes.items()
    }


# A parameter count: "175B", "7B", "1.3B", "340M".
_PARAMETER_COUNT = re.compile(r"^\d+(?:\.\d+)?[BM]$")
# Where a sentence's subject starts ("lambda-X achieves ..." may follow a full stop the
# sentence splitter keeps, as the next sentence starts in lower case).
_CLAUSE_START = re.compile(r"(?:^|[.;!?])\s*$")
# A count of parameters: "with just 34M parameters", "at 13 billion parameters".
_HAS_PARAMETERS = re.compile(
    r"(?i)\b\d+(?:\.\d+)?\s?(?:[KMB]|million|billion)\s+(?:trainable\s+)?param(?:eter)?s\b"
)
# "57.8 PQ", "a 52.5 AP", "53.0% AP": a short capitalised name right after a figure.
_FIGURE_BEFORE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?%?\s$")
_SHORT_MEASURE = re.compile(r"^[A-Za-z]{1,5}(?:@\d+)?$")


def _is_scored(name: str, text: str, start: int, end: int) -> bool:
    """Whether ``name`` is a measure a figure is given in, ``text[start:end]`` the text before it:
    "57.8 PQ on COCO", "a 52.5 AP".

    >>> _is_scored("PQ", "It sets 57.8 ", 0, 13), _is_scored("AP", "reaches 53.0% ", 0, 14)
    (True, True)
    >>> _is_scored("BERT", "the ", 0, 4), _is_scored("Llama", "with 2 ", 0, 7)
    (False, False)
    """
    if end - start < 2 or (
        text[end - 1] != "\n"  # "$" matches before a last new line
        and not (text[end - 1].isspace() and (text[end - 2].isdecimal() or text[end - 2] == "%"))
    ):
        return False  # ``_FIGURE_BEFORE`` cannot match: the text does not end in a figure and a space
    capitals = sum(c.isupper() for c in name)
    return (
        _SHORT_MEASURE.match(name) is not None
        and 2 * capitals >= len(name.split("@")[0])  # an acronym ("AP", "mIoU"), not a word ("Llama")
        and _FIGURE_BEFORE.search(text[max(start, end - 12) : end]) is not None
    )


# A verb that raises a figure right before a name, and the figures it goes between after it.
_RAISED_BEFORE = re.compile(r"(?i)\b(?:improv|boost|rais|increas|lift)\w*\s+(?:the\s+)?$")
_FROM_TO = re.compile(r"\bfrom\s+\d+(?:\.\d+)?%?\s+to\s+\d")


def _is_raised(name: str, text: str, start: int, end: int, sentence_end: int) -> bool:
    """Whether the short capitalised ``name`` at ``text[start:end]`` is a measure a verb raises
    from one figure to another: "Zorb improves RQ on glyphs from 31.2% to 44.6%".

    >>> text = "Zorb improves RQ on rare glyphs from 31.2% to 44.6%. Zorb improves QN on glyphs."
    >>> _is_raised("RQ", text, 14, 16, 51), _is_raised("QN", text, 66, 68, len(text))
    (True, False)
    """
    return (
        _SHORT_MEASURE.match(name) is not None
        and 2 * sum(c.isupper() for c in name) >= len(name.split("@")[0])
        and _RAISED_BEFORE.search(text, max(0, start - 20), start) is not None
        and _FROM_TO.search(text, end, min(sentence_end, end + 100)) is not None
    )


def _called(text: str, ents: list[Candidate], by_head: dict[tuple[int, int], str]) -> dict[str, str]:
    """Names the text calls a model or a benchmark right after them ("the HuBERT model").

    What the paper calls a thing decides between Model and Method, and between Benchmark
    and Dataset (GUIDELINES.md), more surely than a long form's last word ("Decoding-enhanced
    BERT with Disentangled Attention"), a list entry or a looser cue elsewhere ("the HuBERT
    approach"). Head-typed phrases are left alone: "an image captioning model" is a model for a task.
    """
    called = {}
    for ent in ents:
        if ent.label_ in ("Task", "Metric") or (ent.start, ent.end) in by_head:
            continue
        if text[ent.end_char + 1 : ent.end_char + 2] not in _CALLED_INITIALS:
            continue  # ``_CALLED`` cannot match
        match = _CALLED.match(text, ent.end_char)
        if match is not None:
            label = CLASS_NOUNS[match.group(1).lower()]
            if label == "Model" or ent.label_ in ("Dataset", "Benchmark"):
                called[text[ent.start_char : ent.end_char].casefold()] = label
    return called


# A capitalised name and the punctuation that lists it beside another: "Flowers (98.8%), " or " and Gigaword".
_DATA_ITEM = r"[A-Z][\w-]*[\w](?:\s(?:[A-Z][\w-]*[\w]|\d[\w.]*))?"
_LIST_SEPARATOR = r"(?:\s*\([^()]{0,20}\))?(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
_NEXT_DATA = re.compile(rf"{_LIST_SEPARATOR}({_DATA_ITEM})(?![\w-])")
_PREVIOUS_DATA = re.compile(rf"(?<![\w-])({_DATA_ITEM}){_LIST_SEPARATOR}$")


def _may_list_after(text: str, end: int) -> bool:
    """Whether ``_NEXT_DATA`` may match at ``end``: after white space, "(", "," or (after some) "and", "or".

    >>> [_may_list_after(text, 4) for text in ("COCO, X", "COCO  and X", "COCO dataset", "COCO (ours)")]
    [True, True, False, True]
    """
    following = end
    while following < len(text) and text[following].isspace():
        following += 1
    return text[following : following + 1] in _SEPARATOR_STARTS or (
        following > end and text.startswith(("and", "or"), following)
    )


_SEPARATOR_STARTS = frozenset("(,")


def _with_listed_data(doc: Doc, text: str, ents: list[Candidate]) -> list[Candidate]:
    """``ents`` and the capitalised names listed beside a dataset or benchmark ("CIFAR-100, Flowers and X").

    A plain capitalised word in a list of data names is one more of them, which neither
    its shape nor a list entry can tell.
    """
    data = [ent for ent in ents if ent.label_ in ("Dataset", "Benchmark")]
    if not data:
        return ents
    name_starts = [ent.start_char for ent in ents]  # ``ents`` are in text order and do not overlap
    found: list[Candidate] = []

    def taken(char: int) -> bool:
        i = bisect_right(name_starts, char) - 1
        return (i >= 0 and char < ents[i].end_char) or any(f.start_char <= char < f.end_char for f in found)

    for ent in data:
        after = _NEXT_DATA.match(text, ent.end_char) if _may_list_after(text, ent.end_char) else None
        window = max(0, ent.start_char - 60)
        before = (
            _PREVIOUS_DATA.search(text, window, ent.start_char)
            if text[window : ent.start_char].rstrip().endswith((",", "and", "or"))  # how a separator ends
            else None
        )
        for match in (after, before):
            if match is None:
                continue
            if taken(match.start(1)) or taken(match.end(1) - 1):
                continue
            words = match.group(1).split()
            if words[0].lower() in STOP_WORDS or words[0].lower() in VAGUE or is_generic(match.group(1)):
                continue
            tokens = token_span(doc, match.start(1), match.end(1))
            if tokens is not None:
                found.append(Candidate(*tokens, match.start(1), match.end(1), ent.label_))
    return sorted(ents + found, key=lambda span: span.start) if found else ents


# "tasks such as X, Y and Z", "three tasks: X, Y", "the tasks of X and Y", "the task of X": a list of tasks.
_TASKS_LISTED = re.compile(
    r"(?i)\b(?:tasks(?:,?\s+such\s+as|\s*\(\s*e\.g\.,?|,?\s+including|\s*:|\s+of)|task\s+of)\s+(?:the\s+)?"
)
_TASK_ITEM = re.compile(
    r"[a-z][a-z0-9-]*(?:/[a-z][a-z0-9-]*)?(?: (?!(?:and|or)\b)[a-z][a-z0-9-]*(?:/[a-z][a-z0-9-]*)?){0,3}"
)
_TASK_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def listed_tasks(text: str) -> list[tuple[int, int]]:
    """The character spans of the tasks a text lists after "tasks such as", "tasks:", "the task of".

    An item is one to four lower-case words, none a function word, the last no plural;
    the list ends at the first item that is not one ("the task of generating shapes from images").
    "Pre-training tasks" are objectives, not tasks (GUIDELINES.md), and list nothing here.

    >>> text = "We test three tasks: summarization, response generation, and image/video captioning or QA."
    >>> [text[s:e] for s, e in listed_tasks(text)]
    ['summarization', 'response generation', 'image/video captioning']
    >>> text = "It helps the task of generating 3D shapes, pre-training tasks: masking, and tasks such as "
    >>> listed_tasks(text + "cross-modal understanding and generation.")
    []
    """
    found = []
    starts = occurrences(text.lower(), ["task"]) if folds_like_ascii(text) else None
    for trigger in matches_within(_TASKS_LISTED, text, starts):
        if lists_objectives(text, trigger.end()):
            continue
        position = trigger.end()
        items = []
        while True:
            item = _TASK_ITEM.match(text, position)
            if item is None or not _is_task_item(text, item):
                break
            words = item.group().split()
            if not (len(words) == 2 and words[0] in MODALITY_WORDS and words[1] in BROAD_HEADS):
                items.append(item.span())  # "cross-modal understanding" is a capability (phrases.py)
            separator = _TASK_SEPARATOR.match(text, item.end())
            if separator is None or trigger.group().lower().startswith("task "):
                break  # "the task of X" names one task
            position = separator.end()
        # a lone word is a task's name beside other tasks ("classification, reconstruction"), not alone
        found += [(s, e) for s, e in items if len(items) > 1 or " " in text[s:e]]
    return found


def _is_task_item(text: str, item: re.Match[str]) -> bool:
    """Whether a list's item is the whole of a task's name: it ends where the item does."""
    words = item.group().split()
    last = words[-1]
    return (
        not any(word in STOP_WORDS or word in VAGUE for word in words)
        and not (last.endswith("s") and not last.endswith(("ss", "is", "us")))
        and (
            item.end() == len(text)
            or text[item.end()] in ",.;:)"
            or text.startswith((" and ", " or "), item.end())
        )
    )


def _with_listed_tasks(doc: Doc, text: str, ents: list[Candidate]) -> list[Candidate]:
    """``ents`` with the items of a list of tasks as Tasks, each the whole item.

    A task name found inside an item ("response generation" of "polite response generation")
    gives way to the item; an item overlapping a name of another type is left out.
    """
    if "ask" not in text and "ASK" not in text:  # no "task" in any case: most texts, found without lower()
        return ents
    items = listed_tasks(text)
    if not items:
        return ents
    kept = list(ents)
    for start, end in items:
        inside = [ent for ent in kept if ent.start_char < end and start < ent.end_char]
        if any(ent.start_char == start and ent.end_char == end for ent in inside):
            continue
        if any(ent.label_ != "Task" or ent.start_char < start or ent.end_char > end for ent in inside):
            continue
        tokens = token_span(doc, start, end)
        if tokens is None:
            continue
        kept = [ent for ent in kept if ent not in inside]
        kept.append(Candidate(*tokens, start, end, "Task"))
    return sorted(kept, key=lambda span: span.start)


# What may follow a data name as part of it: a version, a year or a split ("NYU Depth v2", "val2017").
# The characters a ``_DATA_VERSION`` match starts with after its space.
_VERSION_INITIALS = frozenset("vV12td")
_DATA_VERSION = re.compile(r" (?:[vV]\d[\w.]*|(?:19|20)\d\d|(?:val|test|train|dev)(?:19|20)?\d\d)(?![\w-])")


# A translation direction after a data name: "IWSLT17 English-German", "IWSLT 2014 De-En".
_PAIR_AFTER = re.compile(r" ([A-Z][a-z]+(?:-to-|-|\u2013|\u2192|->)[A-Z][a-z]+)(?![\w-])")


def _language_pair_after(text: str, end: int) -> re.Match[str] | None:
    """The match of a language pair right after a data name that ends at ``end``, if one is there.

    >>> text = "on IWSLT17 English-German and ZRK Fine-Grained"
    >>> _language_pair_after(text, 10).group(1), _language_pair_after(text, text.index(" Fine"))
    ('English-German', None)
    """
    if not text[end + 1 : end + 2].isupper():
        return None
    match = _PAIR_AFTER.match(text, end)
    return match if match is not None and is_language_pair(match.group(1)) else None


def _with_data_versions(doc: Doc, text: str, ents: list[Candidate]) -> list[Candidate]:
    """``ents``, each name but a task's or measure's widened over a version, year or split after it.

    Lists hold "PASCAL VOC" and "NYU Depth"; the text names "PASCAL VOC 2012", "NYU Depth v2".
    The type is not settled yet ("NYU Depth" is a Method until "dataset" after it is read).
    """
    widened: list[Candidate] = []
    for i, ent in enumerate(ents):
        if widened and ent.end <= widened[-1].end:
            continue  # the version itself, found as a name of its own ("val2017")
        match = (
            _DATA_VERSION.match(text, ent.end_char)
            if ent.label_ not in ("Task", "Metric")
            and text[ent.end_char + 1 : ent.end_char + 2] in _VERSION_INITIALS
            else None
        )
        if match is None and ent.label_ in ("Dataset", "Benchmark"):
            match = _language_pair_after(text, ent.end_char)
        tokens = None if match is None else token_span(doc, ent.start_char, match.end())
        crossed = tokens is not None and i + 1 < len(ents) and ents[i + 1].start < tokens[1] < ents[i + 1].end
        widened.append(
            ent if tokens is None or crossed else Candidate(*tokens, ent.start_char, match.end(), ent.label_)
        )
    return widened


# A variant after a spaced dash: " - Glyph 7B", " - Chat)", " - Chat variants"; a single capitalised
# word with a size after it, or before a bracket, a comma, a full stop or "variants"/"models".
_DASHED_VARIANT = re.compile(
    r" [-\u2013] [A-Z][a-z]+(?: \d+(?:\.\d+)?[BM](?!\w|\.\d)|(?=[),.;]| \(| variants?\b| models?\b))"
)


def _with_dashed_variants(doc: Doc, text: str, ents: list[Candidate]) -> list[Candidate]:
    """``ents``, each network's name widened over a variant a spaced dash joins to it.

    Model families name their variants so: "Zorb Gemma - Python", "Zorb Gemma - Chat 7B"
    (GUIDELINES.md: keep the full name with its version or size suffix). A name found
    inside the widened one ("Glyph 7B") gives way to it.

    >>> from kg.extract import nlp
    >>> doc = nlp()("Zorb Gemma - Chat 7B beats Zorb Gemma - Python, and Zorb Gemma - a family.")
    >>> [(e.text, e.label_) for e in doc.ents]
    [('Zorb Gemma - Chat 7B', 'Model'), ('Zorb Gemma - Python', 'Model'), ('Zorb Gemma', 'Model')]
    """
    if " - " not in text and " \u2013 " not in text:
        return ents
    widened: list[Candidate] = []
    for ent in ents:
        if widened and ent.start < widened[-1].end:
            continue  # a name inside the variant ("Glyph 7B")
        match = _DASHED_VARIANT.match(text, ent.end_char) if ent.label_ == "Model" else None
        end = ent.end_char if match is None else match.end()
        tokens = token_span(doc, ent.start_char, end) if end > ent.end_char else None
        widened.append(ent if tokens is None else Candidate(*tokens, ent.start_char, end, ent.label_))
    return widened


def without_overlaps(spans: list[Candidate]) -> list[Candidate]:
    """What ``spacy.util.filter_spans`` keeps of ``spans``, in text order: the longest of overlapping ones.

    Ties go to the one that starts first, then to the first in ``spans`` (``sorted`` keeps the
    order of equal keys, with ``reverse`` too); as there, a span is dropped where its first
    or last token is taken, not where it holds a taken one.

    >>> spans = [Candidate(1, 3, 5, 12, "X"), Candidate(0, 2, 0, 9, "X"), Candidate(2, 5, 9, 16, "X")]
    >>> [(span.start, span.end) for span in without_overlaps(spans)]
    [(0, 2), (2, 5)]
    """
    order = [(span[1] - span[0]) * _TOKENS_BOUND - span[0] for span in spans]  # longest, then first
    taken = bytearray(max(map(itemgetter(1), spans), default=0))  # 1 for the tokens of kept spans
    kept = []
    for i in sorted(range(len(spans)), key=order.__getitem__, reverse=True):
        span = spans[i]
        start, end = span[0], span[1]
        if not taken[start] and not taken[end - 1]:
            kept.append(span)
            taken[start:end] = b"\x01" * (end - start)
    kept.sort(key=itemgetter(0))
    return kept


# More tokens than a doc holds: spans are ordered by length * this - start.
_TOKENS_BOUND = 1 << 32


def _coordinated(text: str, ents: list[Candidate]) -> list[list[int]]:
    """Runs of names joined by commas, "and", "or" or slashes ("MSVD, DiDeMo and LSMDC").

    >>> text = "on MSVD, DiDeMo and LSMDC with CLIP"
    >>> ents = [Candidate(0, 0, s, s + len(n), "Dataset") for n in ("MSVD", "DiDeMo", "LSMDC", "CLIP")
    ...         for s in [text.index(n)]]
    >>> _coordinated(text, ents)
    [[0, 1, 2]]
    """
    groups: list[list[int]] = []
    for i, ent in enumerate(ents):
        if i and _COORDINATION.match(text, ents[i - 1].end_char, ent.start_char):
            groups[-1].append(i)
        else:
            groups.append([i])
    return [group for group in groups if len(group) > 1]


# Used with ``match(key, pos)``: anchored at ``pos`` (where "^" would not match).
_VARIANT = re.compile(
    r"(?:s|es|_\w{1,10}|[- ](?:v?\d[\w.]*|[a-z]{0,3}\d+[a-z]?|[a-z]|tiny|small|base|large|huge|giant|xx?l|"
    r"mini|lite|pro|plus|instruct|chat))$"
)


def _variant_of(key: str, names: Iterable[str]) -> bool:
    """Whether ``key`` is one of ``names`` with a size, version or plural ending ("rt-detr-l", "focalnets").

    >>> _variant_of("mamba-3b", {"mamba"}), _variant_of("focalnets", {"focalnet"})
    (True, True)
    >>> _variant_of("clip", {"clip-x"}), _variant_of("uniter learning", {"uniter"})
    (False, False)
    """
    for name in names:
        if len(name) > 2 and key.startswith(name) and _VARIANT.match(key, len(name)) is not None:
            return True
    return False


def _variants_typed_as_their_base(winners: dict[str, str]) -> dict[str, str]:
    """``winners`` (name -> type), a model or technique variant given its base name's type.

    "SECLA-B" is a variant of the paper's technique SECLA, not a network because "-B"
    reads as a size; "ViT-B" of the network ViT stays a Model.

    >>> _variants_typed_as_their_base({"secla": "Method", "secla-b": "Model", "coco": "Dataset"})
    {'secla': 'Method', 'secla-b': 'Method', 'coco': 'Dataset'}
    """
    # A base is longer than two characters, so it shares its variant's first three.
    by_start: dict[str, list[str]] = {}
    for key, kind in winners.items():
        if kind in ("Model", "Method") and len(key) > 2:
            by_start.setdefault(key[:3], []).append(key)
    changed = winners
    for techniques in by_start.values():
        if len(techniques) < 2:
            continue
        for key in techniques:
            longest = ""
            for base in techniques:
                if (
                    len(base) > len(longest)
                    and base != key
                    and key.startswith(base)
                    and _VARIANT.match(key, len(base)) is not None
                ):
                    longest = base
            if longest:
                if changed is winners:
                    changed = dict(winners)
                changed[key] = winners[longest]
    return changed


# A short prefix and a hyphen before a name: "lambda-", "x-", "tiny-".
_PREFIXED = re.compile(r"([a-z0-9]{1,7})-(.{3,})")


def _bases_typed_as_their_network(winners: dict[str, str]) -> dict[str, str]:
    """``winners`` (name -> type), a technique-typed name a Model if the paper's network prefixes it.

    "lambda-Zorb" is a network of the Zorb family, so "Zorb" alone is that family's earlier
    network, not a technique (most such bases have nothing but their shape to type them).

    >>> _bases_typed_as_their_network({"zorb": "Method", "lambda-zorb": "Model", "dpo": "Method"})
    {'zorb': 'Model', 'lambda-zorb': 'Model', 'dpo': 'Method'}
    >>> _bases_typed_as_their_network({"zorb": "Method", "lambda-zorb": "Method"})
    {'zorb': 'Method', 'lambda-zorb': 'Method'}
    """
    changed = winners
    for key, kind in winners.items():
        if kind != "Model" or "-" not in key:
            continue
        match = _PREFIXED.fullmatch(key)
        if match is not None and winners.get(match.group(2)) == "Method":
            if changed is winners:
                changed = dict(winners)
            changed[match.group(2)] = "Model"
    return changed


# Greek letters and the words that spell them in plain text ("β-VAE", "beta-VAE").
_GREEK_NAMES = dict(
    zip(
        "αβγδεζηθικλμνξοπρστυφχψω",
        [
            "alpha",
            "beta",
            "gamma",
            "delta",
            "epsilon",
            "zeta",
            "eta",
            "theta",
            "iota",
            "kappa",
            "lambda",
            "mu",
            "nu",
            "xi",
            "omicron",
            "pi",
            "rho",
            "sigma",
            "tau",
            "upsilon",
            "phi",
            "chi",
            "psi",
            "omega",
        ],
        strict=True,
    )
)


def spelling_key(name: str) -> str:
    """One key for the spellings of a name: case folded, Greek letters spelled out.

    >>> spelling_key("β-VAE") == spelling_key("beta-VAE") == "beta-vae"
    True
    """
    key = name.casefold()
    if key.isascii():
        return key
    return "".join(_GREEK_NAMES.get(char, char) for char in key)


def title_long_forms(title: str, long_forms: Iterable[str]) -> list[tuple[int, int]]:
    """Where the long forms an abstract defines stand in its paper's title, whole words, case aside.

    GUIDELINES.md lists a long form in the title as a mention of its own; there its words are
    all capitalised, and a name found in them alone ("Zorb Distillation" of "Zorb Distillation
    for Preference Transfer") is a piece of the long form.

    >>> title = "Zorb Distillation for Preference Transfer in Small Models"
    >>> long_forms = ["zorb distillation for preference transfer", "Zorb"]
    >>> [title[s:e] for s, e in title_long_forms(title, long_forms)]
    ['Zorb Distillation for Preference Transfer']
    """
    lower = title.lower()
    if len(lower) != len(title):
        return []  # lower-casing changed the offsets
    spans = []
    for long in long_forms:
        if " " not in long:
            continue
        start = lower.find(long.lower())
        end = start + len(long)
        if (
            start >= 0
            and not (start and _is_word_char(title[start - 1]))
            and not (end < len(title) and _is_word_char(title[end]))
        ):
            spans.append((start, end))
    return spans


def settled_names(
    mentions: Iterable[tuple[str, EntityType, Field, Role | None]], pairs: Iterable[Abbreviation] = ()
) -> dict[str, tuple[EntityType, bool]]:
    """The type and whether the paper introduces it, for each name (``spelling_key``) of a paper's mentions.

    ``mentions`` are ``(spelling_key(text), type, field, role)``. One name gets one type
    across the paper's fields and abbreviation ``pairs``: the majority, an abstract's
    mention counting twice a title's. A name the paper introduces anywhere (or whose long
    or short form it introduces, or whose base or plural it introduces) is introduced everywhere.

    >>> settled_names([("x", "Method", "title", "introduced"), ("x", "Model", "abstract", None)])
    {'x': ('Model', True)}
    >>> settled_names([("zorbnets", "Model", "abstract", "introduced"), ("zorbnet", "Model", "title", None)])
    {'zorbnets': ('Model', True), 'zorbnet': ('Model', True)}
    """
    partner = {}
    for pair in pairs:
        partner[spelling_key(pair.long)] = spelling_key(pair.short)
        partner[spelling_key(pair.short)] = spelling_key(pair.long)
    votes: dict[str, dict[str, int]] = {}
    introduced = set()
    for key, kind, field, role in mentions:
        counts = votes.get(key)
        if counts is None:
            counts = votes[key] = {}
        counts[kind] = counts.get(kind, 0) + (2 if field == "abstract" else 1)
        if role == "introduced":
            introduced.add(key)
            introduced.add(partner.get(key, key))
    winners = _bases_typed_as_their_network(_variants_typed_as_their_base(_most_voted(votes)))
    bases = {name[:3] for name in introduced if len(name) > 2}  # a variant starts as its base does
    return {
        key: (
            kind,
            key in introduced
            or f"{key}s" in introduced  # "ZorbNet" of the paper's "ZorbNets"
            or (key[:3] in bases and _variant_of(key, introduced)),
        )
        for key, kind in winners.items()
    }
