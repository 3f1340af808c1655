"""End-to-end build time and memory at 1k, 10k and 100k synthetic abstracts.

For each size, a synthetic corpus (``kg.synthetic``) is built with ``kg.build``
in a fresh process, and the script prints, per stage, the wall time and the
build process's peak RSS, then the total, abstracts/s, the peak RSS of the
build process and of the extraction workers together. With ``--rebuild`` it then
adds 1% new papers and rebuilds into the same folder, which finds its cache.

    python benchmarks/build_scale.py                      # 1k, 10k, 100k, with rebuilds
    python benchmarks/build_scale.py --sizes 1000 --jobs 2 --profile /tmp/prof
    python benchmarks/build_scale.py --sizes 100000 --warm  # the stages after extraction

``--warm`` keeps the extraction cache a previous run left in each output folder
(and nothing else), so the "from scratch" build re-extracts nothing: it measures
the stages after extraction without waiting for it.

``--without-rdf`` times every stage but RDF, which it replaces by a stub that writes
nothing (for measuring the other stages while ``kg/rdf.py`` is being rewritten; the
table then shows ``ntriples`` and ``store`` as about 0 s and no triples).

``--profile DIR`` writes a cProfile of each build process (extraction workers
excluded) to ``DIR/build-N.prof``, for ``python -m pstats``. Needs ``psutil``
(installed with ``pip install -e '.[test]'``).
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import json
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

from kg.build import build
from kg.cache import cache_file
from kg.graph import GRAPH_FILE
from kg.rdf import RdfSummary
from kg.synthetic import NameList, load_names, write_corpus

KNOWN_NAMES = Path(__file__).resolve().parent.parent / "kg" / "data" / "known_names.tsv.gz"
MB = 2**20


class RssSampler(threading.Thread):
    """Samples this process's RSS and CPU time, and its descendants' RSS together, every ``interval`` s."""

    def __init__(self, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.interval = interval
        self.samples: list[tuple[float, int, int, float]] = []  # (time, own RSS, descendants' RSS, own CPU s)
        self.running = True

    def run(self) -> None:
        me = psutil.Process()
        while self.running:
            workers = 0
            for child in me.children(recursive=True):
                with contextlib.suppress(psutil.Error):  # it ended between the listing and the reading
                    workers += child.memory_info().rss
            cpu = me.cpu_times()
            self.samples.append((time.perf_counter(), me.memory_info().rss, workers, cpu.user + cpu.system))
            time.sleep(self.interval)

    def peak(self, start: float, end: float) -> int:
        return max((own for at, own, *_ in self.samples if start <= at <= end), default=0)

    def cpu(self, start: float, end: float) -> float:
        """This process's CPU seconds between ``start`` and ``end`` (to the sampling interval):
        on a shared machine, what a stage costs, whatever else runs."""
        inside = [cpu for at, *_, cpu in self.samples if start <= at <= end]
        return inside[-1] - inside[0] if inside else 0.0


def run_one(
    corpus: Path, output: Path, jobs: int | None, engine: str, profile: Path | None, rdf: bool = True
) -> dict:
    """Build ``corpus`` into ``output`` in this process; the figures as a JSON-able dict."""
    if not rdf:
        # kg.build the package attribute is the function; the module is looked up by name.
        sys.modules["kg.build"].write_ntriples = lambda graph, folder, base: None
        sys.modules["kg.build"].write_rdf_from_ntriples = lambda ntriples: RdfSummary(triples=0)
    sampler = RssSampler()
    sampler.start()
    profiler = cProfile.Profile() if profile else None
    start = time.perf_counter()
    if profiler:
        profiler.enable()
    summary = build([corpus], output, jobs=jobs, engine=engine)  # type: ignore[arg-type]
    if profiler:
        profiler.disable()
        profiler.dump_stats(profile)
    total = time.perf_counter() - start
    sampler.running = False
    sampler.join()
    stages, at = {}, start
    for stage, seconds in summary.seconds.items():
        end = at + seconds
        stages[stage] = {"seconds": seconds, "peak_rss": sampler.peak(at, end), "cpu": sampler.cpu(at, end)}
        at = end
    return {
        "papers": summary.papers,
        "cached": summary.cached,
        "entities": sum(summary.entities.values()),
        "edges": summary.edges,
        "triples": summary.triples,
        "total": total,
        "stages": stages,
        "peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        "peak_rss_workers": max((workers for _, _, workers, _ in sampler.samples), default=0),
        "graph_file": (output / GRAPH_FILE).stat().st_size,
    }


def measure(corpus: Path, output: Path, args: argparse.Namespace, label: str) -> dict:
    """``run_one`` in a fresh interpreter, so that each figure of peak RSS is its own."""
    command = [sys.executable, __file__, "--run-one", str(corpus), str(output), "--engine", args.engine]
    command += [] if args.rdf else ["--without-rdf"]
    if args.jobs:
        command += ["--jobs", str(args.jobs)]
    if args.profile:
        args.profile.mkdir(parents=True, exist_ok=True)
        command += ["--profile", str(args.profile / f"build-{label}.prof")]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def clear(output: Path, keep_cache: bool) -> None:
    """Delete a previous run's outputs from ``output``, and its extraction cache unless ``keep_cache``."""
    cache = cache_file(output).parent
    for path in output.iterdir() if output.is_dir() else ():
        if path != cache or not keep_cache:
            shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()


def corpus_file(work: Path, n: int, seed: int, names: NameList | None, label: str) -> Path:
    path = work / f"corpus-{label}-{seed}-{n}.jsonl"
    if not path.exists():
        write_corpus(path.with_suffix(".part"), n, seed, names).rename(path)
    return path


def table(rows: list[tuple[str, dict]]) -> str:
    stages = list(rows[0][1]["stages"])
    head = ["build", "papers", *stages, "total s", "abstracts/s", "peak RSS MB", "workers MB", "kg.json MB"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for label, figures in rows:
        cells = [label, f"{figures['papers']:,}"]
        cells += [f"{figures['stages'][s]['seconds']:.1f}" for s in stages]
        cells += [f"{figures['total']:.1f}", f"{figures['papers'] / figures['total']:,.0f}"]
        cells += [f"{figures['peak_rss'] / MB:,.0f}", f"{figures['peak_rss_workers'] / MB:,.0f}"]
        cells += [f"{figures['graph_file'] / MB:,.0f}"]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "CPU seconds of the build process per stage (extraction workers not counted):", ""]
    lines += ["| build | " + " | ".join(stages) + " |", "|" + "---|" * (len(stages) + 1)]
    for label, figures in rows:
        cells = [f"{figures['stages'][s]['cpu']:.1f}" for s in stages]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lines += ["", "peak RSS of the build process per stage, MB:", ""]
    lines += ["| build | " + " | ".join(stages) + " |", "|" + "---|" * (len(stages) + 1)]
    for label, figures in rows:
        cells = [f"{figures['stages'][s]['peak_rss'] / MB:,.0f}" for s in stages]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--jobs", type=int, help="extraction processes (default: every core)")
    parser.add_argument("--engine", choices=["local", "dask"], default="local")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--names", type=Path, help=f"name list TSV (default: {KNOWN_NAMES} if present)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/kg-build-scale"), help="corpora and outputs")
    parser.add_argument("--no-rebuild", dest="rebuild", action="store_false", help="skip the +1%% rebuilds")
    parser.add_argument("--profile", type=Path, help="write a cProfile of each build into this folder")
    parser.add_argument("--warm", action="store_true", help="keep the extraction cache of a previous run")
    parser.add_argument("--without-rdf", dest="rdf", action="store_false", help="skip the RDF stage")
    parser.add_argument("--run-one", nargs=2, type=Path, metavar=("CORPUS", "OUTPUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.run_one:
        profile = args.profile
        print(json.dumps(run_one(*args.run_one, args.jobs, args.engine, profile, args.rdf)))
        return

    names_file = args.names or (KNOWN_NAMES if KNOWN_NAMES.exists() else None)
    names = load_names(names_file, args.seed) if names_file else None
    label = names_file.name.split(".")[0] if names_file else "builtin"
    print(f"names: {names_file or 'built-in list'}; cores: {psutil.cpu_count()}; jobs: {args.jobs or 'all'}")
    if not args.rdf:
        print("RDF stage skipped (--without-rdf)")
    args.work.mkdir(parents=True, exist_ok=True)
    rows: list[tuple[str, dict]] = []
    for n in args.sizes:
        output = args.work / f"graph-{n}"
        clear(output, keep_cache=args.warm)
        full = measure(corpus_file(args.work, n, args.seed, names, label), output, args, f"{n}")
        rows.append((f"{n:,} {'warm cache' if args.warm else 'from scratch'}", full))
        print(table(rows[-1:]).split("\n\n")[0].splitlines()[-1], flush=True)
        if args.rebuild:
            bigger = corpus_file(args.work, n + max(1, n // 100), args.seed, names, label)
            again = measure(bigger, output, args, f"{n}-rebuild")
            rows.append((f"+1% rebuild ({again['cached']:,} cached)", again))
            ratio = again["total"] / full["total"]
            print(f"  rebuild +1%: {again['total']:.1f} s = {ratio:.0%} of the full build", flush=True)
    print()
    print(table(rows))


if __name__ == "__main__":
    main()
