"""Resolution: mentions across papers become entities, one per real thing.

Three kinds of evidence put two mentions in one entity:

1. **Surface variants**: names equal under :func:`name_key` (case, unicode dashes,
   hyphen / space / no space, a plural ending, a trailing "dataset", "benchmark"
   or "model").
2. **Abbreviations**: a paper that defines ``long (short)`` makes its ``short``
   mentions name ``long``. Definitions are voted across papers: an acronym defined
   differently by different papers ("ICL" = in-context learning / Inter-Consistency
   Loss) stays as many entities, each paper's own definition wins in that paper,
   and a bare acronym in a paper that does not define it takes the meaning most
   papers give it.
3. **Known names**: names that an optional lookup (``known``) matches to the same
   :class:`~kg.model.KnownName` entry; the entry's ids/URLs go to ``external``.

Versions and sizes keep their own entities (``LLaMA-2-7B`` is not ``LLaMA-2``);
:func:`family_names` gives the names a variant's family may go by, and
``Entity.variant_of`` links the variant to the family where the corpus names it.

An entity's type is the vote of its mentions' types; its label is its most
frequent full form (a long form beats its acronym however often the acronym is
used).

>>> from kg.model import Abbreviation, Mention, Paper, PaperMentions
>>> text = "Direct Preference Optimization (DPO) beats PPO."
>>> paper = Paper("p1", "", text)
>>> found = PaperMentions(paper, (Mention("DPO", "Method", "abstract", 32, 35),),
...                       (Abbreviation("Direct Preference Optimization", "DPO"),))
>>> resolution = resolve([found])
>>> entity = resolution.entity_of("dpo")
>>> entity.id, entity.label
('method:direct-preference-optimization', 'Direct Preference Optimization')
>>> entity.aliases
{'DPO': 1, 'Direct Preference Optimization': 1}
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from operator import attrgetter

from kg.model import Entity, EntityType, KnownName, PaperMentions
from kg.slug import slugify

KnownLookup = Callable[[str], KnownName | None]
"""Finds the known-name entry a surface form names, or ``None``."""

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_GENERIC_SUFFIX = re.compile(r"[\s-]+(?:data\s?sets?|benchmarks?|models?)$", re.IGNORECASE)
_SEPARATORS = re.compile(r"[\s\-_]+")
_SPACES = re.compile(r"\s+")
_TEXT_AND_TYPE = attrgetter("text", "type")
_ACRONYM_PLURAL = re.compile(r".*[A-Z0-9]s")
_IES_PLURAL = re.compile(r"[a-z][a-z\-]*[a-z]{2,}ies", re.IGNORECASE)
_ES_PLURAL = re.compile(r".*[a-z](?:ss|x|ch|sh)es", re.IGNORECASE)
_S_PLURAL = re.compile(r".*[a-z]{3,}(?<![sui])s")
# A trailing version or size tag, and the separator before it: "-7B", " v1.5", " XL", "-Instruct".
_VARIANT_TAG = re.compile(
    r"[\s\-_](?:\d+(?:\.\d+)?[BMKT]|\d+x\d+B|v\d+(?:\.\d+)*|\d+\.\d+(?:\.\d+)*"
    r"|XXL|XL|Large|Base|Small|Mini|Tiny|Instruct|Chat|Turbo|hf)$",
    re.IGNORECASE,
)


# Every stage asks for the key of every mention, and a corpus repeats its names many times.
@lru_cache(maxsize=1 << 20)
def name_key(name: str) -> str:
    """The form under which surface variants of one name compare equal.

    >>> name_key("Direct  Preference\u2013Optimizations")
    'directpreferenceoptimization'
    >>> name_key("MT Bench") == name_key("mt-bench") == name_key("MTBench")
    True
    >>> name_key("COCO dataset") == name_key("COCO"), name_key("LDMs") == name_key("LDM")
    (True, True)
    >>> name_key("LLaMA-2-7B") == name_key("LLaMA-2")
    False
    """
    text = unicodedata.normalize("NFKC", name).translate(_DASHES)
    text = _SPACES.sub(" ", text).strip()
    text = _GENERIC_SUFFIX.sub("", text) or text
    return _SEPARATORS.sub("", _singular(text).casefold())


def _singular(name: str) -> str:
    """``name`` with the plural ending of its last word removed, where it has one.

    >>> [_singular(n) for n in ["LLMs", "losses", "strategies", "embeddings", "MMLU", "GLUES", "bias"]]
    ['LLM', 'loss', 'strategy', 'embedding', 'MMLU', 'GLUES', 'bias']
    """
    head, _, word = name.rpartition(" ")
    if _ACRONYM_PLURAL.fullmatch(word):  # an acronym's plural: LLMs, LDMs, GANs
        word = word[:-1]
    elif _IES_PLURAL.fullmatch(word):
        word = word[:-3] + "y"
    elif _ES_PLURAL.fullmatch(word):
        word = word[:-2]
    elif _S_PLURAL.fullmatch(word) and not word.endswith("as"):
        word = word[:-1]
    return f"{head} {word}" if head else word


def family_names(name: str) -> Iterator[str]:
    """The names a version or size of a model may belong to, nearest first.

    >>> list(family_names("Mistral-7B-Instruct-v0.2"))
    ['Mistral-7B-Instruct', 'Mistral-7B', 'Mistral']
    >>> list(family_names("Stable Diffusion XL")), list(family_names("GPT-4"))
    (['Stable Diffusion'], [])
    """
    while (match := _VARIANT_TAG.search(name)) and match.start() >= 2:
        name = name[: match.start()]
        yield name


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


@dataclass
class Resolution:
    """The entities of a corpus and which entity each name belongs to.

    ``entity_of_key`` gives a name's corpus-wide meaning (an acronym's majority
    meaning); ``paper_entity_of_key`` the exceptions, where a paper's own
    definition of an acronym gives it another meaning in that paper.
    """

    entities: dict[str, Entity]
    entity_of_key: dict[str, str]
    paper_entity_of_key: dict[tuple[str, str], str] = field(default_factory=dict)

    def entity_id(self, name: str, paper_id: str | None = None) -> str:
        """The id of the entity that ``name`` names (in paper ``paper_id``, if given)."""
        key = name_key(name)
        return self.paper_entity_of_key.get((paper_id or "", key)) or self.entity_of_key[key]

    def entity_ids(self, found: PaperMentions) -> list[str]:
        """The id of the entity each of the paper's mentions names, in order.

        >>> from kg.model import Mention, Paper
        >>> dpo = Mention("DPO", "Method", "abstract", 7, 10)
        >>> found = PaperMentions(Paper("p1", "", "We use DPO."), (dpo,))
        >>> resolve([found]).entity_ids(found)
        ['method:dpo']
        """
        paper_id, entity_of_key = found.paper.id, self.entity_of_key
        if paper_id not in self._papers_with_exceptions:
            return [entity_of_key[name_key(mention.text)] for mention in found.mentions]
        return [self.entity_id(mention.text, paper_id) for mention in found.mentions]

    @cached_property
    def _papers_with_exceptions(self) -> frozenset[str]:
        return frozenset(paper_id for paper_id, _ in self.paper_entity_of_key)

    def entity_of(self, name: str, paper_id: str | None = None) -> Entity:
        """The entity that ``name`` names (in paper ``paper_id``, if given)."""
        return self.entities[self.entity_id(name, paper_id)]


@dataclass
class _Group:
    """The mentions that one key, after abbreviation expansion, stands for."""

    surfaces: Counter[str] = field(default_factory=Counter)
    own_surfaces: Counter[str] = field(default_factory=Counter)  # whose own key is the group's
    types: Counter[str] = field(default_factory=Counter)
    papers: set[str] = field(default_factory=set)


def acronym_meanings(extractions: Iterable[PaperMentions]) -> dict[str, str]:
    """Each defined short form's key -> the key of the long form most papers give it.

    Ties go to the long form that sorts first, so the result does not depend on
    the order of the papers.

    >>> from kg.model import Abbreviation, Paper
    >>> def paper(i, long):
    ...     return PaperMentions(Paper(f"p{i}", "", ""), (), (Abbreviation(long, "ICL"),))
    >>> acronym_meanings([paper(1, "in-context learning"), paper(2, "Iterative Consensus Loss"),
    ...                   paper(3, "In-Context Learning")])
    {'icl': 'incontextlearning'}
    """
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for found in extractions:
        for short, long in _definitions(found).items():
            votes[short][long] += 1
    return {short: min(longs, key=lambda k: (-longs[k], k)) for short, longs in votes.items()}


def _definitions(found: PaperMentions) -> dict[str, str]:
    """The paper's own abbreviations: short form key -> long form key."""
    pairs = ((name_key(pair.short), name_key(pair.long)) for pair in found.abbreviations)
    return {short: long for short, long in pairs if short != long}


def resolve(extractions: Iterable[PaperMentions], known: KnownLookup | None = None) -> Resolution:
    """Group the mentions of all papers into entities, ids in sorted order.

    ``known`` looks a surface form up in a list of known names; names that find
    the same entry become one entity, which keeps the entry's ``external`` ids.
    """
    extractions = list(extractions)
    meaning = acronym_meanings(extractions)
    groups, group_in_paper = _groups(extractions, meaning)

    entries = {k: entry for k, group in groups.items() if known and (entry := _known_entry(group, known))}
    merged = _UnionFind()
    for group_key in sorted(groups):
        merged.find(group_key)
        if group_key in entries:
            merged.union(group_key, f"\0known:{entries[group_key].id}")
    members: dict[str, list[str]] = defaultdict(list)
    for group_key in sorted(groups):
        members[merged.find(group_key)].append(group_key)

    entities: dict[str, Entity] = {}
    entity_of_group: dict[str, str] = {}
    short_keys = set(meaning)
    for keys in sorted(members.values()):
        external = {s: ref for k in keys if k in entries for s, ref in entries[k].external.items()}
        entity = _entity([groups[k] for k in keys], short_keys, external, entities)
        entities[entity.id] = entity
        entity_of_group.update(dict.fromkeys(keys, entity.id))

    groups_of_key: dict[str, Counter[str]] = defaultdict(Counter)
    for (_, key), group_key in group_in_paper.items():
        groups_of_key[key][group_key] += 1
    entity_of_key = {
        key: entity_of_group[_corpus_meaning(key, meaning, seen_as, entity_of_group)]
        for key, seen_as in groups_of_key.items()
    }
    exceptions = {
        (paper_id, key): entity_of_group[group_key]
        for (paper_id, key), group_key in group_in_paper.items()
        if entity_of_group[group_key] != entity_of_key[key]
    }
    _link_variants(entities, entity_of_key)
    return Resolution(dict(sorted(entities.items())), entity_of_key, exceptions)


def _groups(
    extractions: list[PaperMentions], meaning: dict[str, str]
) -> tuple[dict[str, _Group], dict[tuple[str, str], str]]:
    """The mentions grouped by key, acronyms expanded (the paper's own definition first,
    else the voted one), and the group each (paper, key) went to."""
    groups: dict[str, _Group] = defaultdict(_Group)
    group_in_paper: dict[tuple[str, str], str] = {}
    for found in extractions:
        paper_id, defined = found.paper.id, _definitions(found)
        # A paper names most things several times: each name and type once, with its count.
        for (text, kind), count in Counter(map(_TEXT_AND_TYPE, found.mentions)).items():
            key = name_key(text)
            group_key = defined.get(key) or meaning.get(key) or key
            group = groups[group_key]
            group.surfaces[text] += count
            if key == group_key:
                group.own_surfaces[text] += count
            group.types[kind] += count
            group.papers.add(paper_id)
            group_in_paper[paper_id, key] = group_key
        # A definition names both forms: count the one the extractor missed, where it found the other.
        for pair in found.abbreviations:
            long_key = defined.get(name_key(pair.short), "")
            if long_key not in groups or paper_id not in groups[long_key].papers:
                continue
            for text in (pair.long, pair.short):
                if (paper_id, key := name_key(text)) not in group_in_paper:
                    groups[long_key].surfaces[text] += 1
                    if key == long_key:
                        groups[long_key].own_surfaces[text] += 1
                    group_in_paper[paper_id, key] = long_key
    return groups, group_in_paper


def _corpus_meaning(key: str, meaning: dict[str, str], seen_as: Counter[str], groups: Iterable[str]) -> str:
    """The group a name stands for where no definition says: its voted meaning, where
    the corpus mentions that, else the group it stands for in most papers."""
    voted = meaning.get(key) or key
    return voted if voted in groups else min(seen_as, key=lambda g: (-seen_as[g], g))


def _known_entry(group: _Group, known: KnownLookup) -> KnownName | None:
    """The entry that most of the group's own surface forms find (acronym expansions excluded)."""
    found: dict[str, KnownName] = {}
    votes: Counter[str] = Counter()
    for text, count in group.own_surfaces.items():
        entry = known(text)
        if entry is not None:
            found[entry.id] = entry
            votes[entry.id] += count
    return found[min(votes, key=lambda i: (-votes[i], i))] if votes else None


def _entity(
    groups: list[_Group], short_keys: set[str], external: dict[str, str], taken: dict[str, Entity]
) -> Entity:
    if len(groups) == 1:  # most entities: the group's own counts, which nothing else reads after
        aliases, votes, papers = groups[0].surfaces, groups[0].types, groups[0].papers
    else:
        aliases, votes, papers = Counter(), Counter(), set()
        for group in groups:
            aliases.update(group.surfaces)
            votes.update(group.types)
            papers |= group.papers

    def preference(name: str) -> tuple[object, ...]:
        full_form = name_key(name) not in short_keys
        return (full_form, aliases[name], not _GENERIC_SUFFIX.search(name), sum(map(str.isupper, name)), name)

    label = max(aliases, key=preference)
    kind: EntityType = max(votes, key=lambda t: (votes[t], t))  # type: ignore[assignment]
    entity_id = _free_id(f"{kind.lower()}:{slugify(label) or 'unnamed'}", taken)
    return Entity(
        entity_id, kind, label, dict(sorted(aliases.items())), dict(sorted(votes.items())), papers, external
    )


def _link_variants(entities: dict[str, Entity], entity_of_key: dict[str, str]) -> None:
    """Point each version or size at the nearest family entity the corpus names."""
    for entity in entities.values():
        for name in [entity.label, *sorted(entity.aliases, key=lambda a: -entity.aliases[a])]:
            family = next(
                (entity_of_key[k] for n in family_names(name) if (k := name_key(n)) in entity_of_key), None
            )
            if family is not None and family != entity.id:
                entity.variant_of = family
                break


def _free_id(wanted: str, taken: dict[str, Entity]) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3``... where two names share a slug."""
    candidate, n = wanted, 1
    while candidate in taken:
        n += 1
        candidate = f"{wanted}-{n}"
    return candidate
