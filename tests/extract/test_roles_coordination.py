"""Roles of names next to a class noun: coordinated after one ("the X model and Y"), or modifying one."""

from __future__ import annotations

from kg.extract import extract
from kg.model import Paper


def roles(abstract: str) -> dict[str, str | None]:
    [found] = extract([Paper("p1", "A title", abstract)])
    return {m.text: m.role for m in found.mentions}


def test_a_name_after_the_first_ones_class_noun_and_and_is_introduced() -> None:
    found = roles("We present the Zorbit-3 model and the Quillo-ST training recipe for maps.")
    assert found.get("Zorbit-3") == "introduced"
    assert found.get("Quillo-ST") == "introduced"


def test_a_listed_name_after_the_class_noun_is_not() -> None:
    found = roles("We present the Zorbit-3 model and CLIP for maps.")
    assert found.get("Zorbit-3") == "introduced"
    assert found.get("CLIP") is None


def test_a_task_naming_what_a_new_dataset_is_for_is_not_introduced() -> None:
    found = roles("We also build a new image captioning dataset named Flurb-5K for zorbs.")
    assert found.get("image captioning") is None
    assert found.get("Flurb-5K") == "introduced"


def test_a_task_naming_a_new_approach_still_is() -> None:
    found = roles("We propose a conversational code synthesis approach for maps.")
    assert found.get("conversational code synthesis") == "introduced"


def test_a_technique_describing_the_new_name_in_apposition_is_not_introduced() -> None:
    found = roles("We propose Zorbit, a sparse band attention mechanism for maps.")
    assert found.get("sparse band attention") is None


def test_a_technique_named_after_the_verb_with_a_class_noun_still_is() -> None:
    found = roles("We present a sliding-band attention mechanism for maps.")
    assert found.get("sliding-band attention") == "introduced"
