"""Bad input: one line on stderr naming the file, the line or record, and what is wrong; exit 2."""

import subprocess
import sys
from pathlib import Path

import pytest

from kg import cli
from kg.errors import KgError
from kg.read import read_corpus, records, text

ROOT = Path(__file__).parent.parent.parent
GOOD = '{"id": "a", "title": "A Title", "abstract": "An abstract."}\n'

BAD_INPUTS = [
    (
        "truncated.json",
        b'{"results": [{"id": "W1",\n  "title": "T"',
        "truncated.json:2: not valid JSON (Expecting",
    ),
    (
        "truncated.jsonl",
        (GOOD + '{"id": "b", "ti').encode(),
        "truncated.jsonl:2: not valid JSON (Unterminated",
    ),
    (
        "invalid.xml",
        b'<feed xmlns="http://www.w3.org/2005/Atom">\n<entry><title>T</entry></feed>',
        "invalid.xml:2: not valid XML (mismatched tag at column 18)",
    ),
    ("garbage.jsonl", bytes(range(256)) * 8, "garbage.jsonl:1: binary data (a NUL byte), not a text file"),
    (
        "latin1.csv",
        "title,abstract\nNaïve Bayes,An abstract.\n".encode("latin-1"),
        "latin1.csv:2: not UTF-8 text (invalid continuation byte at column 3); save the file as UTF-8",
    ),
    ("utf16.csv", "title,abstract\n".encode("utf-16"), "utf16.csv:1: UTF-16 text, not UTF-8"),
    (
        "no_abstract.csv",
        b"title,year\nT,2024\n",
        "no_abstract.csv:1: no abstract column (the header has 'title', 'year'; name it 'abstract' or "
        "'abstract note' or 'summary'",
    ),
    (
        "no_title.tsv",
        b"Abstract\tYear\nA.\t2024\n",
        "no_title.tsv:1: no title column (the header has 'Abstract', 'Year'; name it 'title' or "
        "'paper title'",
    ),
    ("empty.jsonl", b"", "empty.jsonl: empty file"),
    ("blank.bib", b"\n  \n", "blank.bib: empty file"),
    (
        "empty_abstract.jsonl",
        (GOOD + '{"id": "b", "title": "B", "abstract": "  "}\n').encode(),
        "empty_abstract.jsonl:2: empty abstract (--skip-bad skips bad records and lists them)",
    ),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_INPUTS, ids=[case[0] for case in BAD_INPUTS])
def test_bad_input_is_one_line_on_stderr_and_exit_2(tmp_path, capsys, name, content, message):
    (tmp_path / name).write_bytes(content)
    status = cli.main(["build", str(tmp_path / name), "-o", str(tmp_path / "out")])
    stderr = capsys.readouterr().err
    assert status == 2
    assert stderr.startswith(f"kg: error: {tmp_path / name}")
    assert message in stderr
    assert len(stderr.strip().splitlines()) == 1, stderr
    assert not (tmp_path / "out").exists(), "nothing is written when reading fails"


def test_the_installed_command_prints_no_traceback(tmp_path):
    (tmp_path / "t.json").write_text('[{"id": "a", "title": "T", "abstract"')
    result = subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", str(tmp_path / "t.json"), "-o", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 2
    assert (
        result.stderr
        == f"kg: error: {tmp_path / 't.json'}:1: not valid JSON (Expecting ':' delimiter at column 38)\n"
    )


def test_skip_bad_skips_records_and_whole_bad_files(tmp_path):
    (tmp_path / "mixed.jsonl").write_text(GOOD + '{"id": "b", "title": "B", "abstract": ""}\n{"id": \n')
    (tmp_path / "garbage.json").write_bytes(b"\x00\x01\x02")
    corpus = read_corpus([tmp_path], skip_bad=True)
    assert [p.id for p in corpus.papers] == ["a"]
    assert [(Path(bad.where).name, bad.reason.split(" (")[0]) for bad in corpus.skipped] == [
        ("garbage.json:1", "binary data"),
        ("mixed.jsonl:2", "empty abstract"),
        ("mixed.jsonl:3", "not valid JSON"),
    ]


def test_nothing_readable_is_an_error_even_when_skipping(tmp_path):
    (tmp_path / "p.jsonl").write_text('{"id": "b", "title": "B", "abstract": ""}\n')
    with pytest.raises(KgError, match=r"no papers read \(1 bad records skipped\)"):
        read_corpus([tmp_path], skip_bad=True)


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(text, "MAX_DOCUMENT_BYTES", 1000)
    (tmp_path / "big.xml").write_text('<feed xmlns="http://www.w3.org/2005/Atom">' + " " * 2000 + "</feed>")
    with pytest.raises(
        KgError, match=r"big.xml: file is 2,049 bytes, over the 1,000 bytes limit for a file read whole"
    ):
        read_corpus([tmp_path / "big.xml"])


def test_line_over_the_size_limit_is_refused_without_reading_it_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(text, "MAX_LINE_BYTES", 100)
    (tmp_path / "big.jsonl").write_text(GOOD + '{"id": "b", "abstract": "' + "x" * 500 + '"}\n')
    with pytest.raises(KgError, match=r"big.jsonl:2: line is over the 100 bytes limit for one record"):
        read_corpus([tmp_path / "big.jsonl"])


def test_abstract_over_the_limit_is_a_bad_record(tmp_path, monkeypatch):
    monkeypatch.setattr(records, "MAX_ABSTRACT_CHARS", 50)
    (tmp_path / "p.csv").write_text("title,abstract\nT," + "word " * 20 + "\n")
    with pytest.raises(KgError, match=r"p.csv:2: abstract is 100 characters long \(the limit is 50\)"):
        read_corpus([tmp_path / "p.csv"])


def test_nesting_too_deep_for_the_parser_is_bad_json(tmp_path):
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(KgError, match=r"deep.json: not valid JSON \(nested too deeply\)"):
        read_corpus([tmp_path / "deep.json"])


def test_xml_entity_expansion_is_refused(tmp_path):
    (tmp_path / "bomb.xml").write_text(
        '<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>&b;</title></entry></feed>'
    )
    with pytest.raises(KgError, match=r"bomb.xml: refused XML \(EntitiesForbidden"):
        read_corpus([tmp_path / "bomb.xml"])


def test_build_with_skip_bad_counts_and_lists_what_it_skipped(tmp_path, capsys):
    (tmp_path / "mixed.jsonl").write_text(GOOD + '{"id": "b", "title": "B", "abstract": ""}\n{"id": \n')
    status = cli.main(["build", str(tmp_path / "mixed.jsonl"), "-o", str(tmp_path / "out"), "--skip-bad"])
    assert status == 0
    assert "bad records skipped 2 (listed in skipped.tsv)" in capsys.readouterr().out
    report = (tmp_path / "out" / "skipped.tsv").read_text().splitlines()
    assert report[0] == "where\treason"
    assert report[1] == f"{tmp_path / 'mixed.jsonl'}:2\tempty abstract"
    assert report[2].startswith(f"{tmp_path / 'mixed.jsonl'}:3\tnot valid JSON")
