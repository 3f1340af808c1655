#!/usr/bin/env python3
"""How fast ``kg.extract.extract`` is, against spaCy's bare tokenizer on the same texts.

Usage::

    python benchmarks/extract_speed.py [--papers N] [PAPERS.jsonl ...]

Replicates the given papers (default: the dev and train sets in ``tests/data`` and
``../shared/eval``) to N abstracts (default 3000), then times, on one core and in one
run, (a) ``spacy.blank("en")`` tokenising every title and abstract, newlines replaced
as ``extract`` does, and (b) ``extract`` over the same papers, after one warm-up call
that builds the pipeline. Prints both times, the ratio (b)/(a) and abstracts per
second. The issue's bar: ratio <= 4 and >= 1,000 abstracts/s.
"""

from __future__ import annotations

import argparse
import itertools
import time
from dataclasses import replace
from pathlib import Path

import spacy

from kg.extract import extract
from kg.model import Paper
from kg.read import read

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUTS = [
    ROOT / "tests" / "data" / "dev_papers.jsonl",
    ROOT / "tests" / "data" / "train_papers.jsonl",
]


def corpus(paths: list[Path], n: int) -> list[Paper]:
    """``n`` papers, the given ones repeated, each with a distinct id."""
    papers = list(read(paths))
    return [replace(p, id=f"{p.id}-{i}") for i, p in zip(range(n), itertools.cycle(papers), strict=False)]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("inputs", nargs="*", type=Path, default=DEFAULT_INPUTS)
    parser.add_argument("--papers", type=int, default=3000)
    args = parser.parse_args()
    papers = corpus(args.inputs, args.papers)
    texts = [p.text(f).replace("\n", " ") for p in papers for f in ("title", "abstract")]

    tokenizer = spacy.blank("en")
    start = time.perf_counter()
    for _ in tokenizer.tokenizer.pipe(texts, batch_size=256):
        pass
    tokenize = time.perf_counter() - start

    list(extract(papers[:10]))  # build the pipeline and load the name list outside the timing
    start = time.perf_counter()
    found = sum(len(f.mentions) for f in extract(papers))
    full = time.perf_counter() - start

    print(f"papers:              {len(papers)} ({found} mentions)")
    print(f"blank('en') tokenize: {tokenize:.2f} s ({len(papers) / tokenize:,.0f} abstracts/s)")
    print(f"kg extract:          {full:.2f} s ({len(papers) / full:,.0f} abstracts/s)")
    print(f"ratio:               {full / tokenize:.2f}x")


if __name__ == "__main__":
    main()
