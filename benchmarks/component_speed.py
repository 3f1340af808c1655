#!/usr/bin/env python3
"""CPU time of each extraction component alone, on docs tokenised beforehand.

Usage::

    python benchmarks/component_speed.py [--papers N] [--rounds R] [PAPERS.jsonl ...]
    python benchmarks/component_speed.py --synthetic N [--rounds R]

Takes the papers as ``extract_speed.py`` does (the dev and train sets repeated to N, or N
synthetic papers with new names in each), makes each title's and abstract's doc as
``kg.extract.extract`` does, then calls each component of ``kg.nlp()`` in turn over all of
them, as ``extract`` runs it (``entities_only``). Each round times ``spacy.blank("en")``
tokenising the same texts and every component; the least of R rounds is printed, in
microseconds per doc and as a multiple of tokenising (all texts at once, which is about
twice as fast as ``extract_speed.py``'s tokenising a hundred papers between runs of
``extract``: the multiples here are about twice those). Timing a component over all docs
at once, and taking the least of several rounds, is steadier on a machine shared with
other jobs than ``extract_speed.py --components``, which subtracts whole runs.

A round after the first finds the components' caches (names, chunks, phrases) full of the
same texts; ``--rounds 1`` gives the cost on texts not seen before.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy
from extract_speed import DEFAULT_INPUTS, corpus, synthetic
from spacy.tokens import Doc

from kg.extract import entities_only, nlp
from kg.extract.extensions import set_doc_value
from kg.model import Paper


def docs_of(papers: list[Paper]) -> list[Doc]:
    """Each paper's title and abstract as a doc, with the attributes ``extract`` sets."""
    pipeline = nlp()
    docs = []
    for paper in papers:
        for field in ("title", "abstract"):
            text = paper.text(field).replace("\n", " ")
            doc = pipeline.make_doc(text)
            set_doc_value(doc, "kg_field", field)
            if field == "abstract":
                set_doc_value(doc, "kg_title", paper.title)
            set_doc_value(doc, "kg_text", text)
            docs.append(doc)
    return docs


def least_times(papers: list[Paper], rounds: int) -> dict[str, float]:
    """The least CPU time, over ``rounds``, of tokenising and of each component (seconds)."""
    pipeline = nlp()
    settings = entities_only()
    texts = [p.text(f).replace("\n", " ") for p in papers for f in ("title", "abstract")]
    tokenizer = spacy.blank("en").tokenizer
    least: dict[str, float] = {}
    for _ in range(rounds):
        start = time.process_time()
        for _ in tokenizer.pipe(texts):
            pass
        least["tokenize"] = min(least.get("tokenize", float("inf")), time.process_time() - start)
        docs = docs_of(papers)
        for name, component in pipeline.pipeline:
            start = time.process_time()
            for doc in docs:
                component(doc, **settings.get(name, {}))
            least[name] = min(least.get(name, float("inf")), time.process_time() - start)
    return least


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("inputs", nargs="*", type=Path, default=DEFAULT_INPUTS)
    parser.add_argument("--papers", type=int, default=3000)
    parser.add_argument("--synthetic", type=int, metavar="N", help="time N synthetic papers instead")
    parser.add_argument("--rounds", type=int, default=5, help="rounds to take the least time of")
    args = parser.parse_args()
    papers = synthetic(args.synthetic) if args.synthetic else corpus(args.inputs, args.papers)
    list(nlp().pipe(["Build the pipeline and load the name list outside the timing."]))
    least = least_times(papers, args.rounds)
    docs = 2 * len(papers)
    tokenize = least.pop("tokenize")
    print(f"docs:      {docs} ({len(papers)} papers), least of {args.rounds} rounds")
    print(f"tokenize:  {tokenize * 1e6 / docs:6.1f} us/doc")
    for name, seconds in [*least.items(), ("all", sum(least.values()))]:
        print(f"  {name:18s} {seconds * 1e6 / docs:6.1f} us/doc {seconds / tokenize:6.2f}x")


if __name__ == "__main__":
    main()
