"""Descriptive names typed by their head word: tasks, techniques and measures.

Most task and technique names in ML abstracts are ordinary noun phrases whose last
word says what they are: "radiology report generation" and "visual question
answering" are tasks, "contrastive learning" and "triplet contrastive loss" are
techniques, "word error rate" and "top-1 accuracy" are measures. A phrase is a head
word from ``HEADS`` with up to ``max_modifiers`` words before it, each of which is a
term word (``is_term_word``): a singular word that some listed multi-word name holds
(``known_names``), or a hyphenated compound ("text-to-image", "zero-shot"). Vague words ("novel",
"existing", "downstream") are never term words, and a phrase needs at least one
modifier, so "generation" alone is not a task.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import accumulate

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.cues import MEASURES_AS_SUCH, word_alternation
from kg.extract.extensions import candidates_at, doc_text, propose
from kg.extract.known_names import known_names, listed_type
from kg.model import EntityType

# Counts of operations and frame rates: measures of cost, named alone ("fewer GFLOPs", "40 FPS").
_COMPUTE_MEASURES = ("flop", "flops", "gflops", "tflops", "macs", "fps")
# Head words (lower case) and the type they give the phrase they end.
HEADS: dict[str, EntityType] = {
    **dict.fromkeys(
        [
            "generation",
            "retrieval",
            "recognition",
            "classification",
            "answering",
            "detection",
            "segmentation",
            "estimation",
            "translation",
            "summarization",
            "captioning",
            "understanding",
            "reasoning",
            "synthesis",
            "parsing",
            "forecasting",
            "grounding",
            "extraction",
            "tracking",
            "editing",
            "compression",
            "restoration",
            "super-resolution",
            "inference",
            "entailment",
            "tagging",
            "typing",
            "identification",
            "analysis",
            "comprehension",
            "localization",
            "conversion",
            "enhancement",
            "processing",
            "labeling",
            "labelling",
            "completion",
            "matching",
            "navigation",
            "manipulation",
            "inpainting",
            "denoising",
            "deblurring",
            "prediction",
            "planning",
            "paraphrasing",
            "infilling",
            "dialogue",
            "dialog",
            "personalization",
            "customization",
            "following",
            "removal",
            "naming",
            "recommendation",
            "verification",
            "linking",
            "disambiguation",
            "correction",
            "simplification",
            "counting",
            "colorization",
            "matting",
            "dehazing",
            "deraining",
            "interpolation",
            "reconstruction",
            "rendering",
            "animation",
            "imputation",
            "transcription",
            "diarization",
            "separation",
            "spotting",
            "categorization",
        ],
        "Task",
    ),
    **dict.fromkeys(
        [
            "fine-tuning",
            "finetuning",
            "tuning",
            "pre-training",
            "pretraining",
            "distillation",
            "optimization",
            "optimisation",
            "attention",
            "loss",
            "losses",
            "modeling",
            "modelling",
            "sampling",
            "quantization",
            "augmentation",
            "normalization",
            "encoding",
            "prompting",
            "masking",
            "regularization",
            "descent",
            "hashing",
            "decoding",
            "self-attention",
            "cross-attention",
            "autoencoding",
            "transform",
            "transforms",
            "pooling",
            "dropout",
            "convolution",
            "convolutions",
            "learning",
            "search",
            "penalty",
            "constraint",
            "factorization",
            "attribution",
            "autoregression",
            "engineering",
            "scaling",
            "selection",
            "probing",
            "supervision",
            "modulation",
            "aggregation",
            "decomposition",
            "transport",
            "pruning",
            "merging",
        ],
        "Method",
    ),
    **dict.fromkeys(["accuracy", "divergence", "perplexity", "entropy", "rate", "score"], "Metric"),
    **dict.fromkeys(_COMPUTE_MEASURES, "Metric"),
}
# Two-word heads whose last word alone says too little.
TWO_WORD_HEADS: dict[str, EntityType] = {
    "error rate": "Metric",
    "opinion score": "Metric",
    "f1 score": "Metric",
    "mutual information": "Metric",
    "cosine similarity": "Metric",
    "kl divergence": "Metric",
    "representation learning": "Task",
    "zero-shot learning": "Task",
    "few-shot learning": "Task",
    "question answering": "Task",
    "language modeling": "Method",
    "language modelling": "Method",
}
# Heads that are names on their own.
STANDALONE: dict[str, EntityType] = {
    **dict.fromkeys(_COMPUTE_MEASURES, "Metric"),
    "accuracy": "Metric",
    "perplexity": "Metric",
    "summarization": "Task",
    "paraphrasing": "Task",
    "infilling": "Task",
    "classification": "Task",
    "captioning": "Task",
}
_HEAD_WORDS = frozenset(HEADS) | {pair.split()[-1] for pair in TWO_WORD_HEADS}
# Words that make a task-like phrase a training objective (a Method, GUIDELINES.md).
OBJECTIVE_MODIFIERS = frozenset({"masked", "next-token", "token", "n-gram", "next-sentence", "denoising"})
# At most this many words stand before a task's head word.
TASK_MODIFIERS = 2
# A phrase of one of these modality words and a broad head ("multimodal understanding",
# "cross-modal learning") names a capability, not a task or technique.
MODALITY_WORDS = frozenset(
    {"multimodal", "multi-modal", "cross-modal", "cross-modality", "unimodal", "uni-modal"}
)
BROAD_HEADS = frozenset({"understanding", "learning", "fine-tuning", "finetuning", "tuning", "processing"})
# "X learning" is a technique, except where the modifier names a problem setting.
TASK_LEARNING_MODIFIERS = frozenset({"zero-shot", "few-shot", "one-shot", "representation", "metric"})
# Words that are never part of a name: vague adjectives and the verbs that introduce names.
VAGUE = frozenset(
    [
        "novel",
        "new",
        "existing",
        "efficient",
        "effective",
        "various",
        "different",
        "strong",
        "robust",
        "better",
        "improved",
        "downstream",
        "general",
        "generic",
        "simple",
        "standard",
        "traditional",
        "conventional",
        "previous",
        "prior",
        "current",
        "recent",
        "modern",
        "popular",
        "common",
        "typical",
        "specific",
        "particular",
        "special",
        "several",
        "many",
        "multiple",
        "more",
        "most",
        "other",
        "such",
        "additional",
        "further",
        "final",
        "overall",
        "high",
        "low",
        "higher",
        "lower",
        "large",
        "larger",
        "small",
        "smaller",
        "good",
        "best",
        "key",
        "main",
        "core",
        "complex",
        "challenging",
        "difficult",
        "unified",
        "comprehensive",
        "extensive",
        "significant",
        "superior",
        "powerful",
        "promising",
        "proposed",
        "based",
        "using",
        "via",
        "our",
        "their",
        "its",
        "this",
        "that",
        "these",
        "those",
        "which",
        "whose",
        "whole",
        "entire",
        "fine-grained",
        "human-like",
        "state-of-the-art",
        "sota",
        "automatic",
        "automated",
        "task",
        "tasks",
        "model",
        "models",
        "method",
        "methods",
        "approach",
        "approaches",
        "framework",
        "performance",
        "quality",
        "results",
        "training",
        "pre-trained",
        "pretrained",
        "trained",
        "learned",
        "joint",
        "propose",
        "present",
        "introduce",
        "study",
        "address",
        "perform",
        "enable",
        "achieve",
        "improve",
        "use",
        "leverage",
        "tackle",
        "explore",
        "investigate",
        "boost",
        "enhance",
        "support",
        "facilitate",
        "consider",
        "apply",
        "evaluate",
        "demonstrate",
        "show",
        "make",
        "allow",
        "require",
        "help",
        "benefit",
        "handle",
        "solve",
        "adopt",
        "employ",
        "yield",
        "outperform",
        "advance",
        "fundamental",
        "crucial",
        "important",
        "essential",
        "effectiveness",
        "e.g",
        "i.e",
        "theoretical",
        "deeper",
        "deep",
        "in-depth",
        "precise",
        "faithful",
        "diverse",
        "comparable",
        "controllable",
        "accurate",
        "similar",
        "holistic",
        "successful",
        "countless",
        "slow",
        "fast",
        "easy",
        "hard",
        "appropriate",
        "inappropriate",
        "necessary",
        "underlying",
        "intrinsic",
        "superficial",
        "dynamic",
        "adaptive",
        "active",
        "lightweight",
        "inefficient",
        "strategic",
        "interpretable",
        "progressive",
        "iterative",
        "high-fidelity",
        "end-to-end",
        "large-scale",
        "small-scale",
        "two-stage",
        "multi-stage",
        "one-stage",
        "two-phase",
        "off-the-shelf",
        "sample-efficient",
        "from-scratch",
        "held-in",
        "held-out",
        "multi-step",
        "bottom-up",
        "top-down",
        "high-quality",
        "low-quality",
        "coarse-grained",
        "real-world",
        "one-time",
        "tuning-free",
        "training-free",
        "plug-and-play",
        "given",
        "rest",
        "level",
        "first",
        "second",
        "third",
        "last",
        "one",
        "two",
        "three",
        "four",
        "five",
        "significantly",
        "worse",
        "preference",
        "alignment",
        "safety",
        "human",
        "proper",
        "possible",
        "complete",
        "explainable",
        "synergistic",
        "potential",
        "parallel",
        "intensive",
        "surrogate",
        "continuous",
        "higher-dimensional",
        "random",
        "approximate",
        "big",
        "called",
        "classical",
        "detailed",
        "faster",
        "include",
        "includes",
        "limited",
        "mobile",
        "named",
        "objective",
        "replace",
        "scalable",
        "single",
        "global",
        "local",
        "enhanced",
        "implicit",
        "explicit",
        "representative",
    ]
)
# Natural languages by name: a language says what data a task is done on, or one side of a
# translation direction ("English-German").
LANGUAGE_NAMES = frozenset(
    [
        "English",
        "German",
        "French",
        "Spanish",
        "Italian",
        "Portuguese",
        "Dutch",
        "Russian",
        "Polish",
        "Czech",
        "Romanian",
        "Finnish",
        "Estonian",
        "Latvian",
        "Lithuanian",
        "Turkish",
        "Chinese",
        "Japanese",
        "Korean",
        "Vietnamese",
        "Arabic",
        "Hindi",
        "Gujarati",
        "Kazakh",
        "Hebrew",
        "Persian",
        "Greek",
        "Swedish",
        "Danish",
        "Norwegian",
        "Ukrainian",
        "Bengali",
        "Tamil",
        "Urdu",
        "Thai",
        "Indonesian",
        "Nepali",
        "Sinhala",
        "Khmer",
        "Pashto",
        "Icelandic",
        "Hungarian",
        "Bulgarian",
        "Croatian",
        "Serbian",
        "Slovenian",
        "Slovak",
        "Catalan",
        "Basque",
        "Mandarin",
        "Cantonese",
        "Malay",
        "Swahili",
    ]
)
_LOWER_LANGUAGE_NAMES = frozenset(name.lower() for name in LANGUAGE_NAMES)
# Words that start Title Case names ("Generative Pretraining") but no lower-case ones.
_LOWER_CASE_VAGUE = frozenset({"generative", "average"})
_LOSSES = frozenset({"loss", "losses"})
# Measures named after people: "Renyi cross entropy", "Jensen-Shannon divergence".
_EPONYMOUS_HEADS = frozenset({"entropy", "divergence"})
_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "our", "this", "these", "each", "every"})
# Hyphenated heads that name no technique on their own.
_TOO_GENERIC = frozenset(
    {
        "fine-tuning",
        "pre-training",
        "post-training",
        "re-training",
        "co-training",
        "post-processing",
        "pre-processing",
    }
)
# Words that qualify a measure without naming it ("absolute accuracy" is accuracy), and those measures.
_QUALIFIED_MEASURES = frozenset({"accuracy", "score", "rate"})
METRIC_QUALIFIERS = frozenset(
    {
        "absolute",
        "average",
        "averaged",
        "relative",
        "overall",
        "mean",
        "total",
        "zero-shot",
        "few-shot",
        "long-term",
    }
)
# Heads of measures named after what they measure, and vague words that may be that quality.
_NAMED_MEASURES = frozenset({"score", "rate"})
_SETTING_RATES = frozenset({"learning", "sampling", "frame", "dropout", "masking", "mask", "mixing"})
# A measure's word in a trade-off: "a better cost-accuracy trade-off", "the trade-off between accuracy and X".
_TRADE_OFF_AFTER = re.compile(r"(?i)\s+trade-?offs?\b")
_TRADE_OFF_BEFORE = re.compile(r"(?i)\btrade-?offs?\s+between\s+(?:the\s+)?$")
# Data and annotators a training signal comes from: "X supervision" with one of them names no technique.
_SUPERVISION_SOURCES = frozenset(
    {
        "text",
        "textual",
        "language",
        "image",
        "visual",
        "video",
        "audio",
        "label",
        "ground-truth",
        "human",
        "caption",
    }
)
# "X learning" for these X names a paradigm or a field, and "X tuning" (or optimization, search)
# for these X a chore on unnamed settings: no technique a practitioner looks up by that name.
_PARADIGM_LEARNING = frozenset({"machine", "supervised", "unsupervised"})
_UNNAMED_SETTINGS = frozenset({"parameter", "hyperparameter", "hyper-parameter"})
_SETTING_CHORES = frozenset({"tuning", "optimization", "optimisation", "search"})
# "X modeling" with X only what is modelled ("music modeling", "graph modeling") names the problem
# of modelling it, a task; a modifier that says how ("masked", "causal", "contrastive", "auto-regressive")
# makes a training objective, a technique. Endings of such adjectives and participles:
_MANNER_ENDINGS = ("ed", "en", "ive", "al", "tic", "ric", "lic", "ous", "ar", "ent", "ant")
_MODELING = frozenset({"modeling", "modelling"})
_MEASURED_QUALITIES = frozenset(
    {"alignment", "preference", "human", "safety", "quality", "performance", "implicit", "explicit"}
)
_QUANTITY = re.compile(r"^[\d.,/x%-]+[a-z]{0,4}$")
_NAME_SHAPED = re.compile(r"[A-Z]")
_DIMENSION = re.compile(r"^\d+D$")
# A lower-case compound ending in a variable: "best-of-N", "top-K".
_VARIABLE_COMPOUND = re.compile(r"^[a-z][a-z-]*-[A-Z]$")
_PLAIN_WORD = re.compile(r"^[A-Z][a-z]+$")
# A word with a digit or two capitals: a name of its own ("F1", "KL"), not a plain word ("Error").
_ACRONYM_LIKE = re.compile(r"\d|[A-Z].*[A-Z]")
_CAMEL = re.compile(r"^[A-Z][a-z]+[A-Z][a-z]+$")
# A name as the base of a technique: "FFT-based contrastive loss", "depth-aware anchor pruning".
# Steps joined in their order, a recipe rather than a name: "align-before-fuse", "retrieve-then-rank".
_STEPS_IN_ORDER = re.compile(r"-(?:before|after|then)(?![a-z])")
# A field of study, which names the data a task is done on: "cardiology report generation".
_FIELD_NOUN = re.compile(r"^[A-Za-z][a-z]+(?:ology|ography|ometry)$")
_NAME_BASED = re.compile(r"^[\w.]+-(?:based|aware|guided|driven|enhanced|conditioned|constrained)$")
# Plain words joined by hyphens, capitalised as in a title: "Open-Set", "Text-to-Image".
_PLAIN_COMPOUND = re.compile(r"^[A-Za-z][a-z]+(?:-[A-Za-z][a-z]*)+$")
_WORD = re.compile(r"[A-Za-z0-9][\w/]*(?:-[\w/]+)*")
# The text split at its words, which ``split`` keeps (its group), between the gaps.
_WORD_SPLIT = re.compile(f"({_WORD.pattern})")


# Singular nouns that end in "s" like plurals: "class", "analysis", "corpus", "robotics", "time series".
_SINGULAR_ENDINGS = ("ss", "is", "us", "ics")
_SINGULAR_IN_S = frozenset({"series", "species"})


@cache
def term_words() -> frozenset[str]:
    """The lower-cased words of the listed multi-word names, less vague and function words.

    Names are made of nouns and adjectives, so a word that no listed name holds
    ("stabilize", "despite") does not start a name.
    """
    words = {w for key in known_names() if " " in key for w in key.split() if w.isalpha()}
    return frozenset(words - VAGUE - STOP_WORDS)


@lru_cache(maxsize=1 << 16)  # bounded: a large corpus has words without end
def is_term_word(word: str) -> bool:
    """Whether ``word`` may stand before a head word in a name.

    Nouns that modify a head are singular and verbs, adverbs and participles are no
    modifiers, so words ending in -s, -ed or -ly are not term words, except participles
    that listed names hold ("supervised", "masked"); hyphenated
    compounds always are, unless they end in "-like", "-level" or "-free" (what a thing lacks
    says which it is not: "grammar-free parsers"); a word with capitals
    inside is a name of its own, unless it is a Title Case compound ("Open-Set") or
    a name a technique is based on ("GRAM-based").

    >>> is_term_word("speech"), is_term_word("text-to-image"), is_term_word("novel")
    (True, True, False)
    >>> is_term_word("improves"), is_term_word("CLIP-like"), is_term_word("CLIP-based")
    (False, False, True)
    >>> is_term_word("sketch-then-render"), is_term_word("sketch-to-3D")
    (False, True)
    """
    lower = word.lower()
    if (
        lower in VAGUE
        or word in _LOWER_CASE_VAGUE
        or lower in STOP_WORDS
        or "://" in word
        or word.startswith("www.")
    ):
        return False
    if (
        _NAME_SHAPED.search(word[1:])
        and not _DIMENSION.match(word)
        and not _VARIABLE_COMPOUND.match(word)
        and not _PLAIN_COMPOUND.match(word)
        and not _NAME_BASED.match(word)
        and not MODALITY_COMPOUND.fullmatch(word)  # "text-to-3D", "text-to-SQL": kinds of data
    ):
        return False  # a name of its own ("COCO detection" is COCO and detection)
    if _QUANTITY.match(word):
        return False
    if "-" in word or any(c.isdigit() for c in word):
        return not lower.endswith(("-like", "-level", "-free")) and _STEPS_IN_ORDER.search(lower) is None
    if lower.endswith("ed") and lower in term_words():
        return True  # participles that names hold: "supervised fine-tuning", "masked modeling"
    if (
        (lower.endswith("ing") and lower not in HEADS)
        or lower.endswith(("ed", "ly"))
        or (lower.endswith("s") and not lower.endswith(_SINGULAR_ENDINGS) and lower not in _SINGULAR_IN_S)
    ):
        return False
    return lower in term_words()


# Task heads that, after a statistical object, name a way to fit or query a probabilistic model:
# "moment matching", "kernel matching", "variational inference" are techniques; "entity matching",
# "natural language inference" tasks.
_FITTING_HEADS = frozenset({"matching", "inference"})
_STATISTICAL_OBJECTS = frozenset(
    {
        "score",
        "flow",
        "distribution",
        "moment",
        "density",
        "ratio",
        "kernel",
        "gradient",
        "variational",
        "bayesian",
    }
)


def head_type(words: list[str]) -> EntityType | None:
    """The type a phrase's last words give it, or None if they are no head.

    >>> head_type(["visual", "question", "answering"]), head_type(["contrastive", "learning"])
    ('Task', 'Method')
    >>> head_type(["zero-shot", "learning"]), head_type(["word", "error", "rate"])
    ('Task', 'Metric')
    >>> head_type(["moment", "matching"]), head_type(["entity", "matching"])
    ('Method', 'Task')
    """
    return _head_type(tuple(words))


@lru_cache(maxsize=1 << 16)  # phrases recur from paper to paper ("contrastive learning")
def _head_type(words: tuple[str, ...]) -> EntityType | None:
    last = words[-1].lower()
    if last in _FITTING_HEADS and len(words) >= 2 and words[-2].lower() in _STATISTICAL_OBJECTS:
        return "Method"  # "score matching", "variational inference": ways to fit a model, no tasks
    if HEADS.get(last) == "Task" and any(
        w.lower() in OBJECTIVE_MODIFIERS or w.lower().endswith("-augmented") for w in words[:-1]
    ):
        # pre-training objectives ("next-token prediction", "masked image modeling") and tasks
        # done with a help ("retrieval-augmented generation") are techniques
        return "Method"
    if last not in HEADS and "-" in last:
        prefix, last = last.rsplit("-", 1)
        words = (*words[:-1], prefix, last)
    if len(words) >= 2:
        pair = f"{words[-2].lower()} {last}"
        if pair in TWO_WORD_HEADS:
            return TWO_WORD_HEADS[pair]
        if last == "learning" and words[-2].lower() in TASK_LEARNING_MODIFIERS:
            return "Task"
    return HEADS.get(last)


def find_phrases(text: str, max_modifiers: int = 4) -> list[tuple[int, int, EntityType]]:
    """Character spans and types of the head-typed phrases in ``text``.

    >>> text = "We study visual question answering with contrastive learning and a novel loss."
    >>> [(text[s:e], t) for s, e, t in find_phrases(text)]
    [('visual question answering', 'Task'), ('contrastive learning', 'Method')]
    """
    found: list[tuple[int, int, EntityType]] = []
    # Strings, not a match object per word: those cost the garbage collector a walk each (a
    # quarter of this function's time in the pipeline).
    parts = _WORD_SPLIT.split(text)
    words, gaps = parts[1::2], parts[0::2]  # gaps[k]: the text between words k - 1 and k
    lower = list(map(str.lower, words))
    offsets = list(accumulate(map(len, parts)))
    starts, ends = offsets[0::2], offsets[1::2]
    for i, word in enumerate(lower):
        if word not in _HEAD_WORDS and not ("-" in word and word.rsplit("-", 1)[1] in HEADS):
            continue
        kind = head_type(lower[max(0, i - 1) : i + 1])
        if kind is None or word.endswith("-following"):
            continue  # (an "instruction-following model": a quality, where "instruction following" is a task)
        start = i - 1 if i and f"{lower[i - 1]} {word}" in TWO_WORD_HEADS else i
        lower_case_head = words[i][:1].islower()
        # Task names are short ("3D shape generation"); words before the third qualify the task
        # ("conditional", "cross-modal") rather than name it.
        limit = min(max_modifiers, TASK_MODIFIERS) if kind == "Task" else max_modifiers
        # "F1 score", "KL divergence": a measure named by a name of its own is whole ("we report F1 score")
        named_measure = start < i and kind == "Metric" and _ACRONYM_LIKE.search(words[start]) is not None
        if named_measure:
            limit = 0
        while (
            start > 0
            and i - start < limit
            and gaps[start] == " "
            and (
                is_term_word(words[start - 1])
                or (kind == "Task" and _FIELD_NOUN.match(words[start - 1]) is not None)
                or (not lower_case_head and _is_titled_vague(words, start - 1))
                or (
                    word in _EPONYMOUS_HEADS
                    and _is_capitalised_name(text, words[start - 1], starts[start - 1])
                )
                or (
                    kind != "Metric"
                    and _is_proposed_modifier(text, words[start - 1], starts[start - 1], kind)
                )
            )
            and not (
                lower_case_head
                and word not in _EPONYMOUS_HEADS
                and _is_capitalised_name(text, words[start - 1], starts[start - 1])
            )
            # a lower-case word does not start a Title Case name: "implicit Jeffrey Divergence"
            and not (not lower_case_head and words[start - 1][:1].islower())
            and not (kind != "Metric" and _ends_a_task(lower, start - 1))
            # a language says what data a task is done on, not which task: "Polish stance classification"
            and lower[start - 1] not in _LOWER_LANGUAGE_NAMES
        ):
            start -= 1
        if 0 < start < i and kind != "Metric" and _ends_a_task(lower, start - 1):
            while start < i and lower[start] in VAGUE:
                start += 1  # a Title Case name's vague word starts no name ("Generation Method Selection")
        if (
            0 < start < i
            and lower[start].isalpha()
            and lower[start].endswith("ed")
            and lower[start - 1].endswith("ly")
        ):
            start += 1  # "weakly supervised chart parsing": the adverb's participle says how, not which
        if kind == "Task" and start > 0 and lower[start - 1].endswith("-shot") and gaps[start] == " ":
            start -= 1  # "one-shot sketch-conditioned part detection": the setting belongs to the name
        if word in _NAMED_MEASURES and lower_case_head and not named_measure:
            while start > 0 and i - start < 2 and gaps[start] == " " and _is_measure_word(words[start - 1]):
                start -= 1
        if word == "score" and start == i and _scores_a_benchmark(words, gaps, i):
            start -= 1  # "86.4 BLURB score": the benchmark's aggregate score, a measure of its own
        if (
            kind == "Method"
            and start > 0
            and start == i
            and gaps[start] == " "
            and _CAMEL.match(words[start - 1])
        ):
            start -= 1  # "a LowRank self-attention": a coined variant of the technique
        if start == i - 1 and word in BROAD_HEADS and lower[start] in MODALITY_WORDS:
            continue
        if (
            word[-1] == "s"
            and i + 1 < len(lower)
            and lower[i + 1] in _DETERMINERS
            and word not in _COMPUTE_MEASURES  # "and flops, the X models": a noun before a clause
        ):
            continue  # "the alignment tuning transforms a base LLM": a verb, not a technique
        if word in _LOSSES and HEADS.get(lower[i - 1]) == "Task":
            continue  # "an image captioning loss", "the prediction loss": a task's objective, no name
        if kind == "Method" and start < i - 1 and _is_measure_as_such(lower, i - 1):
            continue  # "a conditional entropy constraint": the measure is the name (found on its own)
        if start < i and _is_leading_verb(text, words[start], starts[start]):
            start += 1  # "Scaling Open-Vocabulary Object Detection": a title's verb, not a modifier
        if word in _QUALIFIED_MEASURES and start < i:
            start = _measure_start(lower, start, i)
        if word == "rate" and lower[i - 1] in _SETTING_RATES:
            continue  # "learning rate", "sampling rate": settings, not measures
        if word == "supervision" and lower[i - 1] in _SUPERVISION_SOURCES:
            continue  # "caption supervision": where a training signal comes from, no technique
        if start == i - 1 and (
            (word == "learning" and lower[start] in _PARADIGM_LEARNING)
            or (word in _SETTING_CHORES and lower[start] in _UNNAMED_SETTINGS)
        ):
            continue  # a paradigm ("X learning") or a chore on unnamed settings ("parameter search")
        if kind == "Task" and start == i - 1 and lower[start].endswith("-based"):
            continue  # "retrieval-based generation": how a broad task is done, not which task
        if kind == "Metric" and (
            _TRADE_OFF_AFTER.match(text, ends[i])
            or _TRADE_OFF_BEFORE.search(text, max(0, starts[start] - 30), starts[start])
        ):
            continue  # "the speed/accuracy trade-off": a quality traded for another, not a measure reported
        alone = words[i]
        if (
            start < i
            or word in STANDALONE
            or ("-" in alone and alone.lower() not in _TOO_GENERIC and is_term_word(alone.rsplit("-", 1)[0]))
        ):
            kind = head_type(lower[start : i + 1]) or kind
            if kind == "Method" and word in _MODELING and start < i and _models_a_subject(lower[start:i]):
                kind = "Task"
            found.append((starts[start], ends[i], kind))
    return found


# A figure a score is given in, right before the name it scores: "86.4 ", "71.2% ".
_FIGURE = re.compile(r"\d+(?:\.\d+)?%?")


def _scores_a_benchmark(words: list[str], gaps: list[str], head: int) -> bool:
    """Whether the "score" at ``words[head]`` follows a figure and a listed benchmark's name.

    "achieves 86.4 BLURB score": the score a benchmark aggregates is reported as a measure.
    ``gaps[k]`` is the text between ``words[k - 1]`` and ``words[k]``.

    >>> parts = _WORD_SPLIT.split("It reaches 86.4 BLURB score and a BLURB score.")
    >>> words, gaps = parts[1::2], parts[0::2]
    >>> [_scores_a_benchmark(words, gaps, i) for i, w in enumerate(words) if w == "score"]
    [True, False]
    """
    if head < 2 or gaps[head] != " ":
        return False
    if _FIGURE.fullmatch(words[head - 2] + gaps[head - 1][:-1]) is None:
        return False
    return listed_type(words[head - 1]) == "Benchmark"


# Last words of measures that stay measures where a loss, constraint or penalty is made of them:
# ``cues.MEASURES_AS_SUCH``, and an entropy other than a cross entropy (a loss of its own).
_MEASURES_AS_SUCH = frozenset(MEASURES_AS_SUCH) | {"entropy"}


def _is_measure_as_such(lower: list[str], index: int) -> bool:
    """Whether ``lower[index]`` ends a divergence or similarity measure (not a cross entropy, a loss).

    >>> lower = "a conditional entropy constraint and a cross entropy loss".split()
    >>> _is_measure_as_such(lower, 2), _is_measure_as_such(lower, 7)
    (True, False)
    """
    word = lower[index]
    if word not in _MEASURES_AS_SUCH or (index and lower[index - 1] == "cross"):
        return False
    return head_type(lower[max(0, index - 1) : index + 1]) == "Metric"


def _models_a_subject(modifiers: list[str]) -> bool:
    """Whether the words before "modeling" only say what is modelled: plain nouns, no manner.

    >>> _models_a_subject(["topic"]), _models_a_subject(["spoken", "content"])
    (True, False)
    >>> _models_a_subject(["masked", "image"]), _models_a_subject(["language"])
    (False, False)
    """
    return f"{modifiers[-1]} modeling" not in TWO_WORD_HEADS and all(
        word.isalpha() and not word.endswith(_MANNER_ENDINGS) for word in modifiers
    )


# Task head words, less those that also start training objectives ("denoising"), and their "-based" forms.
_TASK_HEADS = frozenset(head for head, kind in HEADS.items() if kind == "Task") - OBJECTIVE_MODIFIERS
_TASK_HEAD_FORMS = _TASK_HEADS | {f"{head}-based" for head in _TASK_HEADS}


def _ends_a_task(lower: list[str], index: int) -> bool:
    """Whether ``lower[index]`` is a task's head word (or its "-based" form) that ends a name before it.

    A task's name does not qualify a technique or another task: "detection fine-tuning"
    is fine-tuning for detection, "fast inference shape classification" and "generation-based
    shape classification" are shape classification; "retrieval augmented generation" is
    one name, a participle joining its parts.

    >>> lower = "detection fine-tuning and retrieval augmented generation or parsing-based tagging".split()
    >>> _ends_a_task(lower, 0), _ends_a_task(lower, 3), _ends_a_task(lower, 7)
    (True, False, True)
    """
    return lower[index] in _TASK_HEAD_FORMS and not lower[index + 1].endswith("ed")


# A verb of introduction and its article, right before a technique's name: "we propose an ".
_PROPOSED_BEFORE = re.compile(
    r"(?i)\b(?:propose|introduce|present|develop|design|devise)[sd]?\s+(?:an?|the)\s+$"
)
# A verb that names what follows, a technique or a task: "an objective called ".
_NAMED_BEFORE = re.compile(r"(?i)\b(?:called|named|dubbed|termed)\s+$")


def _is_proposed_modifier(text: str, word: str, start: int, kind: EntityType = "Method") -> bool:
    """Whether ``word`` (at ``start``) is a plain lower-case word that starts a name of ``kind``
    a paper proposes or names.

    A coined technique's first word is often one no listed name holds ("we propose an
    drift penalty", "we introduce a staggered autoregression"); right after the verb
    and its article, it is the name's and not a passing modifier. So is the first word
    of a technique's or task's name after a verb that names it ("an objective called
    swapped patch prediction"); a task a paper presents is often no name ("we present
    a method for chest report generation").

    >>> text = "We propose a drift penalty; a drift penalty helps, as does swapped patch prediction."
    >>> text += " An objective called swapped patch prediction helps too."
    >>> words = [w for w in _WORD.finditer(text) if w.group() in ("drift", "swapped")]
    >>> [_is_proposed_modifier(text, w.group(), w.start()) for w in words]
    [True, False, False, True]
    """
    lower = word.lower()
    if not (
        word.isalpha()
        and word.islower()
        and lower not in VAGUE
        and lower not in STOP_WORDS
        and not lower.endswith(("ly", "ble", "ful", "ous", "ive"))  # adverbs and adjectives: "a flexible X"
    ):
        return False
    window = max(0, start - 20)
    return (kind == "Method" and _PROPOSED_BEFORE.search(text, window, start) is not None) or (
        _NAMED_BEFORE.search(text, window, start) is not None
    )


# The parts a paper builds into its model: a lower-case phrase ending in one of these right after
# "we propose a" names a component of its own ("we design a stochastic span predictor"). Elsewhere
# such a phrase is a plain description ("the text encoder"), so these are no heads of ``HEADS``.
COMPONENT_HEADS = frozenset(
    {
        "module",
        "decoder",
        "encoder",
        "layer",
        "predictor",
        "classifier",
        "retriever",
        "enhancer",
        "adapter",
        "router",
        "estimator",
        "extractor",
        "aggregator",
        "selector",
        "discriminator",
        "tokenizer",
        "connector",
        "projector",
        "balancer",
        "adversary",
    }
)
# A head word after a space: not "autoencoder", "layers" or the "encoder" of "encoder-decoder".
_COMPONENT_HEAD = re.compile(rf" {word_alternation(COMPONENT_HEADS)}(?![\w-])")
# "we introduce the ", "we also propose a ", "our proposed ": what comes before a component the
# paper builds, its subject "we" within the clause. Group 1 is the phrase up to its head word.
_PROPOSED_COMPONENT = re.compile(
    r"(?i:\bwe\b[^.;:]{0,40}?\b(?:propose|introduce|present|design|devise|develop)[sd]?\s+(?:an?|the)"
    r"|\bour proposed)\s+((?:[a-z][a-z0-9-]*\s+){1,5})$"
)


def find_proposed_components(text: str) -> list[tuple[int, int, EntityType]]:
    """The lower-case components a paper says it builds: "we propose a span selector" (a Method).

    Vague words before the phrase are no part of it ("an efficient span selector"); one
    inside it, or a function word, makes it a description ("a shared global span
    selector", "a selector for spans"). A head alone is no name ("we design a new decoder").
    The cue is looked for only before a head word (``COMPONENT_HEADS``), which most
    abstracts lack.

    >>> text = "We propose an efficient span-pair selector. We design a shared global fusion module."
    >>> [(text[s:e], t) for s, e, t in find_proposed_components(text)]
    [('span-pair selector', 'Method')]
    """
    found: list[tuple[int, int, EntityType]] = []
    for head in _COMPONENT_HEAD.finditer(text):
        start = max(0, head.start() - 120)
        window = text[start : head.start()].lower()  # holds a match's first words, if any
        if "we" not in window and "our proposed" not in window:
            continue
        match = _PROPOSED_COMPONENT.search(text, start, head.start() + 1)
        if match is None:
            continue
        words = list(_WORD.finditer(text, match.start(1), match.end(1)))
        while words and words[0].group() in VAGUE:
            words.pop(0)
        if words and not any(w.group() in VAGUE or w.group() in STOP_WORDS for w in words):
            found.append((words[0].start(), head.end(), "Method"))
    return found


def _is_titled_vague(words: list[str], index: int) -> bool:
    """Whether ``words[index]`` is a capitalised vague word inside a Title Case name.

    "Preference" names nothing on its own, but between two capitalised words of a name
    it is part of it: "Coarse-to-Fine Preference Optimization", "Rank-aware Preference Optimization".
    """
    word = words[index]
    return (
        index > 0
        and word[:1].isupper()
        and word[1:].islower()
        and word.lower() in VAGUE
        and words[index - 1][:1].isupper()
        and is_term_word(words[index - 1])
    )


def _is_measure_word(word: str) -> bool:
    """Whether a lower-case ``word`` may name what a score or rate measures ("harmful rate").

    Measures are named after any quality, so the test is looser than ``is_term_word``:
    a plain lower-case word that is no function word, adverb, gerund or vague word.

    >>> [_is_measure_word(w) for w in ["harmful", "alignment", "expected", "learning", "higher", "the"]]
    [True, True, True, False, False, False]
    """
    return (
        word.isalpha()
        and word.islower()
        and word not in STOP_WORDS
        and (word not in VAGUE or word in _MEASURED_QUALITIES)
        and not word.endswith(("ly", "ing"))
    )


def _measure_start(lower: list[str], start: int, head: int) -> int:
    """Where a measure's name starts: after qualifiers, and at the head after a task's name.

    "average recognition accuracy" and "video classification accuracy" report accuracy,
    "top-5 clip retrieval accuracy" is a measure of its own; "test-time win rate"
    says when the win rate is taken, not which measure it is.

    >>> lower = "the test-time win rate".split()
    >>> lower[_measure_start(lower, 1, 3)]
    'win'
    """
    while start < head and (lower[start] in METRIC_QUALIFIERS or lower[start].endswith("-time")):
        start += 1
    if start < head and HEADS.get(lower[head - 1]) == "Task" and not lower[start].startswith("top-"):
        return head
    return start


def _is_leading_verb(text: str, word: str, start: int) -> bool:
    """Whether ``word`` (at ``start``) is a capitalised -ing form that starts a text, sentence or title part.

    >>> text = "Learning Feature Matching: Scaling Object Detection"
    >>> [_is_leading_verb(text, w.group(), w.start()) for w in _WORD.finditer(text)]
    [True, False, False, True, False, False]
    """
    if not word.endswith("ing") or not word[:1].isupper():
        return False
    before = text[max(0, start - 8) : start].rstrip()
    return not before or before[-1] in ".!?:"


def _is_capitalised_name(text: str, word: str, start: int) -> bool:
    """Whether ``word`` (at ``start``) is capitalised where a sentence does not start ("Sintel", "Chinese").

    Such a word before a lower-case phrase is a name of its own or a language, not part of
    the task's name: "Sintel optical flow estimation" is Sintel and optical flow estimation.
    """
    before = text[max(0, start - 8) : start].rstrip()
    return _PLAIN_WORD.match(word) is not None and bool(before) and before[-1] not in ".!?:,;("


# Kinds of data a model maps one into another ("text-to-speech", "image-to-video", "chart-to-code").
MODALITY_NOUNS = frozenset(
    {
        "text",
        "image",
        "video",
        "speech",
        "audio",
        "music",
        "sound",
        "voice",
        "motion",
        "code",
        "sql",
        "sketch",
        "layout",
        "table",
        "plot",
        "chart",
        "shape",
        "mesh",
        "3d",
        "depth",
        "scene",
        "caption",
    }
)
_MODALITIES = "|".join(sorted(MODALITY_NOUNS))
# A modality-to-modality compound: the problem of turning one kind of data into another.
MODALITY_COMPOUND = re.compile(rf"(?i)(?<![\w-])(?:{_MODALITIES})-to-(?:{_MODALITIES})(?![\w-])")
_TO_JOINT = re.compile(r"-[tT]o-")
# What follows such a compound where it stands as a noun, not before one it qualifies ("a text-to-speech
# model"): the end of a clause or a conjunction, or a noun that calls it a task or a suite of its tests.
_STANDS_AS_TASK = re.compile(
    r"(?i)\s*(?:[.,;:!?)]|$)|\s+(?:and|or)\s|\s+(?:tasks?|benchmarks?|systems?|problems?)\b"
)
# A short form of such a compound ("A2M", "P-S2V": a "2" between the initials of two kinds of data;
# not code's, "A2C" is an algorithm),
# found at its "2"; a hyphenated qualifier before it, as in "sketch-driven S2V", belongs to the task's name.
_MODALITY_INITIALS = "TIVASM"
_MODALITY_TWO = re.compile(rf"2(?<=[{_MODALITY_INITIALS}]2)(?=[{_MODALITY_INITIALS}](?![\w-]))")
_MODALITY_SHORT_FORM = re.compile(
    rf"(?<![\w-])(?:[A-Za-z][a-z]+-[a-z]+ )?(?:[A-Z]-)?[{_MODALITY_INITIALS}]2[A-Z]$"
)
# Verbs after a short form that make it the subject, a noun: "S2V remains hard".
_SUBJECT_OF = re.compile(r"\s+(?:is|are|was|were|remains?|has|have|does|do|can|becomes?)\b")
# After a short form, a task's head word makes one name with it ("S2V personalization"), but
# those the compound already says ("S2V generation" is S2V).
_SHORT_FORM_TASK_HEAD = re.compile(r"\s+([a-z]+)\b")
_SAID_BY_THE_COMPOUND = frozenset({"generation", "synthesis", "translation", "conversion"})


def find_modality_tasks(text: str) -> list[tuple[int, int, EntityType]]:
    """Character spans of the modality-to-modality compounds that stand as a task's name.

    Used as a noun, "text-to-speech" is the task of speaking a text; before a noun it
    qualifies, it names no task there ("a text-to-image model"; "text-to-image generation"
    is found by its head word).

    >>> text = "We study image-to-sketch and audio-to-video. A text-to-mesh model, a sketch-to-SQL benchmark."
    >>> [text[s:e] for s, e, _ in find_modality_tasks(text)]
    ['image-to-sketch', 'audio-to-video', 'sketch-to-SQL']

    So is a short form of one used as a noun, or before a task's head word:

    >>> text = "Sketch-guided S2V remains hard; A2M models help A2M personalization and A2M generation."
    >>> [text[s:e] for s, e, _ in find_modality_tasks(text)]
    ['Sketch-guided S2V', 'A2M personalization']
    """
    found: list[tuple[int, int, EntityType]] = []
    for joint in _TO_JOINT.finditer(text):  # the cheap trigger: the compound is tried only where "-to-" is
        start = joint.start()
        while start and text[start - 1].isalnum():
            start -= 1
        match = MODALITY_COMPOUND.match(text, start)
        if match is not None and _STANDS_AS_TASK.match(text, match.end()):
            found.append((match.start(), match.end(), "Task"))
    for two in _MODALITY_TWO.finditer(text):
        short = _MODALITY_SHORT_FORM.search(text, max(0, two.start() - 24), two.end() + 1)
        if short is None:
            continue
        end = short.end()
        head = _SHORT_FORM_TASK_HEAD.match(text, end)
        if (
            head is not None
            and HEADS.get(head.group(1)) == "Task"
            and head.group(1) not in _SAID_BY_THE_COMPOUND
        ):
            # "sketch-driven S2V editing": the qualifier is the head's, not the short form's
            found.append((short.end() - len(short.group().rsplit(" ", 1)[-1]), head.end(), "Task"))
        elif _STANDS_AS_TASK.match(text, end) or _SUBJECT_OF.match(text, end):
            found.append((short.start(), end, "Task"))
    return found


# Words before a task's name that make it a training objective the paper sets ("the proposed X task").
_OBJECTIVE_BEFORE = frozenset(
    {"proposed", "pretext", "auxiliary", "pre-training", "pretraining", "surrogate"}
)
# At most this many words name a task the text calls one.
_CALLED_TASK_WORDS = 3
# Endings of nouns of an act or state, which may head such a name: "alignment", "regularity".
_ACT_NOUN_ENDINGS = ("ment", "tion", "sion", "ity", "ness", "ance", "ence")


def _names_a_called_task(word: str, last: bool) -> bool:
    """Whether ``word`` may be part of a name a text calls a task, ``last`` if it stands right before "task".

    Term words and the words of listed names may ("word embedding"); the last word, the
    name's head, may be any noun of an act or state, a vague one too: "the entity alignment
    task" says which alignment.
    """
    if not word.islower() or word in MODALITY_WORDS or word in STOP_WORDS or word.endswith("ed"):
        return False  # (a participle says how the task is done: "weakly supervised")
    if is_term_word(word) or word in term_words():
        return True
    return last and word.isalpha() and word.endswith(_ACT_NOUN_ENDINGS)


def find_called_tasks(text: str) -> list[tuple[int, int, EntityType]]:
    """Character spans of the names a text calls a task that no head word types ("the X alignment task").

    The name is the term words right before "task", at most ``_CALLED_TASK_WORDS``, two
    at least (one is a setting: "the zero-shot task"), not a modality word ("cross-modal").
    Names a head word types are found by it ("the image segmentation task"); a task the
    paper sets as an objective is none ("the proposed region pairing task").

    >>> text = "We study the cross-modal face-voice alignment task, then the proposed region pairing task."
    >>> [text[s:e] for s, e, _ in find_called_tasks(text)]
    ['face-voice alignment']
    >>> find_called_tasks("It helps each downstream task, the zero-shot task and the image parsing task.")
    []
    """
    found: list[tuple[int, int, EntityType]] = []
    noun = text.find(" task")  # str.find: a pattern's scan costs several times more
    while noun > 0:
        after = text[noun + 5 : noun + 6]
        if text[noun - 1].islower() and not (
            after.isalnum() or after in "-_"
        ):  # not "tasks", "task-specific"
            _add_called_task(text, noun, found)
        noun = text.find(" task", noun + 5)
    return found


def _add_called_task(text: str, noun: int, found: list[tuple[int, int, EntityType]]) -> None:
    """Add to ``found`` the name before the " task" at ``noun``, if there is one."""
    before = list(_WORD.finditer(text, max(0, noun - 80), noun))
    start = len(before)
    while (
        start > 0
        and len(before) - start < _CALLED_TASK_WORDS
        and before[start - 1].end() + 1 == (before[start].start() if start < len(before) else noun + 1)
        and _names_a_called_task(before[start - 1].group(), last=start == len(before))
    ):
        start -= 1
    words = [word.group() for word in before[start:]]
    if len(words) < 2 or head_type(words) is not None:
        return
    if start > 0 and before[start - 1].group().lower() in _OBJECTIVE_BEFORE:
        return
    found.append((before[start].start(), noun, "Task"))


@Language.factory("kg_phrases", default_config={"spans_key": "kg_phrases", "max_modifiers": 4})
class Phrases:
    """Propose each head-typed phrase of a doc, in ``doc.spans[spans_key]`` (see ``propose``).

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("kg_phrases")
    >>> doc = nlp("We report the word error rate.")
    >>> [(s.text, s.label_) for s in doc.spans["kg_phrases"]]
    [('word error rate', 'Metric')]
    """

    def __init__(self, nlp: Language, name: str, spans_key: str, max_modifiers: int) -> None:
        self.name = name
        self.spans_key = spans_key
        self.max_modifiers = max_modifiers

    def __call__(self, doc: Doc, span_groups: bool = True) -> Doc:
        text = doc_text(doc)
        found = candidates_at(
            doc,
            find_phrases(text, self.max_modifiers)
            + find_modality_tasks(text)
            + find_called_tasks(text)
            + find_proposed_components(text),
        )
        propose(doc, self.spans_key, found, span_groups)
        return doc
