"""The ``kg`` command: argument parsing only; the work is done by the stages."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from kg.errors import KgError

DEFAULT_INPUT = "seeds"
DEFAULT_OUTPUT = "graphs"


def _build(args: argparse.Namespace) -> None:
    from kg.build import build

    summary = build(
        args.inputs or [DEFAULT_INPUT], args.output, format=args.format, progress=True,
        jobs=args.jobs, engine=args.engine, scheduler=args.scheduler,
    )  # fmt: skip
    print(summary)


def _extract(args: argparse.Namespace) -> None:
    from kg.extract import as_record, extract
    from kg.read import read

    records = (json.dumps(as_record(found), ensure_ascii=False) for found in extract(read([args.input])))
    if args.output == "-":
        for record in records:
            print(record)
        return
    # Written whole only when every paper is done, so a failure leaves no partial file.
    text = "".join(record + "\n" for record in records)
    Path(args.output).write_text(text, encoding="utf-8")


def _query(args: argparse.Namespace) -> None:
    from kg.query import open_graph, query_text, render, run

    result = run(open_graph(args.graph), query_text(args.query))
    print(render(result, args.format).rstrip("\n"))


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {text!r}")
    return int(text)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="kg", description=__doc__)
    commands = top.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="build the graph of a corpus into a folder")
    build.add_argument("inputs", nargs="*", help=f"input files or folders (default: {DEFAULT_INPUT}/)")
    build.add_argument("-o", "--output", default=DEFAULT_OUTPUT, help="output folder (default: %(default)s/)")
    build.add_argument("--format", help="input format, where the file extension does not tell")
    build.add_argument("--jobs", type=_positive, help="extraction processes (default: every core)")
    build.add_argument("--engine", choices=["local", "dask"], default="local", help="where extraction runs")
    build.add_argument(
        "--scheduler", help="Dask scheduler address (default: a local cluster of --jobs workers)"
    )
    build.set_defaults(run=_build)

    extract = commands.add_parser("extract", help="write each paper's entity mentions as JSON Lines")
    extract.add_argument("input", help="an input file")
    extract.add_argument("-o", "--output", default="-", help="output file (default: standard output)")
    extract.set_defaults(run=_extract)

    query = commands.add_parser("query", help="run a SPARQL SELECT query over a built graph")
    query.add_argument("query", help="a .rq file or the query text")
    query.add_argument("--graph", default=DEFAULT_OUTPUT, help="build folder (default: %(default)s/)")
    query.add_argument("--format", choices=["table", "csv", "json"], default="table")
    query.set_defaults(run=_query)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        args.run(args)
    except KgError as error:
        print(f"kg: error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
