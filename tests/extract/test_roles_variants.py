"""The singular of a plural name the paper introduces ("ZorbNets" -> "ZorbNet") is introduced too."""

from __future__ import annotations

from kg.extract import extract
from kg.model import Paper


def roles(abstract: str) -> dict[str, str | None]:
    [found] = extract([Paper("p1", "A title", abstract)])
    return {m.text: m.role for m in found.mentions}


def test_the_singular_of_an_introduced_plural_is_introduced() -> None:
    found = roles("We propose ZorbNets for maps. The large ZorbNet beats the rest on toy data.")
    assert found.get("ZorbNets") == "introduced"
    assert found.get("ZorbNet") == "introduced"


def test_a_name_whose_plural_is_only_used_is_not() -> None:
    found = roles("Results are compared with ZorbNets on maps. The large ZorbNet beats the rest on toy data.")
    assert found.get("ZorbNet") is None
