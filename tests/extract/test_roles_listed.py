"""``kg.extract.roles``: a listed name's defined short form is no new name of the paper."""

from __future__ import annotations

from kg.extract import extract
from kg.model import Paper


def roles(abstract: str) -> list[tuple[str, str | None]]:
    [found] = extract([Paper("p1", "A title", abstract)])
    return [(m.text, m.role) for m in found.mentions]


def test_the_short_form_of_a_listed_model_is_not_introduced() -> None:
    abstract = (
        "We align models such as Stable Diffusion XL (SDXL). "
        "We introduce two datasets, which comprise image pairs from SDXL, Sketch-Fuse and Sketch-Guard."
    )
    found = roles(abstract)
    assert ("SDXL", None) in found and ("Stable Diffusion XL", None) in found


def test_a_new_short_form_is_still_introduced() -> None:
    found = roles("We propose Joint Reward Alignment (JRA), which aligns retrievers.")
    assert ("JRA", "introduced") in found
