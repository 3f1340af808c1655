"""What adding papers changes downstream of extraction: how much of a rebuild could be reused.

Resolves a corpus's first papers (A), then all of them (A+B), from a build folder's
extraction cache, and prints how many of A's entities keep their id, type and label,
and how many of A's papers resolve every name they mention to the same entity of the
same type: those papers' relations (paper -> entity and entity -> entity) are the
same in both builds, so a rebuild could reuse them; the others' must be recomputed.

    python benchmarks/rebuild_drift.py CORPUS.jsonl BUILD_FOLDER --added 1000

(``BUILD_FOLDER`` holds the extraction cache of a build of ``CORPUS``.)
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from kg.build import listed_entry
from kg.cache import cached_extractions
from kg.model import PaperMentions
from kg.read import read_corpus
from kg.resolve import Resolution, resolve


def meanings(found: PaperMentions, resolution: Resolution) -> tuple[tuple[str, str], ...]:
    """What the paper's names resolve to: each mention's entity id and type."""
    ids = (resolution.entity_id(m.text, found.paper.id) for m in found.mentions)
    return tuple((entity, resolution.entities[entity].type) for entity in ids)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", type=Path)
    parser.add_argument("build", type=Path, help="a build folder of the corpus, for its extraction cache")
    parser.add_argument("--added", type=int, default=1000, help="the last papers, B (default 1000)")
    args = parser.parse_args()

    extracted = cached_extractions(read_corpus([args.corpus]).papers, args.build)
    old = extracted[: len(extracted) - args.added]
    start = time.perf_counter()
    before = resolve(old, known=listed_entry)
    after = resolve(extracted, known=listed_entry)
    seconds = (time.perf_counter() - start) / 2

    kept = {i for i, e in before.entities.items() if i in after.entities}
    same = {
        i
        for i in kept
        if (before.entities[i].type, before.entities[i].label)
        == (after.entities[i].type, after.entities[i].label)
    }
    changed_papers = sum(meanings(f, before) != meanings(f, after) for f in old)
    print(f"papers A {len(old):,}, A+B {len(extracted):,}; resolution {seconds:.1f} s each")
    print(f"entities A {len(before.entities):,}, A+B {len(after.entities):,}")
    print(f"A's entity ids gone in A+B: {len(before.entities) - len(kept):,}")
    print(f"A's entities keeping id but not type and label: {len(kept) - len(same):,}")
    print(f"A's papers whose names resolve differently: {changed_papers:,} ({changed_papers / len(old):.2%})")
    touched = {e for f in extracted[len(old) :] for e, _ in meanings(f, after)}
    print(f"entities B names (their aliases and paper counts change): {len(touched):,}")


if __name__ == "__main__":
    main()
