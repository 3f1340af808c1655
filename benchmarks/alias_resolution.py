"""Measure entity resolution on a gold set: alias pair recall and merge precision.

    python benchmarks/alias_resolution.py [dev|train|PAPERS GOLD]

(default: the dev set in ``../shared/eval/dev``, beside the repository). The GOLD mentions, not the
extractor's, go through ``kg.resolve.resolve``, with the gold ``aliases`` as the
papers' abbreviation pairs, so the figures measure resolution alone. The gold has
no offsets: each mention is found in its field's text (offset 0 where it is not).

Pair recall
    The share of gold alias pairs ``[long, short]`` whose two names resolve, in
    their paper, to one node.

Merge precision
    Within a paper, gold names form *gold entities*: the groups joined by the
    paper's alias pairs and by surface variants (equal once case, a trailing
    "dataset"/"benchmark"/"model", a plural ending and everything but letters and
    digits are dropped: see ``surface``). Two gold entities (of one paper or of
    two) that resolve to one node are

    - *different* when both define an acronym (hold an alias pair) and their long
      forms differ, or when they share no name at all;
    - *undecided* when one of them is a bare acronym (a name some gold paper
      defines as an acronym, used without a definition) and they share no long
      form: the gold cannot say what a bare acronym means (resolution gives it the
      majority meaning), so these pairs are left out;
    - *the same* otherwise (they share a name).

    Merge precision is same / (same + different) over the pairs of gold entities
    that share a node; every *different* pair is listed.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from gold import gold_mentions, read_set

from kg.resolve import resolve


def surface(name: str) -> str:
    """A gold name with case, a generic suffix, a plural ending and punctuation dropped."""
    name = re.sub(r"\s+(?:dataset|benchmark|model)s?$", "", name.casefold().strip())
    name = re.sub(r"(?<=ss|.x|ch|sh)es$", "", name)
    name = re.sub(r"(?<=[^s]..)(?<![su])s$", "", name)
    return re.sub(r"[\W_]+", "", name)


@dataclass(frozen=True)
class GoldEntity:
    paper: str
    names: frozenset[str]  # surface() of every gold name in the group
    texts: tuple[str, ...]  # the gold names as written
    shorts: frozenset[str]  # the acronyms the group defines
    longs: frozenset[str]  # its names that are not acronyms it defines


def gold_entities(gold: dict) -> list[GoldEntity]:
    parent: dict[str, str] = {}

    def find(name: str) -> str:
        parent.setdefault(name, name)
        while parent[name] != name:
            name = parent[name]
        return name

    texts: dict[str, set[str]] = defaultdict(set)
    for entity in gold["entities"]:
        texts[surface(entity["text"])].add(entity["text"])
        find(surface(entity["text"]))
    for long, short in gold["aliases"]:
        texts[surface(long)].add(long)
        texts[surface(short)].add(short)
        parent[find(surface(short))] = find(surface(long))
    groups: dict[str, set[str]] = defaultdict(set)
    for name in texts:
        groups[find(name)].add(name)
    defined = {surface(short) for _, short in gold["aliases"]}
    return [
        GoldEntity(
            gold["id"],
            frozenset(names),
            tuple(sorted(t for n in names for t in texts[n])),
            frozenset(names & defined),
            frozenset(names - defined),
        )
        for names in groups.values()
    ]


def verdict(a: GoldEntity, b: GoldEntity, acronyms: set[str]) -> str:
    """``same``, ``different`` or ``undecided``: see the module docstring."""
    if a.shorts and b.shorts:
        return "same" if a.longs & b.longs else "different"
    bare = any(not e.shorts and e.names & acronyms for e in (a, b))
    if bare and not a.longs & b.longs - acronyms:
        return "undecided"
    return "same" if a.names & b.names else "different"


def measure(papers: list[dict], golds: list[dict]) -> None:
    by_id = {paper["id"]: paper for paper in papers}
    found = [gold_mentions(by_id[gold["id"]], gold) for gold in golds]
    resolution = resolve(found)

    def node(paper: str, text: str) -> str | None:
        try:
            return resolution.entity_id(text, paper)
        except KeyError:
            return None

    pairs = [(gold["id"], long, short) for gold in golds for long, short in gold["aliases"]]
    missed = [p for p in pairs if node(p[0], p[1]) is None or node(p[0], p[1]) != node(p[0], p[2])]
    recall = 1 - len(missed) / len(pairs) if pairs else 1.0

    members: dict[str, set[GoldEntity]] = defaultdict(set)
    for gold in golds:
        for entity in gold_entities(gold):
            for text in entity.texts:
                if (where := node(gold["id"], text)) is not None:
                    members[where].add(entity)
    acronyms = {surface(short) for gold in golds for _, short in gold["aliases"]}
    counts = {"same": 0, "different": 0, "undecided": 0}
    wrong: list[tuple[str, GoldEntity, GoldEntity]] = []
    for where, entities in sorted(members.items()):
        for a, b in combinations(sorted(entities, key=lambda e: (e.paper, e.texts)), 2):
            outcome = verdict(a, b, acronyms)
            counts[outcome] += 1
            if outcome == "different":
                wrong.append((where, a, b))
    decided = counts["same"] + counts["different"]
    precision = counts["same"] / decided if decided else 1.0

    print(f"papers                {len(golds)}")
    print(f"entities (nodes)      {len(resolution.entities)}")
    print(f"alias pairs           {len(pairs)}")
    print(f"pair recall           {recall:.3f}  ({len(pairs) - len(missed)}/{len(pairs)})")
    undecided = counts["undecided"]
    print(f"merge precision       {precision:.3f}  ({counts['same']}/{decided}; {undecided} undecided)")
    for paper, long, short in missed:
        print(f"  split: {paper} {long!r} / {short!r}: {node(paper, long)} != {node(paper, short)}")
    for where, a, b in wrong:
        print(f"  merged: {where}: {a.paper} {list(a.texts)} + {b.paper} {list(b.texts)}")


def main(argv: list[str]) -> None:
    measure(*read_set(argv))


if __name__ == "__main__":
    main(sys.argv[1:])
