"""How fast the shipped queries answer: Oxigraph on a large graph, and against rdflib on a small one.

    python benchmarks/sparql_speed.py                 # 100,000 papers; rdflib comparison on 1,000
    python benchmarks/sparql_speed.py --papers 20000 --small 500 --repeat 5
    python benchmarks/sparql_speed.py --papers 10000 --only co-mentioned-with models-on-benchmark
    python benchmarks/sparql_speed.py --keep /tmp/kg-100k     # keep the large graph's RDF; rerun reuses it
    python benchmarks/sparql_speed.py --build graphs --small 200   # a finished build's own store

Builds a synthetic graph in the graph contract's shape (``synthetic_graph.py``:
Zipf-distributed entities, every relation), writes its RDF with the build's own
``write_rdf`` (Turtle, N-Triples, JSON-LD and the Oxigraph store, as ``kg build``
does; its wall and CPU time are printed), and runs every
``queries/*.rq`` ``--repeat`` times after one warm-up, printing the median
latency. Parameters (``VALUES ?name``) are set to the most-named entity of the
right type: the slowest realistic case. Then the same queries run on a small
graph in rdflib's in-memory store and in Oxigraph, and the ratio is printed.
Times include reading every row of the answer. With ``--build DIR`` the queries run
on a finished ``kg build`` output instead (its graph for the parameters, its store
for the answers), so a real corpus's graph can be measured as it was built.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import rdflib

ROOT = Path(__file__).parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

from synthetic_graph import synthetic_graph  # noqa: E402

from kg.graph import load  # noqa: E402
from kg.query import bind, open_store  # noqa: E402
from kg.rdf import ntriples, write_rdf  # noqa: E402

QUERIES = sorted((ROOT / "queries").glob("*.rq"))
# The entity types a parameter names, by parameter name.
PARAMETER_TYPES = {"benchmark": ("Benchmark", "Dataset"), "dataset": ("Benchmark", "Dataset")}


def parameters(graph: nx.MultiDiGraph, query: str) -> dict[str, str]:
    """Each ``VALUES ?name`` parameter of ``query`` set to the most-named entity of its type."""
    values = {}
    for name in re.findall(r"VALUES\s+\?(\w+)\s*\{\s*\"", query):
        kinds = PARAMETER_TYPES.get(name, ("Method",))
        entities = [(data["papers"], node) for node, data in graph.nodes(data=True) if data["type"] in kinds]
        values[name] = graph.nodes[max(entities)[1]]["label"]
    return values


def timed(run, repeat: int) -> tuple[float, int, float]:
    """Median seconds of ``repeat`` runs after a warm-up, the number of rows, and the median CPU seconds.

    On a machine shared with other work, wall time counts the waits for a core;
    CPU time (the query runs in this process) is what the query itself costs.
    """
    rows = run()
    times, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        rows = run()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(times), rows, statistics.median(cpu)


def size(path: Path) -> int:
    """Bytes in a file, or in all the files under a folder."""
    files = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path]
    return sum(p.stat().st_size for p in files)


def oxigraph_runner(store: ox.Store, query: str):
    return lambda: sum(1 for _ in store.query(query))


def rdflib_runner(graph: rdflib.Graph, query: str):
    return lambda: sum(1 for _ in graph.query(query))


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--papers", type=int, default=100_000, help="papers in the large graph")
    options.add_argument("--small", type=int, default=1_000, help="papers in the graph rdflib is compared on")
    options.add_argument("--repeat", type=int, default=7, help="timed runs per query")
    options.add_argument("--only", nargs="+", metavar="QUERY", help="queries to run (no .rq)")
    options.add_argument(
        "--keep", type=Path, metavar="DIR", help="write the RDF into DIR and keep it; reuse it if there"
    )
    options.add_argument("--build", type=Path, metavar="DIR", help="time the queries on this kg build output")
    args = options.parse_args()
    queries = [path for path in QUERIES if not args.only or path.stem in args.only]

    start = time.perf_counter()
    graph = load(args.build) if args.build else synthetic_graph(args.papers)
    papers = sum(1 for _, kind in graph.nodes(data="type") if kind == "Paper")
    print(f"graph: {papers} papers, {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges "
          f"({time.perf_counter() - start:.1f} s)")  # fmt: skip
    with contextlib.ExitStack() as cleanup:
        folder = args.build or args.keep or Path(cleanup.enter_context(tempfile.TemporaryDirectory()))
        marker = folder / f"papers-{args.papers}"
        if args.build or marker.exists():
            print(f"rdf: reusing {folder}\n")
        else:
            folder.mkdir(parents=True, exist_ok=True)
            wall, cpu = time.perf_counter(), time.process_time()
            written = write_rdf(graph, folder)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            marker.touch()
            sizes = ", ".join(f"{path.name} {size(path) / 1e6:.0f} MB" for path in written.files)
            print(f"rdf: {written.triples} triples in {wall:.1f} s ({cpu:.1f} s CPU): {sizes}\n")
        store = open_store(folder)
        print(f"{'query':<36} {'median ms':>10} {'CPU ms':>8} {'rows':>7}")
        slowest = 0.0
        for path in queries:
            text = path.read_text()
            query = bind(text, parameters(graph, text))
            seconds, rows, cpu = timed(oxigraph_runner(store, query), args.repeat)
            slowest = max(slowest, seconds)
            print(f"{path.stem:<36} {seconds * 1000:>10.1f} {cpu * 1000:>8.1f} {rows:>7}")
        print(f"{'slowest':<36} {slowest * 1000:>10.1f}\n")
        del store

    small = synthetic_graph(args.small)
    lines = list(ntriples(small))
    oxigraph = ox.Store()
    oxigraph.load("".join(lines), ox.RdfFormat.N_TRIPLES)
    in_memory = rdflib.Graph()
    in_memory.parse(data="".join(lines), format="nt")
    print(f"rdflib in-memory vs Oxigraph, {args.small} papers, {len(lines)} triples")
    print(f"{'query':<36} {'rdflib ms':>10} {'oxigraph ms':>12} {'ratio':>8}")
    for path in queries:
        text = path.read_text()
        query = bind(text, parameters(small, text))
        slow, slow_rows, _ = timed(rdflib_runner(in_memory, query), max(1, args.repeat // 3))
        fast, fast_rows, _ = timed(oxigraph_runner(oxigraph, query), args.repeat)
        assert slow_rows == fast_rows, f"{path.stem}: rdflib {slow_rows} rows, Oxigraph {fast_rows}"
        print(f"{path.stem:<36} {slow * 1000:>10.1f} {fast * 1000:>12.2f} {slow / fast:>7.0f}x")


if __name__ == "__main__":
    main()
