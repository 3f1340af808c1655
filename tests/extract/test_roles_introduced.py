"""Names a paper introduces: parts it lists, names coordinated with or describing a new one, variants."""

from __future__ import annotations

from kg.extract import extract
from kg.model import Paper


def roles(abstract: str) -> dict[str, str | None]:
    [found] = extract([Paper("p1", "A title", abstract)])
    return {m.text: m.role for m in found.mentions}


# The parts a paper lists as its components or contributions ("key components include X").
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


# Names next to a class noun: coordinated after one ("the X model and Y"), modifying one, or describing one.
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


# The singular of a plural name the paper introduces ("ZorbNets" -> "ZorbNet").
def test_the_singular_of_an_introduced_plural_is_introduced() -> None:
    found = roles("We propose ZorbNets for maps. The large ZorbNet beats the rest on toy data.")
    assert found.get("ZorbNets") == "introduced"
    assert found.get("ZorbNet") == "introduced"


def test_a_name_whose_plural_is_only_used_is_not() -> None:
    found = roles("Results are compared with ZorbNets on maps. The large ZorbNet beats the rest on toy data.")
    assert found.get("ZorbNet") is None
