"""Task phrases and their traps: modality-to-modality compounds ("audio-to-mesh") and their short
forms ("A2M") as task names; matching and inference heads that name techniques ("moment matching")."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract.abbreviations import find_abbreviations
from kg.extract.phrases import find_called_tasks, find_modality_tasks


def entities(pipeline: Language, text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in pipeline(text).ents]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # a modality compound used as a noun is a task
        ("We report gains on a standard sketch-to-mesh benchmark.", "sketch-to-mesh", "Task"),
        ("We study the layout-to-sketch task.", "layout-to-sketch", "Task"),
        ("One model does caption retrieval and audio-to-chart.", "audio-to-chart", "Task"),
        ("FooNet: End-to-End Sketch-to-Layout", "Sketch-to-Layout", "Task"),
        # a compound with a capitalised kind of data still modifies a task's head
        ("We study sketch-to-3D generation with FooNet.", "sketch-to-3D generation", "Task"),
        # matching or inference after a statistical object fits a probabilistic model: a technique
        ("We train FooNet by kernel matching of its features.", "kernel matching", "Method"),
        ("FooNet replaces moment matching with a ranking loss.", "moment matching", "Method"),
        ("FooNet learns by gradient matching alone.", "gradient matching", "Method"),
        # matching or inferring data stays a task
        ("FooNet does well on entity matching.", "entity matching", "Task"),
        ("FooNet does well on natural language inference.", "natural language inference", "Task"),
        ("FooNet does well on density estimation.", "density estimation", "Task"),  # no such head
        # following what a text asks is a task; "the following" and the hyphenated quality are not
        ("FooNet improves multi-turn instruction following.", "multi-turn instruction following", "Task"),
        (
            "FooNet is tested on sketch prompt following and the following tasks.",
            "sketch prompt following",
            "Task",
        ),
        # more task heads: what is removed, verified, linked, spotted, separated, reconstructed
        ("FooNet helps shadow removal and face verification.", "shadow removal", "Task"),
        ("FooNet does entity linking and text simplification.", "entity linking", "Task"),
        ("FooNet sets a record on keyword spotting and speaker diarization.", "speaker diarization", "Task"),
        ("FooNet is trained with masked patch reconstruction.", "masked patch reconstruction", "Method"),
        # a field of study before a task names the data it is done on, and belongs to the name
        ("FooNet improves cardiology report generation.", "cardiology report generation", "Task"),
        ("FooNet: Histopathology Image Segmentation at Scale", "Histopathology Image Segmentation", "Task"),
        ("We adopt a methodology for shape generation.", "shape generation", "Task"),  # no modifier
        # what the text calls a task, where no head word says so
        ("We revisit the weakly supervised face-voice alignment task.", "face-voice alignment", "Task"),
        ("FooNet is tested on a multilingual slot prompt task.", "multilingual slot prompt", "Task"),
        # a task's acronym stays a task where data for it is named
        ("We test FooNet on four knowledge-rich QA datasets.", "QA", "Task"),
        ("FooNet sets a record on the FooQA dataset.", "FooQA", "Dataset"),  # a name of its own
        # a technique's head in a list of tasks names one more problem, as its peers do
        # (with a word that says how: plain nouns before "modeling" make a Task on their own)
        (
            "FooNet does well on image retrieval, video captioning and masked graph modeling.",
            "masked graph modeling",
            "Task",
        ),
        ("FooNet gains on chart captioning and causal span modelling.", "causal span modelling", "Task"),
        ("FooNet relies on masked graph modeling alone.", "masked graph modeling", "Method"),  # no list
        ("We combine contrastive learning and image captioning.", "contrastive learning", "Method"),  # listed
        (
            "FooNet uses pre-training signals such as chart captioning and masked span modeling.",
            "masked span modeling",
            "Method",
        ),
    ],
)
def test_a_phrase_is_typed_by_its_head_and_what_stands_before_it(
    pipeline: Language, text: str, name: str, kind: str
) -> None:
    assert (name, kind) in entities(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "We train a sketch-to-mesh model on FooSet.",  # qualifies the model
        "The layout-to-sketch attention is sparse.",  # qualifies a technique
        "We keep the end-to-end training cheap.",  # "end" is no kind of data
    ],
)
def test_a_compound_before_the_noun_it_qualifies_names_no_task(text: str) -> None:
    assert find_modality_tasks(text) == []


def test_a_two_reads_to_in_a_short_form() -> None:
    text = "Prior mesh-to-audio (M2A) systems and personalized sketch-to-video (P-S2V) methods."
    pairs = [
        (text[p.long_start : p.long_end], text[p.short_start : p.short_end]) for p in find_abbreviations(text)
    ]
    assert pairs == [("mesh-to-audio", "M2A"), ("personalized sketch-to-video", "P-S2V")]


def test_a_defined_compound_and_its_short_form_are_a_task_with_every_bare_use(pipeline: Language) -> None:
    text = "Recent mesh-to-audio (M2A) generation models improve. We rank M2A models on FooBench."
    found = entities(pipeline, text)
    assert ("mesh-to-audio", "Task") in found
    assert found.count(("M2A", "Task")) == 2


def test_a_defined_task_phrase_with_a_compound_keeps_its_name(pipeline: Language) -> None:
    text = "We study mesh-to-audio generation (M2A) with FooNet. M2A is hard."
    found = entities(pipeline, text)
    assert ("mesh-to-audio generation", "Task") in found
    assert found.count(("M2A", "Task")) == 2


def test_a_pair_that_qualifies_a_technique_tags_nothing(pipeline: Language) -> None:
    # GUIDELINES.md: "text-to-image (T2I) diffusion models" tag nothing
    text = "Recent mesh-to-audio (M2A) diffusion models improve. We rank M2A models on FooBench."
    assert [name for name, _ in entities(pipeline, text) if "M2A" in name or "mesh" in name] == []


@pytest.mark.parametrize(
    ("text", "task"),
    [
        ("Yet sketch-driven S2V remains hard for FooNet.", "sketch-driven S2V"),
        ("We study S2V, a hard problem.", "S2V"),
        ("FooNet reaches multi-view M2A personalization cheaply.", "M2A personalization"),
    ],
)
def test_a_short_form_used_as_a_noun_is_a_task(text: str, task: str) -> None:
    assert [text[s:e] for s, e, _ in find_modality_tasks(text)] == [task]


@pytest.mark.parametrize(
    "text",
    [
        "We train S2V models on FooSet.",  # an adjective
        "FooNet improves S2V generation.",  # the head says what the short form says
        "FooNet scores E2E tests.",  # "E" names no kind of data
        "We compare FooRL, A2C, and BarRL.",  # "C": an algorithm's short form, not code's
    ],
)
def test_a_short_form_before_the_noun_it_qualifies_names_no_task(text: str) -> None:
    assert find_modality_tasks(text) == []


def test_customizing_a_kind_of_content_is_a_task_and_a_vague_personalization_none(pipeline: Language) -> None:
    assert ("layout customization", "Task") in entities(pipeline, "FooNet allows layout customization.")
    assert [name for name, _ in entities(pipeline, "FooNet needs no special personalization.")] == ["FooNet"]


def test_a_hyphenated_following_is_a_quality_not_a_task(pipeline: Language) -> None:
    assert entities(pipeline, "FooNet writes instruction-following replies.") == [("FooNet", "Model")]


def test_a_task_head_acting_on_one_thing_names_no_task(pipeline: Language) -> None:
    assert entities(pipeline, "FooNet allows fine pose editing of the avatar.") == [("FooNet", "Model")]
    assert ("pose editing", "Task") in entities(pipeline, "FooNet allows pose editing and mesh editing.")


def test_a_task_before_the_framework_it_qualifies_names_no_task(pipeline: Language) -> None:
    assert entities(pipeline, "We build a sketch captioning framework.") == []
    assert entities(pipeline, "We build a framework for sketch captioning.") == [
        ("sketch captioning", "Task")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "We add the proposed region pairing task.",  # an objective the paper sets
        "It helps each downstream task and a task-specific head.",  # vague; an adjective
        "It helps the image segmentation task.",  # the head word types it (phrases.find_phrases)
    ],
)
def test_what_a_text_calls_a_task_that_names_none_here(text: str) -> None:
    assert find_called_tasks(text) == []


def test_steps_joined_in_order_are_a_recipe_not_a_task(pipeline: Language) -> None:
    assert entities(pipeline, "We present a novel sketch-before-generation approach.") == []
    text = "We present a sketch-then-retrieval pipeline for mesh retrieval."
    assert entities(pipeline, text) == [("mesh retrieval", "Task")]
