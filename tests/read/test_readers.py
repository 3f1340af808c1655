"""Each reader on a small file in its real format, written from the format's documentation."""

from pathlib import Path

import pytest

from kg.errors import KgError
from kg.read import FORMATS, format_of, read, read_corpus

DATA = Path(__file__).parent.parent / "data"
FIXTURES = Path(__file__).parent / "data"


def only(file: str, format: str | None = None):
    return read_corpus([FIXTURES / file], format=format).papers


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


def test_jsonl_text_is_kept_verbatim_for_extraction_offsets(tmp_path):
    (tmp_path / "p.jsonl").write_text('{"id": "x", "title": " T ", "abstract": "One.\\n  Two  words. "}\n')
    [paper] = read_corpus([tmp_path / "p.jsonl"]).papers
    assert (paper.title, paper.abstract) == (" T ", "One.\n  Two  words. ")


def test_json_document_with_a_list_of_records_and_metadata(tmp_path):
    (tmp_path / "p.json").write_text(
        '[\n {"id": "x", "title": "T", "abstract": "A.", "authors": "Ada Lovelace",\n'
        '  "date": "1843-09", "doi": "doi:10.1234/ABC", "venue": "Notes"}\n]\n'
    )
    [paper] = read_corpus([tmp_path / "p.json"]).papers
    assert (paper.authors, paper.date, paper.doi, paper.venue) == (
        ("Ada Lovelace",),
        "1843-09",
        "10.1234/abc",
        "Notes",
    )
    assert paper.source.endswith("p.json: record 1")


def test_arxiv_atom_reads_entries_with_their_metadata():
    attention, h1 = only("arxiv_query.xml")
    assert attention.id == attention.arxiv_id == "1706.03762"
    assert attention.title == "Attention Is All You Need"
    assert attention.abstract.startswith("The dominant sequence") and "\n" not in attention.abstract
    assert attention.authors == ("Ashish Vaswani", "Noam Shazeer")
    assert (attention.date, attention.url) == ("2017-06-12", "http://arxiv.org/abs/1706.03762")
    assert h1.id == "hep-ex/0307015" and h1.title.endswith("in ep Collisions at HERA")
    assert (h1.doi, h1.venue, h1.date) == (
        "10.1140/epjc/s2003-01326-x",
        "Eur.Phys.J. C31 (2003) 17-29",
        "2003-07-07",
    )


def test_arxiv_api_error_entry_is_a_bad_record(tmp_path):
    (tmp_path / "q.xml").write_text(
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1234'
        "</id><title>Error</title><summary>incorrect id format for 1234</summary></entry></feed>"
    )
    with pytest.raises(
        KgError, match=r"q.xml: entry 1: the arXiv API reported an error: incorrect id format"
    ):
        read_corpus([tmp_path / "q.xml"])


def test_arxiv_bulk_snapshot_takes_first_version_date_and_parsed_authors():
    diphoton, lora = only("arxiv_snapshot.jsonl")
    assert diphoton.id == "0704.0001"
    assert (
        diphoton.title
        == "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies"
    )
    assert diphoton.authors[0] == "C. Balázs" and diphoton.date == "2007-04-02"
    assert (diphoton.doi, diphoton.venue) == ("10.1103/physrevd.76.013009", "Phys.Rev.D76:013009,2007")
    assert lora.url == "https://arxiv.org/abs/2106.09685" and lora.venue is None


def test_bibtex_decodes_latex_and_resolves_strings():
    attention, dpo = only("refs.bib")
    assert attention.id == "vaswani2017attention" and attention.source.endswith("refs.bib:4")
    assert attention.venue == "Advances in Neural Information Processing Systems"
    assert attention.date == "2017-12"
    assert dpo.title.startswith("Direct Preference Optimization") and dpo.arxiv_id == "2305.18290"
    assert dpo.authors[-1] == "Jan Müller"
    assert (
        dpo.abstract
        == "We introduce Direct Preference Optimization (DPO), a stable and lightweight alternative to RLHF."
    )


def test_bibtex_entry_without_abstract_and_broken_entry_are_bad_records(tmp_path):
    (tmp_path / "r.bib").write_text(
        "@article{good, title={T}, abstract={A.}}\n@article{noabs, title={U}}\n@misc{broken,\n  title = {x\n"
    )
    corpus = read_corpus([tmp_path / "r.bib"], skip_bad=True)
    assert [p.id for p in corpus.papers] == ["good"]
    assert [(Path(b.where).name, b.reason) for b in corpus.skipped] == [
        ("r.bib:2", "empty abstract"),
        ("r.bib:3", "not valid BibTeX (Unexpectedly reached end of file.)"),
    ]


def test_openalex_rebuilds_abstract_from_inverted_index():
    attention, dpo = only("openalex_works.json")
    assert attention.id == "W2963403868"
    assert (
        attention.abstract
        == "The dominant sequence transduction models are based on complex recurrent networks."
    )
    assert (attention.arxiv_id, attention.doi) == ("1706.03762", "10.48550/arxiv.1706.03762")
    assert attention.venue is None, "a repository is not a venue"
    assert attention.authors == ("Ashish Vaswani", "Noam Shazeer")
    assert dpo.venue is None and dpo.arxiv_id == "2305.18290"


def test_openalex_single_work_and_json_lines(tmp_path):
    work = '{"id": "https://openalex.org/W1", "title": "T", "abstract_inverted_index": {"b": [1], "a": [0]}}'
    (tmp_path / "one.json").write_text(work)
    (tmp_path / "many.jsonl").write_text(work + "\n" + work.replace("W1", "W2").replace('"T"', '"U"') + "\n")
    assert [p.abstract for p in read_corpus([tmp_path / "one.json"]).papers] == ["a b"]
    assert [p.id for p in read_corpus([tmp_path / "many.jsonl"]).papers] == ["W1", "W2"]


def test_semantic_scholar_search_response_and_batch_nulls(tmp_path):
    attention, bert = only("s2_search.json")
    assert attention.id == "204e3073870fae3d05bcbc2f6a8e263d9b72e776" and attention.arxiv_id == "1706.03762"
    assert attention.venue == "Neural Information Processing Systems"
    assert (bert.doi, bert.date) == ("10.18653/v1/n19-1423", "2019")
    (tmp_path / "batch.json").write_text('[{"paperId": "p1", "title": "T", "abstract": "A."}, null]')
    corpus = read_corpus([tmp_path / "batch.json"], skip_bad=True)
    assert [p.id for p in corpus.papers] == ["p1"]
    assert corpus.skipped[0].reason == "null (the API found no paper for this id)"


def test_csv_recognises_zotero_columns():
    lora, bert = only("zotero.csv")
    assert (lora.id, lora.title) == ("ABCD1234", "LoRA: Low-Rank Adaptation of Large Language Models")
    assert lora.authors == ("Hu, Edward J.", "Shen, Yelong", "Wallis, Phillip")
    assert lora.venue == "International Conference on Learning Representations" and lora.date == "2022"
    assert bert.abstract.endswith("from Transformers.") and bert.source.endswith("zotero.csv:3")


def test_tsv_recognises_web_of_science_tags():
    [resnet] = only("wos.tsv")
    assert resnet.title == "Deep Residual Learning for Image Recognition"
    assert (resnet.doi, resnet.date, resnet.id) == ("10.1109/cvpr.2016.90", "2016", "WOS:000400012300083")


@pytest.mark.parametrize(
    ("file", "expected"),
    [
        ("arxiv_query.xml", "arxiv-atom"),
        ("arxiv_snapshot.jsonl", "arxiv-bulk"),
        ("refs.bib", "bibtex"),
        ("openalex_works.json", "openalex"),
        ("s2_search.json", "semantic-scholar"),
        ("zotero.csv", "csv"),
        ("wos.tsv", "csv"),
    ],
)
def test_format_is_told_by_content_whatever_the_file_name(tmp_path, file, expected):
    assert format_of(FIXTURES / file) == expected
    renamed = tmp_path / "download.txt"
    renamed.write_bytes((FIXTURES / file).read_bytes())
    assert format_of(renamed) == expected


def test_format_option_overrides_detection(tmp_path):
    (tmp_path / "p.dat").write_text("title\tabstract\nT\tA.\n")
    assert format_of(tmp_path / "p.dat") == "csv"
    with pytest.raises(KgError, match="not valid JSON"):
        read_corpus([tmp_path / "p.dat"], format="jsonl")
    with pytest.raises(KgError, match="unknown input format 'pdf'"):
        read_corpus([tmp_path / "p.dat"], format="pdf")
    assert set(FORMATS) >= {
        "jsonl",
        "csv",
        "arxiv-atom",
        "arxiv-bulk",
        "bibtex",
        "openalex",
        "semantic-scholar",
    }


def test_unrecognisable_file_asks_for_format(tmp_path):
    (tmp_path / "notes.md").write_text("# my notes\n")
    with pytest.raises(KgError, match=r"notes.md: cannot tell the input format; pass --format"):
        read_corpus([tmp_path / "notes.md"])


def test_same_paper_from_every_source_is_one_paper_with_merged_metadata():
    corpus = read_corpus([FIXTURES])
    attention = [p for p in corpus.papers if p.arxiv_id == "1706.03762"]
    assert len(attention) == 1, "arXiv, OpenAlex, Semantic Scholar and BibTeX records are one paper"
    [paper] = attention
    assert paper.id == "1706.03762", "the first record in sorted file order names it"
    assert paper.doi == "10.48550/arxiv.1706.03762", "filled in from OpenAlex"
    assert paper.venue == "Advances in Neural Information Processing Systems", "filled in from BibTeX"
    titles = [p.title.lower() for p in corpus.papers]
    assert len(titles) == len(set(titles))
    assert corpus.duplicates == 6


def test_read_for_extract_keeps_every_record(tmp_path):
    record = '{"id": "x", "title": "Same", "abstract": "Same."}\n'
    (tmp_path / "p.jsonl").write_text(record * 2)
    assert [p.id for p in read([tmp_path / "p.jsonl"])] == ["x", "x"]


def test_identical_records_merge_and_a_reused_id_is_a_bad_record(tmp_path):
    record = '{"id": "x", "text": "Only a sentence."}\n'
    (tmp_path / "p.jsonl").write_text(record * 2)
    corpus = read_corpus([tmp_path / "p.jsonl"])
    assert len(corpus.papers) == 1 and corpus.duplicates == 1
    (tmp_path / "q.jsonl").write_text('{"id": "x", "title": "Another", "abstract": "Other."}\n')
    with pytest.raises(
        KgError, match=r"q.jsonl: record 1: paper id 'x' is already used by .*p.jsonl:1 for another paper"
    ):
        read_corpus([tmp_path])


def test_papers_with_same_title_but_different_arxiv_ids_stay_apart(tmp_path):
    (tmp_path / "p.jsonl").write_text(
        '{"title": "Introduction", "abstract": "A.", "arxiv_id": "2401.00001"}\n'
        '{"title": "Introduction", "abstract": "B.", "arxiv_id": "2401.00002"}\n'
    )
    assert [p.id for p in read_corpus([tmp_path / "p.jsonl"]).papers] == ["2401.00001", "2401.00002"]


def test_files_are_read_in_sorted_order_whatever_the_order_given(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "c.json").write_text('{"id": "c", "title": "C", "abstract": "x"}\n')
    (tmp_path / "b.jsonl").write_text('{"id": "b", "title": "B", "abstract": "x"}\n')
    (tmp_path / "a.jsonl").write_text('{"id": "a", "title": "A", "abstract": "x"}\n')
    assert [p.id for p in read([tmp_path])] == ["a", "b"]
    assert [p.id for p in read([tmp_path / "b.jsonl", tmp_path / "a.jsonl"])] == ["a", "b"]


def test_missing_id_becomes_title_slug(tmp_path):
    (tmp_path / "p.jsonl").write_text('{"title": "Hello, World!", "abstract": "x"}\n')
    assert [p.id for p in read([tmp_path / "p.jsonl"])] == ["hello-world"]


def test_missing_path_is_an_error(tmp_path):
    with pytest.raises(KgError, match="no such file"):
        list(read([tmp_path / "nope.jsonl"]))
