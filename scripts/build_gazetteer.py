#!/usr/bin/env python3
"""Derive ``kg/data/known_names.tsv.gz`` from the raw public name lists.

Usage::

    python scripts/build_gazetteer.py [RAW_DIR] [OUT]    (--help for more)

RAW_DIR defaults to the nearest ``shared/gazetteer_raw`` above the repository; each of its
folders has a SOURCE.md with the origin and license of its files. OUT defaults to
``kg/data/known_names.tsv.gz``. The output is a gzipped TSV with the columns
``name, type, source, id`` (id is the source's URL or id for the entry), sorted, so
that the same input always gives the same bytes.

Entries that are ordinary English words ("Attention", "Adam", "Dropout" as a
one-word name with a common English reading) or too generic to be a name are
dropped: a one-word name is kept only if it does not read as a frequent English
word (``wordfreq`` Zipf frequency), and a multi-word name only if it is not made of
generic words alone. Build-time dependencies: ``pyyaml`` and ``wordfreq``
(``pip install -e '.[data]'``).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import os
import re
import sys
import tarfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import yaml
from spacy.lang.en.stop_words import STOP_WORDS
from wordfreq import zipf_frequency

ROOT = Path(__file__).resolve().parent.parent
# ``shared/`` sits beside the repository (or beside its worktree folder).
RAW = next(
    (p / "shared" / "gazetteer_raw" for p in ROOT.parents if (p / "shared" / "gazetteer_raw").is_dir()),
    ROOT.parent / "shared" / "gazetteer_raw",
)
OUT = ROOT / "kg" / "data" / "known_names.tsv.gz"

# Which type wins where one name has two: the more specific first. A dataset that some list
# calls a benchmark stays a Dataset unless its name says benchmark (GUIDELINES.md: the text
# decides), so Dataset ranks before Benchmark.
PRIORITY = {"Model": 1, "Dataset": 2, "Benchmark": 3, "Metric": 4, "Method": 5, "Task": 6}
# "MT-Bench", "AlpacaEval", "MT-Eval", "Long-Range Arena"; not "Retrieval".
BENCHMARK_NAME = re.compile(r"(?i:bench|arena|(?<![a-z])eval(?:\b|[-_ ]))|Eval(?:\b|[-_ ])")
# Words with at most an initial capital: what a task is called ("Named Entity Recognition").
PLAIN_WORDS = re.compile(r"^[A-Za-z][a-z]+(?:[ -][A-Za-z][a-z]+)+$")
# PwC method collections whose members are named networks (Model per the guidelines).
MODEL_COLLECTIONS = re.compile(
    r"Models$|^Transformers$|^(?:Convolutional|Recurrent) Neural Networks$|^Vision Transformers$"
    r"|Transformers$|^Generative Adversarial Networks$|^Word Embeddings$"
)
# Words that make a name generic when the whole name consists of them.
GENERIC = set(
    [
        "a",
        "an",
        "the",
        "of",
        "for",
        "and",
        "or",
        "in",
        "on",
        "with",
        "to",
        "by",
        "from",
        "data",
        "dataset",
        "datasets",
        "set",
        "model",
        "models",
        "network",
        "networks",
        "method",
        "methods",
        "learning",
        "task",
        "tasks",
        "benchmark",
        "test",
        "train",
        "training",
        "evaluation",
        "score",
        "metric",
        "accuracy",
        "large",
        "small",
        "base",
        "new",
        "other",
        "general",
        "simple",
    ]
)
# Listed names too broad to name one thing (fields of study, data kinds, qualities).
TOO_BROAD = frozenset(
    [
        "deep learning",
        "machine learning",
        "artificial intelligence",
        "time series",
        "natural language",
        "robustness",
        "helpfulness",
        "harmlessness",
        "honesty",
        "fairness",
        "efficiency",
        "error propagation",
        "point clouds",
        "world knowledge",
        "computer vision",
        "data science",
        "big data",
        "neural networks",
        "neural network",
        "images",
        "videos",
        "text",
        "speech",
        "language",
        "knowledge",
        "reasoning",
        "alignment",
        "generalization",
        "zero-shot generalization",
        "cross-modal alignment",
        "cross-lingual alignment",
        "instruction following",
        "word representations",
        # formats and tools that some lists hold as names
        "html",
        "json",
        "xml",
        "pdf",
        "github",
        "python",
        "java",
        "javascript",
        "latex",
        "csv",
        "sql",
        "retrieval",
    ]
)
METRIC_HEADS = (
    r"\b(?:accuracy|error|score|rate|precision|recall|distance|divergence|similarity|index|coefficient)$"
)
# Words that qualify a measure in a metric list's entry without naming one ("Average MAE").
METRIC_QUALIFIERS = frozenset({"average", "avg", "avg.", "averaged", "overall", "total", "final"})
# Zipf frequency at or above which a lower-cased single word counts as ordinary English.
COMMON_ZIPF = 3.3
# A count with an optional unit letter: "16k", "100M".
QUANTITY = re.compile(r"^\d+(?:\.\d+)?[kmbKMB]?$")
Row = tuple[str, str, str, str]


def _clean(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().strip(",;:")


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _without_brackets(name: str) -> str:
    """``"Llama 3 (8B)"`` -> ``"Llama 3"``; the display names of HELM and Epoch."""
    return _clean(re.sub(r"\s*[([][^)\]]*[)\]]", "", name))


def is_name(name: str) -> bool:
    """Whether an entry reads as a name rather than ordinary English or a generic phrase."""
    if name.count("(") != name.count(")") or name.count("[") != name.count("]"):
        return False  # a truncated entry
    if len(name) < 2 or len(name) > 60 or not name[0].isalnum() or ":" in name:
        return False
    if not re.search(r"[A-Za-z]", name) or re.search(r"\d{5}", name):
        return False
    words = name.split()
    if name.lower() in TOO_BROAD or all(w.lower() in GENERIC or w.lower() in STOP_WORDS for w in words):
        return False  # "Among Them"
    if words[0] in ("a", "an", "the"):
        return False  # a description: "a multilingual form understanding benchmark"
    if len(words) == 1:
        word = name.strip("-")
        if QUANTITY.match(word):
            return False  # "16k"
        if re.fullmatch(r"[a-z]+-[a-z]+", word):
            return not all(_is_common(part) for part in word.split("-"))  # "long-term"
        shaped = re.search(r"[a-z][A-Z]|[A-Z]{2}|\d|[-_.]", word[1:]) is not None
        if shaped:
            return len(word) > 1
        return not _is_common(word)
    return True


def _is_common(word: str) -> bool:
    return zipf_frequency(word.lower(), "en") >= COMMON_ZIPF


def is_model_name(name: str) -> bool:
    """Whether a model list's entry is a name: lists also hold descriptions ("Image generation").

    >>> is_model_name("Image generation"), is_model_name("Stable Diffusion"), is_model_name("Llama 2")
    (False, True, True)
    """
    words = name.split()
    if len(words) < 2 or not all(w.isalpha() for w in words):
        return True
    return not (all(w.islower() for w in words[1:]) and all(_is_common(w) for w in words))


def pwc_methods(raw: Path) -> Iterator[Row]:
    with gzip.open(raw / "pwc" / "pwc_methods_2021.json.gz", "rt", encoding="utf-8") as f:
        for entry in json.load(f):
            collections = [c["collection"] for c in entry.get("collections") or []]
            kind = "Model" if any(MODEL_COLLECTIONS.search(c) for c in collections) else "Method"
            for name in dict.fromkeys([_clean(entry["name"]), _clean(entry.get("full_name") or "")]):
                if name:
                    # A long form of a network ("Residual Network") is still the Model.
                    yield name, kind, "pwc", entry["url"]


def data_kind(name: str) -> str:
    """Benchmark for a data name that says so ("MT-Bench", "AlpacaEval"), else Dataset.

    >>> data_kind("AlpacaEval"), data_kind("MT-Bench"), data_kind("Belgian Statutory Article Retrieval")
    ('Benchmark', 'Benchmark', 'Dataset')
    """
    return "Benchmark" if BENCHMARK_NAME.search(name) else "Dataset"


def pwc_datasets(raw: Path) -> Iterator[Row]:
    with gzip.open(raw / "pwc" / "pwc_datasets_2022.tsv.gz", "rt", encoding="utf-8") as f:
        csv.field_size_limit(sys.maxsize)
        for row in csv.DictReader(f, delimiter="\t"):
            url = row.get("owner") or ""
            if "paperswithcode.com/dataset/" not in url:
                continue
            for name in dict.fromkeys([_clean(row.get("title") or ""), _clean(row.get("subtitle") or "")]):
                if name:
                    yield _without_brackets(name) or name, data_kind(name), "pwc", url


# A description that says what the data is: "GLUE ... is a collection ...", "MMLU ... is a new benchmark".
DESCRIBED_AS_BENCHMARK = re.compile(
    r"(?i)^[^.]{0,200}?\b(?:is|are)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,5}?(?:benchmark|leaderboard)s?\b"
    r"(?!\s+(?:datasets?|corpus|corpora)\b)"
)


def is_described_as_benchmark(subtitle: str, description: str) -> bool:
    """Whether a PwC dataset's full name or the first sentence of its description calls it a benchmark.

    >>> is_described_as_benchmark("General Language Understanding Evaluation benchmark", "")
    True
    >>> is_described_as_benchmark("", "MMLU (Massive Multitask Language Understanding) is a new benchmark.")
    True
    >>> is_described_as_benchmark("", "SuperGLUE is a benchmark dataset designed to pose a test.")
    False
    >>> is_described_as_benchmark("", "The ImageNet dataset contains images. It is a benchmark.")
    False
    """
    first = description.split("\n", 1)[0]
    return (
        re.search(r"(?i)\bbenchmark\b", subtitle) is not None
        or DESCRIBED_AS_BENCHMARK.search(first) is not None
    )


def pwc_described_benchmarks(raw: Path) -> frozenset[str]:
    """The case-folded names of the PwC datasets that PwC itself describes as benchmarks."""
    names = set()
    with gzip.open(raw / "pwc" / "pwc_datasets_2022.tsv.gz", "rt", encoding="utf-8") as f:
        csv.field_size_limit(sys.maxsize)
        for row in csv.DictReader(f, delimiter="\t"):
            if is_described_as_benchmark(row.get("subtitle") or "", row.get("description") or ""):
                for name in (_clean(row.get("title") or ""), _clean(row.get("subtitle") or "")):
                    if name:
                        names.add((_without_brackets(name) or name).casefold())
    return frozenset(names)


def pwc_tasks(raw: Path) -> Iterator[Row]:
    with tarfile.open(raw / "pwc" / "pwc_tasks_2025_worldsnapshot.tar.gz") as tar:
        member = tar.extractfile("data/all_tasks.txt")
        assert member is not None
        for line in io.TextIOWrapper(member, encoding="utf-8"):
            name = _clean(line.strip().strip('"'))
            if name:
                url = f"https://paperswithcode.com/task/{_slug(name)}"
                yield name, "Task", "pwc", url
                short = bracketed_acronym(name)
                if short is not None:
                    yield short, "Task", "pwc", url


# "Automatic Speech Recognition (ASR)": a name and, in brackets, a short form of it.
BRACKETED = re.compile(r"^(.+?) \(([A-Z][A-Za-z]*[A-Z][A-Za-z]*)\)$")


def bracketed_acronym(name: str) -> str | None:
    """The acronym a listed name gives in brackets, where its capitals are the long form's initials.

    >>> bracketed_acronym("Automatic Speech Recognition (ASR)"), bracketed_acronym("Image Retrieval (CoIR)")
    ('ASR', None)
    >>> bracketed_acronym("Electrocardiography (ECG)"), bracketed_acronym("Face Recognition (Closed-Set)")
    (None, None)
    """
    match = BRACKETED.match(name)
    if match is None:
        return None
    initials = [word[0].upper() for word in re.split(r"[\s-]+", match.group(1)) if word[:1].isupper()]
    capitals = [char for char in match.group(2) if char.isupper()]
    return match.group(2) if capitals == initials else None


def pwc_task_tables(raw: Path) -> Iterator[Row]:
    """Metrics and datasets named in the task summaries (their id: the task that lists them).

    A metric must be listed for two tasks or more: the columns also hold one-off entries
    that are model names ("ViT") or descriptions.
    """
    rows = list(_task_table_rows(raw))
    metric_tasks = Counter(name for name, kind, _, _ in rows if kind == "Metric")
    for row in rows:
        if row[1] != "Metric" or metric_tasks[row[0]] >= 2:
            yield row


def _task_table_rows(raw: Path) -> Iterator[Row]:
    with tarfile.open(raw / "pwc" / "pwc_tasks_2025_worldsnapshot.tar.gz") as tar:
        for member in sorted(tar.getmembers(), key=lambda m: m.name):
            if not member.name.endswith("_tasks_detailed.csv") or "/all_" in member.name:
                continue
            handle = tar.extractfile(member)
            assert handle is not None
            for row in csv.DictReader(io.TextIOWrapper(handle, encoding="utf-8")):
                task = row.get("Task Name") or ""
                url = f"https://paperswithcode.com/task/{_slug(task)}"
                columns = (("SOTA Metrics", "Metric"), ("Common Datasets (Top 10)", "Dataset"))
                for column, kind in columns:
                    for item in (row.get(column) or "").split("; "):
                        item = _clean(item)
                        inner = re.fullmatch(r"(.+?) \(([^()]+)\)", item)
                        names = [inner.group(1), inner.group(2)] if inner else [item]
                        for name in names:
                            if name and kind == "Dataset":
                                yield name, data_kind(name), "pwc", url
                            elif name and _reads_as_metric(name):
                                yield name, kind, "pwc", url


def _reads_as_metric(name: str) -> bool:
    """Metric columns also hold descriptions ("model size", "ablation"); keep measures.

    >>> _reads_as_metric("mAP@0.5"), _reads_as_metric("top-1 accuracy"), _reads_as_metric("model size")
    (True, True, False)
    """
    if re.search(r"[A-Z]{2}|[a-z][A-Z]|@|\d", name[1:]):
        return True
    return re.search(METRIC_HEADS, name.lower()) is not None


def helm(raw: Path) -> Iterator[Row]:
    with gzip.open(raw / "helm" / "model_metadata.yaml.gz", "rt", encoding="utf-8") as f:
        for model in yaml.safe_load(f)["models"]:
            if model["name"].startswith("simple/"):
                continue
            display = _clean(model.get("display_name") or "")
            for name in dict.fromkeys([display, _without_brackets(display)]):
                if name:
                    yield name, "Model", "helm", model["name"]
    with gzip.open(raw / "helm" / "model_deployments.yaml.gz", "rt", encoding="utf-8") as f:
        for deployment in yaml.safe_load(f)["model_deployments"]:
            args = (deployment.get("client_spec") or {}).get("args") or {}
            repo = args.get("pretrained_model_name_or_path")
            if isinstance(repo, str) and "/" in repo:
                yield repo.rsplit("/", 1)[1], "Model", "helm", deployment["model_name"]
    with tarfile.open(raw / "helm" / "benchmark_schemas.tar.gz") as tar:
        for member in sorted(tar.getmembers(), key=lambda m: m.name):
            handle = tar.extractfile(member)
            if handle is None:
                continue
            schema = yaml.safe_load(handle) or {}
            for metric in schema.get("metrics") or []:
                for key in ("display_name", "short_display_name"):
                    name = _without_brackets(str(metric.get(key) or ""))
                    if name and not name.islower():  # "# tokens", "natural language" are descriptions
                        yield name, "Metric", "helm", f"metric/{metric['name']}"
            for group in schema.get("run_groups") or []:
                if group.get("subgroups"):
                    continue  # a category of scenarios ("Sentiment analysis"), not a benchmark
                display = str(group.get("display_name") or "")
                short = _without_brackets(display)
                long = re.search(r"\(([^)]+)\)", display)
                for name in filter(None, dict.fromkeys([short, long and _clean(long.group(1))])):
                    if name.islower():
                        continue
                    yield name, "Benchmark", "helm", f"run_group/{group['name']}"


def epoch(raw: Path) -> Iterator[Row]:
    with gzip.open(raw / "epoch_ai" / "all_ai_models_2025-03.csv.gz", "rt", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            display = _clean(row["Model"])
            ident = row.get("Link") or f"epoch:{display}"
            for name in dict.fromkeys([display, _without_brackets(display)]):
                if name:
                    yield name, "Model", "epoch", ident.split()[0].rstrip(",")


def _rank(name: str, kind: str) -> int:
    """``PRIORITY`` of a type, a benchmark's first where its name says so ("IFEval", "MT-Bench"),
    and a task's before a dataset's or benchmark's of the same plain words.

    >>> _rank("IFEval", "Benchmark") < _rank("IFEval", "Dataset") < _rank("XNLI", "Benchmark")
    True
    >>> _rank("Sentiment analysis", "Task") < _rank("Sentiment analysis", "Benchmark")
    True
    """
    if kind == "Benchmark" and BENCHMARK_NAME.search(name):
        return 0
    if kind in ("Dataset", "Benchmark") and PLAIN_WORDS.match(name):
        return PRIORITY["Task"] + 1  # "Sentiment analysis" the benchmark is the task first
    return PRIORITY[kind]


# A family's versions: the family name, then a version or size ("Claude 2", "Falcon-40B", "Yi-1.5-9B").
FAMILY_MEMBER = re.compile(r"^(\w+)[- ]?v?\d")
# Versions a model list must hold for a one-word family name that reads as English to be kept.
FAMILY_VERSIONS = 3


def model_families(rows: list[Row]) -> frozenset[str]:
    """Capitalised one-word names of model families with ``FAMILY_VERSIONS`` listed versions or more.

    "Claude", "Gemma", "Whisper" read as English words, but a list holding "Claude 2",
    "Claude 3 Opus" and "Claude 3.5 Sonnet" shows the word names models.

    >>> rows = [(n, "Model", "epoch", "") for n in ["Claude 2", "Claude 3", "Claude-1.3", "Boss 1"]]
    >>> sorted(model_families(rows))
    ['Claude']
    """
    versions: Counter[str] = Counter()
    for name, kind, _, _ in rows:
        member = FAMILY_MEMBER.match(name) if kind == "Model" else None
        if member is not None and member.group(1)[:1].isupper():
            versions[member.group(1)] += 1
    return frozenset(name for name, n in versions.items() if n >= FAMILY_VERSIONS)


# A family's version after its name, set apart or after a small letter: "Zorbo 2-7B", "Zorbo-V2",
# "Zorbo3" (not "MobileNetV2", "YOLOv5", "GPT3": the word would be "MobileNetV", "YOLOv", "GPT").
SEPARATED_MEMBER = re.compile(r"^(?:(\w+)[- ][vV]?|([A-Za-z]*[a-uw-z]))\d")


def family_words(rows: list[Row]) -> Iterator[Row]:
    """Model rows for the one-word names of families that ``FAMILY_VERSIONS`` listed models version.

    Abstracts name a family by its word alone ("Zorbo outperforms ..."), where the lists hold
    only its versions ("Zorbo 2-7B", "Zorbo-13B", "Zorbo3"). The word must be set apart from
    the version or end in a small letter, not read as English and not be listed itself.

    >>> names = ["Zorbo 2-7B", "Zorbo-13B", "Zorbo3", "YOLOv5", "YOLOv7", "YOLOv8", "Table 1", "Table 2"]
    >>> [row[0] for row in family_words([(n, "Model", "epoch", n) for n in names + ["Table 3"]])]
    ['Zorbo']
    """
    listed = {name.casefold() for name, _, _, _ in rows}
    members: dict[str, list[Row]] = {}
    for row in rows:
        match = SEPARATED_MEMBER.match(row[0]) if row[1] == "Model" else None
        word = match.group(1) or match.group(2) if match is not None else ""
        if word[:1].isupper():
            members.setdefault(word, []).append(row)
    for word, found in members.items():
        if len(found) < FAMILY_VERSIONS or len(word) < 4 or word.casefold() in listed:
            continue
        if is_name(word) and not _is_common(word):
            listed.add(word.casefold())
            yield word, "Model", found[0][2], found[0][3]


# What may follow a model family's one-word name in a listed model's name: a version or a
# short capitalised variant ("VideoMAE V2", "Perceiver IO"), or a class word ("Swin Transformer").
BASE_VERSION = re.compile(r"^(?:[vV]?\d{1,2}(?:\.\d+)*|(?!AI$)[A-Z]{1,2})$")
BASE_CLASS_WORD = re.compile(r"^(?:Transformers?|Networks?|Net)$")
# A word coined by joining words, with a capital after a small letter: "UNet", "BiSeNet".
CAMEL_CASE = re.compile(r"[a-z][A-Z]")
# Plain words joined by hyphens ("Self-Attention", "Criss-Cross"): descriptions, not coinages.
PLAIN_COMPOUND = re.compile(r"^[A-Za-z][a-z]+(?:-[A-Za-z][a-z]+)+$")


def model_bases(rows: list[Row]) -> Iterator[Row]:
    """Model rows for the one-word names that listed model names extend with a version or class word.

    Abstracts name a family by its coined word alone ("Swin", "Perceiver", "VideoMAE"), where
    the lists hold "Swin Transformer", "Perceiver IO" and "VideoMAE V2". The word must not
    read as English, be listed itself, or start a listed name of another type ("Sinkhorn
    distance"). Before a class word, many a word is a description ("Sparse Transformer",
    "Levenshtein Transformer"), so there the word must be camel-cased or start two listed models.

    >>> names = ["Swin Transformer", "Swin Transformer V2", "Perceiver IO", "Levenshtein Transformer"]
    >>> [row[0] for row in model_bases([(n, "Model", "pwc", n) for n in names])]
    ['Swin', 'Perceiver']
    >>> rows = [("Perceiver IO", "Model", "pwc", ""), ("Perceiver Distance", "Metric", "pwc", "")]
    >>> list(model_bases(rows))
    []
    """
    models = {name.casefold() for name, kind, _, _ in rows if kind == "Model"}
    listed = {name.casefold() for name, _, _, _ in rows}
    other_starts = {
        name.split()[0].casefold() for name, _, _, _ in rows if " " in name and name.casefold() not in models
    }
    members = Counter(name.split()[0] for name in models if " " in name)
    for name, kind, source, ident in rows:
        words = name.split()
        if kind != "Model" or len(words) < 2:
            continue
        base, suffix = words[0], words[1:]
        if not all(BASE_VERSION.match(word) or BASE_CLASS_WORD.match(word) for word in suffix):
            continue
        named_by_class = any(BASE_CLASS_WORD.match(word) for word in suffix)
        if named_by_class and not CAMEL_CASE.search(base) and members[base.casefold()] < 2:
            continue
        if (
            base[:1].isupper()
            and base.casefold() not in listed
            and base.casefold() not in other_starts
            and not PLAIN_COMPOUND.match(base)
            and is_name(base)
            and not _is_common(base)
        ):
            listed.add(base.casefold())
            yield base, "Model", source, ident


# A data name that is one word and a year or a version: "IWSLT 2017", "OntoNotes 5.0", "VisDA-2017".
DATA_EDITION = re.compile(r"^([A-Za-z][\w]*[A-Za-z])[ -](?:(?:19|20)\d\d|\d{1,2}\.\d{1,2})$")


def data_families(rows: list[Row]) -> Iterator[Row]:
    """Data rows for the one-word names that listed data names extend with a year or version only.

    Papers name a series of shared tasks or corpus releases by its word alone ("IWSLT",
    "OntoNotes") or with a short year ("IWSLT17"), where the lists hold "IWSLT 2017" and
    "OntoNotes 5.0". The word must not read as English or be listed itself, and a word of
    three letters must have two editions (one is as likely some other acronym). The type is
    Benchmark where every such edition is one, else Dataset.

    >>> names = ["ZRK 2014", "ZRK 2016", "The 2019", "Blip 2.0 Large", "Zorkle 1.0", "QRS 2020"]
    >>> [row[:2] for row in data_families([(n, "Dataset", "pwc", n) for n in names])]
    [('ZRK', 'Dataset'), ('Zorkle', 'Dataset')]
    """
    listed = {name.casefold() for name, _, _, _ in rows}
    editions: dict[str, list[Row]] = {}
    for row in rows:
        match = DATA_EDITION.match(row[0]) if row[1] in ("Dataset", "Benchmark") else None
        if match is not None:
            editions.setdefault(match.group(1), []).append(row)
    for base, found in editions.items():
        if base.casefold() in listed or not is_name(base) or _is_common(base):
            continue
        if len(base) < 4 and len(found) < 2:
            continue
        listed.add(base.casefold())
        kind = "Benchmark" if all(row[1] == "Benchmark" for row in found) else "Dataset"
        yield base, kind, found[0][2], found[0][3]


# Prefixes that English joins to the next word with a hyphen, where lists may write a space.
HYPHENATED_PREFIX = re.compile(
    r"(?i)(?<![\w-])(non|multi|self|cross|semi|pre|post|co|anti|inter|intra) (?=[A-Za-z])"
)


def hyphenated_variants(rows: list[Row]) -> Iterator[Row]:
    """Each multi-word row again with its prefix words hyphenated, as texts write them.

    >>> [row[0] for row in hyphenated_variants([("Non Maximum Suppression", "Method", "pwc", "")])]
    ['Non-Maximum Suppression']
    >>> list(hyphenated_variants([("Self-Attention Network", "Model", "pwc", "")]))
    []
    """
    for name, kind, source, ident in rows:
        variant = HYPHENATED_PREFIX.sub(r"\1-", name)
        if variant != name:
            yield variant, kind, source, ident


def _unbracketed(row: Row) -> Row:
    """``row`` with its name's bracketed part taken off ("X (Y)" -> "X")."""
    name, kind, source, source_id = row
    return _without_brackets(name) or name, kind, source, source_id


def build(raw: Path) -> list[Row]:
    """All kept entries, one per (name, type), the first source by priority winning."""
    best: dict[str, Row] = {}
    rows = [
        *helm(raw),
        *epoch(raw),
        *pwc_datasets(raw),
        *pwc_methods(raw),
        *pwc_tasks(raw),
        *pwc_task_tables(raw),
    ]
    plain = [_unbracketed(row) for row in rows]
    for derive in (model_bases, data_families, family_words):
        derived = list(derive(plain))  # one-word names: no brackets to take off
        rows += derived
        plain += derived
    variants = list(hyphenated_variants(rows))
    rows += variants
    families = model_families(plain + [_unbracketed(row) for row in variants])
    for row in rows:
        row = _unbracketed(row)
        name, kind = row[0], row[1]
        family = kind == "Model" and name in families
        if not family and (not is_name(name) or (kind == "Model" and not is_model_name(name))):
            continue
        key = name.casefold()
        old = best.get(key)
        if old is None or _rank(name, kind) < _rank(old[0], old[1]):
            best[key] = row
    # A dataset that PwC describes as a benchmark is one ("GLUE"); the text may still say otherwise.
    for key in pwc_described_benchmarks(raw) & best.keys():
        if best[key][1] == "Dataset":
            best[key] = (best[key][0], "Benchmark", *best[key][2:])
    data = {key for key, row in best.items() if row[1] in ("Dataset", "Benchmark")}
    return sorted(row for row in best.values() if row[1] != "Metric" or is_measure_name(row[0], data))


def is_measure_name(name: str, data: set[str]) -> bool:
    """Whether a metric entry names a measure, not a measure on some data or an average of one.

    The task tables list "ImageNet Top-1 Accuracy", "Average MAE" and "10 Hops" as metrics;
    the measures are "Top-1 Accuracy" and "MAE".

    >>> data = {"imagenet"}
    >>> [is_measure_name(n, data) for n in ["ImageNet Top-1 Accuracy", "Average MAE", "10 Hops", "Mean IoU"]]
    [False, False, False, True]
    """
    words = name.split()
    if len(words) < 2:
        return True
    first = words[0].casefold()
    return first not in data and first not in METRIC_QUALIFIERS and not first[0].isdigit()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], epilog="Needs pyyaml and wordfreq: pip install -e '.[data]'."
    )
    parser.add_argument("raw", nargs="?", type=Path, default=RAW, help=f"the raw lists (default: {RAW})")
    parser.add_argument("out", nargs="?", type=Path, default=OUT, help=f"the list written (default: {OUT})")
    args = parser.parse_args()
    rows = build(args.raw)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n")
    writer.writerow(["name", "type", "source", "id"])
    writer.writerows(rows)
    # No name or time in the gzip header: the same input gives the same bytes wherever they go.
    # Renamed into place whole, so a failed run leaves the shipped list as it was.
    staging = args.out.with_name(f".{args.out.name}.tmp")
    with open(staging, "wb") as f, gzip.GzipFile(filename="", fileobj=f, mode="wb", mtime=0) as gz:
        gz.write(buffer.getvalue().encode("utf-8"))
    os.replace(staging, args.out)
    print(f"{len(rows)} names -> {args.out}")


if __name__ == "__main__":
    main()
