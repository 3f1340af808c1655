"""SPARQL over a built graph, on the Oxigraph store the build keeps in ``DIR/store``.

The store is opened read-only, so nothing here can change it and several
readers (``kg query``, ``kg serve``) can share it; nothing re-parses Turtle.
The same store is open to rdflib through oxrdflib (see the README).

A query file can have parameters: a ``VALUES ?name { "default" }`` clause, whose
value :func:`bind` replaces (``kg query FILE --bind name=value``).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError
from kg.rdf import STORE_DIR
from kg.vocab import PREFIXES


@dataclass(frozen=True)
class Result:
    """The rows of a SELECT query, each value as text (``None`` where unbound)."""

    columns: list[str]
    rows: list[list[str | None]]


def open_store(folder: str | Path) -> ox.Store:
    """The build folder's Oxigraph store, opened read-only."""
    path = Path(folder) / STORE_DIR
    if not path.is_dir():
        raise KgError(f"{path}: no built graph here (run `kg build -o {folder}` first)")
    try:
        return ox.Store.read_only(str(path))
    except OSError as error:
        raise KgError(f"{path}: cannot open the graph store ({error})") from None


def query_text(query: str) -> str:
    """The SPARQL text of ``query``: the contents of a ``.rq`` file, or the query itself."""
    if query.rstrip().endswith(".rq"):
        path = Path(query.strip())
        if not path.is_file():
            raise KgError(f"{path}: no such query file")
        return path.read_text(encoding="utf-8")
    return query


def bind(query: str, values: Mapping[str, str]) -> str:
    """``query`` with the ``VALUES ?name { ... }`` clause of each given name set to one string.

    >>> bind('SELECT ?x WHERE { VALUES ?name { "DPO" } ?x ?p ?name }', {"name": 'say "hi"'})
    'SELECT ?x WHERE { VALUES ?name { "say \\\\"hi\\\\"" } ?x ?p ?name }'
    >>> bind("SELECT ?x WHERE { ?x ?p ?o }", {"name": "DPO"})
    Traceback (most recent call last):
    ...
    kg.errors.KgError: the query has no parameter ?name (a VALUES ?name { ... } clause)
    """
    for name, value in values.items():
        clause = re.compile(r"VALUES\s+\?" + re.escape(name) + r"\s*\{[^}]*\}", re.IGNORECASE)
        if not clause.search(query):
            raise KgError(f"the query has no parameter ?{name} (a VALUES ?{name} {{ ... }} clause)")
        replacement = f"VALUES ?{name} {{ {ox.Literal(value)} }}"
        query = clause.sub(lambda _, text=replacement: text, query)
    return query


def run(store: ox.Store, query: str, values: Mapping[str, str] | None = None) -> Result:
    """Run a SELECT query; a syntax error or a non-SELECT query is a ``KgError``.

    The reused vocabularies' prefixes (``kg:``, ``skos:``, ...) need no declaring.

    >>> store = ox.Store()
    >>> store.add(ox.Quad(ox.NamedNode("http://example.org/a"), ox.NamedNode(PREFIXES["skos"] + "prefLabel"),
    ...                   ox.Literal("A")))
    >>> run(store, "SELECT ?label WHERE { ?x skos:prefLabel ?label }")
    Result(columns=['label'], rows=[['A']])
    """
    try:
        answer = store.query(bind(query, values or {}), prefixes=PREFIXES)
    except (SyntaxError, ValueError, OSError, RuntimeError) as error:
        raise KgError(f"SPARQL error: {error}") from None
    if not isinstance(answer, ox.QuerySolutions):
        raise KgError(f"only SELECT queries are supported here, not {type(answer).__name__}")
    columns = [variable.value for variable in answer.variables]
    rows = [[None if term is None else term.value for term in solution] for solution in answer]
    return Result(columns, rows)


def render(result: Result, format: str) -> str:
    """``result`` as an aligned ``table``, ``csv`` or ``json`` (SPARQL-style bindings)."""
    if format == "json":
        bindings = [
            {c: v for c, v in zip(result.columns, row, strict=True) if v is not None} for row in result.rows
        ]
        return json.dumps({"columns": result.columns, "rows": bindings}, ensure_ascii=False, indent=1)
    if format == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([["" if v is None else v for v in row] for row in result.rows])
        return out.getvalue()
    cells = [result.columns] + [["" if v is None else v for v in row] for row in result.rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(result.columns))]
    lines = ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append(f"({len(result.rows)} rows)")
    return "\n".join(lines)
