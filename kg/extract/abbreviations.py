"""Long forms paired with their acronyms, after Schwartz and Hearst (2003).

A. S. Schwartz and M. A. Hearst, "A simple algorithm for identifying abbreviation
definitions in biomedical text", Pacific Symposium on Biocomputing 8:451-462, 2003.

The algorithm takes each parenthesis ``long form (SF)``; the short form must be one
or two words of at most ten characters, start with a letter or digit and hold a
letter. Its candidate long form is the text just before the parenthesis, at most
``min(len(SF) + 5, 2 * len(SF))`` words and not crossing a clause boundary. The long
form is then the shortest tail of the candidate in which the short form's letters
occur in order, matched from right to left, with the first letter of the short form
starting a word. When the parenthesis holds the long form (``SF (long form)``) the
roles are swapped.

``find_abbreviations`` is the pure algorithm over a string; ``Abbreviations`` is the
spaCy component that stores the pairs as spans in ``doc._.kg_abbreviations``.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.cues import CLASS_NOUNS
from kg.extract.extensions import doc_text, doc_value, set_doc_value

# "(short form)" with an optional trailing qualifier after a comma or semicolon: "(SD; ...)".
_PAREN = re.compile(r"\(([^()]{1,80})\)")
# A clause ends at a clause-ending mark before white space, or at a bracket, with the white space
# after either: ``[.;:!?()\[\]](?:\s|(?<=[()\[\]]))``. Matched from the start of a text, this finds
# the last end: ``.*`` runs to the end at once, and gives back one character at a time.
_LAST_CLAUSE_END = re.compile(r"(?s:.*)(?:[.;:!?]\s|[()\[\]]\s?)")
_FUNCTION_WORDS = frozenset({"of", "and", "the", "for", "in", "from", "to", "with", "on", "a", "an", "by"})


class Pair(NamedTuple):
    """Character offsets of a long form and its short form in one text."""

    long_start: int
    long_end: int
    short_start: int
    short_end: int


def is_short_form(text: str) -> bool:
    """Whether ``text`` can be a short form: 2-10 characters, a letter, at most two words.

    >>> is_short_form("DPO"), is_short_form("D^2O"), is_short_form("e.g."), is_short_form("see below")
    (True, True, False, False)
    """
    return (
        2 <= len(text) <= 12
        and 1 <= len(text.split()) <= 2
        and text[0].isalnum()
        and any(map(str.isalpha, text))
        and any(map(str.isupper, text))
        and text.lower() not in {"e.g.", "i.e.", "etc.", "cf."}
    )


def best_long_form(short: str, candidate: str) -> int | None:
    """The start, in ``candidate``, of the shortest long form that ``short`` abbreviates.

    Characters of ``short`` are matched right to left against ``candidate``; only
    letters and digits take part, and the first must start a word.

    >>> candidate = "we use Direct Preference Optimization"
    >>> candidate[best_long_form("DPO", candidate):]
    'Direct Preference Optimization'
    >>> best_long_form("XYZ", candidate) is None
    True
    """
    s = len(short) - 1
    c = len(candidate) - 1
    while s >= 0:
        char = short[s].lower()
        if not char.isalnum():
            s -= 1
            continue
        while c >= 0 and (candidate[c].lower() != char or (s == 0 and c > 0 and candidate[c - 1].isalnum())):
            c -= 1
        if c < 0:
            return None
        s -= 1
        c -= 1
    start = c + 1
    # The long form starts at the beginning of the word holding the first match.
    while start > 0 and not candidate[start - 1].isspace():
        start -= 1
    return start


_INITIALED_WORD = re.compile(r"[^\s-]+")


def initials_long_form(short: str, candidate: str) -> int | None:
    """The start of the shortest tail of ``candidate`` whose word initials spell ``short``'s capitals.

    A refinement of the character match: where the short form's capitals are exactly
    the initials of the last words (function words skipped), that reading wins, so
    "Temporal Attention Translator (TAT)" is not cut to "Translator".

    >>> candidate = "the Temporal Attention Translator"
    >>> candidate[initials_long_form("TAT", candidate):]
    'Temporal Attention Translator'
    """
    capitals = [c.lower() for c in short if c.isupper() or c.isdigit()]
    if len(capitals) < 2:
        return None
    words = list(_INITIALED_WORD.finditer(candidate))
    initials: list[str] = []
    for word in reversed(words):
        text = word.group()
        if text.lower() in _FUNCTION_WORDS:
            continue
        initials.insert(0, text[0].lower())
        if initials == capitals:
            return word.start()
        if len(initials) >= len(capitals):
            return None
    return None


_NAMING = re.compile(r"(?i)(?:called|named|dubbed|termed|coined|aka|a\.k\.a\.|i\.e\.|e\.g\.|see)\s")


# "Tapir, which stands for Table parsing transformer": a definition in words.
_STANDS_FOR = re.compile(r"\b([A-Za-z][\w-]*[\w]),?\s+(?:which\s+|that\s+)?stands\s+for\s+([^.,;:()]{5,100})")


# "UNIFY, a UNIversal Framework for You": a short form, then, after a comma and an article, a
# capitalised word that may start its long form. (Not "X: Long Form" in a title, where the words
# after the spelled ones often still belong to the name.)
# The apposition is found first and the short form before it checked after: a pattern that starts
# with a capital is tried at every capital, one that starts with a comma only at commas.
_APPOSITION = re.compile(r",\s+(?:a|an|the)\s+(?=[A-Z])")
_SHORT_BEFORE = re.compile(r"(?<![\w-])[A-Z][\w-]{1,10}\w$")
_LONG_WORD = re.compile(r"[^\s,.;:()]+")


def spelled_long_form(short: str, text: str, start: int) -> int | None:
    """Where the long form that starts at ``start`` and spells ``short``'s capitals ends, or None.

    Each word of the long form starts with the next capital of the short form (function
    words aside); capitals inside a word ("UNiversal", "Image-TExt") may spell the next ones
    too or be passed over. The long form ends with the word that spells the last capital,
    and has two words at least: "UNIFY, a UNIversal FramewOrk for You". A word whose initial
    spells nothing ends the search: in a title every word is capitalised.

    >>> text = "UNIFY, a UNIversal FramewOrk for You, and POS, a Part Of Speech tagger."
    >>> start = text.index("Part")
    >>> text[9 : spelled_long_form("UNIFY", text, 9)], text[start : spelled_long_form("POS", text, start)]
    ('UNIversal FramewOrk for You', 'Part Of Speech')
    >>> spelled_long_form("UNIFY", "UNIFY, a Unknown Nets For You", 9) is None
    True
    """
    capitals = [c for c in short if c.isupper()]
    if len(capitals) < 3:
        return None
    found = 0
    for n, word in enumerate(_LONG_WORD.finditer(text, start, start + 160)):
        chunk = word.group()
        if chunk.lower() in _FUNCTION_WORDS and chunk[0] != capitals[found]:
            continue
        if n == 10 or chunk[0] != capitals[found]:
            return None
        found += 1
        for char in chunk[1:]:
            if found < len(capitals) and char == capitals[found]:
                found += 1
        if found == len(capitals):
            return word.end() if n else None
    return None


# "ZQRT: A Zonal Query Routing Transformer for ...": a title's one-word head and its colon, then
# an article at most before the words that may spell it.
_TITLE_HEAD = re.compile(r"([^\s:]{2,12}):\s+(?:(?:A|An|The)\s+)?")
# Two or more capitalised words and nothing else: a title's rest that is one name.
_CAPITALISED_WORDS = re.compile(r"[A-Z][\w-]*(?: [A-Z][\w-]*)+\s*")
# A word of capitals alone (two at least), standing for a name of its own: "BERT", "GPT".
_ACRONYM = re.compile(r"(?<![\w-])[A-Z]{2,}(?![\w-])")


def title_long_form(title: str) -> Pair | None:
    """The long form a title of the form "SF: Long Form ..." gives its head, if the words
    right after the colon spell the head's capitals (``spelled_long_form``).

    The long form ends with the word that spells the last capital, and a class noun right
    after it ("... Alignment Model"); the words after these ("for Sparse Maps") say what
    the paper does with it. A long form that holds an acronym ("Quantized GPT" of
    "Q-GPT") is a name built on another one, which the head only extends. A rest of
    capitalised words alone is one name where the head abbreviates it letter by letter
    (``best_long_form``), as "Zeta" does "Zoned Entropy Gated Attention".

    >>> title = "ZQRT: A Zonal Query-Routing Transformer for Sparse Maps"
    >>> pair = title_long_form(title)
    >>> title[pair.long_start : pair.long_end], title[pair.short_start : pair.short_end]
    ('Zonal Query-Routing Transformer', 'ZQRT')
    >>> title = "VOCA: Versatile Occupancy Cue Aggregation Model for Scenes"
    >>> pair = title_long_form(title)
    >>> title[pair.long_start : pair.long_end]
    'Versatile Occupancy Cue Aggregation Model'
    >>> title_long_form("ZQRT: Routing Queries by Zones") is None  # the words spell something else
    True
    >>> title_long_form("Q-GPT: Quantized GPT for Phones") is None  # a name inside
    True
    >>> title = "Zeta: Zoned Entropy Gated Attention"
    >>> pair = title_long_form(title)
    >>> title[pair.long_start : pair.long_end]
    'Zoned Entropy Gated Attention'
    """
    match = _TITLE_HEAD.match(title)
    if match is None or not is_short_form(match.group(1)):
        return None
    end = spelled_long_form(match.group(1), title, match.end())
    if end is None and _CAPITALISED_WORDS.fullmatch(title, match.end()):
        # "Zeta: Zoned Entropy Gated Attention": the whole rest, one name, abbreviated letter by letter
        rest = title[match.end() :].rstrip()
        end = match.end() + len(rest) if best_long_form(match.group(1), rest) == 0 else None
    if end is None or _ACRONYM.search(title, match.end(), end):
        return None
    noun = _LONG_WORD.match(title, end + 1) if title[end : end + 1] == " " else None
    if noun is not None and noun.group()[:1].isupper() and noun.group().lower() in CLASS_NOUNS:
        end = noun.end()
    return Pair(match.end(), end, match.start(1), match.end(1))


def initials_spell(name: str, short: str) -> bool:
    """Whether the initials of ``name``'s words and hyphenated parts spell ``short``.

    Function words aside, every word (part) is capitalised, as a name's are, and the
    initials must be the short form's capitals, its letters
    ("Dense Item Grouper" for "DiG"), or end with its capitals where it has three or more
    ("Near-to-Far Gaze Tracking" for "FarGT": the name's own words stand first).

    >>> initials_spell("Zonal Query-Routing Transformer", "ZQRT"), initials_spell("Dense Item Grouper", "DiG")
    (True, True)
    >>> initials_spell("Near-to-Far Gaze Tracking", "FarGT"), initials_spell("Gaze Tracking", "FarGT")
    (True, False)
    >>> initials_spell("Dense Item Grouper", "DIT"), initials_spell("Tagger", "T")
    (False, False)
    >>> initials_spell("dense item grouping", "DiG")  # a plain phrase, not the head's long form
    False
    """
    parts = [part for part in re.split(r"[\s-]+", name) if part and part.lower() not in _FUNCTION_WORDS]
    if len(parts) < 2 or not all(part[0].isupper() for part in parts):
        return False
    initials = "".join(part[0] for part in parts).upper()
    capitals = "".join(c for c in short if c.isupper())
    return (
        initials == capitals
        or initials == "".join(c for c in short if c.isalpha()).upper()
        or (len(capitals) >= 3 and initials.endswith(capitals))
    )


# "(FocalNets in short)", "(BERT for short)": the words after a short form that say it is one.
_FOR_SHORT = re.compile(r"\s+(?:for|in) short$")
# What a comma or semicolon starts in a parenthesis: "(SD; ...)", "(DPO, ...)".
_QUALIFIER = re.compile(r"[;,]\s")


def find_abbreviations(text: str) -> list[Pair]:
    """All ``long form (SF)``, ``SF (long form)``, ``SF, which stands for long form`` and
    ``SF, a long form`` (spelling SF in its capitals) definitions.

    >>> text = "We apply Direct Preference Optimization (DPO) and Stable Diffusion (SD) v1.5."
    >>> [(text[p.long_start : p.long_end], text[p.short_start : p.short_end])
    ...  for p in find_abbreviations(text)]
    [('Direct Preference Optimization', 'DPO'), ('Stable Diffusion', 'SD')]
    >>> find_abbreviations("We train an Advantage Actor-Critic (A2C) agent.")  # no "to" to read
    []
    >>> text = "Prior audio-to-mesh (A2M) work fails."
    >>> [(text[p.long_start : p.long_end], text[p.short_start : p.short_end])
    ...  for p in find_abbreviations(text)]
    [('audio-to-mesh', 'A2M')]
    >>> text = "We train Tapir, which stands for Table parsing transformer."
    >>> [(text[p.long_start : p.long_end], text[p.short_start : p.short_end])
    ...  for p in find_abbreviations(text)]
    [('Table parsing transformer', 'Tapir')]
    """
    pairs: list[Pair] = []
    for match in _PAREN.finditer(text):
        inner = match.group(1)
        head = _QUALIFIER.split(inner, maxsplit=1)[0].strip()
        if head.endswith(" short"):  # (what ``_FOR_SHORT`` needs: most have none)
            head = _FOR_SHORT.sub("", head)
        if _NAMING.match(head):
            continue  # "data of image-text pairs (called GrIT)" names the data, defines no abbreviation
        inner_start = match.start(1) + inner.index(head) if head else match.start(1)
        before_end = match.start()
        while before_end > 0 and text[before_end - 1].isspace():
            before_end -= 1
        if is_short_form(head):
            pair = _pair(text, before_end, head, inner_start)
        else:
            pair = _reversed_pair(text, before_end, head, inner_start)
        if pair is not None:
            pairs.append(pair)
    for match in _APPOSITION.finditer(text):
        named = _SHORT_BEFORE.search(text, max(0, match.start() - 12), match.start())
        end = None if named is None else spelled_long_form(named.group(), text, match.end())
        if named is not None and end is not None:
            pairs.append(Pair(match.end(), end, named.start(), named.end()))
    for match in _STANDS_FOR.finditer(text) if "stands for" in text else ():
        short, long = match.group(1), match.group(2).rstrip()
        if is_short_form(short) and len(long.split()) >= 2 and best_long_form(short, long) == 0:
            pairs.append(Pair(match.start(2), match.start(2) + len(long), match.start(1), match.end(1)))
    return pairs


def _clause_start(text: str, end: int) -> int:
    """Where the clause that holds offset ``end`` starts: after the last clause end in ``text[:end]``,
    0 if there is none. (Searched back from ``end``: scanning the text from its start for every
    clause end took a quarter of ``find_abbreviations``' time.)

    >>> [_clause_start("One; two) (three", end) for end in (3, 8, 9, 16)]
    [0, 5, 9, 11]
    """
    last = _LAST_CLAUSE_END.match(text, 0, end)
    return 0 if last is None else last.end()


# A "2" between letters of a short form that reads "to": "S2V" for "speech-to-video".
_READ_AS_TO = re.compile(r"(?<=[A-Za-z])2(?=[A-Za-z])")
_TO_WORD = re.compile(r"(?i)(?<![^\s-])to(?![^\s-])")


def _last_words_start(text: str, start: int, end: int, n: int) -> int | None:
    """Where the last ``n`` white-space delimited words of ``text[start:end]`` start (the first word
    where there are fewer), None where there is none. (``str.rsplit`` splits off only those words.)

    >>> text = "a  b c"
    >>> _last_words_start(text, 0, 6, 2), _last_words_start(text, 1, 6, 5), _last_words_start(text, 1, 3, 1)
    (3, 3, None)
    """
    region = text[start:end]
    words = region.rsplit(None, n)
    if not words:
        return None
    if len(words) > n:
        region = region[len(words[0]) :]  # the white space and the last n words
    return end - len(region.lstrip())


def _pair(text: str, before_end: int, short: str, short_start: int) -> Pair | None:
    """``long form (SF)``: the end of the clause before the parenthesis (which ends at ``before_end``)
    is the long form of ``short``, the parenthesis' content."""
    limit = min(len(short) + 5, 2 * len(short))
    window_start = _last_words_start(text, _clause_start(text, before_end), before_end, limit)
    if window_start is None:
        return None
    candidate = text[window_start:before_end]
    start = initials_long_form(short, candidate)
    if start is None:
        start = best_long_form(short, candidate)
    if start is None and _READ_AS_TO.search(short):
        start = best_long_form(_READ_AS_TO.sub("t", short), candidate)  # "speech-to-video (S2V)"
        if start is not None and _TO_WORD.search(candidate, start) is None:
            start = None  # the "t" was read in another word: "Advantage Actor-Critic (A2C)"
    if start is None:
        return None
    long_text = candidate[start:]
    if len(long_text) <= len(short) or long_text.lower().startswith(short.lower() + " "):
        return None
    return Pair(window_start + start, before_end, short_start, short_start + len(short))


def _reversed_pair(text: str, before_end: int, inner: str, inner_start: int) -> Pair | None:
    """``SF (long form)``: the word before the parenthesis (which ends at ``before_end``) abbreviates
    its content."""
    if len(inner.split()) < 2:
        return None
    short_start = _last_words_start(text, _clause_start(text, before_end), before_end, 1)
    if short_start is None:
        return None
    short = text[short_start:before_end]
    if not is_short_form(short) or best_long_form(short, inner) != 0:
        return None
    return Pair(inner_start, inner_start + len(inner), short_start, before_end)


@Language.factory("kg_abbreviations")
class Abbreviations:
    """Store each ``(long, short)`` definition of a doc as a pair of spans in ``doc._.kg_abbreviations``.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("kg_abbreviations")
    >>> nlp("We use word error rate (WER).")._.kg_abbreviations
    [(word error rate, WER)]
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        found: list[tuple[Span, Span]] = []
        text = doc_text(doc)
        pairs = find_abbreviations(text)
        in_title = title_long_form(text) if doc_value(doc, "kg_field") == "title" else None
        if in_title is not None:
            pairs.append(in_title)
        for pair in pairs:
            long = doc.char_span(pair.long_start, pair.long_end, alignment_mode="contract")
            short = doc.char_span(pair.short_start, pair.short_end, alignment_mode="contract")
            if long is not None and short is not None and len(long) and len(short):
                found.append((long, short))
        set_doc_value(doc, "kg_abbreviations", found)
        return doc
