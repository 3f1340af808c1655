#!/usr/bin/env python3
"""What each extraction component costs in speed and buys in quality.

Usage::

    python benchmarks/speed_quality.py [--papers N] [--rounds R]

For the full pipeline, the pipeline without each component in turn, and a few smaller
pipelines, prints the time of ``extract`` as a multiple of tokenising (``extract_speed.py``'s
measure, on its default papers) beside the dev set's F1 figures (``tests/data``, scored by
the copy of the project's scorer there). Both have seen every paper once before any run,
so each row compares warm caches with warm caches: the ratios run higher than
``extract_speed.py``'s, where the texts are new to both. Each variant's time is the least
of R runs; the tokenising is the same in every run, so its least over all of them is
every row's divisor (a steadier one, on a shared machine, than each row's own). Components are left out
with ``Language.select_pipes``; the others run as configured, so a row shows what the
pipeline would be without that component, including what the later components lose
with its proposals.

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

import spacy
from extract_speed import DEFAULT_PAPERS, ROOT, distinct, timed

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
    parser.add_argument("--papers", type=int, default=DEFAULT_PAPERS)
    parser.add_argument("--rounds", type=int, default=3, help="runs to take the least ratio of")
    args = parser.parse_args()
    papers = distinct(args.papers)
    dev = list(read([DATA / "dev_papers.jsonl"]))
    tokenizer = spacy.blank("en").tokenizer
    # Both sides see the papers once before any timing, so that every variant meets warm caches
    # (``extract_speed.py`` shows how much colder text changes the ratio).
    list(tokenizer.pipe(p.text(f).replace("\n", " ") for p in papers for f in ("title", "abstract")))
    list(extract(papers))

    tokenize = float("inf")
    rows = []
    for label, names in VARIANTS.items():
        with without(names):
            runs = [timed(papers, tokenizer) for _ in range(args.rounds)]
            figures = dev_figures(dev)
        tokenize = min(tokenize, *(run.tokenize for run in runs))
        rows.append((label, min(run.extract for run in runs), figures))

    print(f"papers: {len(papers)}, tokenised in {tokenize:.2f} s ({len(papers) / tokenize:,.0f} papers/s)")
    print(f"{'pipeline':32s} {'ratio':>6s} {'papers/s':>8s}  " + " ".join(f"{f:>10s}" for f in FIGURES))
    for label, seconds, figures in rows:
        scores = " ".join(f"{figures[f]:10.3f}" for f in FIGURES)
        print(f"{label:32s} {seconds / tokenize:5.2f}x {len(papers) / seconds:8,.0f}  {scores}")


if __name__ == "__main__":
    main()
