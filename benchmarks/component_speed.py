"""CPU time of each extraction component, timed one call at a time inside ``extract``.

Usage::

    python benchmarks/component_speed.py [--papers N] [--rounds R] [PAPERS.jsonl ...]
    python benchmarks/component_speed.py --synthetic N [--rounds R]

Takes the papers as ``extract_speed.py`` does (by default 3000 different texts: the dev
and train papers, then Papers with Code's descriptions; or the given papers; or N
synthetic ones). Each component of ``kg.nlp()`` is replaced (``Language.replace_pipe``)
by a wrapper that adds the CPU time of each call to its total; ``extract`` then runs over
the papers R times, after ``spacy.blank("en")`` tokenising the same texts each time, all
at once (``extract_speed.py`` alternates the two a hundred papers at a time, so its
multiples differ). The least of the R rounds is printed, in microseconds per doc (a title
or an abstract) and as a multiple of tokenising; the clock is read twice per call, which
adds about a microsecond to each figure.

Timing each call, and taking the least of several rounds, is steady on a machine shared
with other jobs, where subtracting whole runs with and without a component is not. A
round after the first finds the components' caches (names, chunks, phrases) full of the
same texts; ``--rounds 1`` gives the cost on texts not seen before.
"""

from __future__ import annotations

import argparse
import time

import spacy
from extract_speed import WARM_UP, add_corpus_arguments, papers_of
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract import extract, nlp
from kg.model import Paper


def timed_components(pipeline: Language) -> dict[str, float]:
    """Wrap each component of ``pipeline`` so that it adds its CPU time to the returned dict."""
    seconds = dict.fromkeys(pipeline.pipe_names, 0.0)
    for name, component in list(pipeline.pipeline):

        def timed(doc: Doc, _name: str = name, _component: object = component, **settings: object) -> Doc:
            start = time.process_time()
            doc = _component(doc, **settings)  # type: ignore[operator]
            seconds[_name] += time.process_time() - start
            return doc

        Language.component(f"timed_{name}", func=timed)
        pipeline.replace_pipe(name, f"timed_{name}")
    return seconds


def least_times(papers: list[Paper], rounds: int, seconds: dict[str, float]) -> dict[str, float]:
    """The least CPU time, over ``rounds``, of tokenising and of each component (seconds).

    ``seconds`` is what ``timed_components`` returned for ``kg.extract.nlp()``.
    """
    texts = [p.text(f).replace("\n", " ") for p in papers for f in ("title", "abstract")]
    tokenizer = spacy.blank("en").tokenizer
    least: dict[str, float] = {}
    for _ in range(rounds):
        start = time.process_time()
        for _ in tokenizer.pipe(texts):
            pass
        least["tokenize"] = min(least.get("tokenize", float("inf")), time.process_time() - start)
        seconds.update(dict.fromkeys(seconds, 0.0))
        for _ in extract(papers):
            pass
        for name, spent in seconds.items():
            least[name] = min(least.get(name, float("inf")), spent)
    return least


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=5, help="rounds to take the least time of")
    add_corpus_arguments(parser)
    args = parser.parse_args()
    papers = papers_of(args)
    list(extract([WARM_UP]))  # build the pipeline and load the name list outside the timing
    least = least_times(papers, args.rounds, timed_components(nlp()))
    docs = 2 * len(papers)
    tokenize = least.pop("tokenize")
    print(f"docs:      {docs} ({len(papers)} papers), least of {args.rounds} rounds")
    print(f"tokenize:  {tokenize * 1e6 / docs:6.1f} us/doc")
    for name, seconds in [*least.items(), ("all", sum(least.values()))]:
        print(f"  {name:18s} {seconds * 1e6 / docs:6.1f} us/doc {seconds / tokenize:6.2f}x")


if __name__ == "__main__":
    main()
