"""A build into a folder that holds a previous build writes what a build from scratch writes."""

import json
from pathlib import Path

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
