#!/usr/bin/env python3
"""How fast ``kg.extract.extract`` is, against spaCy's bare tokenizer on the same texts.

Usage::

    python benchmarks/extract_speed.py [--papers N] [PAPERS.jsonl ...]
    python benchmarks/extract_speed.py --synthetic N

Replicates the given papers (default: the dev and train sets in ``tests/data`` and
``../shared/eval``) to N abstracts (default 3000), or makes N synthetic papers
(``kg.synthetic`` with the shipped name list: new names in every paper, so word and
name caches are not flattered by repeated texts), then times, on one core and in one
run, (a) ``spacy.blank("en")`` tokenising every title and abstract, newlines replaced
as ``extract`` does, and (b) ``extract`` over the same papers, after one warm-up call
that builds the pipeline. The two alternate, 100 papers at a time, so that a change
in the machine's load falls on both.

Times are the process's CPU time (``time.process_time``): on a machine shared with
other jobs, wall time measures the queue for the cores more than the code. Prints
both times, the ratio (b)/(a) and abstracts per second. The issue's bar: ratio <= 4
and >= 1,000 abstracts/s.

Where the time goes, component by component: ``component_speed.py``.
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
from kg.synthetic import load_names, synthetic_records

ROOT = Path(__file__).resolve().parent.parent
SLICE = 100
DEFAULT_INPUTS = [
    ROOT / "tests" / "data" / "dev_papers.jsonl",
    ROOT / "tests" / "data" / "train_papers.jsonl",
]


def corpus(paths: list[Path], n: int) -> list[Paper]:
    """``n`` papers, the given ones repeated, each with a distinct id."""
    papers = list(read(paths))
    return [replace(p, id=f"{p.id}-{i}") for i, p in zip(range(n), itertools.cycle(papers), strict=False)]


def synthetic(n: int) -> list[Paper]:
    """``n`` synthetic papers whose names come from the shipped list."""
    names = load_names(ROOT / "kg" / "data" / "known_names.tsv.gz")
    return [Paper(r["id"], r["title"], r["abstract"]) for r in synthetic_records(n, names=names)]  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("inputs", nargs="*", type=Path, default=DEFAULT_INPUTS)
    parser.add_argument("--papers", type=int, default=3000)
    parser.add_argument("--synthetic", type=int, metavar="N", help="time N synthetic papers instead")
    args = parser.parse_args()
    papers = synthetic(args.synthetic) if args.synthetic else corpus(args.inputs, args.papers)

    tokenizer = spacy.blank("en")
    list(extract(papers[:10]))  # build the pipeline and load the name list outside the timing
    tokenize = full = 0.0
    found = 0
    # The two alternate, a slice of papers at a time, so that both see the same load on the machine.
    for i in range(0, len(papers), SLICE):
        part = papers[i : i + SLICE]
        texts = [p.text(f).replace("\n", " ") for p in part for f in ("title", "abstract")]
        start = time.process_time()
        for _ in tokenizer.tokenizer.pipe(texts, batch_size=256):
            pass
        tokenize += time.process_time() - start
        start = time.process_time()
        found += sum(len(f.mentions) for f in extract(part))
        full += time.process_time() - start

    print(f"papers:              {len(papers)} ({found} mentions)")
    print(f"blank('en') tokenize: {tokenize:.2f} s ({len(papers) / tokenize:,.0f} abstracts/s)")
    print(f"kg extract:          {full:.2f} s ({len(papers) / full:,.0f} abstracts/s)")
    print(f"ratio:               {full / tokenize:.2f}x")


if __name__ == "__main__":
    main()
