"""CPU time of the stages between extraction and RDF: resolve, graph, views and kg.json.

Reads a corpus's extractions from a build folder's cache (so nothing is extracted),
then runs each stage ``--repeat`` times and prints the least CPU time of each (CPU,
not wall, time: on a shared machine wall time measures the neighbours), and the
process's peak RSS. The outputs are written to ``--out`` for comparing bytes.

    python benchmarks/graph_speed.py CORPUS.jsonl BUILD_FOLDER --repeat 3 --out /tmp/graph-speed

(``BUILD_FOLDER`` holds the extraction cache of a build of ``CORPUS``.)
"""

from __future__ import annotations

import argparse
import gc
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from kg.build import listed_entry
from kg.cache import cached_extractions
from kg.graph import GRAPH_FILE, build_graph, write_json
from kg.read import read_corpus
from kg.resolve import resolve
from kg.views import ViewOptions, copy_assets, write_views

MB = 2**20


def least_cpu(run: Callable[[], object], repeat: int) -> tuple[float, object]:
    """The least CPU seconds of ``repeat`` runs of ``run``, and the last run's result."""
    times, result = [], None
    for _ in range(repeat):
        result = None  # the previous result is let go before the next is made
        start = time.process_time()
        result = run()
        times.append(time.process_time() - start)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", type=Path)
    parser.add_argument("build", type=Path, help="a build folder of the corpus, for its extraction cache")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--out", type=Path, help="where kg.json and the views go (default: a temporary folder)"
    )
    args = parser.parse_args()

    extracted = cached_extractions(read_corpus([args.corpus]).papers, args.build)
    out = args.out or Path(tempfile.mkdtemp(prefix="graph-speed-"))
    out.mkdir(parents=True, exist_ok=True)
    copy_assets(out)
    # As kg.build runs them: what was made before is frozen, and nothing is collected meanwhile.
    gc.freeze()
    gc.disable()
    seconds, resolution = least_cpu(lambda: resolve(extracted, known=listed_entry), args.repeat)
    figures = {"resolve": seconds}
    seconds, graph = least_cpu(lambda: build_graph(extracted, resolution), args.repeat)  # type: ignore[arg-type]
    figures["graph"] = seconds
    figures["views"], _ = least_cpu(lambda: write_views(graph, out, ViewOptions()), args.repeat)  # type: ignore[arg-type]
    figures["json"], _ = least_cpu(lambda: write_json(graph, out / GRAPH_FILE), args.repeat)  # type: ignore[arg-type]
    print(f"{len(extracted):,} papers, least CPU seconds of {args.repeat} runs; outputs in {out}")
    for stage, seconds in figures.items():
        print(f"  {stage:<8} {seconds:6.2f}")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / MB:,.0f} MB")


if __name__ == "__main__":
    main()
