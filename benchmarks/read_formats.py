"""How fast each reader reads, and how much memory a large line file costs.

Writes N synthetic records in each format (made from the hand-written fixtures in
tests/read/data, ids and titles varied so nothing merges), reads each with
``kg.read.read_corpus``, and prints papers per second and the peak memory of the
process so far. Run: ``python benchmarks/read_formats.py [N]`` (default 20000).
"""

from __future__ import annotations

import csv
import io
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from kg.read import read_corpus

ABSTRACT = (
    "We propose Low-Rank Adaptation, or LoRA, which freezes the pretrained model weights and injects "
    "trainable rank decomposition matrices into each layer of the Transformer architecture. "
) * 4


def jsonl(n: int) -> str:
    return "".join(
        json.dumps({"id": f"p{i}", "title": f"Paper {i}", "abstract": ABSTRACT}) + "\n" for i in range(n)
    )


def arxiv_bulk(n: int) -> str:
    return "".join(
        json.dumps({
            "id": f"2401.{i:05d}", "title": f"Paper\n  {i}", "abstract": ABSTRACT,
            "authors_parsed": [["Hu", "E.", ""]],
            "versions": [{"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"}], "submitter": "E. Hu",
        }) + "\n"
        for i in range(n)
    )  # fmt: skip


def openalex(n: int) -> str:
    index: dict[str, list[int]] = {}
    for position, word in enumerate(ABSTRACT.split()):
        index.setdefault(word, []).append(position)
    works = [
        {"id": f"https://openalex.org/W{i}", "title": f"Paper {i}", "abstract_inverted_index": index}
        for i in range(n)
    ]
    return json.dumps({"meta": {}, "results": works})


def table(n: int) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Title", "Abstract Note", "Author", "Publication Year"])
    writer.writerows([f"Paper {i}", ABSTRACT, "Hu, E.; Shen, Y.", "2022"] for i in range(n))
    return out.getvalue()


def atom(n: int) -> str:
    entries = "".join(
        f"<entry><id>http://arxiv.org/abs/2401.{i:05d}v1</id><title>Paper {i}</title>"
        f"<summary>{ABSTRACT}</summary><published>2024-01-02T00:00:00Z</published>"
        "<author><name>Edward Hu</name></author></entry>"
        for i in range(n)
    )
    return f'<feed xmlns="http://www.w3.org/2005/Atom">{entries}</feed>'


def bibtex(n: int) -> str:
    return "".join(
        f"@article{{p{i}, title = {{Paper {i}}}, author = {{Hu, Edward and Shen, Yelong}}, year = 2022,\n"
        f"  abstract = {{{ABSTRACT}}}}}\n"
        for i in range(n)
    )


FORMATS = {
    "jsonl": (".jsonl", jsonl),
    "arxiv-bulk": (".json", arxiv_bulk),
    "openalex": (".json", openalex),
    "csv": (".csv", table),
    "arxiv-atom": (".xml", atom),
    "bibtex": (".bib", bibtex),
}


def main(n: int) -> None:
    print(f"{'format':<12} {'records':>8} {'MiB':>7} {'seconds':>8} {'papers/s':>9} {'peak RSS MiB':>13}")
    with tempfile.TemporaryDirectory() as folder:
        for name, (suffix, make) in FORMATS.items():
            file = Path(folder) / f"{name}{suffix}"
            file.write_text(make(n))
            start = time.perf_counter()
            corpus = read_corpus([file])
            seconds = time.perf_counter() - start
            assert len(corpus.papers) == n, (name, len(corpus.papers))
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            size = file.stat().st_size / 2**20
            print(f"{name:<12} {n:>8} {size:>7.1f} {seconds:>8.2f} {n / seconds:>9,.0f} {peak:>13,.0f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000)
