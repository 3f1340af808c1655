"""A build into a folder that holds a previous build writes what a build from scratch writes."""

import importlib
import json
import threading
from pathlib import Path

import pytest

from kg.build import build
from kg.output import output_names
from kg.rdf import STORE_DIR
from kg.synthetic import synthetic_records


def outputs(folder: Path) -> dict[str, bytes]:
    """Every file a build shows in ``folder`` (through its links), by relative path.

    Not the Oxigraph store's: a database's files differ between any two builds (its
    triples are those of the RDF files, compared here).
    """
    files = {}
    for name in output_names(folder):
        if name == STORE_DIR:
            continue
        path = folder / name
        for file in [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file()):
            files[str(file.relative_to(folder))] = file.read_bytes()
    return files


def test_adding_papers_and_rebuilding_gives_the_bytes_of_a_build_from_scratch(tmp_path):
    records = [json.dumps(record) for record in synthetic_records(48, seed=5)]
    old, new = tmp_path / "old.jsonl", tmp_path / "new.jsonl"
    old.write_text("\n".join(records[:40]) + "\n")
    new.write_text("\n".join(records[40:]) + "\n")

    first = build([old], tmp_path / "rebuilt", jobs=1)
    again = build([old, new], tmp_path / "rebuilt", jobs=1)
    scratch = build([old, new], tmp_path / "scratch", jobs=1)

    assert (first.cached, again.cached, scratch.cached) == (0, first.papers, 0)
    assert again.papers == scratch.papers > first.papers
    rebuilt, fresh = outputs(tmp_path / "rebuilt"), outputs(tmp_path / "scratch")
    assert "kg.json" in fresh and "index.html" in fresh
    assert rebuilt.keys() == fresh.keys()
    assert [name for name in fresh if rebuilt[name] != fresh[name]] == []


def test_a_build_that_fails_after_the_ntriples_stops_loading_the_store_and_keeps_the_old_outputs(
    tmp_path, monkeypatch
):
    papers = tmp_path / "papers.jsonl"
    papers.write_text("\n".join(json.dumps(record) for record in synthetic_records(8, seed=1)) + "\n")
    build([papers], tmp_path / "out", jobs=1)
    before = outputs(tmp_path / "out")

    def failing_views(*args, **kwargs):
        raise OSError("disk full")

    stages = importlib.import_module("kg.build")  # the module: the package's ``kg.build`` is the function
    monkeypatch.setattr(stages, "write_views", failing_views)  # fails while the store is loading
    with pytest.raises(OSError, match="disk full"):
        build([papers], tmp_path / "out", jobs=1)
    assert not [thread for thread in threading.enumerate() if thread.name == "kg-store-loader"]
    assert outputs(tmp_path / "out") == before
