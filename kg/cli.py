"""The ``kg`` command: argument parsing only; the work is done by the stages."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from kg.errors import KgError
from kg.serve import DEFAULT_HOST, DEFAULT_PORT, Limits
from kg.vocab import DEFAULT_BASE

DEFAULT_INPUT = "seeds"
DEFAULT_OUTPUT = "graphs"


def _build(args: argparse.Namespace) -> None:
    from kg.build import build

    summary = build(
        args.inputs or [DEFAULT_INPUT], args.output, format=args.format, base=args.base, progress=True
    )
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
    from kg.query import open_store, query_text, render, run

    values = dict(_parameter(text) for text in args.bind)
    result = run(open_store(args.graph), query_text(args.query), values)
    print(render(result, args.format).rstrip("\n"))


def _serve(args: argparse.Namespace) -> None:
    from kg.serve import serve

    limits = Limits(timeout=args.timeout, max_rows=args.max_rows)
    serve(args.graph, host=args.host, port=args.port, limits=limits)


def _parameter(text: str) -> tuple[str, str]:
    name, equals, value = text.partition("=")
    if not equals or not name:
        raise KgError(f"--bind {text!r}: expected NAME=VALUE")
    return name.lstrip("?"), value


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="kg", description=__doc__)
    commands = top.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="build the graph of a corpus into a folder")
    build.add_argument("inputs", nargs="*", help=f"input files or folders (default: {DEFAULT_INPUT}/)")
    build.add_argument("-o", "--output", default=DEFAULT_OUTPUT, help="output folder (default: %(default)s/)")
    build.add_argument("--format", help="input format, where the file extension does not tell")
    build.add_argument("--base", default=DEFAULT_BASE, help="base IRI of the RDF data (default: %(default)s)")
    build.set_defaults(run=_build)

    extract = commands.add_parser("extract", help="write each paper's entity mentions as JSON Lines")
    extract.add_argument("input", help="an input file")
    extract.add_argument("-o", "--output", default="-", help="output file (default: standard output)")
    extract.set_defaults(run=_extract)

    query = commands.add_parser("query", help="run a SPARQL SELECT query over a built graph")
    query.add_argument("query", help="a .rq file or the query text")
    query.add_argument("--graph", default=DEFAULT_OUTPUT, help="build folder (default: %(default)s/)")
    query.add_argument("--format", choices=["table", "csv", "json"], default="table")
    query.add_argument(
        "--bind", action="append", default=[], metavar="NAME=VALUE",
        help="set the query's parameter ?NAME (its VALUES ?NAME clause) to the string VALUE",
    )  # fmt: skip
    query.set_defaults(run=_query)

    serve = commands.add_parser("serve", help="serve a build: SPARQL endpoint at /sparql, and its HTML views")
    serve.add_argument("graph", nargs="?", default=DEFAULT_OUTPUT, help="build folder (%(default)s/)")
    serve.add_argument("--host", default=DEFAULT_HOST, help="address to listen on (default: %(default)s)")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help="0: any free port (%(default)s)")
    serve.add_argument("--timeout", type=float, default=Limits.timeout, help="time limit, s (%(default)s)")
    serve.add_argument("--max-rows", type=int, default=Limits.max_rows, help="rows per answer (%(default)s)")
    serve.set_defaults(run=_serve)
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
