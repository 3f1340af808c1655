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
from kg.extract.shapes import find_names, find_titled, name_type
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
        ("G-CLIPScore", "Metric"),
        ("mAP", "Metric"),
        ("mIoU", "Metric"),
        ("mBERT", "Model"),
    ],
)
def test_type_from_the_name_itself(name: str, kind: str) -> None:
    assert name_type(name) == kind


def test_coinages_with_greek_letters_and_versions() -> None:
    text = "We compare λ-ECLIPSE with Kandinsky v2.2 and Llama 3 8B Instruct."
    names = [text[s:e] for s, e in find_names(text)]
    assert "λ-ECLIPSE" in names and "Kandinsky v2.2" in names and "Llama 3 8B Instruct" in names


def test_a_capitalised_compound_standing_alone_is_a_name() -> None:
    text = "We introduce Rank-Fuse, a simple approach, with a Cross-Scan mechanism and Zoom-Mix (ZM)."
    assert [text[s:e] for s, e in find_names(text)] == ["Rank-Fuse", "Cross-Scan", "Zoom-Mix", "ZM"]


def test_a_text_that_starts_with_a_hyphen_keeps_its_compounds() -> None:
    text = "-We introduce Rank-Fuse, a simple approach."
    assert [text[s:e] for s, e in find_names(text)] == ["Rank-Fuse"]


def test_capitalised_compounds_in_phrases_and_titles_are_not_names() -> None:
    text = "Supervised Fine-Tuning, a Many-to-Many translation model, Plug-and-Play and English-Centric."
    assert find_names(text) == []
    assert find_names("Rank-Fuse: Align and Self-Enhance", title=True) == []


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


def test_a_parameter_count_makes_a_name_a_model(pipeline: Language) -> None:
    assert ("TuraVinci", "Model") in ents(pipeline, "It beats the 175B TuraVinci on the test.")
    assert ("TuraVinci", "Method") in ents(pipeline, "It beats the TuraVinci on the test.")


def test_a_version_of_listed_data_is_data(pipeline: Language) -> None:
    assert ("SQuAD v2.0", "Dataset") in ents(pipeline, "We fine-tune it on SQuAD v2.0 and report F1.")


def test_benchmark_datasets_are_datasets(pipeline: Language) -> None:
    found = ents(pipeline, "Experiments on the Flickr30K and MSCOCO benchmark datasets show gains.")
    assert {("Flickr30K", "Dataset"), ("MSCOCO", "Dataset")} <= set(found)


def test_a_listed_evaluation_suite_is_a_benchmark() -> None:
    entry = lookup("AlpacaEval")
    assert entry is not None and entry.type == "Benchmark"


def test_the_last_of_two_class_nouns_heads_them() -> None:
    assert context_type("Results on ", " and VQAv2 benchmark datasets.") == "Dataset"
    assert context_type("Results on ", " benchmark results.") == "Benchmark"


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


def test_task_names_have_at_most_two_modifiers() -> None:
    text = "It handles conditional point cloud shape generation and machine translation."
    found = [(text[s:e], t) for s, e, t in find_phrases(text)]
    assert ("cloud shape generation", "Task") in found
    assert ("machine translation", "Task") in found
    assert not any(phrase.startswith(("conditional", "point")) for phrase, _ in found)


def test_a_modality_word_and_a_broad_head_name_nothing() -> None:
    text = "Multimodal understanding and cross-modal learning aid multimodal sentiment analysis."
    found = [text[s:e] for s, e, _ in find_phrases(text)]
    assert found == ["multimodal sentiment analysis"]


def test_a_capitalised_vague_word_inside_a_title_case_name_is_kept() -> None:
    text = "Tuning via Coarse-to-Fine Preference Optimization and direct preference optimization."
    found = [text[s:e] for s, e, _ in find_phrases(text)]
    assert "Coarse-to-Fine Preference Optimization" in found
    assert "preference optimization" not in found and "direct preference optimization" not in found


def test_a_head_word_used_as_a_verb_ends_no_phrase() -> None:
    text = "Instruction tuning transforms a base model; Fourier transforms mix tokens."
    found = [text[s:e] for s, e, _ in find_phrases(text)]
    assert "Fourier transforms" in found and "tuning transforms" not in found


def test_measures_named_after_people_keep_the_name() -> None:
    text = "A Renyi cross entropy, an implicit Jeffrey Divergence and Sintel optical flow estimation."
    found = [text[s:e] for s, e, _ in find_phrases(text)]
    assert "Renyi cross entropy" in found and "Jeffrey Divergence" in found
    assert "optical flow estimation" in found


def test_classification_alone_is_a_task() -> None:
    text = "The features serve classification and generation."
    assert [(text[s:e], t) for s, e, t in find_phrases(text)] == [("classification", "Task")]


def test_a_review_title_heads_no_name() -> None:
    [found] = extract([Paper("p1", "Graph Prompt Tuning: A Comprehensive Survey", "We review prompts.")])
    assert not any(m.role == "introduced" for m in found.mentions)
    [found] = extract([Paper("p2", "GraphPrompter: Tuning Graphs", "We propose GraphPrompter.")])
    assert ("GraphPrompter", "title", "introduced") in {(m.text, m.field, m.role) for m in found.mentions}


def test_a_loss_named_after_a_task_is_no_name() -> None:
    text = "It adds a speech recognition loss and a triplet contrastive loss."
    found = [text[s:e] for s, e, _ in find_phrases(text)]
    assert "triplet contrastive loss" in found
    assert not any(phrase.endswith("recognition loss") for phrase in found)


def test_global_local_and_enhanced_qualify_a_name_without_starting_it() -> None:
    text = "We add global self-attention and local image-text matching for Enhanced Zero-Shot Learning."
    found = [text[s:e] for s, e, _ in find_phrases(text)]
    assert {"self-attention", "image-text matching", "Zero-Shot Learning"} <= set(found)
    assert not any(phrase.lower().startswith(("global", "local", "enhanced")) for phrase in found)


# Abbreviations (Schwartz and Hearst) -------------------------------------------------------


def test_abbreviation_pairs_share_a_type(pipeline: Language) -> None:
    doc = pipeline("We use Direct Preference Optimization (DPO). Later, DPO is compared with PPO.")
    assert [(long.text, short.text) for long, short in doc._.kg_abbreviations] == [
        ("Direct Preference Optimization", "DPO")
    ]
    types = {e.text: e.label_ for e in doc.ents}
    assert types["Direct Preference Optimization"] == types["DPO"] == "Method"


def test_abbreviation_with_initials_not_cut_short() -> None:
    text = "a Temporal Attention Translator (TAT) which"
    [pair] = find_abbreviations(text)
    assert text[pair.long_start : pair.long_end] == "Temporal Attention Translator"


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


def test_a_second_verb_of_the_same_subject_introduces_too() -> None:
    paper = Paper(
        "p3",
        "A title",
        "We propose a new approach to alignment and introduce two modules: "
        "Shared Space Projector (SSP) and Caption Polisher (CP). SSP uses CLIP.",
    )
    [found] = extract([paper])
    roles = {m.text: m.role for m in found.mentions}
    assert roles["Shared Space Projector"] == roles["SSP"] == roles["CP"] == "introduced"
    assert roles["CLIP"] is None


# Model or Method: what the paper calls it ----------------------------------------------------


def test_a_pair_the_text_calls_a_model_is_a_model(pipeline: Language) -> None:
    text = "We propose the Hidden-Unit BERT (HuBERT) approach. The HuBERT model matches wav2vec."
    found = dict(ents(pipeline, text))
    assert found["Hidden-Unit BERT"] == found["HuBERT"] == "Model"


def test_a_task_pair_before_model_stays_a_task(pipeline: Language) -> None:
    text = "Scene text recognition (STR) is hard. Our STR model is small."
    assert dict(ents(pipeline, text))["STR"] == "Task"


def test_a_capitalised_word_is_no_part_of_a_lower_case_phrase() -> None:
    text = "Results on Sintel optical flow estimation. Named-entity recognition and Rank-1 accuracy."
    found = [text[s:e] for s, e, _ in find_phrases(text)]
    assert found == ["optical flow estimation", "Named-entity recognition", "Rank-1 accuracy"]


def test_some_task_words_are_names_alone() -> None:
    text = "It helps summarization and code infilling but not generation."
    assert [(text[s:e], t) for s, e, t in find_phrases(text)] == [
        ("summarization", "Task"),
        ("code infilling", "Task"),
    ]


def test_measures_drop_qualifiers_and_task_names() -> None:
    text = "Gains: absolute accuracy, video classification accuracy and top-1 accuracy; relative entropy."
    found = [text[s:e] for s, e, t in find_phrases(text) if t == "Metric"]
    assert found == ["accuracy", "accuracy", "top-1 accuracy", "relative entropy"]


def test_lower_case_generic_modifiers_and_affixes_are_no_names() -> None:
    text = "We use generative modeling and post-processing. Generative Pretraining helps."
    assert [text[s:e] for s, e, _ in find_phrases(text)] == ["Generative Pretraining"]


def test_sizes_of_an_introduced_model_are_introduced() -> None:
    abstract = "We propose RT-DETR, a real-time detector. RT-DETR-L beats LLaMA-2-7B on COCO."
    paper = Paper("p4", "A title", abstract)
    [found] = extract([paper])
    roles = {m.text: m.role for m in found.mentions}
    assert roles["RT-DETR"] == roles["RT-DETR-L"] == "introduced"
    assert roles["LLaMA-2-7B"] is None


def test_a_dataset_the_text_calls_a_benchmark_is_one_throughout(pipeline: Language) -> None:
    text = "SQuAD is big. We train on SQuAD. SQuAD helps. SQuAD is read. Scores on the SQuAD benchmark rise."
    assert {label for name, label in ents(pipeline, text) if name == "SQuAD"} == {"Benchmark"}


def test_a_name_given_in_brackets_is_no_abbreviation() -> None:
    text = "We build data of grounded image-text pairs (called GrIT) for training."
    assert find_abbreviations(text) == []


def test_a_lower_case_coined_name_keeps_its_version() -> None:
    text = "We focus on wav2vec 2.0 and w2v-BERT 2.0 models."
    found = {text[s:e] for s, e in find_names(text)}
    assert {"wav2vec 2.0", "w2v-BERT 2.0"} <= found


def test_initials_of_a_measure_and_generic_layers_are_no_names() -> None:
    text = "A KL-regularized objective skips FFN layers but keeps KL divergence."
    assert [text[s:e] for s, e in find_names(text)] == []


def test_lower_case_class_phrases_are_generic() -> None:
    assert is_generic("text-guided diffusion models") and is_generic("state space models")
    assert not is_generic("Latent Diffusion Models") and not is_generic("SSM")
    assert is_generic("AIGC") and is_generic("Seq2Seq") and is_generic("Vision-and-Language")
    assert is_generic("Text-guided diffusion models")  # capitalised only as its sentence starts


def test_a_title_head_joining_two_names_gives_each() -> None:
    [found] = extract([Paper("p5", "QX4D & QX4D-LLM: Elevating 4D Representation", "")])
    assert {m.text for m in found.mentions} >= {"QX4D", "QX4D-LLM"}
    assert "QX4D & QX4D-LLM" not in {m.text for m in found.mentions}


def test_compute_costs_are_metrics() -> None:
    text = "It needs 12 times fewer FLOPs and fewer MACs."
    assert [(text[s:e], name_type(text[s:e])) for s, e in find_names(text)] == [
        ("FLOPs", "Metric"),
        ("MACs", "Metric"),
    ]


def test_a_verb_far_from_its_subject_introduces() -> None:
    abstract = (
        "In this paper, we rely on appropriate loss functions to learn the alignments in a neural "
        "network setting and propose SECLA, which uses CLIP."
    )
    [found] = extract([Paper("p6", "A title", abstract)])
    roles = {m.text: m.role for m in found.mentions}
    assert roles["SECLA"] == "introduced" and roles["CLIP"] is None


def test_a_compound_ending_in_a_variable_modifies_a_head() -> None:
    text = "We compare best-of-N sampling with top-K sampling."
    assert [text[s:e] for s, e, _ in find_phrases(text)] == ["best-of-N sampling", "top-K sampling"]


def test_a_name_ends_before_a_full_stop_the_tokenizer_kept() -> None:
    paper = Paper("p7", "A title", "We propose SECLA and SECLA-B.")
    [found] = extract([paper])
    assert [m.text for m in found.mentions] == ["SECLA", "SECLA-B"]
    assert all(paper.abstract[m.start : m.end] == m.text for m in found.mentions)


def test_the_name_a_title_heads_is_found_in_the_abstract() -> None:
    paper = Paper(
        "p8",
        "Kestrel: Chart Question Answering with Region Grounding",
        "We introduce Kestrel, a training-efficient MLLM. Kestrel wins.",
    )
    [found] = extract([paper])
    abstract = [(m.text, m.type, m.role) for m in found.mentions if m.field == "abstract"]
    assert abstract == [("Kestrel", "Model", "introduced"), ("Kestrel", "Model", "introduced")]


def test_a_hyphenated_modifier_in_based_or_aware_is_part_of_the_name() -> None:
    text = "We add a kernel-based contrastive loss and label-aware learning."
    found = [text[s:e] for s, e, _ in find_phrases(text)]
    assert found == ["kernel-based contrastive loss", "label-aware learning"]


def test_a_task_before_the_noun_it_modifies_is_no_task(pipeline: Language) -> None:
    text = "It keeps the speech translation capabilities of a dialogue generation pipeline for image tagging."
    assert [name for name, label in ents(pipeline, text) if label == "Task"] == ["image tagging"]


def test_no_name_starts_inside_a_hyphenated_word(pipeline: Language) -> None:
    assert "Audio Retrieval" not in dict(ents(pipeline, "Results on Lyrics-Audio Retrieval improve."))


def test_title_case_names_keep_hyphenated_words_and_drop_a_leading_verb() -> None:
    text = "Training Closed-Vocabulary Scene Parsing: Cross-Lingual Speech Recognition"
    found = [text[s:e] for s, e, _ in find_phrases(text)]
    assert found == ["Closed-Vocabulary Scene Parsing", "Cross-Lingual Speech Recognition"]


def _roles(abstract: str) -> dict[str, str | None]:
    [found] = extract([Paper("r", "A title", abstract)])
    return {m.text: m.role for m in found.mentions}


def test_an_enumeration_after_a_verb_of_introduction_introduces_each_item() -> None:
    roles = _roles(
        "We propose (i) a Gated Tile Mixer (GTM) for speed, and (ii) a Ring Pooling Unit (RPU) for recall."
    )
    assert roles["GTM"] == roles["RPU"] == "introduced"


def test_items_of_an_enumeration_of_steps_are_not_introduced() -> None:
    roles = _roles(
        "We introduce an algorithm: (i) cluster the data; (ii) apply Latent Dirichlet Allocation (LDA) to it."
    )
    assert roles["LDA"] is None


def test_coordination_with_an_article_and_naming_with_as() -> None:
    roles = _roles(
        "Our system comprises two parts: a Sparse Motion Encoder (SME) and a causal Frame Decoder (FD). "
        "The derived model, termed as TileNet, is fast. This motivates us to build QuadNorm."
    )
    assert roles["FD"] == roles["TileNet"] == roles["QuadNorm"] == "introduced"


def test_a_long_description_before_namely_still_names() -> None:
    roles = _roles("We introduce a novel preference-aware sparse mixture routing approach, namely PaSMoR.")
    assert roles["PaSMoR"] == "introduced"


def test_an_apposition_is_no_coordination() -> None:
    roles = _roles("We introduce TileVLA, a more interpretable VLA framework.")
    assert roles["TileVLA"] == "introduced" and roles.get("VLA") is None


def test_a_technique_before_the_noun_it_modifies_is_no_technique(pipeline: Language) -> None:
    text = "A cross-frame attention unit feeds a speech encoding process; we use contrastive learning."
    assert [name for name, label in ents(pipeline, text) if label == "Method"] == ["contrastive learning"]


def test_a_pre_training_objective_called_a_task_stays_a_technique(pipeline: Language) -> None:
    assert ("masked patch modeling", "Method") in ents(pipeline, "We add a masked patch modeling task.")


def test_a_capitalised_adjective_after_an_article_opens_a_title_case_name() -> None:
    text = "We introduce an Adaptive Token Router, which tests the Lottery Ticket Hypothesis."
    assert [text[s:e] for s, e, _ in find_titled(text)] == ["Adaptive Token Router"]


def test_a_score_or_rate_keeps_the_quality_it_measures() -> None:
    text = "The toxic rate falls and the expected coherence score rises, at a higher learning rate."
    found = [text[s:e] for s, e, t in find_phrases(text) if t == "Metric"]
    assert found == ["toxic rate", "expected coherence score"]


def test_a_based_compound_does_not_open_a_title_case_name() -> None:
    text = "It matches a Transformer-based RoBERTa Large baseline."
    assert [text[s:e] for s, e, _ in find_titled(text)] == ["RoBERTa Large"]


def test_tasks_listed_as_pre_training_objectives_are_techniques(pipeline: Language) -> None:
    text = (
        "We use three pre-training tasks: Masked Patch Modeling (MPM), "
        "Image-Caption Matching (ICM) and region classification."
    )
    found = dict(ents(pipeline, text))
    assert found["Image-Caption Matching"] == found["ICM"] == found["region classification"] == "Method"
    assert dict(ents(pipeline, "We study image-caption matching."))["image-caption matching"] == "Task"


def test_a_lower_case_pair_with_no_sign_of_a_technique_is_no_entity(pipeline: Language) -> None:
    found = dict(
        ents(pipeline, "It maps source code (SC) to plain speech (PS) with contrastive learning (CL).")
    )
    assert "SC" not in found and "plain speech" not in found
    assert found["contrastive learning"] == found["CL"] == "Method"


def test_a_capitalised_word_listed_beside_a_dataset_is_one_too(pipeline: Language) -> None:
    found = dict(
        ents(pipeline, "Accuracy rises on CIFAR-100 (91.7%), Birdsnap (78.2%), and two other datasets.")
    )
    assert found["Birdsnap"] == found["CIFAR-100"]
    assert "However" not in dict(ents(pipeline, "We train on CIFAR-100. However, it is small."))


def test_a_name_based_modifier_is_part_of_a_technique() -> None:
    text = (
        "We add a KAN-based triplet loss, IoU-aware box sampling and L2-constrained policy search "
        "to CLIP-based LLMs."
    )
    found = [text[s:e] for s, e, _ in find_phrases(text)]
    assert found == ["KAN-based triplet loss", "IoU-aware box sampling", "L2-constrained policy search"]


def test_an_apposition_calling_a_model_shaped_name_a_framework_makes_it_a_method(pipeline: Language) -> None:
    assert dict(ents(pipeline, "We propose Qwen-Fuse, a framework for merging."))["Qwen-Fuse"] == "Method"
    assert dict(ents(pipeline, "Our method Qwen-Fuse wins."))["Qwen-Fuse"] == "Model"


def test_a_bracketed_list_after_a_class_noun_takes_its_type() -> None:
    assert context_type("We test on 5 benchmarks (AlpacaEval 2.0, FLASK, ", ", MT-Bench).") == "Benchmark"


def test_a_class_noun_after_lower_case_words_types_no_list() -> None:
    assert context_type("results on ", ", Kitchen Scenes, outperforming prior methods.") is None
    assert context_type("results on ", ", Kitchen Scenes and UCF 101 datasets.") == "Dataset"


def test_a_lower_case_phrase_is_no_dataset_a_list_capitalises(pipeline: Language) -> None:
    found = dict(
        ents(pipeline, "We study named entity recognition and fact verification on Conceptual Captions.")
    )
    assert found["named entity recognition"] == found["fact verification"] == "Task"
    assert found["Conceptual Captions"] == "Dataset"
    assert "conceptual captions" not in dict(ents(pipeline, "It writes conceptual captions for images."))


def test_question_answering_and_its_acronym_are_a_task(pipeline: Language) -> None:
    found = dict(
        ents(pipeline, "It is trained for question answering (QA) and tested on the QA set of TinyQA.")
    )
    assert found["question answering"] == found["QA"] == "Task"
    assert name_type("TinyQA") == "Benchmark"


def test_a_title_case_description_before_termed_stays_introduced() -> None:
    roles = _roles(
        "We introduce a Sparse Token Mixer, termed STOMIX, and a new ViT-based system, named TileViT."
    )
    assert roles["Sparse Token Mixer"] == roles["STOMIX"] == roles["TileViT"] == "introduced"
    assert roles["ViT"] is None


def test_the_novel_x_is_introduced() -> None:
    assert (
        _roles("The novel kernel-based triplet loss improves recall.")["kernel-based triplet loss"]
        == "introduced"
    )


def test_a_dataset_keeps_the_version_year_or_split_that_follows_it(pipeline: Language) -> None:
    found = dict(ents(pipeline, "It reaches 53% AP on COCO val2017 and 80% mIoU on PASCAL VOC 2012."))
    assert found["COCO val2017"] == found["PASCAL VOC 2012"] == "Dataset"
    assert dict(ents(pipeline, "It leads on the Kyoto Depth v2 dataset."))["Kyoto Depth v2"] == "Dataset"


def test_a_title_case_name_mid_sentence_keeps_its_first_word() -> None:
    text = "Three stages follow: SFT, and Preference Shaping. It beats SOTA Transformer-based models."
    assert [text[s:e] for s, e, _ in find_titled(text)] == ["Preference Shaping"]


def test_a_task_shaped_name_proposed_to_do_something_is_a_technique() -> None:
    [found] = extract([Paper("d", "T", "Next, Cross Score Matching is proposed to align the two encoders.")])
    [mention] = [m for m in found.mentions if m.text == "Cross Score Matching"]
    assert (mention.type, mention.role) == ("Method", "introduced")


def test_a_task_shaped_name_a_copula_calls_a_criterion_is_a_technique(pipeline: Language) -> None:
    text = "Ranked Token Classification (RTC) is a common criterion for speech models."
    found = dict(ents(pipeline, text))
    assert found["Ranked Token Classification"] == found["RTC"] == "Method"
    assert dict(ents(pipeline, "Scene classification is a hard task."))["Scene classification"] == "Task"


def test_the_heading_of_an_enumerated_point_is_no_name() -> None:
    text = "It faces two issues: (1) Sparse Coverage: This hurts recall. We add Token Dropping: it helps."
    assert [text[s:e] for s, e, _ in find_titled(text)] == ["Token Dropping"]


def test_a_task_done_with_an_augmentation_is_a_technique() -> None:
    text = "We study tool-augmented generation and story generation."
    assert [(text[s:e], t) for s, e, t in find_phrases(text)] == [
        ("tool-augmented generation", "Method"),
        ("story generation", "Task"),
    ]


def test_a_coined_camel_case_word_before_a_bare_technique_head_joins_it() -> None:
    text = "It uses a FlashSparse self-attention and COCO detection."
    assert [text[s:e] for s, e, _ in find_phrases(text)] == ["FlashSparse self-attention"]


def test_a_short_acronym_after_a_figure_is_a_measure(pipeline: Language) -> None:
    found = dict(ents(pipeline, "It reaches 57.8 PQX on COCO and a 52.5 SAP on LVIS with 2 GPUs."))
    assert found["PQX"] == found["SAP"] == "Metric" and found["COCO"] == "Dataset"
