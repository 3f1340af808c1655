"""The relations that gold mentions give: counts per relation, and every typed one to read.

    python benchmarks/relations_on_gold.py [dev|train|PAPERS GOLD] [--quiet]

Gold mentions (every whole-word occurrence, sentences from spaCy's sentencizer) go
through resolution and ``kg.relations``, so what is printed reflects the cue rules,
not the extractor. There is no relation gold: the listing is for reading, and each
line ends with the sentence that states the relation.
"""

from __future__ import annotations

import sys
from collections import Counter

import spacy
from gold import gold_mentions, read_set

from kg.relations import entity_relations, paper_relations
from kg.resolve import resolve


def main(argv: list[str]) -> None:
    quiet = "--quiet" in argv
    papers, golds = read_set([a for a in argv if a != "--quiet"])
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")

    def sentences(text: str) -> list[tuple[int, int]]:
        return [(s.start_char, s.end_char) for s in nlp(text).sents]

    by_id = {paper["id"]: paper for paper in papers}
    found = [gold_mentions(by_id[gold["id"]], gold, sentences) for gold in golds]
    resolution = resolve(found)
    typed = entity_relations(found, resolution)
    print(f"papers {len(found)}, entities {len(resolution.entities)}")
    print("paper -> entity ", dict(Counter(r.relation for r in paper_relations(found, resolution))))
    print("entity -> entity", dict(Counter(r.relation for r in typed)))
    if quiet:
        return
    for relation in typed:
        if relation.relation == "co_mentioned":
            continue
        source, target = (resolution.entities[n].label for n in (relation.source, relation.target))
        sentence = " ".join(relation.evidence[0].sentence.split())
        print(f"{relation.relation:<13} {source} -> {target}  | {sentence}")


if __name__ == "__main__":
    main(sys.argv[1:])
