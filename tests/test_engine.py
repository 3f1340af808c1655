"""The extraction engine: same results on one core, on a pool, from the cache and on Dask."""

import json
from pathlib import Path

import dask
import pytest
from dask.distributed import LocalCluster

from kg.build import build
from kg.cache import ExtractionCache
from kg.cli import main
from kg.engine import extract_all
from kg.errors import KgError
from kg.extract import extract
from kg.read import read
from kg.synthetic import synthetic_records

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Forty synthetic papers and the hand-written ones, as two input files."""
    folder = tmp_path_factory.mktemp("corpus")
    lines = [json.dumps(record) for record in synthetic_records(40, seed=3)]
    (folder / "synthetic.jsonl").write_text("\n".join(lines) + "\n")
    (folder / "papers.jsonl").write_text((DATA / "papers.jsonl").read_text())
    return folder


@pytest.fixture(scope="module")
def papers(corpus):
    return list(read([corpus]))


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as running:
        yield running


def test_one_process_gives_what_the_extractor_gives(papers):
    assert list(extract_all(papers, jobs=1)) == list(extract(papers))


def test_a_pool_of_two_keeps_input_order(papers):
    assert list(extract_all(papers, jobs=2, batch_size=8)) == list(extract_all(papers, jobs=1))


def test_a_rebuild_extracts_only_the_new_papers(papers, tmp_path):
    old, new = papers[:-3], papers[-3:]
    with ExtractionCache(tmp_path / "cache.sqlite3") as cache:
        first = list(extract_all(old, jobs=1, batch_size=8, cache=cache))
        assert (cache.hits, cache.misses) == (0, len(old))
    with ExtractionCache(tmp_path / "cache.sqlite3") as cache:
        again = list(extract_all(papers, jobs=2, batch_size=8, cache=cache))
        assert (cache.hits, cache.misses) == (len(old), 3)
    assert again == first + list(extract(new))


def test_dask_gives_byte_identical_outputs(corpus, cluster, tmp_path):
    local = build([corpus], tmp_path / "local", jobs=1)
    on_dask = build([corpus], tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address)
    assert on_dask.cached == 0, "the Dask build extracted every paper itself"
    for name in ("kg.json", "kg.ttl", "index.html"):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name
    assert local.papers == on_dask.papers == 43


def test_dask_keeps_input_order_across_partitions(papers, cluster):
    found = extract_all(papers, engine="dask", scheduler=cluster.scheduler_address, batch_size=4)
    assert list(found) == list(extract(papers))


def test_a_rerun_of_the_same_build_finds_its_cache(corpus, tmp_path, capsys):
    assert main(["build", str(corpus), "-o", str(tmp_path), "--jobs", "1"]) == 0
    assert "  from cache     0\n" in capsys.readouterr().out
    first = (tmp_path / "kg.json").read_bytes()
    assert main(["build", str(corpus), "-o", str(tmp_path), "--jobs", "1"]) == 0
    assert "  from cache     43\n" in capsys.readouterr().out
    assert (tmp_path / "kg.json").read_bytes() == first


def test_bad_engine_settings_are_user_errors(papers):
    with pytest.raises(KgError, match="unknown engine"):
        list(extract_all(papers, engine="spark"))
    with pytest.raises(KgError, match="needs the dask engine"):
        list(extract_all(papers, scheduler="tcp://127.0.0.1:8786"))
    with pytest.raises(KgError, match="at least 1"):
        list(extract_all(papers, jobs=0))
    with (
        dask.config.set({"distributed.comm.timeouts.connect": "1s"}),
        pytest.raises(KgError, match="cannot reach"),
    ):
        list(extract_all(papers, engine="dask", scheduler="tcp://127.0.0.1:9"))


def test_jobs_must_be_a_positive_number(capsys):
    with pytest.raises(SystemExit) as exit:
        main(["build", "--jobs", "0"])
    assert exit.value.code == 2 and "not a positive whole number" in capsys.readouterr().err
