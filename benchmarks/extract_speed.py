#!/usr/bin/env python3
"""How fast ``kg.extract.extract`` is, against spaCy's bare tokenizer on the same texts.

Usage::

    python benchmarks/extract_speed.py [--papers N]
    python benchmarks/extract_speed.py PAPERS.jsonl ... [--papers N]
    python benchmarks/extract_speed.py --synthetic N

The papers, by default: N texts (3000) that are all different, as a user's are: the
dev and train papers (``tests/data``, 187), then descriptions of datasets and methods
from Papers with Code (``../shared/gazetteer_raw/pwc``, or ``$KG_SHARED/gazetteer_raw/pwc``:
those of 350 characters or more with no page markup, in a fixed shuffled order), each
as a paper titled by its name. Or the given papers (repeated to N if ``--papers`` asks
for more), or N synthetic papers (``kg.synthetic`` with the shipped name list: new
names in every paper, on a small template vocabulary).

Times, on one core and in one run, (a) ``spacy.blank("en")`` tokenising every title
and abstract, newlines replaced as ``extract`` does, and (b) ``extract`` over the same
papers, after one warm-up call that builds the pipeline. The two alternate, 100 papers
at a time, so that a change in the machine's load falls on both. Times are the
process's CPU time (``time.process_time``): on a machine shared with other jobs, wall
time measures the queue for the cores more than the code. Prints both times, the ratio
(b)/(a) and abstracts per second. The issue's bar: ratio <= 4 (">= 1,000 abstracts/s
on one core, that is, no more than about 4x the time of tokenising").

Repeated texts flatter the tokenizer far more than the extractor. A text the tokenizer
has seen costs it about a ninth of the first time (it caches each chunk's analysis, and
the words are already in the vocabulary); the extractor, a little under half. With the
187 gold papers repeated to 3000, the ratio is about 11x on the repeats and 3x on the
first pass. A user's texts are new to both, and ``kg build``'s cache never extracts a
paper twice. Where the papers repeat, the figures for the first pass and for the repeats
are printed apart.

Where the time goes, component by component: ``component_speed.py``.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import itertools
import json
import random
import re
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path

import spacy
from gold import SHARED
from spacy.tokenizer import Tokenizer

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
PWC = SHARED / "gazetteer_raw" / "pwc"
# Characters: shorter descriptions are a line or two, where an abstract runs to about 1,300.
MIN_DESCRIPTION = 350
# Markdown, LaTeX and carriage returns: Papers with Code's page markup, not an abstract's prose
# (and dearer to tokenise, which would flatter the ratio).
MARKUP = re.compile(r"\*\*|\]\(|\$|\\|\r|_INLINE_MATH_")
DEFAULT_PAPERS = 3000
WARM_UP = Paper("warm-up", "A title", "An abstract.")


def corpus(paths: list[Path], n: int | None = None) -> list[Paper]:
    """The papers in ``paths``; or ``n`` papers, those repeated as needed, each with a distinct id."""
    papers = list(read(paths))
    if n is None:
        return papers
    return [replace(p, id=f"{p.id}-{i}") for i, p in zip(range(n), itertools.cycle(papers), strict=False)]


def pwc_descriptions() -> list[Paper]:
    """Papers with Code's longer plain-prose descriptions of datasets and methods, each titled by its name."""
    if not PWC.is_dir():
        sys.exit(f"{PWC}: not found; set KG_SHARED to the folder that holds gazetteer_raw/, or pass papers")
    described: list[tuple[str, str]] = []
    with gzip.open(PWC / "pwc_datasets_2022.tsv.gz", "rt", encoding="utf-8") as f:
        csv.field_size_limit(sys.maxsize)
        described += [(row["title"], row["description"] or "") for row in csv.DictReader(f, delimiter="\t")]
    with gzip.open(PWC / "pwc_methods_2021.json.gz", "rt", encoding="utf-8") as f:
        described += [(m["full_name"] or m["name"], m["description"] or "") for m in json.load(f)]
    texts = dict.fromkeys(
        (title, text)
        for title, text in described
        if title and len(text) >= MIN_DESCRIPTION and not MARKUP.search(text)
    )
    return [Paper(f"pwc-{i}", title, text) for i, (title, text) in enumerate(texts)]


def distinct(n: int) -> list[Paper]:
    """``n`` different papers: the dev and train papers, then Papers with Code's descriptions."""
    papers = corpus(DEFAULT_INPUTS)
    described = pwc_descriptions()
    random.Random(0).shuffle(described)
    papers += described[: max(0, n - len(papers))]
    if len(papers) < n:
        sys.exit(f"only {len(papers)} different texts at hand, fewer than the {n} asked for")
    return papers[:n]


def synthetic(n: int) -> list[Paper]:
    """``n`` synthetic papers whose names come from the shipped list."""
    names = load_names(ROOT / "kg" / "data" / "known_names.tsv.gz")
    return [Paper(r["id"], r["title"], r["abstract"]) for r in synthetic_records(n, names=names)]  # type: ignore[arg-type]


@dataclass(frozen=True)
class Timing:
    """CPU seconds of tokenising and of ``extract`` over the same papers, and the mentions found."""

    papers: int
    tokenize: float
    extract: float
    mentions: int

    @property
    def ratio(self) -> float:
        return self.extract / self.tokenize

    def __add__(self, other: Timing) -> Timing:
        return Timing(
            self.papers + other.papers,
            self.tokenize + other.tokenize,
            self.extract + other.extract,
            self.mentions + other.mentions,
        )


def timed(papers: list[Paper], tokenizer: Tokenizer) -> Timing:
    """Time ``tokenizer`` and ``extract`` (with ``kg.extract.nlp()`` as it is) on ``papers``."""
    tokenize = full = 0.0
    found = 0
    # The two alternate, a slice of papers at a time, so that both see the same load on the machine.
    for i in range(0, len(papers), SLICE):
        part = papers[i : i + SLICE]
        texts = [p.text(f).replace("\n", " ") for p in part for f in ("title", "abstract")]
        start = time.process_time()
        for _ in tokenizer.pipe(texts, batch_size=256):
            pass
        tokenize += time.process_time() - start
        start = time.process_time()
        found += sum(len(f.mentions) for f in extract(part))
        full += time.process_time() - start
    return Timing(len(papers), tokenize, full, found)


def add_corpus_arguments(parser: argparse.ArgumentParser) -> None:
    """The options that choose the papers (``papers_of`` reads them)."""
    parser.add_argument("inputs", nargs="*", type=Path, help="papers to time (default: see above)")
    parser.add_argument("--papers", type=int, metavar="N", help=f"papers to time (default {DEFAULT_PAPERS})")
    parser.add_argument("--synthetic", type=int, metavar="N", help="time N synthetic papers instead")


def papers_of(args: argparse.Namespace) -> list[Paper]:
    """The papers the options of ``add_corpus_arguments`` choose."""
    if args.synthetic:
        return synthetic(args.synthetic)
    if args.inputs:
        return corpus(args.inputs, args.papers)
    return distinct(args.papers or DEFAULT_PAPERS)


def first_repeat(papers: list[Paper]) -> int:
    """The index of the first paper whose title and abstract came before (``len(papers)`` if none)."""
    seen = set()
    for i, paper in enumerate(papers):
        if (paper.title, paper.abstract) in seen:
            return i
        seen.add((paper.title, paper.abstract))
    return len(papers)


def _report(label: str, timing: Timing) -> None:
    print(
        f"{label:28s} {timing.ratio:5.2f}x  ({timing.papers:,} papers; tokenize "
        f"{timing.papers / timing.tokenize:,.0f}/s, extract {timing.papers / timing.extract:,.0f}/s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_corpus_arguments(parser)
    papers = papers_of(parser.parse_args())

    tokenizer = spacy.blank("en").tokenizer
    list(extract([WARM_UP]))  # build the pipeline and load the name list outside the timing
    new = first_repeat(papers)
    first, again = timed(papers[:new], tokenizer), timed(papers[new:], tokenizer)
    timing = first + again
    print(f"papers:              {len(papers)} ({timing.mentions} mentions)")
    print(f"blank('en') tokenize: {timing.tokenize:.2f} s ({len(papers) / timing.tokenize:,.0f} abstracts/s)")
    print(f"kg extract:          {timing.extract:.2f} s ({len(papers) / timing.extract:,.0f} abstracts/s)")
    print(f"ratio:               {timing.ratio:.2f}x")
    if again.papers:
        _report("  texts new to both:", first)
        _report("  texts seen before:", again)


if __name__ == "__main__":
    main()
