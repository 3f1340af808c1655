"""Names coordinated after a class noun ("we present the X model and Y recipe") are introduced too."""

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
