"""Where head-typed phrases start and end: which words are part of a task's or technique's name."""

from __future__ import annotations

from kg.extract.phrases import find_phrases


def phrases(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], t) for s, e, t in find_phrases(text)]


def test_a_task_name_does_not_qualify_a_technique_or_another_task() -> None:
    text = "We apply tracking fine-tuning and a fast inference shape classification."
    assert phrases(text) == [("shape classification", "Task")]


def test_a_participle_joins_a_task_word_into_one_name() -> None:
    text = "We study retrieval augmented generation."
    assert [name for name, _ in phrases(text)] == ["retrieval augmented generation"]


def test_a_title_case_name_does_not_start_with_a_vague_word_after_a_task() -> None:
    text = "Fast Caption Generation Method Selection for Small Models"
    assert [name for name, _ in phrases(text)] == ["Caption Generation"]


def test_a_vague_word_inside_a_title_case_name_stays_where_no_task_ends_before_it() -> None:
    text = "Coarse-to-Fine Preference Optimization"
    assert phrases(text) == [("Coarse-to-Fine Preference Optimization", "Method")]


def test_a_measure_named_after_a_task_keeps_the_task() -> None:
    text = "It reaches a higher top-5 chart retrieval accuracy."
    assert ("top-5 chart retrieval accuracy", "Metric") in phrases(text)


def test_singular_nouns_in_s_may_qualify_a_head() -> None:
    text = "We address multivariate series forecasting and robotics planning."
    assert phrases(text) == [("multivariate series forecasting", "Task"), ("robotics planning", "Task")]


def test_a_plural_noun_does_not_qualify_a_head() -> None:
    assert phrases("We use images segmentation here.") == []


def test_dialogue_heads_a_task() -> None:
    text = "It supports open-domain dialogue and spoken dialog, unlike the dialogue."
    assert phrases(text) == [("open-domain dialogue", "Task"), ("spoken dialog", "Task")]


def test_a_shot_setting_is_part_of_a_task_name_beyond_two_modifiers() -> None:
    text = "We report few-shot text-guided shape retrieval."
    assert phrases(text) == [("few-shot text-guided shape retrieval", "Task")]


def test_other_compounds_stay_within_two_modifiers_of_a_task() -> None:
    text = "We report cross-lingual text-guided shape retrieval."
    assert phrases(text) == [("text-guided shape retrieval", "Task")]


def test_a_language_is_no_part_of_a_task_name() -> None:
    text = "Tagalog-free: Korean Chart Captioning, Swedish stance classification."
    assert phrases(text) == [("Chart Captioning", "Task"), ("stance classification", "Task")]


def test_a_language_pair_compound_stays_in_a_task_name() -> None:
    text = "We report scores on English-Korean translation."
    assert phrases(text) == [("English-Korean translation", "Task")]


def test_a_word_after_a_verb_of_naming_starts_the_name() -> None:
    text = "We pretrain with an objective called swapped patch prediction and swapped patch prediction."
    found = phrases(text)
    assert found[0] == ("swapped patch prediction", "Task")
    assert found[1] == ("patch prediction", "Task")  # no verb of naming before the second


def test_representative_is_a_vague_word() -> None:
    assert phrases("We run several representative pretraining steps.") == []


def test_a_task_a_technique_is_based_on_does_not_qualify_another_task() -> None:
    text = "We propose retrieval-based shape classification and a CLIP-based shape classification."
    assert [name for name, _ in phrases(text)] == ["shape classification", "CLIP-based shape classification"]


def test_a_participle_after_an_adverb_is_no_part_of_a_name() -> None:
    text = "Loosely Supervised Chart Parsing with supervised chart parsing."
    assert [name for name, _ in phrases(text)] == ["Chart Parsing", "supervised chart parsing"]
