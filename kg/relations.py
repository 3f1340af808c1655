"""Relations with evidence: what each paper says about entities, and about how they relate.

Paper -> entity, one edge per paper and entity, its strongest role winning
(``introduces`` > ``evaluated_on`` > ``addresses`` > ``uses`` > ``mentions``):

- ``introduces`` / ``evaluated_on``: the extractor's roles;
- ``addresses``: a task the paper names;
- ``uses``: a usage cue ("we use", "using", "based on", "fine-tune" ...) shortly before
  the mention in its sentence, with no comparison cue ("compared with", "than") after it;
- ``mentions``: anything else.

Entity -> entity, from the sentence that states it: the extractor's mentions in one
sentence and the cue phrase between them (X, Y methods or models, D a dataset or
benchmark, T a task; "A, B and C" lists count as each of their members):

- ``outperforms``: "X outperforms / surpasses / beats / is superior to Y";
- ``evaluated_on``: "X ... on / across D" (every X of the clause: "X outperforms Y on D");
- ``based_on``: "X builds on / is based on / extends / is fine-tuned from Y", "Based on Y, ... X";
- ``applied_to``: "X for T", "X is applied to T", "apply / use X to / for T";
- ``co_mentioned``: any two entities named in one sentence, stored once, from the smaller
  node id to the larger; ``papers`` (its support) counts every paper that co-mentions them,
  its evidence keeps examples only: the first such sentence of each of its first
  :data:`CO_MENTION_EXAMPLES` papers (a pair of popular entities shares thousands of sentences,
  and every sentence of n names holds n(n-1)/2 pairs);
- ``variant_of``: a version or size to its family (from the names; its evidence is where
  the variant is named).

Evidence offsets span the statement: the mention for paper relations, the two
mentions and what lies between them for entity relations.

>>> from kg.model import Mention, Paper, PaperMentions
>>> from kg.resolve import resolve
>>> text = "SimPO outperforms DPO on AlpacaEval."
>>> mentions = tuple(
...     Mention(name, kind, "abstract", text.index(name), text.index(name) + len(name), None, (0, len(text)))
...     for name, kind in [("SimPO", "Method"), ("DPO", "Method"), ("AlpacaEval", "Benchmark")]
... )
>>> found = [PaperMentions(Paper("p1", "", text), mentions)]
>>> typed = [r for r in entity_relations(found, resolve(found)) if r.relation != "co_mentioned"]
>>> for r in typed:
...     print(r.source, r.relation, r.target)
method:simpo outperforms method:dpo
method:dpo evaluated_on benchmark:alpacaeval
method:simpo evaluated_on benchmark:alpacaeval
>>> typed[0].evidence[0].sentence[typed[0].evidence[0].start:typed[0].evidence[0].end]
'SimPO outperforms DPO'
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import combinations, pairwise
from typing import NamedTuple

from kg.model import Evidence, Field, Mention, PaperMentions, Relation
from kg.resolve import Resolution

EvidenceMaker = Callable[[str, Field, int, int, str], Evidence]
"""Makes a piece of evidence from (paper id, field, start, end, sentence): :class:`~kg.model.Evidence`,
or a caller's own hashable record type with those fields (the graph's takes a third of the time)."""

PAPER_RELATIONS = ("introduces", "evaluated_on", "addresses", "uses", "mentions")
"""Paper -> entity relations, strongest first."""

CO_MENTION_EXAMPLES = 3
"""The papers whose sentence a ``co_mentioned`` relation keeps as evidence (its first ones)."""

_SYSTEMS = frozenset({"Method", "Model"})
_DATA = frozenset({"Dataset", "Benchmark"})
_TASKS = frozenset({"Task"})

_OUTPERFORMS = re.compile(
    r"\b(?:outperform\w*|surpass\w*|beat(?:s|ing)?|exceed\w*|better\s+than|superior\s+to"
    r"|improv\w*\s+(?:up)?on)\b",
    re.IGNORECASE,
)
_USES = re.compile(
    r"\b(?:us(?:e|es|ed|ing)|utili[sz]\w*|leverag\w*|employ\w*|adopt\w*|built\s+(?:up)?on|based\s+on"
    r"|build(?:s|ing)?\s+(?:up)?on|fine-?tun\w*|initiali[sz]\w*)\b"
    rf"|(?P<compared>\b(?:compar\w*|than|unlike|versus|vs\.?|baselines?)\b|{_OUTPERFORMS.pattern})",
    re.IGNORECASE,
)
# "on", but not "trained / fine-tuned on", which says what a model learned from. The lookahead
# adds nothing to what matches; it spares the four lookbehinds at every non-space (half the time).
_EVALUATED_ON = re.compile(
    r"(?=\s)(?<!train)(?<!tuned)(?<!learned)(?<!trained)\s+(?:on|across|over)\b", re.IGNORECASE
)
_BASED_ON = re.compile(
    r"\b(?:built|build(?:s|ing)?|based)\s+(?:up)?on\b|\bon\s+top\s+of\b|\bextend(?:s|ing)?\b"
    r"|\bfine-?tuned\s+from\b|\binitiali[sz]ed\s+(?:from|with)\b|\bderived\s+from\b",
    re.IGNORECASE,
)
_APPLIED_TO = re.compile(
    r"\s+(?:(?:is|are|was|were|can\s+be|has\s+been|have\s+been)\s+)?(?:successfully\s+)?"
    r"(?:applied|adapted|extended)\s+(?:to|for)\s+(?:the\s+)?(?:task\s+of\s+)?"
    r"|\s+for\s+(?:the\s+)?(?:task\s+of\s+)?",
    re.IGNORECASE,
)
_TO_OR_FOR = re.compile(r"\s+(?:to|for)\s+(?:the\s+)?(?:task\s+of\s+)?", re.IGNORECASE)
_APPLY_VERB = re.compile(
    r"\b(?:appl(?:y|ies|ied|ying)|adapt(?:s|ed|ing)?|us(?:e|es|ed|ing)|leverag\w*|employ\w*)\s+"
    r"(?:the\s+|our\s+)?$",
    re.IGNORECASE,
)
_LIST_GAP = re.compile(r"\s*(?:,|/|&|and|or|as\s+well\s+as|,\s*and|,\s*or)?\s*", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;:]|\b(?:while|whereas|but|although|though)\b", re.IGNORECASE)
# What may not lie between a cue and its subject or object: a clause break or another stating cue.
_BARRIER = re.compile(f"{_CLAUSE_BREAK.pattern}|{_OUTPERFORMS.pattern}|{_BASED_ON.pattern}", re.IGNORECASE)
_MAX_GAP_WORDS = 12


# Named tuples, not dataclasses: a large corpus makes millions, and they are made, hashed
# and sorted several times faster.
class _Named(NamedTuple):
    """A mention in a sentence, with the entity it names."""

    entity: str
    type: str
    start: int
    end: int


class _Sentence(NamedTuple):
    paper_id: str
    field: Field
    text: str  # the whole field; offsets are into it
    start: int
    end: int
    named: tuple[_Named, ...]  # in text order
    sentence: str  # text[start:end], shared
    make_evidence: EvidenceMaker

    def evidence(self, a: _Named, b: _Named) -> Evidence:
        start, end = min(a.start, b.start), max(a.end, b.end)
        return self.make_evidence(self.paper_id, self.field, start, end, self.sentence)


class _Located(NamedTuple):
    """A mention of a paper, with the entity it names, that entity's type, and its sentence."""

    mention: Mention
    entity: str
    type: str
    sentence_start: int
    sentence_end: int
    sentence: str  # the sentence's text, shared


def _located(found: PaperMentions, resolution: Resolution) -> list[_Located]:
    """The paper's mentions with their entities and sentences, each sentence sliced once."""
    paper, entities = found.paper, resolution.entities
    sentences: dict[tuple[Field, tuple[int, int]], tuple[int, int, str]] = {}
    located = []
    for mention, entity in zip(found.mentions, resolution.entity_ids(found), strict=True):
        place = (mention.field, mention.sentence)
        if (sentence := sentences.get(place)) is None:
            text = paper.title if mention.field == "title" else paper.abstract
            start, end = mention.sentence
            if end <= start:
                start, end = 0, len(text)
            sentence = sentences[place] = (start, end, _shared(text[start:end]))
        located.append(_Located(mention, entity, entities[entity].type, *sentence))
    return located


def _shared(sentence: str) -> str:
    """One string object for every copy of ``sentence``: a sentence is the evidence of
    every mention and pair in it, and a large corpus holds millions of these."""
    return sys.intern(sentence)


def paper_relations(extractions: Iterable[PaperMentions], resolution: Resolution) -> Iterator[Relation]:
    """One relation per (paper, entity): the strongest role, with every mention as evidence.

    Yielded paper by paper, so that a caller need not hold a corpus's worth at once.

    >>> from kg.model import Mention, Paper
    >>> from kg.resolve import resolve
    >>> text = "Using CLIP, we address image captioning."
    >>> found = [PaperMentions(Paper("p1", "", text), (
    ...     Mention("CLIP", "Model", "abstract", 6, 10, None, (0, len(text))),
    ...     Mention("image captioning", "Task", "abstract", 23, 39, None, (0, len(text)))))]
    >>> [(r.relation, r.target) for r in paper_relations(found, resolve(found))]
    [('uses', 'model:clip'), ('addresses', 'task:image-captioning')]
    """
    for found in extractions:
        yield from _relations_of_paper(found, _located(found, resolution))


_STRENGTH = {name: -rank for rank, name in enumerate(PAPER_RELATIONS)}


def _relations_of_paper(
    found: PaperMentions, located: list[_Located], make_evidence: EvidenceMaker = Evidence
) -> Iterable[Relation]:
    paper = found.paper
    source = f"paper:{paper.id}"
    relations: dict[str, Relation] = {}
    for mention, target, kind, sentence_start, _, sentence in located:
        text = paper.title if mention.field == "title" else paper.abstract
        evidence = make_evidence(paper.id, mention.field, mention.start, mention.end, sentence)
        relation = _paper_relation(mention, kind, text, sentence_start)
        current = relations.get(target)
        if current is None:
            # One paper states it: its support is known, with no need to count its evidence's papers.
            current = relations[target] = Relation(source, target, relation, papers=1)
        elif _STRENGTH[relation] > _STRENGTH[current.relation]:
            current.relation = relation
        current.evidence.append(evidence)
    return relations.values()


def _paper_relation(mention: Mention, entity_type: str, text: str, sentence_start: int) -> str:
    if mention.role == "introduced":
        return "introduces"
    if mention.role == "evaluated_on":
        return "evaluated_on"
    if entity_type in _TASKS:
        return "addresses"
    if entity_type == "Metric":
        return "mentions"
    cues = list(_USES.finditer(text[max(sentence_start, mention.start - 80) : mention.start]))
    return "uses" if cues and not cues[-1]["compared"] else "mentions"


def _sentences(
    found: PaperMentions, located: list[_Located], make_evidence: EvidenceMaker
) -> Iterator[_Sentence]:
    by_sentence: dict[tuple[Field, int, int, str], list[_Named]] = {}
    for mention, entity, kind, start, end, sentence in located:
        named = _Named(entity, kind, mention.start, mention.end)
        if (names := by_sentence.get(place := (mention.field, start, end, sentence))) is None:
            by_sentence[place] = [named]
        else:
            names.append(named)
    paper = found.paper
    for (field, start, end, sentence), named in by_sentence.items():
        if len(named) < 2:  # one name states nothing and co-mentions nothing
            continue
        # A name inside a longer one ("Llama 2" in "Llama 2 70B") is not a second statement.
        outermost: list[_Named] = []
        reach = -1  # the furthest end of the names before
        for n in sorted(set(named), key=lambda n: (n.start, -n.end)):
            if n.end > reach:
                outermost.append(n)
                reach = n.end
        text = paper.title if field == "title" else paper.abstract
        yield _Sentence(paper.id, field, text, start, end, tuple(outermost), sentence, make_evidence)


def entity_relations(extractions: Iterable[PaperMentions], resolution: Resolution) -> Iterator[Relation]:
    """The entity -> entity relations the papers' sentences state, evidence merged across papers.

    The typed relations first, then ``co_mentioned``, each in the order the papers first state it.
    Each is let go once yielded, so that a caller who keeps only what it needs of them
    (the graph: its records of the evidence) does not hold two copies of a corpus's relations.
    """
    statements = _Statements()
    for found in extractions:
        statements.add(found, _located(found, resolution))
    yield from statements.relations()


class _Statements:
    """The entity -> entity relations stated so far, paper by paper, evidence merged."""

    def __init__(self) -> None:
        # Evidence as dict keys: each statement once, in order, without a scan per statement.
        self.evidence_of: dict[tuple[str, str, str], dict[Evidence, None]] = {}
        self.co_papers: Counter[tuple[str, str]] = Counter()
        self.co_examples: dict[tuple[str, str], list[Evidence]] = {}

    def add(
        self, found: PaperMentions, located: list[_Located], make_evidence: EvidenceMaker = Evidence
    ) -> None:
        evidence_of, co_examples = self.evidence_of, self.co_examples
        first_in_paper: dict[tuple[str, str], tuple[_Sentence, _Named, _Named]] = {}
        for sentence in _sentences(found, located, make_evidence):
            for source, target, relation, evidence in _stated(sentence):
                if source != target:
                    stated = (source, target, relation)
                    if (statements := evidence_of.get(stated)) is None:
                        statements = evidence_of[stated] = {}
                    statements[evidence] = None
            for (a, first), (b, second) in combinations(_distinct_entities(sentence), 2):
                if (a, b) not in first_in_paper:
                    first_in_paper[a, b] = (sentence, first, second)
        self.co_papers.update(first_in_paper.keys())
        for pair, (sentence, first, second) in first_in_paper.items():
            if (examples := co_examples.get(pair)) is None:
                co_examples[pair] = [sentence.evidence(first, second)]
            elif len(examples) < CO_MENTION_EXAMPLES:
                examples.append(sentence.evidence(first, second))

    def relations(self) -> Iterator[Relation]:
        """The typed relations first, then ``co_mentioned``, each in the order first stated; each
        is let go once yielded."""
        for stated in list(self.evidence_of):
            yield Relation(*stated, list(self.evidence_of.pop(stated)))
        for pair in list(self.co_examples):
            yield Relation(*pair, "co_mentioned", self.co_examples.pop(pair), self.co_papers.pop(pair))


def _stated(sentence: _Sentence) -> Iterator[tuple[str, str, str, Evidence]]:
    # A cue states a relation only between two names of its types: without them, its search is skipped.
    systems = sum(n.type in _SYSTEMS for n in sentence.named)
    if systems >= 2:
        yield from _cue_relations(sentence, _OUTPERFORMS, "outperforms", _SYSTEMS, _SYSTEMS, max_words=5)
    if systems and any(n.type in _DATA for n in sentence.named):
        yield from _cue_relations(
            sentence, _EVALUATED_ON, "evaluated_on", _SYSTEMS, _DATA, max_words=3, every=True
        )
    if systems >= 2:
        yield from _cue_relations(
            sentence, _BASED_ON, "based_on", _SYSTEMS, _SYSTEMS, max_words=5, leading=True
        )
    if systems:
        yield from _applied_to(sentence)


def _distinct_entities(sentence: _Sentence) -> list[tuple[str, _Named]]:
    """The entities the sentence names, by id, each with its first mention: any two are co-mentioned."""
    return sorted({n.entity: n for n in reversed(sentence.named)}.items())


def _cue_relations(
    sentence: _Sentence,
    cue: re.Pattern[str],
    relation: str,
    subjects: frozenset[str],
    objects: frozenset[str],
    *,
    max_words: int = _MAX_GAP_WORDS,
    leading: bool = False,
    every: bool = False,
) -> Iterator[tuple[str, str, str, Evidence]]:
    """``subject CUE object[, object and object]``.

    Subject and object are in the cue's clause, with no other stating cue between
    them and it, and the object of one cue is not the subject of the next
    ("X beats Y and surpasses Z" does not say Y beats Z). With ``leading``, also
    ``CUE object, ... subject``; with ``every``, the subjects listed or compared before
    the cue all state it ("X outperforms Y on D": both ran on D).
    """
    text = sentence.text
    earlier_objects: set[_Named] = set()
    for match in cue.finditer(text, sentence.start, sentence.end):
        targets = _objects_after(sentence, match.end(), objects, max_words)
        if not targets:
            continue
        sources = _subjects_before(sentence, match.start(), subjects, every, earlier_objects)
        earlier_objects.update(targets)
        opening = text[match.end() : targets[0].start]
        if (
            not sources
            and leading
            and not text[sentence.start : match.start()].strip()
            and "," not in opening
        ):
            after = [n for n in sentence.named if n.start > targets[-1].end and n.type in subjects]
            gap = text[targets[-1].end : after[0].start] if after else ""
            sources = after[:1] if "," in gap and len(gap.split()) <= 4 else []
        for source in sources:
            for target in targets:
                yield source.entity, target.entity, relation, sentence.evidence(source, target)


def _subjects_before(
    sentence: _Sentence,
    position: int,
    types: frozenset[str],
    every: bool,
    skip: set[_Named],
) -> list[_Named]:
    """The nearest entity of ``types`` before ``position`` in its clause, with no cue between.

    An entity in parentheses after a name ("CUT (LLaMA2-13b) beats") gives way to that
    name. With ``every``, the entities listed with it or compared with it ("X
    outperforms Y on D") come too.
    """
    text = sentence.text
    found: list[_Named] = []
    for named in reversed(sentence.named):
        if named.end > position or named.type not in types or named in skip:
            continue
        if text[: named.start].rstrip().endswith("(") and text[named.end :].lstrip().startswith(")"):
            continue
        if found:
            gap = text[named.end : found[-1].start]
            if not (_LIST_GAP.fullmatch(gap) or (_OUTPERFORMS.search(gap) and len(gap.split()) <= 6)):
                break
        else:
            gap = text[named.end : position]
            if _BARRIER.search(gap) or len(gap.split()) > _MAX_GAP_WORDS:
                break
        found.append(named)
        if not every:
            break
    return found


def _objects_after(sentence: _Sentence, position: int, types: frozenset[str], max_words: int) -> list[_Named]:
    """The first entity after ``position`` if it is of ``types``, with those listed after it."""
    found: list[_Named] = []
    for named in sentence.named:
        if named.start < position:
            continue
        gap = sentence.text[position : named.start]
        if named.type not in types:
            break
        if found and not _LIST_GAP.fullmatch(gap):
            break
        # A comma ends the cue's phrase ("based on attention, enabling X") unless it opens an example.
        comma = "," in gap.replace("e.g.,", "").replace("i.e.,", "")
        if not found and (comma or _BARRIER.search(gap) or len(gap.split()) > max_words):
            break
        found.append(named)
        position = named.end
    return found


def _applied_to(sentence: _Sentence) -> Iterator[tuple[str, str, str, Evidence]]:
    text = sentence.text
    for system, task in pairwise(sentence.named):
        if system.type not in _SYSTEMS or task.type not in _TASKS:
            continue
        between = text[system.end : task.start]
        applied = _APPLIED_TO.fullmatch(between) or (
            _TO_OR_FOR.fullmatch(between) and _APPLY_VERB.search(text[sentence.start : system.start])
        )
        if applied:
            yield system.entity, task.entity, "applied_to", sentence.evidence(system, task)


def variant_relations(extractions: Iterable[PaperMentions], resolution: Resolution) -> list[Relation]:
    """``variant_of`` from each version or size to its family, evidenced where the variant is named."""
    relations: dict[str, Relation] = {}
    for found in extractions:
        _add_variants(found, _located(found, resolution), resolution, relations)
    return list(relations.values())


def _add_variants(
    found: PaperMentions,
    located: list[_Located],
    resolution: Resolution,
    relations: dict[str, Relation],
    make_evidence: EvidenceMaker = Evidence,
) -> None:
    named_here: set[str] = set()
    for mention, entity_id, *_, sentence in located:
        family = resolution.entities[entity_id].variant_of
        if family is None or entity_id in named_here:
            continue
        named_here.add(entity_id)
        relation = relations.setdefault(entity_id, Relation(entity_id, family, "variant_of"))
        relation.evidence.append(
            make_evidence(found.paper.id, mention.field, mention.start, mention.end, sentence)
        )


def relations(
    extractions: Iterable[PaperMentions], resolution: Resolution, make_evidence: EvidenceMaker = Evidence
) -> Iterator[Relation]:
    """Every relation of the corpus: paper -> entity (paper by paper), then entity -> entity.

    One pass over ``extractions``, each paper's used once: an iterator that lets go of
    each extraction once read keeps no more than the relations in memory. Each piece of
    evidence is made by ``make_evidence``.
    """
    statements = _Statements()
    variants: dict[str, Relation] = {}
    for found in extractions:
        located = _located(found, resolution)
        yield from _relations_of_paper(found, located, make_evidence)
        statements.add(found, located, make_evidence)
        _add_variants(found, located, resolution, variants, make_evidence)
    yield from statements.relations()
    yield from variants.values()
