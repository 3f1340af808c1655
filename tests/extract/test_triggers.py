"""The trigger-anchored scans find what the full scans find."""

import re

import pytest

from kg.extract import cues, roles, shapes
from kg.extract.triggers import first_match, folds_like_ascii, matches_at, occurrences

TEXTS = [
    "A 7B LLM called Janus. Our fine-tuned model, Labrador, wins on the Ultrafeedback data.",
    "Text crawled from Wikipedia and a corpus such as CommonCrawl, a dataset like The Pile.",
    "It beats unified LLMs, such as Janus, and the method Dromedary by far.",
    "We propose a new benchmark, DPG-Bench, and an efficient\tmodel ,  Λ-Net on the\tPile corpus.",
    "OUR MODEL, LABRADOR, IS NAMED Foo; A NETWORK  ,Bar; data Data dataset, (a model, X)",
    "the Kelvin sign \u212a in a MODEL, Foo; a Model, Bar",
]


@pytest.mark.parametrize("text", TEXTS)
def test_matches_at_finds_what_finditer_finds(text: str) -> None:
    for pattern in (cues._NAMING, cues._DATA_SOURCE, cues._NAME_BEFORE_DATA, cues._EXAMPLE_CUE):
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in _anchored(pattern, text)] == expected


def _anchored(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    if pattern is cues._NAMING:
        starts = cues._naming_starts(text)
        return list(pattern.finditer(text) if starts is None else matches_at(pattern, text, starts))
    if pattern is cues._DATA_SOURCE:
        return list(matches_at(pattern, text, occurrences(text, cues._DATA_SOURCE_WORDS)))
    if pattern is cues._NAME_BEFORE_DATA:
        return list(matches_at(pattern, text, cues._name_before_data_starts(text)))
    return list(matches_at(pattern, text, occurrences(text, cues._EXAMPLE_CUES)))


def test_matches_do_not_overlap() -> None:
    pattern = re.compile(r"aa")
    assert [m.start() for m in matches_at(pattern, "aaaa", [0, 1, 2])] == [0, 2]


def test_texts_that_fold_unlike_ascii_are_told_apart() -> None:
    assert folds_like_ascii("plain text, Greek \u03bb and an en dash \u2013")
    assert not folds_like_ascii("the Kelvin sign \u212a")
    assert cues._naming_starts("the Kelvin sign \u212a") is None


@pytest.mark.parametrize(
    "text",
    [
        "Llama 2 and Kandinsky v2.2 beat GPT 3.5 Turbo, x.Mistral 7B Instruct and foo-Bar 2.",
        "In 2 runs, Qwen2.5 72B v1 (Gemma 2) and FID 14.84 rose by 3 points to 7B.",
    ],
)
def test_versioned_names_are_found_from_the_space_before_the_version(text: str) -> None:
    expected = [m.span() for m in shapes._VERSIONED.finditer(text)]
    assert [m.span() for m in matches_at(shapes._VERSIONED, text, shapes._versioned_starts(text))] == expected
    assert expected


ROLE_TEXTS = [
    "We test it. Results of our model on COCO; experiments across ImageNet and the test set.",
    "OUR PAPER: THIS WORK OUTPERFORMS X ON Y. xwe ours_test on, we_test on; State-of-the-art in Z.",
    "Evaluated\ton the Pile, tested using ImageNet. gains; achieves SOTA across Kelvin \u212a on C.",
    "We use \u00e9CLIP and then propose X, ALSO introduce Y; band proposes Z, \u00e9and designs W.",
]


@pytest.mark.parametrize("text", ROLE_TEXTS)
def test_role_patterns_anchored_at_their_words_find_what_search_finds(text: str) -> None:
    # Roles search sentences (which start after white space) and the text before a name in them.
    sentence_starts = [i for i in range(len(text)) if i == 0 or text[i - 1].isspace()]
    triggers = roles._trigger_starts(text.lower(), 0, len(text)) if folds_like_ascii(text) else roles._UNKNOWN
    for pattern, starts in (
        (roles._INTRODUCE, triggers.introductions),
        (roles._SUBJECT, triggers.introductions),
        (roles._AND_INTRODUCE, triggers.conjunctions),
        (roles._EVALUATE, triggers.evaluations),
    ):
        for start in sentence_starts:
            for end in range(start, len(text) + 1):
                expected = pattern.search(text[start:end])
                found = first_match(pattern, text, starts, start, end)
                assert (found and (found.start() - start, found.end() - start)) == (
                    expected and expected.span()
                ), (start, end)
