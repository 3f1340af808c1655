from pathlib import Path

import pytest

from kg.errors import KgError
from kg.read import read

DATA = Path(__file__).parent.parent / "data"


def test_hf_page_pairs_titles_with_abstracts_and_skips_chrome():
    papers = list(read([DATA / "page.txt"]))
    assert [p.title for p in papers] == [
        "FooNet: A Tiny Benchmark for Testing Readers",
        "Second Paper About Something Else",
    ]
    assert papers[0].id == "foonet-a-tiny-benchmark-for-testing-readers"
    assert papers[0].abstract.startswith("We introduce FooNet")
    assert papers[0].source.endswith("page.txt:9")


def test_jsonl_takes_title_and_abstract_or_text():
    papers = list(read([DATA / "papers.jsonl"]))
    assert [p.id for p in papers] == ["a1", "a2", "a3"]
    assert papers[2].title == "" and papers[2].abstract.startswith("A sentence-level record")


def test_folder_is_read_in_sorted_order(tmp_path):
    (tmp_path / "b.jsonl").write_text('{"id": "b", "title": "B", "abstract": "x"}\n')
    (tmp_path / "a.jsonl").write_text('{"id": "a", "title": "A", "abstract": "x"}\n')
    assert [p.id for p in read([tmp_path])] == ["a", "b"]


def test_missing_id_becomes_title_slug(tmp_path):
    (tmp_path / "p.jsonl").write_text('{"title": "Hello, World!", "abstract": "x"}\n')
    assert [p.id for p in read([tmp_path / "p.jsonl"])] == ["hello-world"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": "x", "title": "T", "abstract": "A"}\n{"id": ', "p.jsonl:2: not valid JSON"),
        ('["a list"]\n', "p.jsonl:1: expected a JSON object"),
        ('{"id": "x"}\n', "p.jsonl:1: record has no 'title', 'abstract' or 'text'"),
        ('{"id": "x", "title": "T", "abstract": "A"}\n' * 2, "paper id 'x' was already read"),
    ],
)
def test_bad_jsonl_names_file_and_line(tmp_path, content, message):
    (tmp_path / "p.jsonl").write_text(content)
    with pytest.raises(KgError, match=message):
        list(read([tmp_path / "p.jsonl"]))


def test_page_without_pairs_is_an_error(tmp_path):
    (tmp_path / "empty.txt").write_text("just\nchrome\n")
    with pytest.raises(KgError, match="no title/abstract pairs"):
        list(read([tmp_path / "empty.txt"]))


def test_missing_path_is_an_error(tmp_path):
    with pytest.raises(KgError, match="no such file"):
        list(read([tmp_path / "nope.jsonl"]))
