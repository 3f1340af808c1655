"""The ``kg`` command: argument parsing only; the work is done by the stages."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from kg.errors import KgError
from kg.read import FORMATS
from kg.serve import DEFAULT_HOST, DEFAULT_PORT, Limits
from kg.vocab import DEFAULT_BASE

DEFAULT_INPUT = "seeds"
DEFAULT_OUTPUT = "graphs"


def _build(args: argparse.Namespace) -> None:
    from kg.build import build
    from kg.views import ViewOptions

    views = ViewOptions(cap=args.overview_cap, papers=not args.views_without_papers)
    inputs = args.inputs or [DEFAULT_INPUT]
    summary = build(
        inputs, args.output, format=args.format, skip_bad=args.skip_bad, base=args.base, progress=True,
        views=views, jobs=args.jobs, engine=args.engine, scheduler=args.scheduler,
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


def _view(args: argparse.Namespace) -> None:
    from kg.graph import load
    from kg.views import write_ego_view

    folder = Path(args.graph) if Path(args.graph).is_dir() else Path(args.graph).parent
    print(write_ego_view(load(args.graph), folder, args.name, depth=args.depth, cap=args.cap))


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {text!r}")
    return int(text)


def _show(args: argparse.Namespace) -> None:
    from kg.analysis import card
    from kg.graph import load

    print(card(load(args.graph), args.name))


def _stats(args: argparse.Namespace) -> None:
    from kg.analysis import summary
    from kg.graph import load

    print(summary(load(args.graph)))


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="kg", description=__doc__)
    commands = top.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="build the graph of a corpus into a folder")
    build.add_argument("inputs", nargs="*", help=f"input files or folders (default: {DEFAULT_INPUT}/)")
    build.add_argument("-o", "--output", default=DEFAULT_OUTPUT, help="output folder (default: %(default)s/)")
    build.add_argument("--format", choices=FORMATS, help="input format, where the content does not tell")
    build.add_argument(
        "--skip-bad", action="store_true", help="skip bad records, count them and list them in skipped.tsv"
    )
    build.add_argument("--base", default=DEFAULT_BASE, help="base IRI of the RDF data (default: %(default)s)")
    build.add_argument("--jobs", type=_positive, help="extraction processes (default: every core)")
    build.add_argument("--engine", choices=["local", "dask"], default="local", help="where extraction runs")
    build.add_argument(
        "--scheduler", help="Dask scheduler address (default: a local cluster of --jobs workers)"
    )
    build.add_argument(
        "--overview-cap", type=_positive, default=150, help="entities on index.html (default: %(default)s)"
    )
    build.add_argument(
        "--views-without-papers",
        action="store_true",
        help="no paper nodes on the overview, type and community views",
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

    view = commands.add_parser("view", help="write the HTML view of one entity and its surroundings")
    view.add_argument("name", help="the entity's name, any alias (case does not matter)")
    view.add_argument("--graph", default=DEFAULT_OUTPUT, help="build folder (default: %(default)s/)")
    view.add_argument("--depth", type=_positive, default=2, help="steps away from it (default: %(default)s)")
    view.add_argument("--cap", type=_positive, default=200, help="most nodes shown (default: %(default)s)")
    view.set_defaults(run=_view)

    show = commands.add_parser("show", help="print an entity's card (found by any of its names)")
    show.add_argument("name", help="an entity's id, label or alias, in any case")
    show.add_argument("--graph", default=DEFAULT_OUTPUT, help="build folder (default: %(default)s/)")
    show.set_defaults(run=_show)

    stats = commands.add_parser("stats", help="print a built graph's summary")
    stats.add_argument("--graph", default=DEFAULT_OUTPUT, help="build folder (default: %(default)s/)")
    stats.set_defaults(run=_stats)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        args.run(args)
    except KgError as error:
        print(f"kg: error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader (`kg query ... | head`) has what it wanted
        sys.stderr.close()
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
