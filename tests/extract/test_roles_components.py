"""The parts a paper lists as its components or contributions ("key components include X") are introduced."""

from __future__ import annotations

from kg.extract import extract
from kg.model import Paper


def roles(abstract: str) -> dict[str, str | None]:
    [found] = extract([Paper("p1", "A title", abstract)])
    return {m.text: m.role for m in found.mentions if m.field == "abstract"}


def test_the_names_a_components_list_enumerates_are_introduced() -> None:
    found = roles(
        "Lattice mixing comprises three components: (i) rung pooling over rows, "
        "(ii) gated pooling of rungs, and (iii) channel modulation of the query."
    )
    assert found.get("gated pooling") == "introduced"
    assert found.get("channel modulation") == "introduced"


def test_key_components_include_introduces_the_first_name() -> None:
    found = roles("Its key components include cascade attention, which keeps features local.")
    assert found.get("cascade attention") == "introduced"


def test_components_of_another_model_are_not_introduced() -> None:
    found = roles("The components of the baseline use cascade attention.")
    assert found.get("cascade attention") is None


def test_each_item_of_a_contributions_list_is_introduced() -> None:
    found = roles(
        "Key contributions include the Zorb Graph Organizer (ZGO), enriching maps with many views, "
        "and the Joint Glyph Routing (JGR), combining text with maps."
    )
    assert found.get("Joint Glyph Routing") == "introduced"
    assert found.get("JGR") == "introduced"


def test_a_name_inside_an_item_is_not_an_item() -> None:
    found = roles("Key contributions include the Zorb Graph Organizer (ZGO), trained with CLIP on maps.")
    assert found.get("CLIP") is None
