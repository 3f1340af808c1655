"""The role a paper gives a name: one it introduces, or data it evaluates on.

Abstracts state both in set phrases. A name is *introduced* where it is the object
of a verb of introduction ("we propose X", "we introduce a new benchmark, X",
"this paper presents X and Y"), the subject of a passive one ("an X loss is
devised"), an apposition of "our" ("our method, X"), or the head of a title "X: ...".
Only the first name after the verb and the names coordinated with it count, so
"we propose X, which uses CLIP" introduces X and not CLIP. A Dataset or Benchmark is
*evaluated on* where it follows "experiments on", "evaluated on", "results on" and
the like in its sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.abbreviations import initials_spell
from kg.extract.cues import CLASS_NOUNS, ends_in, is_review_title, word_alternation
from kg.extract.entities import title_head
from kg.extract.extensions import Candidate, doc_text, doc_value, entities_of, sentences_of, set_doc_value
from kg.extract.known_names import lookup
from kg.extract.triggers import first_match, folds_like_ascii, matches_within

# The verbs of introduction, in the order the plain alternation listed them.
_VERBS = (
    "propose introduce present develop design devise release build construct contribute curate collect "
    "create establish offer formulate put_forward name call term dub coin provide"
)
# As a trie ("p(?:r(?:esent|o(?:pose|vide))|ut forward)"): tried at every word start of a clause,
# the engine then reads a letter or two, not each verb in turn. No verb starts another, so the
# order of the alternatives never decides a match.
# ("in terms of" holds no verb "term".)
_VERB = rf"(?<!\bin )(?:{word_alternation(verb.replace('_', ' ') for verb in _VERBS.split())})[sd]?\b"
_INTRODUCE = re.compile(
    rf"(?i)(?:\b(?:we|us|this (?:paper|work|study)|here|our (?:work|paper))\b[^.;]{{0,80}}?\b{_VERB}"
    r"|\b(?:our|the proposed) [\w-]+(?: [\w-]+)? (?:comprises|consists of|includes|contains)\b"
    r"|\bcontributions? (?:include|are|is)\b"
    # "its key components include X", "X comprises three components: (i) Y, (ii) Z": the parts of
    # what the paper proposes
    r"|\bcomponents\s*(?::|include\b))"
)
# Where an ``_INTRODUCE`` match may start (lower-cased); ``_SUBJECT``'s starts are among them.
_INTRODUCE_STARTS = ("we", "us", "this ", "here", "our ", "the proposed ", "contribution", "components")


_SUBJECT = re.compile(r"(?i)\b(?:we|this (?:paper|work|study)|our (?:work|paper))\b")
# A second verb of the same subject: "we propose X ... and introduce Y", "we rely on ... and propose X".
_AND_INTRODUCE = re.compile(rf"(?i)\b(?:and|then|also)\s+(?:then\s+|also\s+|further\s+)?{_VERB}")
# Where an ``_AND_INTRODUCE`` match may start (lower-cased).
_CONJUNCTIONS = ("and", "then", "also")
# "a new benchmark, X", "a novel approach called X": a name set in apposition to a class noun.
_CLASS = word_alternation(CLASS_NOUNS)
_NAMED = re.compile(
    rf"(?i)(?:\b(?:a|an|our)\s+(?:[\w-]+\s+){{0,5}}(?:{_CLASS})"
    r"\s*,\s*(?:the\s+|namely\s+)?|\b(?:called|named|dubbed|termed|coined)\s+(?:as\s+)?)$"
)
# The verbs that name what follows in ``_NAMED``, and the last characters of what it matches.
_NAMING_VERBS = ("called", "named", "dubbed", "termed", "coined")
_NAMED_LAST = frozenset(ending[-1] for ending in (",", "the", "namely", "as", *_NAMING_VERBS))


def _names_next(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends by naming what comes next ("a new benchmark, ", "called ").

    ``_NAMED`` is tried only where the text ends as its match must (a comma, "the" or
    "namely" after one, a naming verb, "as" after one): a search for a pattern anchored at
    the end still tries it at every offset.

    >>> text = "We build a new benchmark, a method called X"
    >>> _names_next(text, 0, 26), _names_next(text, 26, 42), _names_next(text, 0, 15)
    (True, True, False)
    """
    last = end  # the end of ``text[start:end].rstrip()``
    while last > start and text[last - 1].isspace():
        last -= 1
    if last == start or (text[last - 1].isascii() and text[last - 1].lower() not in _NAMED_LAST):
        return False  # (most names: the cheapest test first)
    tail = text[max(start, last - 6) : last].lower()
    if tail.isascii():  # (``(?i)`` matches other letters to ASCII ones)
        if tail.endswith(("the", "namely")):
            if not text[start : last - (3 if tail.endswith("the") else 6)].rstrip().endswith(","):
                return False
        elif tail.endswith("as"):
            verb = text[start : last - 2].rstrip()[-6:].lower()
            if verb.isascii() and not verb.endswith(_NAMING_VERBS):
                return False
        elif not tail.endswith((",", *_NAMING_VERBS)):
            return False
    return _NAMED.search(text[start:end]) is not None


_NOVEL_ENDINGS = frozenset(["novel", "new", "proposed"])
_INTRODUCED_PASSIVE = re.compile(
    r"(?i)^\s*(?:\([^)]*\)\s*)?(?:is|are)\s+(?:then\s+|further\s+|also\s+|newly\s+)?"
    r"(?:proposed|introduced|devised|developed|designed|presented|constructed|built|created|released)\b"
)
# "The novel X loss", "a new X": a name this paper brings, said so right before it.
_NOVEL = re.compile(r"(?i)\b(?:the|a|an|our)\s+(?:novel|new|proposed)\s+$")
# "our proposed dataset X", "our fine-tuned model, X": a class noun of "our" just before the name.
_OURS = re.compile(
    rf"(?i)\b(?:our|the proposed|a novel|a new)\s+(?:[\w-]+\s+){{0,3}}(?:{_CLASS})\s*[,:]?\s*$"
)
# "we present BERT", "we introduce the X": a listed name right after the verb is this paper's.
_ARTICLES = re.compile(
    r"(?i)\s*,?\s*(?:(?:a|an|the|two|three|new|novel)\s+)*$"
)  # used with match(text, pos, endpos)
# What may stand between the verb and the name: articles, adjectives, class nouns, "called".
_BRIDGE = re.compile(r"[^.;!?]{0,90}$")  # used with match(text, pos, endpos): no "^"
# Between coordinated names, brackets aside: "X (Y)", "X, Y", "X and Y", "X, and Y".
_COORDINATION = re.compile(
    r"^(?:,?\s*(?:and|as well as|or)?|,?\s*(?:and|as well as|or)\s+(?:a|an|the)(?:\s+[a-z][\w-]*){0,2})$"
)
# A data class noun right after a task's name: the name says what the data is for ("a glyph
# counting dataset"), where "a glyph counting approach" names the approach.
_DATA_NOUNS = word_alternation(noun for noun, kind in CLASS_NOUNS.items() if kind in ("Dataset", "Benchmark"))
_NOUN_AFTER_TASK = re.compile(rf"(?i)\s+{_DATA_NOUNS}\b")
# The verbs of introduction that list a proposal's parts, and where an item of such a list starts.
_LISTS_PARTS = re.compile(r"(?i)(?:contributions?|components)\b")
_LIST_ITEM = re.compile(r",\s+(?:and\s+)?(?:the|a|an)\s+$")
# "we present the X model and Y recipe": a class noun after the first name, then the next one.
_CLASS_COORDINATION = re.compile(rf"(?i)^(?:{_CLASS})\s*,?\s*(?:and|as well as)(?:\s+(?:a|an|the))?$")
# The items of an enumeration after a verb of introduction: "we propose (i) a X ..., and (ii) a Y".
_ENUMERATED = re.compile(r"\(\s*(?:i{1,3}|iv|v|vi|\d|[a-e])\s*\)\s*(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,3})?$")
_EVALUATE = re.compile(
    r"(?i)\b(?:experiments?|evaluat\w*|results?|tested|test|benchmark(?:ed|s)?|performance|outperform\w*|"
    r"achiev\w*|accuracy|state-of-the-art|sota|improvements?|gains?)\b[^.;]*?\b(?:on|across|in|using)\b"
)
# Where an ``_EVALUATE`` match may start (lower-cased).
_EVALUATE_STARTS = (
    "experiment",
    "evaluat",
    "result",
    "test",
    "benchmark",
    "performance",
    "outperform",
    "achiev",
    "accuracy",
    "state-of-the-art",
    "sota",
    "improvement",
    "gain",
)


# The words that start the role patterns' matches, and the list of ``_Triggers`` each is put in.
_TRIGGER_WORDS = {
    word: index
    for index, words in enumerate((_INTRODUCE_STARTS, _CONJUNCTIONS, _EVALUATE_STARTS))
    for word in words
}
# Where they start a word of lower-cased text: after a character that is not a word's, which the
# pattern starts with so that the engine skips to those (the words are looked ahead at: one may end
# where the next starts). One trie for all: no word of one list starts as one of another does.
_TRIGGERS = rf"({word_alternation(_TRIGGER_WORDS)})"
_TRIGGERS_AFTER = re.compile(rf"\W(?={_TRIGGERS})")
_TRIGGERS_AT_START = re.compile(_TRIGGERS)


class _Triggers(NamedTuple):
    """The offsets at which the role patterns' matches may start, each None where not known."""

    introductions: list[int] | None  # ``_INTRODUCE``'s and ``_SUBJECT``'s
    conjunctions: list[int] | None  # ``_AND_INTRODUCE``'s
    evaluations: list[int] | None  # ``_EVALUATE``'s


_UNKNOWN = _Triggers(None, None, None)
_LONGEST_TRIGGER = max(map(len, _TRIGGER_WORDS))


def _trigger_starts(lower: str, start: int, end: int) -> _Triggers:
    """Where the words of ``_INTRODUCE_STARTS``, ``_CONJUNCTIONS`` and ``_EVALUATE_STARTS`` start a word
    of the lower-cased text ``lower`` from ``start`` to before ``end``, by one scan.

    They are where the patterns' ``(?i)`` matches start, unless the text folds case
    otherwise (``folds_like_ascii``).

    >>> lower = "we test it; our results (us) and then"
    >>> _trigger_starts(lower, 0, len(lower))
    _Triggers(introductions=[0, 12, 25], conjunctions=[29, 33], evaluations=[3, 16])
    >>> _trigger_starts(lower, 3, 29)
    _Triggers(introductions=[12, 25], conjunctions=[], evaluations=[3, 16])
    """
    found: tuple[list[int], list[int], list[int]] = ([], [], [])
    first = _TRIGGERS_AT_START.match(lower) if start == 0 < end else None
    if first is not None:
        found[_TRIGGER_WORDS[first.group(1)]].append(0)
    # (the words are looked ahead at: the scan reads the longest one past ``end``)
    for match in _TRIGGERS_AFTER.finditer(lower, max(0, start - 1), end + _LONGEST_TRIGGER):
        if match.start() + 1 >= end:
            break
        found[_TRIGGER_WORDS[match.group(1)]].append(match.start() + 1)
    return _Triggers(*found)


@Language.factory("kg_roles")
class Roles:
    """Set ``doc._.kg_roles`` (read per span as ``span._.kg_role``) for the doc's entities (``entities_of``).

    >>> import spacy
    >>> from kg.extract import nlp
    >>> doc = nlp()("We propose SoftREPA, which fine-tunes CLIP, and evaluate it on the COCO dataset.")
    >>> [(e.text, e._.kg_role) for e in doc.ents]
    [('SoftREPA', 'introduced'), ('CLIP', None), ('COCO', 'evaluated_on')]
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        ents = entities_of(doc)
        roles: dict[tuple[int, int], str] = {}
        if doc_value(doc, "kg_field") == "title":
            head = text.split(":", 1)[0] if ":" in text and not is_review_title(text) else None
            spelled = _spelled_heads(doc, head.strip(), text, ents) if head is not None else set()
            for ent in ents:
                if (
                    head is not None
                    and ent.end_char <= len(head)
                    and text[ent.start_char : ent.end_char] == head.strip()
                ) or (ent.start_char, ent.end_char) in spelled:
                    roles[(ent.start, ent.end)] = "introduced"
        else:
            by_sentence: dict[tuple[int, int], list[Candidate]] = {}
            for ent, sentence in zip(ents, sentences_of(doc, [e.start_char for e in ents]), strict=True):
                by_sentence.setdefault(sentence, []).append(ent)
            lower = text.lower() if by_sentence and folds_like_ascii(text) else None
            listed_short_forms = _listed_short_forms(doc, text) if by_sentence else set()
            for (start, end), sentence_ents in by_sentence.items():
                may_be_new = [_may_be_new(ent, text, listed_short_forms) for ent in sentence_ents]
                self._sentence(text, lower, start, end, sentence_ents, may_be_new, roles)
            title = doc_value(doc, "kg_title")
            bounds = title_head(title) if title else None
            if bounds is not None:
                # "DiG: ..." and "a self-supervised Dense Item Grouper model": the head's long form
                spelling = _spelling_names(text, ents, title[bounds[0] : bounds[1]])
                roles.update(((ent.start, ent.end), "introduced") for ent in spelling)
        set_doc_value(doc, "kg_roles", roles)
        return doc

    def _sentence(
        self,
        text: str,
        lower: str | None,
        start: int,
        end: int,
        ents: list[Candidate],
        may_be_new: list[bool],
        roles: dict[tuple[int, int], str],
    ) -> None:
        # Only matches that start before the last name bear on a name: the triggers are looked for there.
        triggers = _UNKNOWN if lower is None else _trigger_starts(lower, start, ents[-1].start_char)
        verbs = list(matches_within(_INTRODUCE, text, triggers.introductions, start, end))
        subject = first_match(_SUBJECT, text, triggers.introductions, start, end)
        if subject is not None:
            seconds = matches_within(_AND_INTRODUCE, text, triggers.conjunctions, subject.end(), end)
            verbs = sorted({m.span(): m for m in [*verbs, *seconds]}.values(), key=re.Match.end)
        introduced: list[Candidate] = []
        for i, ent in enumerate(ents):
            name_start = ent.start_char
            verb = _last_before(verbs, name_start) if verbs else None
            first_after_verb = verb is not None and (
                _BRIDGE.match(text, verb.end(), name_start) is not None
                and all(
                    e.end_char <= verb.end() or not new
                    for e, new in zip(ents[:i], may_be_new[:i], strict=True)
                )
            )
            between = ""
            coordinated = False
            follows_introduced = bool(introduced) and introduced[-1] is ents[i - 1]
            if follows_introduced:
                between = text[ents[i - 1].end_char : name_start].replace("(", "").replace(")", "").strip()
                coordinated = (
                    _COORDINATION.match(between) is not None or _CLASS_COORDINATION.match(between) is not None
                )
            named = _names_next(text, max(start, name_start - 80), name_start)
            if (
                named
                and follows_introduced
                and first_after_verb is False
                and not _is_long_name(text[ents[i - 1].start_char : ents[i - 1].end_char])
            ):
                # "a contrastive fine tuning strategy called X": X is the name, not the description
                # (a Title Case description is a name too: "an Efficient ... Adapter, termed X").
                popped = introduced.pop()
                del roles[(popped.start, popped.end)]
            right_after_verb = (
                first_after_verb
                and _ARTICLES.match(text, verb.end(), name_start) is not None
                # "we introduce a new glyph counting dataset": the dataset is new, not the task
                and not (ent.label_ == "Task" and _NOUN_AFTER_TASK.match(text, ent.end_char) is not None)
            )
            # "a Sparse Motion Encoder (SME)": the short form of a new name is new, listed or not.
            short_form = coordinated and between == "" and "(" in text[ents[i - 1].end_char : name_start]
            if (
                named
                or short_form
                or right_after_verb
                or (
                    may_be_new[i]
                    and (first_after_verb or coordinated or self._said_new(text, start, ent, verb))
                )
            ):
                if _describes_apposed(text, start, ent):
                    continue  # "we propose X, a sparse band attention mechanism": the kind of thing X is
                introduced.append(ent)
                roles[(ent.start, ent.end)] = "introduced"
            elif ent.label_ in ("Dataset", "Benchmark") and first_match(
                _EVALUATE, text, triggers.evaluations, start, name_start
            ):
                roles[(ent.start, ent.end)] = "evaluated_on"

    @staticmethod
    def _said_new(text: str, start: int, ent: Candidate, verb: re.Match[str] | None) -> bool:
        """Whether the words around a name, in the sentence from ``start``, say the paper brings it.

        An enumeration after a verb of introduction, a passive one after the name ("X is
        proposed"), "our ... method" or "a novel" before it. Each pattern is searched only
        where the text ends as its match must (``ends_in``).
        """
        name_start = ent.start_char
        if verb is not None:
            window = text[max(start, name_start - 60) : name_start]
            if ")" in window and _ENUMERATED.search(window) is not None:
                return True
            if _LISTS_PARTS.match(verb.group()) and _LIST_ITEM.search(window) is not None:
                return True  # "contributions include the X (A), ..., and the Y (B)": each item is new
        if _INTRODUCED_PASSIVE.match(text[ent.end_char : ent.end_char + 60]):
            return True
        window = text[max(start, name_start - 80) : name_start]
        if ends_in(window, CLASS_NOUNS, ",:") and _OURS.search(window):
            return True
        window = window[-30:]
        return (
            window[-1:].isspace()
            and ends_in(window, _NOVEL_ENDINGS, "")
            and _NOVEL.search(window) is not None
        )


def _spelled_heads(doc: Doc, head: str, text: str, ents: list[Candidate]) -> set[tuple[int, int]]:
    """The character spans of the long forms of a title's ``head`` ("ZQRT: Zonal Query ...").

    A title's head is the name the paper introduces, and so is the long form it abbreviates:
    the one the doc pairs with it, or a name of ``ents`` whose initials spell it (``initials_spell``).
    """
    spans = {
        (long.start_char, long.end_char)
        for long, short in doc_value(doc, "kg_abbreviations") or ()
        if short.text == head
    }
    spans.update((ent.start_char, ent.end_char) for ent in _spelling_names(text, ents, head))
    return spans


def _spelling_names(text: str, ents: list[Candidate], head: str) -> list[Candidate]:
    """The names of ``ents`` whose initials spell ``head`` (``initials_spell``).

    However they spell it, the initials end with the head's last capital or its last letter:
    names whose last word starts otherwise (most) are passed over before their words are split.
    """
    letters = [c.upper() for c in head if c.isalpha()]
    capitals = [c for c in head if c.isupper()]
    last_initials = set(letters[-1:] + capitals[-1:])
    found = []
    for ent in ents:
        if not text[ent.start_char].isupper():
            continue  # a name of capitalised words
        name = text[ent.start_char : ent.end_char]
        last_part = max(name.rfind(" "), name.rfind("-")) + 1
        if last_part and name[last_part : last_part + 1] in last_initials and initials_spell(name, head):
            found.append(ent)
    return found


# ", a ", ", the first efficient and scalable ": an apposition's start, up to a name inside it.
_APPOSITION_BEFORE = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}$")
# A class noun right after a name: "... attention mechanism", "... glyph loss framework".
_CLASS_AFTER = re.compile(rf"(?i)\s+(?:{_CLASS})\b")


def _describes_apposed(text: str, start: int, ent: Candidate) -> bool:
    """Whether ``ent``, in the sentence from ``start``, describes the kind of what its apposition follows.

    "We propose Zorbit, a sparse band attention mechanism": sparse band attention is what Zorbit is,
    not a second name the paper brings.

    >>> text = "We propose Zorbit, a sparse band attention mechanism, and a new glyph loss."
    >>> Span = __import__("collections").namedtuple("Span", "start_char end_char")
    >>> _describes_apposed(text, 0, Span(21, 42)), _describes_apposed(text, 0, Span(64, 74))
    (True, False)
    """
    return (
        _CLASS_AFTER.match(text, ent.end_char) is not None
        and _APPOSITION_BEFORE.search(text, max(start, ent.start_char - 60), ent.start_char) is not None
    )


def _is_long_name(text: str) -> bool:
    """Whether ``text`` is a Title Case name of several words ("Efficient Model Adapter").

    >>> _is_long_name("Efficient Model Adapter"), _is_long_name("ViT"), _is_long_name("fine tuning")
    (True, False, False)
    """
    return " " in text and all(word[:1].isupper() for word in text.split() if len(word) > 3)


def _may_be_new(ent: Candidate, text: str, listed_short_forms: set[str]) -> bool:
    """Tasks and listed names are not what a paper introduces, unless it names them so.

    A short form the text defines for a listed name is listed too: "SDXL" of
    "Stable Diffusion XL (SDXL)" (``listed_short_forms``, from ``_listed_short_forms``).
    """
    if ent.label_ == "Task":
        return False
    name = text[ent.start_char : ent.end_char]
    return not _is_listed(name) and name not in listed_short_forms


@lru_cache(maxsize=1 << 16)  # names recur from paper to paper
def _is_listed(name: str) -> bool:
    return lookup(name) is not None


def _listed_short_forms(doc: Doc, text: str) -> set[str]:
    """The short forms the doc defines (``doc._.kg_abbreviations``) for listed names."""
    return {
        text[short.start_char : short.end_char]
        for long, short in doc_value(doc, "kg_abbreviations") or ()
        if _is_listed(text[long.start_char : long.end_char])
    }


def _last_before(matches: list[re.Match[str]], offset: int) -> re.Match[str] | None:
    """The last of ``matches`` (in text order) that ends at or before ``offset``."""
    last = None
    for match in matches:
        if match.end() > offset:
            break
        last = match
    return last
