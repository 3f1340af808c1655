"""The type the words around a name give it.

Abstracts say what a name is: "the COCO dataset", "benchmarks such as MMLU, GSM8K
and HumanEval", "AlignGPT, a multimodal LLM", "the triplet contrastive loss", "a
new benchmark, DPG-Bench". ``context_type`` reads these cues in the text around one
name; ``kg.extract.entities`` applies them where a name's own shape or list entry
says less.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection, Iterable

from spacy.lang.en.stop_words import STOP_WORDS

from kg.extract.triggers import first_match, folds_like_ascii, matches_at, matches_within, occurrences
from kg.model import EntityType

# Class nouns (lower case, singular or plural) and the type they give a name.
CLASS_NOUNS: dict[str, EntityType] = {
    **dict.fromkeys(["dataset", "datasets", "corpus", "corpora", "collection"], "Dataset"),
    **dict.fromkeys(["benchmark", "benchmarks", "leaderboard", "suite", "testbed"], "Benchmark"),
    **dict.fromkeys(
        [
            "model",
            "models",
            "llm",
            "llms",
            "mllm",
            "mllms",
            "vlm",
            "vlms",
            "lmm",
            "lmms",
            "network",
            "networks",
            "architecture",
            "backbone",
            "backbones",
            "encoder",
            "encoders",
            "detector",
            "transformer",
            "transformers",
            "checkpoint",
            "checkpoints",
            "family",
        ],
        "Model",
    ),
    **dict.fromkeys(
        [
            "loss",
            "method",
            "methods",
            "framework",
            "frameworks",
            "algorithm",
            "algorithms",
            "approach",
            "technique",
            "strategy",
            "module",
            "mechanism",
            "objective",
            "paradigm",
            "pipeline",
            "regularizer",
            "regularization",
            "procedure",
            "scheme",
            "recipe",
            "criterion",
        ],
        "Method",
    ),
    **dict.fromkeys(["metric", "metrics", "score", "measure"], "Metric"),
}


def word_alternation(words: Iterable[str]) -> str:
    """A regular expression for any of ``words``, longest first where one starts another.

    It matches what ``"|".join(sorted(words, key=len, reverse=True))`` matches, in the same
    order of preference, but is written as a trie ("model(?:s)?"), so that at each position
    the engine tries one branch per first letter instead of every word in turn.

    >>> word_alternation(["model", "models", "method"])
    'm(?:ethod|odel(?:s)?)'
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(trie)


def _branches(node: dict[str, dict]) -> str:
    branches = [re.escape(char) + _branches(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in node else body


_CLASS = word_alternation(CLASS_NOUNS)
_ANY_CLASS = re.compile(rf"(?i)\b(?:{_CLASS})\b")
# Where a class noun starts a word of ASCII text made lower case with a space for each
# character that is not a word character (``_SPACED_WORDS``): the longest one, so that it is
# the whole word where any is ("models", not "model", of "models;"). What ``\b(?:class noun)``
# finds, but after the character before the word: a pattern that starts with a literal space
# is tried only at spaces, which the engine skips to faster than to any character class.
_CLASS_NOUN_AFTER = re.compile(rf" ({_CLASS})".encode())
_CLASS_NOUN = re.compile(_CLASS.encode())
_WORD_RUN = re.compile(r"\w+")
# A character that is not ASCII, which the class-noun scan (``ClassNounIndex``) has a stand-in for.
_OTHER_CHARACTER = re.compile(r"[^\x00-\x7f]")


def _ascii_stand_in(character: re.Match[str]) -> str:
    """The ASCII stand-in for a character that is not ASCII: "_" for a letter or digit, else a space.

    >>> _OTHER_CHARACTER.sub(_ascii_stand_in, "na\u00efve \u201cCOCO\u201d")
    'na_ve  COCO '
    """
    return "_" if character.group().isalnum() else " "


# ``bytes.translate`` tables: 1 for the bytes of ASCII word characters (what ``\w`` matches), 0 else;
# and those characters lower-cased, a space for every other byte.
_WORD_BYTES = bytes(1 if chr(b).isascii() and (chr(b).isalnum() or chr(b) == "_") else 0 for b in range(256))
_SPACED_WORDS = bytes(ord(chr(b).lower()) if _WORD_BYTES[b] else ord(" ") for b in range(256))
# A listed name: a word and up to two capitalised or numbered ones ("AlpacaEval 2.0"), in
# patterns that otherwise ignore case.
_ITEM = r"(?:[^\s,;.()]|\.(?=\d))+(?:\s(?-i:[A-Z0-9])(?:[^\s,;.()]|\.(?=\d))*){0,2}"
# After a name: an optional list of further names, then the class noun ("X, Y and Z datasets").
# (A hyphenated adjective may stand between: "the WebVid-10M multi-modal dataset"; not a participle,
# which says what was done with the name: "ImageNet pre-trained models".)
_AFTER = re.compile(
    rf"^(?:\s*(?:,|,?\s*\band\b|,?\s*\bor\b|/)\s*{_ITEM})*\s*(?:-|\s)(?:scale\s|based\s)?"
    rf"(?:(?-i:[a-z]+-(?![a-z]*(?:ed|ing)\s)[a-z]+)\s)?({_CLASS})\b",
    re.IGNORECASE,
)
# After a data name: an optional list of further names, then "tasks" ("Atari, OpenAI Gym and X tasks").
_SUITE_AFTER = re.compile(
    rf"^(?:\s*(?:,|,?\s*\band\b|,?\s*\bor\b|/)\s*{_ITEM})*\s+(?:benchmark\s+)?tasks\b", re.I
)


def names_a_suite(after: str) -> bool:
    """Whether the text after a data name calls it (and the names listed with it) a set of tasks.

    A collection of tasks one evaluates on is an evaluation suite, a benchmark (GUIDELINES.md).

    >>> names_a_suite(", OpenAI Gym, and Lock-and-Key tasks."), names_a_suite(" downstream tasks")
    (True, False)
    """
    return _SUITE_AFTER.match(after[:120]) is not None


# After a name: up to three words, then what names a competition ("X shared speech translation task",
# "our X submission", "the X 2021 challenge").
_COMPETITION_AFTER = re.compile(
    r"(?i)^\s+((?:[\w'-]+\s+){0,3}?)(?:shared\s+(?:[\w-]+\s+){0,3}?tasks?|challenges?|competitions?|"
    r"submissions?|evaluation\s+campaigns?)\b"
)


def names_a_competition(after: str) -> bool:
    """Whether the text after a name calls it a shared task, challenge or competition: a benchmark.

    Entrants are ranked on a competition's test sets, as on a leaderboard (GUIDELINES.md:
    an evaluation suite). The words between may not be function words ("X and the challenge").

    >>> names_a_competition(" shared speech translation task."), names_a_competition(" 2021 Challenge on X")
    (True, True)
    >>> names_a_competition(" and the challenge of scale"), names_a_competition(" dataset")
    (False, False)
    """
    window = after[:80]
    lower = window.lower()
    # (each word an ``in`` test: a generator over them costs more than the tests)
    if not (
        "shared" in lower
        or "challenge" in lower
        or "competition" in lower
        or "submission" in lower
        or "campaign" in lower
    ):
        return False  # most names: no need to try the pattern
    match = _COMPETITION_AFTER.match(window)
    return match is not None and STOP_WORDS.isdisjoint(match.group(1).lower().split())


# Software, licences and tools are none of the six types (GUIDELINES.md): "X, a Python package",
# "an X license", "the training library X", "X, a tool that ...".
_SOFTWARE = r"(?:librar(?:y|ies)|packages?|toolkits?|toolbox(?:es)?|licen[cs]es?|tools?)\b"
_SOFTWARE_AFTER = re.compile(
    rf"(?i)^\)?(?:\s*\([^()]*\))?(?:\s+|\s*,\s+(?:a|an|the)\s+(?:[\w+#-]+\s+){{0,3}}?){_SOFTWARE}"
)
_SOFTWARE_BEFORE = re.compile(rf"(?i)\b(?:the|a|an|our)\s+(?:[\w-]+\s+)?{_SOFTWARE}\s+$")


def has_software_word(text: str) -> bool:
    """Whether ``text`` may hold a word ``names_software`` looks for (most abstracts hold none).

    >>> has_software_word("We release the Toolkit."), has_software_word("We use a model.")
    (True, False)
    """
    lower = text.lower()
    # the stems of the words, each an ``in`` test: a generator over them costs as much as the tests
    return "librar" in lower or "package" in lower or "tool" in lower or "licen" in lower


def names_software(text: str, start: int, end: int) -> bool:
    """Whether the words around the name ``text[start:end]`` say it is a library, licence or tool.

    >>> text = "We develop QK (Quick Kernels), a Python package with CUDA kernels."
    >>> names_software(text, 11, 13)
    True
    >>> text = "It is released under an XYZ license. We use the training library Lumen."
    >>> names_software(text, 24, 27), names_software(text, 65, 70)
    (True, True)
    >>> text = "We train Foo on the toolkit's data, and a tool, Bar, and more."
    >>> names_software(text, 9, 12), names_software(text, 48, 51)
    (False, False)
    """
    return (
        _SOFTWARE_AFTER.match(text[end : end + 100]) is not None
        or _SOFTWARE_BEFORE.search(text[max(0, start - 40) : start]) is not None
    )


_AFTER_BLOCKERS = re.compile(r"(?i)^\s*(?:-|\s)(?:scale|based|like|style)\b")
# Before a name: the class noun, a cue ("such as", "including", ":"), and the list so far.
_BEFORE = re.compile(
    rf"\b({_CLASS})(?:\s*\([^)]*\))?\s*(?:(?:,\s*)?\(?\s*(?:such as|including|like|namely|e\.g\.,?|"
    rf"i\.e\.,?|:|called|named|dubbed|termed|coined|(?:that|which)\s+we\s+call)|\()\s*"
    rf"(?:{_ITEM}\s*(?:,\s*(?:and\s|or\s)?|and\s|or\s)\s*)*$",
    re.IGNORECASE,
)
# "a new benchmark, X" / "a benchmark X" / "our proposed dataset X" directly before the name.
_BEFORE_NOUN = re.compile(
    rf"\b(?:a|an|the|our|new|novel|proposed|\w+-\w+)\s+({_CLASS})\s*,?\s*$", re.IGNORECASE
)
# After a name: an apposition "X, a multimodal LLM" or "X (a ... benchmark)".
_APPOSITION = re.compile(
    rf"^\s*[,(]\s*(?:a|an|the|our)\s+(?:[\w-]+\s+){{0,5}}?({_CLASS})\b",
    re.IGNORECASE,
)


def has_class_noun(text: str) -> bool:
    """Whether ``_ANY_CLASS`` matches in ``text``: some whole word of it is a class noun.

    On ASCII text that is a set look-up of its lower-cased words, an order of magnitude
    faster than the regular expression's alternation (tried word by word at each position).

    >>> has_class_noun("on the COCO Dataset."), has_class_noun("a modeling trick")
    (True, False)
    """
    if not text.isascii():
        return _ANY_CLASS.search(text) is not None
    return not CLASS_NOUNS.keys().isdisjoint(_WORD_RUN.findall(text.lower()))


class ClassNounIndex:
    """``has_class_noun`` for any window of one text, from one scan of it.

    A doc's names each look for class nouns in the 160 characters before them and the
    120 after; the windows overlap, so the class nouns are found once, by one scan of the
    lower-cased text (a regular expression, not a Python test per word), and each window
    is answered from where they stand (and the two words it may cut). The same scan
    gives ``starts_within``, where a pattern that begins with a class noun may match.

    >>> text = "We train on the COCO dataset and a model-free setup."
    >>> index = ClassNounIndex(text)
    >>> index.within(0, 16), index.within(16, 30), index.within(35, 40), index.within(36, 40)
    (False, True, True, False)
    >>> index.starts_within(12, 50), index.starts_within(10, 50)  # 10 cuts a word ("o|n")
    ([9, 23], [0, 11, 25])
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.scanned = folds_like_ascii(text)  # whether the scan below answers for ``(?i)``
        self.starts: list[int] = []  # where a class noun starts a word
        self.noun_starts: list[int] = []  # where a class noun is a whole word, and where it ends
        self.noun_ends: list[int] = []
        if not self.scanned:
            return
        if not text.isascii():
            # Another letter is in no class noun, which are ASCII: "_" stands for it, a word's character
            # as it is; a space for any other character. The offsets stay.
            text = _OTHER_CHARACTER.sub(_ascii_stand_in, text)
        encoded = text.encode("ascii")
        self.word = encoded.translate(_WORD_BYTES)  # 1 where ``\w`` matches, 0 else
        size = len(text)
        words = encoded.translate(_SPACED_WORDS)
        first = _CLASS_NOUN.match(words)
        spans = [first.span()] if first is not None else []
        spans += [match.span(1) for match in _CLASS_NOUN_AFTER.finditer(words)]
        for start, end in spans:
            self.starts.append(start)
            if end == size or not self.word[end]:
                self.noun_starts.append(start)
                self.noun_ends.append(end)

    def within(self, start: int, end: int) -> bool:
        """``has_class_noun(text[start:end])``."""
        if not self.scanned:
            return has_class_noun(self.text[start:end])
        if start >= end:
            return False
        i = bisect_left(self.noun_starts, start)
        if i < len(self.noun_starts) and self.noun_ends[i] <= end:
            return True  # a whole word of the text in the window
        # The window's first and last words may be parts of the text's words ("odels", "model" of "models").
        word = self.word
        if start > 0 and word[start - 1] and word[start]:
            first = _WORD_RUN.match(self.text, start, end)
            if first is not None and first.group().lower() in CLASS_NOUNS:
                return True
        if end < len(word) and word[end - 1] and word[end]:
            run_start = end - 1
            while run_start > start and word[run_start - 1]:
                run_start -= 1
            if self.text[run_start:end].lower() in CLASS_NOUNS:
                return True
        return False

    def starts_within(self, start: int, end: int) -> list[int] | None:
        """The offsets in ``text[start:end]`` where ``(?i)\b(?:class noun)`` may match, or None (not scanned).

        Those where it matches in the text, and 0 where the window cuts a word.
        """
        if not self.scanned:
            return None
        found = [
            p - start for p in self.starts[bisect_left(self.starts, start) : bisect_left(self.starts, end)]
        ]
        if 0 < start < end and self.word[start - 1] and self.word[start]:
            found.insert(0, 0)  # the window starts inside a word: ``\b`` holds there, not in the text
        return found


def ends_in(text: str, words: Collection[str], punctuation: str) -> bool:
    """Whether the last word of ``text``, white space and one of ``punctuation`` after it aside, may be
    one of ``words`` (lower case): what a pattern that ends ``\\s(word)\\s*[punctuation]?\\s*$`` needs.

    True where the text's case folding is not ASCII's (``folds_like_ascii``).

    >>> ends_in("our new benchmark, ", CLASS_NOUNS, ","), ends_in("a benchmark of", CLASS_NOUNS, ",")
    (True, False)
    >>> ends_in("our “new” benchmark, ", CLASS_NOUNS, ","), ends_in("a benchmark\u2019s", CLASS_NOUNS, ",")
    (True, False)
    """
    if not folds_like_ascii(text):
        return True
    tail = text.rstrip()
    if tail[-1:] and tail[-1] in punctuation:
        tail = tail[:-1].rstrip()
    last = tail.rsplit(None, 1)
    return len(last) == 2 and last[1].lower() in words


def context_type(
    before: str,
    after: str,
    *,
    nouns_before: bool | None = None,
    nouns_after: bool | None = None,
    class_starts: list[int] | None = None,
) -> EntityType | None:
    """The type the sentence text ``before`` and ``after`` a name gives it, if any.

    ``nouns_before`` and ``nouns_after`` say, where the caller knows it (``ClassNounIndex``),
    whether the last 160 characters before and the first 120 after hold a class noun;
    ``class_starts``, where in those 160 a class noun may start (``ClassNounIndex.starts_within``).

    >>> context_type("We train on the ", " dataset.")
    'Dataset'
    >>> context_type("on benchmarks such as MMLU, GSM8K and ", ".")
    'Benchmark'
    >>> context_type("on 3 benchmarks (MMLU, GSM8K and ", ").")
    'Benchmark'
    >>> context_type("We propose ", ", a multimodal LLM that")
    'Model'
    >>> context_type("We use ", "-based features.") is None
    True
    """
    after = after[:120]
    if nouns_after is None:
        nouns_after = has_class_noun(after)
    if nouns_after:  # the full patterns are slow; most windows hold no class noun
        match = None if _AFTER_BLOCKERS.match(after) else _AFTER.match(after)
        match = match or _APPOSITION.match(after[:80])
        if match:
            return _head_class(match.group(1), after[match.end(1) :])
    window = before[-160:]
    if nouns_before is None:
        nouns_before = has_class_noun(window)
    if nouns_before:
        if class_starts is None:  # one scan of the window, not the pattern tried at each offset
            class_starts = ClassNounIndex(window).starts_within(0, len(window))
        match = first_match(_BEFORE, window, class_starts) or (
            _BEFORE_NOUN.search(window) if ends_in(window, CLASS_NOUNS, ",") else None
        )
        if match:
            return CLASS_NOUNS[match.group(1).lower()]
    return None


_NEXT_WORD = re.compile(r"\s+(\w+)")


def _head_class(noun: str, rest: str) -> EntityType:
    """The type of class noun ``noun``, or of the class noun right after it, which heads the compound.

    "IU-Xray and MIMIC-CXR benchmark datasets" are datasets.

    >>> _head_class("benchmark", " datasets demonstrate"), _head_class("benchmark", " results")
    ('Dataset', 'Benchmark')
    """
    following = _NEXT_WORD.match(rest)
    if following is not None and following.group(1).lower() in CLASS_NOUNS:
        return CLASS_NOUNS[following.group(1).lower()]
    return CLASS_NOUNS[noun.lower()]


# What follows the head of a review's title: "X: A Survey", "X: A Comprehensive Study".
_REVIEW = re.compile(
    r"(?i)[^:]*:\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:survey|review|study|overview|tutorial|primer)\b"
)


def is_review_title(title: str) -> bool:
    """Whether ``title`` is "X: A Survey" or the like, where X is the topic reviewed, not a name.

    >>> is_review_title("Model Alignment: A Comprehensive Survey"), is_review_title("DPO: A New Loss")
    (True, False)
    """
    return _REVIEW.match(title) is not None


# "four pre-training tasks: X, Y and Z": a list of training objectives (Method, GUIDELINES.md).
# So is "optimizing two tasks simultaneously: X and Y": tasks a model is trained on at once.
_OBJECTIVE_LIST = re.compile(
    r"(?i)\b(?:pre-?training|optimi[sz]ing\s+(?:\w+\s+)?)\s*(?:tasks|objectives)\s*(?:\([^)]*\)|\w+ly)?\s*:[^.;]*$"
)


# After a name: perhaps one more name joined by a comma, "and" or "or", then the word for a
# training objective ("X or Y losses", "a X objective").
_OBJECTIVE_AFTER = re.compile(
    r"(?i)^(?:\s*(?:,|,?\s+(?:and|or))\s+[\w-]+(?:\s[\w-]+){0,2}?)?\s+(?:loss|losses|objectives?)\b"
)
# Heads of measures that stay measures where a text minimises them (GUIDELINES.md decisions:
# divergences and similarity measures named as such are measures).
MEASURES_AS_SUCH = ("divergence", "similarity", "distance", "information")


def names_an_objective(text: str, end: int) -> bool:
    """Whether the words after the name that ends at ``end`` call it a training objective.

    "minimizing X or Y losses", "a X objective": the name is what a model is trained to
    minimise, a technique (GUIDELINES.md: a loss is a Method); divergences and similarity
    measures named as such stay measures even so.

    >>> text = "by minimizing quux matching or zorp matching losses with a glorp-entropy objective"
    >>> [names_an_objective(text, text.index(n) + len(n)) for n in ("quux", "zorp matching", "glorp-entropy")]
    [False, True, True]
    >>> text = "quux matching or zorp matching losses"
    >>> names_an_objective(text, len("quux matching"))
    True
    >>> text = "a zorp divergence loss and a quux matching network with losses"
    >>> [names_an_objective(text, text.index(n) + len(n)) for n in ("zorp divergence", "quux matching")]
    [False, False]
    """
    if _OBJECTIVE_AFTER.match(text[end : end + 80]) is None:
        return False  # most names: the pattern first, the head word only where it matches
    return not text[max(0, end - 30) : end].rstrip().lower().endswith(MEASURES_AS_SUCH)


# "X, an expressive lullaby synthesis system", "X - a matting system"; "a matting system, named X".
_SYSTEM_APPOSED = re.compile(r"^\s*[,\u2013\u2014-]\s*(?:a|an)\s+(?:[\w-]+,?\s+){0,4}?system\b")
_SYSTEM_NAMING = re.compile(r"\bsystem\s*,?\s*(?:called|named|dubbed|termed)(?:\s+as)?\s+$")


def names_a_system(text: str, start: int, end: int) -> bool:
    """Whether the words right around the name ``text[start:end]`` call it a system: a trained
    network one runs (a Model).

    GUIDELINES.md types a name by what the text calls it; "system" is not in ``CLASS_NOUNS``
    because most uses are loose ("a RAG system", "dialogue systems"), so only an apposition
    or a naming counts.

    >>> text = "The result is Zorb - an expressive, multi-voice speech system."
    >>> names_a_system(text, 14, 18)
    True
    >>> text = "a robust ViT-based matting system, named Zorb. Our method"
    >>> names_a_system(text, 41, 45)
    True
    >>> text = "It is a reliable Zorb system for search. We use Quux, a method."
    >>> names_a_system(text, 17, 21), names_a_system(text, 48, 52)
    (False, False)
    """
    before = text[max(0, start - 40) : start]
    after = text[end : end + 100]
    if "system" not in before and "system" not in after:
        return False  # most names
    return _SYSTEM_APPOSED.match(after) is not None or _SYSTEM_NAMING.search(before) is not None


# "X (Y) is a widely used criterion": the class noun a copula gives the name before it.
_COPULA = re.compile(
    rf"\s*(?:\([^)]*\)\s*)?(?:is|are)\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,4}}?({_CLASS})\b", re.IGNORECASE
)


def copula_type(text: str, end: int) -> EntityType | None:
    """The type a copula right after a name gives it: "X is a widely used criterion" (Method).

    >>> text = "Connectionist Temporal Classification (CTC) is a widely used criterion for ASR."
    >>> copula_type(text, 38), copula_type("X is trained on data.", 1)
    ('Method', None)
    """
    match = _COPULA.match(text, end, end + 120)
    return None if match is None else CLASS_NOUNS[match.group(1).lower()]


# "X (Y), a foundation Document AI model": the class noun an apposition gives a defined pair.
_PAIR_APPOSITION = re.compile(
    rf"\s*\([^)]*\)\s*,\s*(?:a|an)\s+(?:[\w-]+\s+){{0,5}}?({_CLASS})\b", re.IGNORECASE
)


def apposition_type(text: str, end: int) -> EntityType | None:
    """The type an apposition after a long form and its bracketed short form gives them.

    >>> text = "We propose Unified Chart Parsing (UCP), a foundation Chart AI model."
    >>> apposition_type(text, text.index(" (UCP)")), apposition_type("X (Y) is trained on data.", 1)
    ('Model', None)
    """
    match = _PAIR_APPOSITION.match(text, end, end + 120)
    return None if match is None else _head_class(match.group(1), text[match.end(1) :])


def lists_objectives(text: str, start: int) -> bool:
    """Whether the name at ``start`` stands in a list of pre-training or optimized tasks ("tasks: MLM, ITM").

    >>> text = "We design two pre-training tasks: word matching and region prediction."
    >>> lists_objectives(text, text.index("region")), lists_objectives(text, 0)
    (True, False)
    >>> text = "It works by optimizing two tasks jointly: glyph parsing and stroke prediction."
    >>> lists_objectives(text, text.index("stroke"))
    True
    """
    window_start = max(0, start - 200)
    window = text[window_start:start]
    if folds_like_ascii(window):
        lower = window.lower()
        if "training" not in lower and "optimi" not in lower:
            return False  # the words the pattern needs: most names, no need to try it at every offset
    return _OBJECTIVE_LIST.search(text, window_start, start) is not None


# "evaluated on X", "results on the X test set": data, where the sentence is about evaluation.
_ON = re.compile(r"(?i)\b(?:on|across|over|using)\s+(?:the\s+)?(?:challenging\s+|popular\s+|public\s+)?$")
_EVALUATION = re.compile(
    r"(?i)\b(?:experiment|evaluat|result|outperform|state-of-the-art|sota|accuracy|achiev|score|"
    r"benchmark|dataset|test|fine-tun|trained|pre-trained|surpass)"
)


def data_context_type(before: str, sentence: str) -> EntityType | None:
    """Dataset (or Benchmark) for a name of unknown type that follows "on" in a sentence on evaluation.

    >>> data_context_type("It is best on ", "It is best on VTAB, a benchmark.")
    'Benchmark'
    >>> data_context_type("We build on ", "We build on SoftREPA.") is None
    True
    """
    if not _ON.search(before[-40:]) or re.search(
        r"(?i)\b(?:based|built|build|rel\w+|focus\w*)\s+on\s+\S*\s*$", before
    ):
        return None
    if not _EVALUATION.search(sentence):
        return None
    return "Benchmark" if re.search(r"(?i)\bbenchmark", sentence) else "Dataset"


_NAMING = re.compile(
    rf"(?i:\b(?:called|named|dubbed|termed|coined)\s+|\b(?:our|a|an)\s+(?:[\w-]+\s+){{0,3}}({_CLASS})\s*,\s*)"
    r"([A-Z\u0370-\u03ff][\w.^-]*[\w^](?:\s[A-Z][\w-]*[\w])?)"
)
_NAMING_VERBS = ("called", "named", "dubbed", "termed", "coined")
# Where a "a/an/our ... class noun," naming may start: an article before a run of words and spaces.
_ARTICLE = re.compile(r"\b(?:our|an?)\s")
_WORDS_AND_SPACES = frozenset("_-")


def _naming_starts(text: str) -> list[int] | None:
    """The offsets where ``_NAMING`` may match: a naming verb, or an article before "class noun,".

    None where the text's case folding is not ASCII's (``folds_like_ascii``).
    """
    if not folds_like_ascii(text):
        return None
    lower = text.lower()
    starts = occurrences(lower, _NAMING_VERBS)
    for comma in occurrences(text, ","):
        end = comma
        while end > 0 and text[end - 1].isspace():
            end -= 1
        start = end  # the class noun: the word before the comma, after white space
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        if start == 0 or lower[start:end] not in CLASS_NOUNS:
            continue
        # The article and up to three words before the noun: letters, digits, "_", "-" and spaces.
        run = start
        while run > 0 and (
            text[run - 1].isalnum() or text[run - 1] in _WORDS_AND_SPACES or text[run - 1].isspace()
        ):
            run -= 1
        starts += [m.start() for m in _ARTICLE.finditer(lower, run, start)]
    return sorted(set(starts))


# "the Ultrafeedback data", "the Pile corpus": a capitalised word before a data noun.
_NAME_BEFORE_DATA = re.compile(
    r"(?<=\s)([A-Z][a-z]+[A-Za-z0-9-]*)\s(data|dataset|datasets|benchmark|corpus)\b"
)


def _name_before_data_starts(text: str) -> list[int]:
    """The offsets where ``_NAME_BEFORE_DATA`` may match: the words before "data", "benchmark", "corpus"."""
    starts = []
    for noun in occurrences(text, ("data", "benchmark", "corpus")):
        if noun < 2 or not text[noun - 1].isspace():
            continue
        start = noun - 1
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        starts.append(start)
    return sorted(set(starts))


# "documents crawled from Wikipedia", "a corpus such as Wikipedia": a source of data, named.
_DATA_SOURCE = re.compile(
    r"\b(?:(?:retrieved|crawled|collected|scraped|mined|sourced|harvested|drawn)\s+from|"
    r"(?:corpus|corpora|dataset|datasets)\s+(?:such\s+as|like|including))\s+(?:the\s+)?"
    r"([A-Z][\w-]*[\w])"
)
_DATA_SOURCE_WORDS = (
    "retrieved",
    "crawled",
    "collected",
    "scraped",
    "mined",
    "sourced",
    "harvested",
    "drawn",
    "corp",
    "dataset",
)


# "unified MLLMs, such as Janus", "the alignment method Dromedary is": a capitalised word the
# text gives as an example or an instance of a class noun. The cue or the class noun is found
# first and the rest checked after: an alternation of class nouns tried at every offset is slow.
_EXAMPLE_CUE = re.compile(r"(?:such as|including|like|e\.g\.,?)\s*([A-Z][a-z]+[A-Za-z]*)(?![\w-])")
_EXAMPLE_CUES = ("such as", "including", "like", "e.g.")
_CLASS_BEFORE_CUE = re.compile(rf"\b((?i:{_CLASS}))(?:\s*\([^)]*\))?,?\s+$")
# A class noun in lower case, after a space or at the start, then a capitalised word mid-sentence;
# the space first, so that the engine skips to spaces.
_INSTANCE = rf"({_CLASS}) ([A-Z][a-z]+[A-Za-z]*)(?=\s+[a-z])"
_INSTANCE_AFTER_SPACE = re.compile(" " + _INSTANCE)
_INSTANCE_AT_START = re.compile(_INSTANCE)


def _class_examples(text: str) -> list[tuple[str, int, int]]:
    """The class noun, start and end of each capitalised word given as its example or instance."""
    found = []
    for match in matches_at(_EXAMPLE_CUE, text, occurrences(text, _EXAMPLE_CUES)):
        noun = _CLASS_BEFORE_CUE.search(text, max(0, match.start() - 60), match.start())
        if noun is not None:
            found.append((noun.group(1), *match.span(1)))
    # lower-case: "method Dromedary", not "Models Dromedary"
    first = _INSTANCE_AT_START.match(text)
    for match in [first] if first is not None else []:
        found.append((match.group(1), *match.span(2)))
    for match in _INSTANCE_AFTER_SPACE.finditer(text):
        found.append((match.group(1), *match.span(2)))
    return found


def find_named(text: str) -> list[tuple[int, int, EntityType | None]]:
    """Names the text gives explicitly: "a 7B LLM called Janus", "our model, Labrador,", "the X data".

    The type is the class noun's where the text has one before the name.

    >>> text = "A 7B LLM called Janus. Our fine-tuned model, Labrador, wins on the Ultrafeedback data."
    >>> [(text[s:e], t) for s, e, t in find_named(text)]
    [('Janus', None), ('Labrador', 'Model'), ('Ultrafeedback', 'Dataset')]
    >>> text = "Text crawled from Wikipedia and a corpus such as CommonCrawl."
    >>> [(text[s:e], t) for s, e, t in find_named(text)]
    [('Wikipedia', 'Dataset'), ('CommonCrawl', 'Dataset')]
    >>> text = "It beats unified LLMs, such as Janus, and the method Dromedary by far."
    >>> [(text[s:e], t) for s, e, t in find_named(text)]
    [('Janus', 'Model'), ('Dromedary', 'Method')]
    """
    found: list[tuple[int, int, EntityType | None]] = []
    for match in matches_within(_NAMING, text, _naming_starts(text)):
        noun = match.group(1)
        found.append((match.start(2), match.end(2), CLASS_NOUNS[noun.lower()] if noun else None))
    for match in matches_at(_DATA_SOURCE, text, occurrences(text, _DATA_SOURCE_WORDS)):
        if match.group(1).lower() not in STOP_WORDS:
            found.append((match.start(1), match.end(1), "Dataset"))
    for match in matches_at(_NAME_BEFORE_DATA, text, _name_before_data_starts(text)):
        if match.group(1).lower() not in STOP_WORDS:
            found.append((match.start(1), match.end(1), CLASS_NOUNS.get(match.group(2).lower(), "Dataset")))
    for noun, start, end in _class_examples(text):
        name = text[start:end]
        if name.lower() not in STOP_WORDS and not name.endswith("ing"):
            found.append((start, end, CLASS_NOUNS[noun.lower()]))
    return list(dict.fromkeys(found))
