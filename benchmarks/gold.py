"""The gold sets in ``../shared/eval`` (beside the repository) as PaperMentions, for the benchmarks.

``SHARED`` is that ``../shared`` folder, or the folder the environment variable ``KG_SHARED``
names (for a checkout that is not beside it: a worktree, a clone elsewhere).

The gold lists each name once per field, without offsets; ``gold_mentions`` finds
where it occurs (whole words only) and, given a sentence splitter, the sentence
around each occurrence, so that resolution and relations run on gold mentions.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path

from kg.model import Abbreviation, Mention, Paper, PaperMentions

SHARED = Path(os.environ.get("KG_SHARED") or Path(__file__).resolve().parent.parent.parent / "shared")
EVAL = SHARED / "eval"
SETS = {
    "dev": (EVAL / "dev" / "seed_papers.jsonl", EVAL / "dev" / "seed_gold.jsonl"),
    "train": (EVAL / "train" / "papers.jsonl", EVAL / "train" / "gold.jsonl"),
}

Sentences = Callable[[str], list[tuple[int, int]]]


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def read_set(name_or_paths: list[str]) -> tuple[list[dict], list[dict]]:
    """The papers and gold records of ``dev``/``train``, or of ``PAPERS GOLD`` paths."""
    if len(name_or_paths) == 2:
        papers, gold = map(Path, name_or_paths)
    else:
        papers, gold = SETS[name_or_paths[0] if name_or_paths else "dev"]
    return read_jsonl(papers), read_jsonl(gold)


def gold_mentions(paper: dict, gold: dict, sentences: Sentences | None = None) -> PaperMentions:
    """The gold record as what extraction would ideally find.

    Without ``sentences``, one mention per gold name at its first occurrence (offset 0
    where it does not occur as written); with it, one per whole-word occurrence, each
    with its sentence's span.
    """
    record = Paper(paper["id"], paper.get("title", ""), paper.get("abstract", "") or paper.get("text", ""))
    mentions = []
    for entity in gold["entities"]:
        name, text = entity["text"], record.text(entity["field"])
        if sentences is None:
            starts = [max(text.find(name), 0)]
        else:
            pattern = rf"(?<![^\W_]){re.escape(name)}(?![^\W_])"
            starts = [m.start() for m in re.finditer(pattern, text)]
        spans = sentences(text) if sentences else []
        for start in starts:
            sentence = next(((s, e) for s, e in spans if s <= start < e), (0, 0))
            mentions.append(
                Mention(
                    name,
                    entity["type"],
                    entity["field"],
                    start,
                    start + len(name),
                    entity.get("role"),
                    sentence,
                )
            )
    pairs = tuple(Abbreviation(long, short) for long, short in gold["aliases"])
    return PaperMentions(record, tuple(mentions), pairs)
