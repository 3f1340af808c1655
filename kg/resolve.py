"""Resolution: mentions across papers become entities, one per real thing.

Two mentions name the same entity when their names normalise to the same key
(case, unicode dashes, spacing and a trailing plural "s" folded), or when a paper
defines one as the abbreviation of the other. An entity's type is the vote of
its mentions' types; its label is its most frequent surface form.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from kg.model import Entity, EntityType, PaperMentions
from kg.read.slug import slugify

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212"), "-")


def name_key(name: str) -> str:
    """The form under which surface variants of one name compare equal.

    >>> name_key("Direct  Preference–Optimizations")
    'direct preference-optimization'
    """
    key = unicodedata.normalize("NFKC", name).translate(_DASHES).casefold()
    key = re.sub(r"\s+", " ", key).strip()
    return re.sub(r"(?<=[a-z]{3})s$", "", key)


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
    """The entities of a corpus and which entity each mentioned name belongs to."""

    entities: dict[str, Entity]
    entity_of_key: dict[str, str]

    def entity_of(self, name: str) -> Entity:
        return self.entities[self.entity_of_key[name_key(name)]]


def resolve(extractions: Iterable[PaperMentions]) -> Resolution:
    """Group the mentions of all papers into entities, ids in sorted order."""
    groups = _UnionFind()
    surface: dict[str, Counter[str]] = {}
    types: dict[str, Counter[str]] = {}
    papers: dict[str, set[str]] = {}
    short_forms: set[str] = set()
    for found in extractions:
        for mention in found.mentions:
            key = name_key(mention.text)
            groups.find(key)
            surface.setdefault(key, Counter())[mention.text] += 1
            types.setdefault(key, Counter())[mention.type] += 1
            papers.setdefault(key, set()).add(found.paper.id)
        for pair in found.abbreviations:
            groups.union(name_key(pair.short), name_key(pair.long))
            short_forms.add(name_key(pair.short))

    members: dict[str, list[str]] = {}
    for key in sorted(surface):
        members.setdefault(groups.find(key), []).append(key)

    entities: dict[str, Entity] = {}
    entity_of_key: dict[str, str] = {}
    for keys in sorted(members.values()):
        aliases: Counter[str] = Counter()
        votes: Counter[str] = Counter()
        seen_in: set[str] = set()
        for key in keys:
            aliases.update(surface[key])
            votes.update(types[key])
            seen_in |= papers[key]
        # A full form beats an acronym however often the acronym is used.
        label = max(aliases, key=lambda n: (name_key(n) not in short_forms, aliases[n], len(n), n))
        kind: EntityType = max(votes, key=lambda t: (votes[t], t))  # type: ignore[assignment]
        entity_id = _free_id(f"{kind.lower()}:{slugify(label) or 'unnamed'}", entities)
        entities[entity_id] = Entity(entity_id, kind, label, dict(aliases), dict(votes), seen_in)
        for key in keys:
            entity_of_key[key] = entity_id
    return Resolution(dict(sorted(entities.items())), entity_of_key)


def _free_id(wanted: str, taken: dict[str, Entity]) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3``... where two names share a slug."""
    candidate, n = wanted, 1
    while candidate in taken:
        n += 1
        candidate = f"{wanted}-{n}"
    return candidate
