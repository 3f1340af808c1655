"""Unit tests for each rule family of the extractor, with the traps named in the issue."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract import extract
from kg.extract.abbreviations import find_abbreviations
from kg.extract.cues import context_type
from kg.extract.entities import is_generic
from kg.extract.known_names import lookup
from kg.extract.phrases import find_phrases
from kg.extract.sentences import split_sentences
from kg.extract.shapes import find_names, name_type
from kg.model import Paper


def ents(pipeline: Language, text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in pipeline(text).ents]


# Known names -------------------------------------------------------------------------------


def test_lookup_keeps_source_and_id() -> None:
    entry = lookup("ImageNet")
    assert entry is not None
    assert (entry.type, entry.source) == ("Dataset", "pwc")
    assert entry.id.startswith("https://paperswithcode.com/dataset/")


def test_known_names_are_matched_and_carry_their_source(pipeline: Language) -> None:
    doc = pipeline("We fine-tune BERT on SQuAD.")
    found = {e.text: e._.kg_source_id for e in doc.ents}
    assert found["BERT"] is not None and found["SQuAD"] is not None


def test_ordinary_words_are_not_known_names() -> None:
    assert lookup("attention") is None and lookup("performance") is None


# Name shapes -------------------------------------------------------------------------------


def test_clip_based_names_clip(pipeline: Language) -> None:
    assert ("CLIP", "Model") in ents(pipeline, "We train CLIP-based reward models for alignment.")


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("DPG-Bench", "Benchmark"),
        ("EvalMuse-40K", "Dataset"),
        ("Mistral-7B-Instruct-v0.2", "Model"),
        ("SoftREPA", "Method"),
        ("F-CLIPScore", "Metric"),
    ],
)
def test_type_from_the_name_itself(name: str, kind: str) -> None:
    assert name_type(name) == kind


def test_coinages_with_greek_letters_and_versions() -> None:
    text = "We compare λ-ECLIPSE with Kandinsky v2.2 and Llama 3 8B Instruct."
    names = [text[s:e] for s, e in find_names(text)]
    assert "λ-ECLIPSE" in names and "Kandinsky v2.2" in names and "Llama 3 8B Instruct" in names


def test_urls_and_units_are_not_names() -> None:
    text = "Code: https://github.com/ABC/XYZ-Net. It runs at 30 FPS on 8 GPUs with 7B parameters."
    assert [text[s:e] for s, e in find_names(text)] == ["FPS"]


# Context cues ------------------------------------------------------------------------------


def test_the_coco_dataset_is_coco(pipeline: Language) -> None:
    assert ("COCO", "Dataset") in ents(pipeline, "Experiments on the COCO dataset show gains.")


def test_three_benchmarks_in_a_list(pipeline: Language) -> None:
    found = ents(pipeline, "We evaluate on benchmarks such as MMLU, GSM8K and TruthfulQA.")
    assert {("MMLU", "Benchmark"), ("GSM8K", "Benchmark"), ("TruthfulQA", "Benchmark")} <= set(found)


def test_apposition_types_a_new_model() -> None:
    assert context_type("We present ", ", a multimodal LLM that aligns images.") == "Model"


def test_following_head_noun_types_a_list() -> None:
    assert context_type("on ", ", Flickr30K and MSCOCO datasets.") == "Dataset"


# Generic class words -----------------------------------------------------------------------


@pytest.mark.parametrize("text", ["LLMs", "MLLMs", "large language models", "diffusion models", "VLM"])
def test_class_words_are_generic(text: str) -> None:
    assert is_generic(text)


def test_llms_is_not_an_entity(pipeline: Language) -> None:
    found = ents(pipeline, "Large language models (LLMs) and MLLMs struggle; diffusion models too.")
    assert found == []


# Phrases typed by their head ---------------------------------------------------------------


def test_task_and_method_phrases() -> None:
    text = "Automatic speech recognition benefits from contrastive learning and a triplet contrastive loss."
    found = [(text[s:e], t) for s, e, t in find_phrases(text)]
    assert ("speech recognition", "Task") in found or ("Automatic speech recognition", "Task") in found
    assert ("contrastive learning", "Method") in found
    assert ("triplet contrastive loss", "Method") in found


def test_verbs_do_not_start_a_phrase() -> None:
    text = "We stabilize training and improve image generation."
    found = [text[s:e] for s, e, _ in find_phrases(text)]
    assert "image generation" in found
    assert not any(phrase.startswith(("stabilize", "improve")) for phrase in found)


# Abbreviations (Schwartz and Hearst) -------------------------------------------------------


def test_abbreviation_pairs_share_a_type(pipeline: Language) -> None:
    doc = pipeline("We use Direct Preference Optimization (DPO). Later, DPO is compared with PPO.")
    assert [(long.text, short.text) for long, short in doc._.kg_abbreviations] == [
        ("Direct Preference Optimization", "DPO")
    ]
    types = {e.text: e.label_ for e in doc.ents}
    assert types["Direct Preference Optimization"] == types["DPO"] == "Method"


def test_abbreviation_with_initials_not_cut_short() -> None:
    text = "a Recurrent Aggregation Regulator (RAR) which"
    [pair] = find_abbreviations(text)
    assert text[pair.long_start : pair.long_end] == "Recurrent Aggregation Regulator"


def test_generic_abbreviations_give_no_entities(pipeline: Language) -> None:
    assert ents(pipeline, "Multimodal large language models (MLLMs) are popular.") == []


# Roles and papers --------------------------------------------------------------------------


def test_roles_introduced_and_evaluated_on() -> None:
    paper = Paper(
        "p1",
        "SoftREPA: Aligning Text and Images",
        "We propose SoftREPA, which fine-tunes CLIP. Experiments on the COCO dataset show gains.",
    )
    [found] = extract([paper])
    roles = {(m.text, m.field): m.role for m in found.mentions}
    assert roles[("SoftREPA", "title")] == "introduced"
    assert roles[("SoftREPA", "abstract")] == "introduced"
    assert roles[("CLIP", "abstract")] is None
    assert roles[("COCO", "abstract")] == "evaluated_on"


def test_mentions_keep_offsets_and_sentences() -> None:
    paper = Paper("p2", "A title", "First sentence. We fine-tune BERT with RLHF.")
    [found] = extract([paper])
    for mention in found.mentions:
        text = paper.text(mention.field)
        assert text[mention.start : mention.end] == mention.text
        start, end = mention.sentence
        assert start <= mention.start and mention.end <= end
        assert text[start:end] == "We fine-tune BERT with RLHF."


def test_mention_text_is_the_paper_text_across_newlines() -> None:
    paper = Paper("p4", "T", "We train Stable\nDiffusion on the COCO dataset.")
    [found] = extract([paper])
    assert all(paper.text(m.field)[m.start : m.end] == m.text for m in found.mentions)
    assert "Stable\nDiffusion" in {m.text for m in found.mentions}


def test_abbreviations_are_reported_per_paper() -> None:
    paper = Paper("p3", "T", "We apply Proximal Policy Optimization (PPO) to align the model.")
    [found] = extract([paper])
    assert [(a.long, a.short) for a in found.abbreviations] == [("Proximal Policy Optimization", "PPO")]


def test_sentences_split_at_full_stops_only() -> None:
    text = "We use CLIP, i.e. a model. It works (e.g. on COCO). 2 results follow."
    assert len(split_sentences(text)) == 3
