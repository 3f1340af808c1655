"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over a build, with the build's HTML views.

``/sparql`` answers queries sent by GET (``?query=``) or POST (form-encoded
``query=`` or an ``application/sparql-query`` body), in JSON, XML, CSV or TSV
for SELECT and ASK and in Turtle, N-Triples, JSON-LD or RDF/XML for CONSTRUCT
and DESCRIBE, chosen by the ``Accept`` header. Every other path is a file of
the build folder (``/`` is ``index.html``), except the VoID description
(``/void.ttl``, also at ``/.well-known/void``), which is served naming this
server's own endpoint rather than the one the build wrote.

It is read-only three times over: an update request gets ``403 Forbidden``,
the query parser accepts no update, and the store is opened read-only. Queries
run in worker processes so that one that passes the time limit can be stopped
(a thread cannot be); the answer is cut at a row cap, which the
``X-Kg-Truncated`` header reports. It binds to localhost unless told otherwise.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import queue
import re
import signal
import sys
from dataclasses import dataclass
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from kg.errors import KgError
from kg.rdf import DEFAULT_ENDPOINT, SPARQL_PATH, STORE_DIR, VOID_FILE
from kg.vocab import PREFIXES, VOID

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = urlsplit(DEFAULT_ENDPOINT).port
_RESULT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}


@dataclass(frozen=True)
class Limits:
    """How long one query may run, in seconds, and how many rows (or triples) an answer may hold."""

    timeout: float = 10.0
    max_rows: int = 10_000


@dataclass(frozen=True)
class Answer:
    """An HTTP answer to a query: status, media type, body, and whether rows were cut."""

    status: int
    media_type: str
    body: bytes
    truncated: bool = False


def preferred(accept: str, offered: list[str]) -> str | None:
    """The media type of ``offered`` that ``accept`` (an HTTP Accept header) likes best.

    >>> preferred("text/csv;q=0.5, application/sparql-results+json", ["text/csv", "application/json"])
    'text/csv'
    >>> preferred("text/*", ["application/json", "text/csv"])
    'text/csv'
    >>> preferred("image/png", ["text/csv"]) is None
    True
    """
    ranked: list[tuple[float, int, str]] = []
    for position, item in enumerate(accept.split(",")):
        media, *params = (part.strip() for part in item.split(";"))
        quality = next((float(p[2:]) for p in params if re.fullmatch(r"q=[0-9.]+", p)), 1.0)
        ranked.append((-quality, position, media.lower()))
    for negative_quality, _, media in sorted(ranked):
        for offer in offered:
            if media in (offer, "*/*") or (media.endswith("/*") and offer.startswith(media[:-1])):
                return offer if negative_quality < 0 else None
    return None


def answer(store: ox.Store, query: str, accept: str, max_rows: int) -> Answer:
    """Run ``query`` on ``store`` and serialise its answer as ``accept`` asks, at most ``max_rows`` rows."""
    try:
        result = store.query(query, prefixes=PREFIXES)
    except SyntaxError as error:
        return Answer(HTTPStatus.BAD_REQUEST, "text/plain", f"SPARQL syntax error: {error}\n".encode())
    except (OSError, ValueError, RuntimeError) as error:
        return Answer(HTTPStatus.BAD_REQUEST, "text/plain", f"SPARQL error: {error}\n".encode())
    if isinstance(result, ox.QueryTriples):
        media = preferred(accept, list(_GRAPH_TYPES)) or "text/turtle"
        triples = []
        for triple in result:
            if len(triples) == max_rows:
                return Answer(HTTPStatus.OK, media, ox.serialize(triples, format=_GRAPH_TYPES[media]), True)
            triples.append(triple)
        return Answer(HTTPStatus.OK, media, ox.serialize(triples, format=_GRAPH_TYPES[media]))
    media = preferred(accept, list(_RESULT_TYPES)) or "application/sparql-results+json"
    results_format = _RESULT_TYPES[media]
    if isinstance(result, ox.QueryBoolean):
        return Answer(HTTPStatus.OK, media, result.serialize(format=results_format))
    capped, truncated = _capped(result, max_rows)
    return Answer(HTTPStatus.OK, media, capped.serialize(format=results_format), truncated)


def _capped(solutions: ox.QuerySolutions, max_rows: int) -> tuple[ox.QuerySolutions, bool]:
    """The first ``max_rows`` solutions, as solutions again (through TSV, whose terms are N-Triples)."""
    variables = solutions.variables
    lines = ["\t".join(str(v) for v in variables)]
    for solution in solutions:
        if len(lines) > max_rows:
            break
        # A tab can only be inside a literal, where "\t" is the same character escaped.
        lines.append("\t".join("" if t is None else str(t).replace("\t", "\\t") for t in solution))
    else:
        return ox.parse_query_results("\n".join(lines) + "\n", ox.QueryResultsFormat.TSV), False
    return ox.parse_query_results("\n".join(lines) + "\n", ox.QueryResultsFormat.TSV), True


def served_void(void: Path, endpoint: str) -> bytes:
    """The VoID description in ``void``, as Turtle, with ``endpoint`` as its SPARQL endpoint.

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "void.ttl"
    >>> _ = path.write_text("<http://e.org/v> <http://rdfs.org/ns/void#sparqlEndpoint> <http://a:1/sparql> .")
    >>> served_void(path, "http://127.0.0.1:5000/sparql").decode().split()[-2]
    '<http://127.0.0.1:5000/sparql>'
    """
    predicate = ox.NamedNode(str(VOID.sparqlEndpoint))
    triples = [
        ox.Triple(t.subject, t.predicate, ox.NamedNode(endpoint)) if t.predicate == predicate else t
        for t in (quad.triple for quad in ox.parse(path=str(void), format=ox.RdfFormat.TURTLE))
    ]
    return ox.serialize(sorted(triples, key=str), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)


def _work(store_path: str, connection: multiprocessing.connection.Connection) -> None:
    """A worker process: open the store read-only, then answer each (query, accept, max_rows) sent."""
    try:
        store = ox.Store.read_only(store_path)
    except OSError as error:
        connection.send(f"{store_path}: cannot open the graph store ({error})")
        return
    connection.send(None)
    server = os.getppid()
    while True:
        # Other workers hold copies of this pipe's far end: the server's death shows as a new parent, not EOF.
        if not connection.poll(1.0):
            if os.getppid() != server:
                return
            continue
        query, accept, max_rows = connection.recv()
        connection.send(answer(store, query, accept, max_rows))


class _Worker:
    """A process that runs queries on the store; stopped and replaced when a query overruns."""

    def __init__(self, store_path: str) -> None:
        # fork: the child needs only pyoxigraph and this module, already imported here.
        context = multiprocessing.get_context("fork")
        self._connection, child = context.Pipe()
        self._process = context.Process(target=_work, args=(store_path, child), daemon=True)
        self._process.start()
        problem = self._connection.recv()
        if problem is not None:
            raise KgError(problem)

    def ask(self, query: str, accept: str, limits: Limits) -> Answer | None:
        """The answer, or ``None`` (and the process stopped) if it takes longer than the limit."""
        self._connection.send((query, accept, limits.max_rows))
        if self._connection.poll(limits.timeout):
            return self._connection.recv()
        self.stop()
        return None

    @property
    def alive(self) -> bool:
        return self._process.is_alive()

    def stop(self) -> None:
        self._process.kill()
        self._process.join()


class Endpoint:
    """The query side of the server: a pool of worker processes over one store."""

    def __init__(self, folder: Path, limits: Limits, workers: int = 2) -> None:
        self.store_path = str(folder / STORE_DIR)
        if not (folder / STORE_DIR).is_dir():
            raise KgError(f"{folder / STORE_DIR}: no built graph here (run `kg build -o {folder}` first)")
        self.limits = limits
        self._idle: queue.Queue[_Worker] = queue.Queue()
        for _ in range(workers):
            self._idle.put(_Worker(self.store_path))

    def ask(self, query: str, accept: str) -> Answer:
        worker = self._idle.get()
        try:
            result = worker.ask(query, accept, self.limits)
        finally:
            self._idle.put(worker if worker.alive else _Worker(self.store_path))
        if result is None:
            message = f"query stopped: it ran longer than the time limit of {self.limits.timeout:g} s\n"
            return Answer(HTTPStatus.SERVICE_UNAVAILABLE, "text/plain", message.encode())
        return result

    def close(self) -> None:
        while not self._idle.empty():
            self._idle.get().stop()


class Handler(SimpleHTTPRequestHandler):
    """SPARQL at ``/sparql``; the build folder's files everywhere else; nothing that writes."""

    endpoint: Endpoint
    server_version = "kg"

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path in ("/.well-known/void", f"/{VOID_FILE}"):
            self._void()
            return
        if url.path == f"/{STORE_DIR}" or url.path.startswith(f"/{STORE_DIR}/"):
            self.send_error(HTTPStatus.NOT_FOUND)
            return
        if url.path != SPARQL_PATH:
            super().do_GET()
            return
        self._sparql(parse_qs(url.query))

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path != SPARQL_PATH:
            self.send_error(HTTPStatus.METHOD_NOT_ALLOWED, "only /sparql accepts POST")
            return
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if media == "application/sparql-update":
            self._refuse_update()
        elif media == "application/sparql-query":
            self._sparql({"query": [body]} | parse_qs(url.query))
        else:
            self._sparql(parse_qs(body) | parse_qs(url.query))

    def _sparql(self, parameters: dict[str, list[str]]) -> None:
        if "update" in parameters:
            self._refuse_update()
            return
        queries = parameters.get("query", [])
        if len(queries) != 1:
            self._send(
                Answer(HTTPStatus.BAD_REQUEST, "text/plain", b"expected exactly one query parameter\n")
            )
            return
        self._send(self.endpoint.ask(queries[0], self.headers.get("Accept") or "*/*"))

    def _void(self) -> None:
        void = Path(self.directory) / VOID_FILE
        if not void.is_file():
            self.send_error(HTTPStatus.NOT_FOUND)
            return
        host, port = self.server.server_address[:2]
        endpoint = f"http://{self.headers.get('Host') or f'{host}:{port}'}{SPARQL_PATH}"
        try:
            body = served_void(void, endpoint)
        except ValueError:  # a Host header that makes no IRI
            body = served_void(void, f"http://{host}:{port}{SPARQL_PATH}")
        self._send(Answer(HTTPStatus.OK, "text/turtle", body))

    def _refuse_update(self) -> None:
        self._send(
            Answer(HTTPStatus.FORBIDDEN, "text/plain", b"this endpoint is read-only: updates are refused\n")
        )

    def _send(self, answer: Answer) -> None:
        self.send_response(answer.status)
        charset = (
            "; charset=utf-8" if answer.media_type.startswith("text/") or "json" in answer.media_type else ""
        )
        self.send_header("Content-Type", answer.media_type + charset)
        self.send_header("Content-Length", str(len(answer.body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        if answer.truncated:
            self.send_header("X-Kg-Truncated", "true")
        self.end_headers()
        self.wfile.write(answer.body)

    def log_message(self, format: str, *args: object) -> None:
        sys.stderr.write(f"{self.address_string()} {format % args}\n")


def _stop(signal_number: int, frame: object) -> None:
    raise SystemExit(0)


def serve(
    folder: str | Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, limits: Limits | None = None
) -> None:
    """Serve the build in ``folder`` until interrupted; port 0 picks a free port.

    The first line on standard output names the address, so a caller can wait for it.
    """
    folder = Path(folder)
    endpoint = Endpoint(folder, limits or Limits())
    handler = type("BuildHandler", (Handler,), {"endpoint": endpoint})
    try:
        server = ThreadingHTTPServer((host, port), partial(handler, directory=str(folder)))
    except OSError as error:
        endpoint.close()
        raise KgError(f"cannot listen on {host}:{port} ({error.strerror})") from None
    signal.signal(signal.SIGTERM, _stop)
    address = f"http://{host}:{server.server_address[1]}"
    print(f"serving {folder} at {address}/ (SPARQL endpoint {address}{SPARQL_PATH})", flush=True)
    try:
        server.serve_forever()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.server_close()
        endpoint.close()
