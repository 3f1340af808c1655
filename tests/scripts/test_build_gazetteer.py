"""The filters that keep ordinary words and descriptions out of the shipped name list."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_gazetteer.py"


@pytest.fixture(scope="module")
def gazetteer() -> ModuleType:
    pytest.importorskip("wordfreq")
    pytest.importorskip("yaml")
    spec = importlib.util.spec_from_file_location("build_gazetteer", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", ["Among Them", "a corpus of news for tagging", "32k", "short-term"])
def test_phrases_counts_and_common_compounds_are_no_names(gazetteer: ModuleType, name: str) -> None:
    assert not gazetteer.is_name(name)


@pytest.mark.parametrize("name", ["300W", "text-to-speech", "SQuAD", "Labeled Faces in the Wild"])
def test_names_are_kept(gazetteer: ModuleType, name: str) -> None:
    assert gazetteer.is_name(name)


def test_model_lists_lose_their_descriptions(gazetteer: ModuleType) -> None:
    assert not gazetteer.is_model_name("Speech recognition system")
    assert gazetteer.is_model_name("Stable Diffusion") and gazetteer.is_model_name("Code Llama")


def test_metric_lists_lose_measures_on_data_and_averages(gazetteer: ModuleType) -> None:
    assert not gazetteer.is_measure_name("CIFAR-10 Top-5 Error", {"cifar-10"})
    assert not gazetteer.is_measure_name("Overall BLEU", set())
    assert gazetteer.is_measure_name("Word Error Rate", {"cifar-10"})


@pytest.mark.parametrize(
    "name", ["AlpacaEval", "MT-Bench", "L-Eval", "Long-Range Arena", "SemEval-2010 Task 8"]
)
def test_data_named_as_benchmarks_are_benchmarks(gazetteer: ModuleType, name: str) -> None:
    assert gazetteer.data_kind(name) == "Benchmark"


@pytest.mark.parametrize("name", ["Belgian Statutory Article Retrieval", "MSCOCO", "Evaluation Set X"])
def test_other_data_are_datasets(gazetteer: ModuleType, name: str) -> None:
    assert gazetteer.data_kind(name) == "Dataset"


def test_a_model_family_needs_three_listed_versions(gazetteer: ModuleType) -> None:
    rows = [(name, "Model", "epoch", "") for name in ["Whisper v2", "Whisper v3", "Whisper-1", "Otter 2"]]
    rows.append(("Switch 2", "Dataset", "pwc", ""))
    assert gazetteer.model_families(rows) == {"Whisper"}


def test_a_family_word_that_listed_models_extend_is_a_model(gazetteer: ModuleType) -> None:
    names = ["Swin Transformer", "Swin Transformer V2", "Perceiver IO", "VideoMAE V2", "AlphaNet Network"]
    rows = [(name, "Model", "epoch", name) for name in names]
    assert [row[0] for row in gazetteer.model_bases(rows)] == ["Swin", "Perceiver", "VideoMAE", "AlphaNet"]


@pytest.mark.parametrize(
    "rows",
    [
        [("Sparse Transformer", "Model", "pwc", "")],  # English, and one listed model only
        [("Levenshtein Transformer", "Model", "pwc", "")],  # one listed model, no coinage
        [("Zorblat IO", "Model", "pwc", ""), ("Zorblat Distance", "Metric", "pwc", "")],  # another type's
        [("Zorblat IO", "Model", "pwc", ""), ("Zorblat", "Method", "pwc", "")],  # listed already
        [("Self-Attention Network", "Model", "pwc", ""), ("Self-Attention Networks", "Model", "pwc", "")],
        [("Grok AI", "Model", "epoch", "")],  # "AI" is no version
    ],
)
def test_no_family_word_where_english_listed_or_another_types(gazetteer: ModuleType, rows: list) -> None:
    assert list(gazetteer.model_bases(rows)) == []


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Automatic Speech Recognition (ASR)", "ASR"),
        ("Aspect-Based Sentiment Analysis (ABSA)", "ABSA"),
        ("Composed Image Retrieval (CoIR)", "CoIR"),
        ("Electrocardiography (ECG)", None),  # capitals that are no initials
        ("Face Recognition (Closed-Set)", None),  # a qualifier, not a short form
        ("Action Classification (zero-shot)", None),
    ],
)
def test_a_listed_tasks_bracketed_acronym(gazetteer: ModuleType, name: str, short: str | None) -> None:
    assert gazetteer.bracketed_acronym(name) == short


@pytest.mark.parametrize(
    ("subtitle", "description", "described"),
    [
        ("General Language Understanding Evaluation benchmark", "", True),
        ("", "XYZ is a new benchmark designed to measure knowledge.", True),
        ("", "XYZ is a challenging leaderboard for retrieval.", True),
        ("", "XYZ is a benchmark dataset of images.", False),  # a dataset, used as a benchmark
        ("", "The XYZ dataset contains images.\nIt is a standard benchmark.", False),  # not the first line
    ],
)
def test_datasets_pwc_describes_as_benchmarks(
    gazetteer: ModuleType, subtitle: str, description: str, described: bool
) -> None:
    assert gazetteer.is_described_as_benchmark(subtitle, description) is described


@pytest.mark.parametrize(
    ("name", "variant"),
    [
        ("Non Maximum Suppression", "Non-Maximum Suppression"),
        ("Multi Task Learning", "Multi-Task Learning"),
        ("Gumbel Cross Entropy", "Gumbel Cross-Entropy"),
        ("Criss-Cross Network", None),  # already joined: "Cross" follows a hyphen
        ("Cross-Attention", None),
    ],
)
def test_a_listed_name_with_a_spaced_prefix_gets_its_hyphenated_spelling(
    gazetteer: ModuleType, name: str, variant: str | None
) -> None:
    found = [row[0] for row in gazetteer.hyphenated_variants([(name, "Method", "pwc", "")])]
    assert found == ([variant] if variant else [])


def test_a_series_of_data_editions_gives_its_word(gazetteer: ModuleType) -> None:
    names = ["Quorbl 2014", "Quorbl 2016 News", "Flimsy 1.0", "XYZ 2020", "Trebbit 5.0", "Trebbit 4.0"]
    rows = [(name, "Dataset", "pwc", name) for name in names]
    rows += [("Quorbl 2015", "Benchmark", "helm", "q"), ("Flimsy", "Method", "pwc", "f")]
    # "Flimsy" is listed already; "XYZ" has three letters and one edition; "2016 News" is no edition
    assert [row[:2] for row in gazetteer.data_families(rows)] == [
        ("Quorbl", "Dataset"),
        ("Trebbit", "Dataset"),
    ]


def test_a_series_of_benchmark_editions_is_a_benchmark(gazetteer: ModuleType) -> None:
    rows = [(name, "Benchmark", "pwc", name) for name in ["Quorbl-2013", "Quorbl 2017"]]
    assert [row[:2] for row in gazetteer.data_families(rows)] == [("Quorbl", "Benchmark")]


def test_a_family_word_that_only_versions_are_listed_for_is_a_model(gazetteer: ModuleType) -> None:
    names = ["Quorbo 2-7B", "Quorbo-13B", "Quorbo3", "Table 1", "Table 2", "Table 3"]
    rows = [(name, "Model", "epoch", name) for name in names]
    assert [row[:2] for row in gazetteer.family_words(rows)] == [("Quorbo", "Model")]


@pytest.mark.parametrize(
    "names",
    [
        ["ZorbNetV2", "ZorbNetV3", "ZorbNetV4"],  # the word would end in the version's letter
        ["Quorbo 1", "Quorbo 2"],  # two versions are too few
        ["Quorbo 1", "Quorbo 2", "Quorbo 3", "Quorbo"],  # listed already
        ["Qrb 1", "Qrb 2", "Qrb 3"],  # three letters: as likely some other acronym
    ],
)
def test_no_family_word_without_three_versions_of_an_unlisted_word(
    gazetteer: ModuleType, names: list
) -> None:
    assert list(gazetteer.family_words([(name, "Model", "epoch", name) for name in names])) == []


def test_a_failed_run_leaves_the_list_it_would_replace(tmp_path: Path) -> None:
    pytest.importorskip("wordfreq")
    pytest.importorskip("yaml")
    out = tmp_path / "names.tsv.gz"
    out.write_bytes(b"the previous list")
    run = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path / "no-such-folder"), str(out)],
        capture_output=True,
        text=True,
    )
    assert run.returncode != 0 and "no-such-folder" in run.stderr
    assert out.read_bytes() == b"the previous list"
    assert [path.name for path in tmp_path.iterdir()] == ["names.tsv.gz"]
