#!/usr/bin/env python3
"""What each extraction component costs in speed and buys in quality.

Usage::

    python benchmarks/speed_quality.py [--rounds R] [--papers N] [PAPERS.jsonl ...]

For the full pipeline, the pipeline without each component in turn, and a few smaller
pipelines, prints the CPU time of the components that run (``component_speed.py``'s
measure: each call timed, the least of R rounds) in microseconds per doc and, with
tokenising, as a multiple of tokenising, beside the dev set's F1 figures (``tests/data``,
scored by the copy of the project's scorer there). The papers are chosen as
``extract_speed.py`` chooses them (``--help``), and every variant meets caches the full
pipeline has filled (R >= 2: the first round also fills the tokenizer's), so the
multiples are those of texts seen before: higher than ``extract_speed.py``'s, where the
texts are new to both. Components are left
out with ``Language.select_pipes``; the others run as configured, so a row shows what the
pipeline would be without that component, including what the later components lose with
its proposals.

The issue's bars: ratio <= 4; dev typed >= 0.85, untyped >= 0.90, Data >= 0.85,
introduced >= 0.80.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from component_speed import least_times, timed_components
from extract_speed import ROOT, add_corpus_arguments, papers_of

from kg.extract import as_record, extract, nlp
from kg.model import Paper
from kg.read import read

DATA = ROOT / "tests" / "data"
FIGURES = ("typed", "untyped", "Data", "introduced")
# Every component but ``kg_entities``, which chooses the entities and so stays in every variant.
OPTIONAL = ("kg_sentences", "kg_abbreviations", "kg_known_names", "kg_name_shapes", "kg_phrases", "kg_roles")
VARIANTS: dict[str, tuple[str, ...]] = {
    "full pipeline": (),
    **{f"without {name}": (name,) for name in OPTIONAL},
    "without kg_phrases, kg_roles": ("kg_phrases", "kg_roles"),
    "names, abbreviations, entities": ("kg_name_shapes", "kg_phrases", "kg_roles"),
    "known names and entities only": ("kg_abbreviations", "kg_name_shapes", "kg_phrases", "kg_roles"),
}


def dev_figures(papers: list[Paper]) -> dict[str, float]:
    """The dev set's F1 figures for ``extract`` as ``nlp()`` now stands."""
    with tempfile.TemporaryDirectory() as work:
        predictions = Path(work) / "pred.jsonl"
        predictions.write_text("".join(json.dumps(as_record(found)) + "\n" for found in extract(papers)))
        scored = subprocess.run(
            [sys.executable, DATA / "score.py", DATA / "dev_gold.jsonl", predictions, "--json"],
            capture_output=True,
            text=True,
            check=True,
        )
    scores = json.loads(scored.stdout)
    return {figure: scores[figure]["f1"] for figure in FIGURES}


@contextmanager
def without(names: tuple[str, ...]) -> Iterator[None]:
    """``kg.extract.nlp()`` with ``names`` disabled, restored on exit."""
    with nlp().select_pipes(disable=list(names)):
        yield


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_corpus_arguments(parser)
    parser.add_argument("--rounds", type=int, default=3, help="rounds to take the least time of (2 or more)")
    args = parser.parse_args()
    papers = papers_of(args)
    dev = list(read([DATA / "dev_papers.jsonl"]))
    seconds = timed_components(nlp())
    list(extract(papers))  # fill the components' caches for every variant alike

    tokenize = float("inf")
    rows = []
    for label, names in VARIANTS.items():
        with without(names):
            least = least_times(papers, args.rounds, seconds)
            figures = dev_figures(dev)
        tokenize = min(tokenize, least.pop("tokenize"))
        rows.append((label, sum(least.values()), figures))

    docs = 2 * len(papers)
    print(f"docs: {docs} ({len(papers)} papers), tokenised in {tokenize * 1e6 / docs:.1f} us/doc")
    print(f"{'pipeline':32s} {'us/doc':>7s} {'ratio':>6s}  " + " ".join(f"{f:>10s}" for f in FIGURES))
    for label, spent, figures in rows:
        scores = " ".join(f"{figures[f]:10.3f}" for f in FIGURES)
        print(f"{label:32s} {spent * 1e6 / docs:7.1f} {1 + spent / tokenize:5.2f}x  {scores}")


if __name__ == "__main__":
    main()
