"""Synthetic ML abstracts that stand in for real corpora in benchmarks.

Each abstract follows the moves of a real one (context, gap, proposal, method,
experiments, results) and names things the way papers do: well-known methods,
models, datasets, benchmarks, tasks and metrics drawn from a name list with a
Zipf-like skew (a few names are everywhere, most are rare), plus one new name per
paper that later papers go on to use, as in a literature that grows.

Paper ``i`` depends only on ``(seed, i)`` and the name list, never on ``n``: the
first 1,000 papers of a 10,000-paper corpus are the 1,000-paper corpus, so adding
papers to a corpus is generating a longer one.

>>> first = list(synthetic_records(3, seed=7))
>>> first == list(synthetic_records(5, seed=7))[:3]
True
>>> sorted(first[0])
['abstract', 'authors', 'date', 'id', 'title']
>>> first[0]["id"]
'syn-7-0000000'
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import random
from bisect import bisect
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate
from pathlib import Path

from kg.model import ENTITY_TYPES, EntityType

# A few names of each type, enough for benchmarks until the shipped list is passed in.
BUILTIN_NAMES: dict[EntityType, tuple[str, ...]] = {
    "Method": (
        "Transformer", "LoRA", "DPO", "PPO", "RLHF", "Adam", "dropout", "knowledge distillation",
        "contrastive learning", "chain-of-thought prompting", "beam search", "FlashAttention",
        "diffusion", "QLoRA", "mixture of experts", "self-attention", "layer normalization",
        "in-context learning", "retrieval-augmented generation", "instruction tuning",
    ),
    "Model": (
        "GPT-4", "BERT", "LLaMA-2-7B", "Mistral-7B", "T5", "CLIP", "ViT-B/16", "ResNet-50",
        "Stable Diffusion", "RoBERTa", "GPT-3.5", "Qwen2-7B", "Llama 3", "Gemma-2B", "BLIP-2",
        "Whisper", "SAM", "DINOv2", "Mixtral-8x7B", "Vicuna-13B",
    ),
    "Dataset": (
        "ImageNet", "COCO", "SQuAD", "CIFAR-10", "WikiText-103", "C4", "LAION-5B", "Common Crawl",
        "OpenWebText", "MS MARCO", "Natural Questions", "HotpotQA", "GSM8K", "Visual Genome",
        "LibriSpeech", "ShareGPT", "Alpaca", "UltraFeedback", "The Pile", "ADE20K",
    ),
    "Benchmark": (
        "MMLU", "GLUE", "SuperGLUE", "HumanEval", "MT-Bench", "BIG-bench", "HellaSwag",
        "TruthfulQA", "AlpacaEval", "MATH", "ARC", "WinoGrande", "MBPP", "VQAv2", "GenEval",
        "DPG-Bench", "LongBench", "Chatbot Arena", "HELM", "MMMU",
    ),
    "Task": (
        "question answering", "image classification", "machine translation", "summarization",
        "text-to-image generation", "object detection", "semantic segmentation", "code generation",
        "mathematical reasoning", "named entity recognition", "image captioning", "speech recognition",
        "visual question answering", "language modeling", "information retrieval",
    ),
    "Metric": (
        "accuracy", "F1", "BLEU", "ROUGE-L", "perplexity", "FID", "CLIP score", "exact match",
        "pass@1", "win rate", "mAP", "mIoU", "WER", "BERTScore", "top-1 accuracy",
    ),
}  # fmt: skip

_PARTS = (
    "Adaptive", "Aligned", "Anchored", "Asymmetric", "Bidirectional", "Calibrated", "Causal",
    "Compositional", "Conditional", "Contrastive", "Curriculum", "Decoupled", "Dense", "Diverse", "Dynamic",
    "Efficient", "Entropy", "Factorized", "Gated", "Generative", "Graph", "Grounded", "Hierarchical",
    "Implicit", "Iterative", "Latent", "Masked", "Modular", "Multiscale", "Neural", "Online", "Orthogonal",
    "Progressive", "Prompted", "Recurrent", "Residual", "Robust", "Scalable", "Selective", "Sparse",
    "Spectral", "Structured", "Temporal", "Token", "Unified", "Variational"
)  # fmt: skip
_HEADS = (
    "Alignment", "Attention", "Decoding", "Diffusion", "Distillation", "Encoding", "Experts", "Fusion",
    "Guidance", "Inference", "Optimization", "Pruning", "Quantization", "Ranking", "Reasoning",
    "Refinement", "Regularization", "Retrieval", "Routing", "Sampling", "Tuning"
)  # fmt: skip
_SYLLABLES = (
    "ka", "lo", "mi", "ra", "ve", "zu", "no", "ti", "sa", "re", "xa", "po", "li", "gen", "ora", "tal",
    "vin", "dex", "mo", "ny", "qua", "fer"
)  # fmt: skip
_FIRST = (
    "Wei", "Anna", "Rahul", "Maria", "Jun", "Lena", "Omar", "Yuki", "Sofia", "Chen", "Priya", "Lucas",
    "Amir", "Elena", "Tom", "Mei"
)  # fmt: skip
_LAST = (
    "Zhang", "Smith", "Kumar", "Garcia", "Li", "Müller", "Haddad", "Tanaka", "Rossi", "Wang", "Patel",
    "Martin", "Karimi", "Ivanova"
)  # fmt: skip

# An abstract takes ``count`` sentences from each move, in order; {new} is the paper's own
# coinage, {defined} its first use ("Long Form (LF)" where it is an acronym, else the name).
_MOVES: tuple[tuple[int, tuple[str, ...]], ...] = (
    (1, (
        "{Task} has seen rapid progress with large pretrained models such as {model} and {model2}.",
        "Recent work on {task} relies on {method}, yet its behaviour at scale remains poorly understood.",
        "Models like {model} have become the default backbone for {task}, but they remain costly to adapt.",
        "Scaling {method} to billions of parameters has transformed {task} and {task2} alike.",
    )),
    (1, (
        "However, existing approaches based on {method} struggle when the training data is noisy or "
        "the target distribution shifts.",
        "Prior methods such as {method} and {method2} require large amounts of labelled data and "
        "careful tuning.",
        "Despite its popularity, {method} offers little control over the trade-off between quality and cost.",
        "Yet current evaluations on {benchmark} saturate quickly and say little about robustness.",
    )),
    (1, (
        "In this paper, we propose {defined}, a simple and general {kind} for {task}.",
        "We introduce {defined}, a {kind} that combines {method} with {method2} in a single training stage.",
        "To address this, we present {defined}, a new {kind} for {task}.",
    )),
    (3, (
        "{New} learns a compact representation of each input and uses it to guide {method2} during "
        "training.",
        "Unlike previous work, {new} does not require any additional annotation and adds negligible "
        "overhead.",
        "Our key insight is that the errors of {model} are structured, so that a lightweight correction "
        "suffices to recover most of the lost performance.",
        "Building on {prior}, we further show how the same idea extends to {task2}.",
        "The construction relies on {method} to filter low-quality samples before training with {method2}.",
        "We also derive a bound that explains when {method} fails and how {new} avoids the failure.",
    )),
    (2, (
        "Experiments on {dataset} and {benchmark} show that {new} improves {metric} by {gain} points over "
        "{prior} and {model}.",
        "We evaluate {new} on {benchmark}, {benchmark2} and {dataset}, where it outperforms strong baselines "
        "including {prior} in {metric}.",
        "Extensive experiments with {model} on {dataset} demonstrate consistent gains in {metric} and "
        "{metric2}.",
        "On {benchmark2}, the {metric2} of {new} reaches {score}, compared with {score2} for {model2}.",
    )),
    (1, (
        "Remarkably, {new} matches the {metric} of {model2} while using {ratio}x fewer parameters.",
        "Ablation studies confirm that each component contributes to the final result.",
        "We further analyse the failure cases and find that most errors stem from ambiguous inputs.",
    )),
    (1, (
        "Code and models are publicly available.",
        "We release our code, data and trained checkpoints to facilitate future research on {task}.",
        "These results suggest that {new} is a practical alternative to {method} for {task}.",
    )),
)  # fmt: skip
_TITLES = (
    "{new}: A {Kind} for {Task_title}",
    "{new}: Towards Robust {Task_title} with {Method}",
    "Rethinking {Method} for {Task_title} with {new}",
)
_TITLE_WITH_LONG_FORM = "{new}: {Long_title} for {Task_title}"


@dataclass(frozen=True)
class NameList:
    """Names of each entity type, sampled with weight ``1 / rank``.

    >>> names = NameList({"Metric": ("accuracy", "F1")})
    >>> names.draw(random.Random(0), "Metric") in ("accuracy", "F1")
    True
    """

    names: Mapping[str, Sequence[str]]

    @cached_property
    def _cumulative(self) -> dict[str, list[float]]:
        return {kind: list(accumulate(1 / rank for rank in range(1, len(found) + 1)))
                for kind, found in self.names.items()}  # fmt: skip

    def draw(self, rng: random.Random, kind: str) -> str:
        weights = self._cumulative[kind]
        return self.names[kind][bisect(weights, rng.random() * weights[-1])]


def load_names(path: str | Path, seed: int = 0) -> NameList:
    """The names of a TSV list with ``name`` and ``type`` columns (gzip if ``.gz``).

    The list's order carries no popularity, so the ranks behind the Zipf weights
    come from a shuffle by ``seed``; types missing from the file keep the built-in names.
    """
    path = Path(path)
    raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    found: dict[str, list[str]] = {kind: [] for kind in ENTITY_TYPES}
    for row in csv.DictReader(io.StringIO(raw.decode("utf-8")), delimiter="\t"):
        if row.get("type") in found and row.get("name"):
            found[row["type"]].append(row["name"])
    order = random.Random(seed)
    for kind, names in found.items():
        names.sort()
        order.shuffle(names)
        if not names:
            names.extend(BUILTIN_NAMES[kind])
    return NameList(found)


def _coinage(seed: int, index: int) -> tuple[str, str | None, EntityType]:
    """Paper ``index``'s new name: its short form, the long form it abbreviates (if any), its type."""
    rng = random.Random(f"kg-coinage:{seed}:{index}")
    kind: EntityType = rng.choices(("Method", "Model", "Dataset", "Benchmark"), (50, 20, 15, 15))[0]
    stem = "".join(rng.sample(_SYLLABLES, 2)).capitalize()
    if kind == "Model":
        return f"{stem}-{rng.choice((1, 3, 7, 8, 13, 70))}B", None, kind
    if kind == "Dataset":
        return f"{stem}{rng.choice(('QA', 'Set', '-1M', '-40K', 'Corpus'))}", None, kind
    if kind == "Benchmark":
        return (f"{stem}-Bench" if rng.random() < 0.6 else f"{stem}Eval"), None, kind
    words = [*rng.sample(_PARTS, rng.choice((2, 2, 3))), rng.choice(_HEADS)]
    acronym = "".join(w[0] for w in words).upper() + rng.choice(("", "", "-2", "++", "Net", "Former"))
    return acronym, " ".join(words), kind


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _title_case(text: str) -> str:
    return " ".join(_capitalised(word) for word in text.split(" "))


def synthetic_record(seed: int, index: int, names: NameList) -> dict[str, object]:
    """Paper ``index`` of the corpus ``seed``, as a JSON Lines record."""
    rng = random.Random(f"kg-synthetic:{seed}:{index}")
    new, long, kind = _coinage(seed, index)
    # Earlier papers' names are reused with a skew towards the oldest, as citations are.
    prior = _coinage(seed, int(index * rng.random() ** 2))[0] if index else names.draw(rng, "Method")
    slots = {"new": new, "kind": kind.lower(), "prior": prior, "defined": f"{long} ({new})" if long else new,
             "gain": f"{rng.uniform(0.5, 9.5):.1f}", "ratio": str(rng.choice((2, 3, 4, 8, 10))),
             "score": f"{rng.uniform(20, 90):.1f}", "score2": f"{rng.uniform(20, 90):.1f}"}  # fmt: skip
    for entity_type in ENTITY_TYPES:
        first = names.draw(rng, entity_type)
        second = next((n for n in (names.draw(rng, entity_type) for _ in range(4)) if n != first), first)
        slots[entity_type.lower()], slots[f"{entity_type.lower()}2"] = first, second
    slots |= {_capitalised(key): _capitalised(value) for key, value in slots.items()}
    slots |= {"Task_title": _title_case(slots["task"]), "Long_title": long or ""}
    sentences = [sentence for count, move in _MOVES for sentence in rng.sample(move, count)]
    title = _TITLE_WITH_LONG_FORM if long and rng.random() < 0.5 else rng.choice(_TITLES)
    return {
        "id": f"syn-{seed}-{index:07d}",
        "title": title.format(**slots),
        "abstract": " ".join(sentence.format(**slots) for sentence in sentences),
        "authors": [f"{rng.choice(_FIRST)} {rng.choice(_LAST)}" for _ in range(rng.randint(1, 6))],
        "date": f"{rng.randint(2018, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
    }


def synthetic_records(n: int, seed: int = 0, names: NameList | None = None) -> Iterator[dict[str, object]]:
    """The first ``n`` papers of the synthetic corpus ``seed``."""
    names = names or NameList(BUILTIN_NAMES)
    for index in range(n):
        yield synthetic_record(seed, index, names)


def write_corpus(path: str | Path, n: int, seed: int = 0, names: NameList | None = None) -> Path:
    """Write ``n`` synthetic papers to the JSON Lines file ``path``, for ``kg build``."""
    path = Path(path)
    with path.open("w", encoding="utf-8") as out:
        for record in synthetic_records(n, seed, names):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
