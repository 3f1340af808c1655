"""The synthetic corpus: deterministic, extendable, readable by kg, and drawn from a name list."""

import json
from pathlib import Path

from kg.read import read
from kg.synthetic import BUILTIN_NAMES, load_names, synthetic_records, write_corpus

DATA = Path(__file__).parent / "data"


def test_a_corpus_depends_on_its_seed_and_grows_by_appending():
    ten = list(synthetic_records(10, seed=1))
    assert ten == list(synthetic_records(10, seed=1))
    assert ten == list(synthetic_records(12, seed=1))[:10]
    assert ten != list(synthetic_records(10, seed=2))
    assert len({record["id"] for record in ten}) == 10


def test_abstracts_read_like_abstracts_and_reuse_earlier_coinages(tmp_path):
    papers = list(read([write_corpus(tmp_path / "corpus.jsonl", 200, seed=5)]))
    assert len(papers) == 200
    assert all(600 < len(paper.abstract) < 2000 and paper.title for paper in papers)
    first_names = {paper.title.split(":")[0] for paper in papers[:20] if ":" in paper.title}
    later = " ".join(paper.abstract for paper in papers[100:])
    assert any(name in later for name in first_names), "new names are used again by later papers"


def test_a_name_list_supplies_the_known_names(tmp_path):
    names = load_names(DATA / "names.tsv")
    assert names.names["Model"] == ["ZetaNet"]
    assert names.names["Task"] == list(BUILTIN_NAMES["Task"]), "types the file lacks keep the built-in names"
    text = json.dumps(list(synthetic_records(30, seed=0, names=names)))
    assert "ZetaNet" in text and "OmegaQA" in text and "Kappa-Bench" in text
