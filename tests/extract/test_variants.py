"""``kg.extract.entities.harmonise``: a variant of a paper's model or technique takes its base's type."""

from __future__ import annotations

from kg.extract.entities import harmonise
from kg.model import Mention


def mention(text: str, kind: str) -> Mention:
    return Mention(text, kind, "abstract", 0, len(text))  # type: ignore[arg-type]


def types(mentions: list[Mention]) -> list[tuple[str, str]]:
    return [(m.text, m.type) for m in harmonise(mentions)]


def test_a_lettered_variant_of_a_technique_is_a_technique() -> None:
    found = [mention("SECLA", "Method"), mention("SECLA-B", "Model")]
    assert types(found) == [("SECLA", "Method"), ("SECLA-B", "Method")]


def test_a_plural_of_a_model_is_a_model() -> None:
    found = [mention("ConvNeXt", "Model"), mention("ConvNeXts", "Method")]
    assert types(found) == [("ConvNeXt", "Model"), ("ConvNeXts", "Model")]


def test_data_and_longer_names_keep_their_types() -> None:
    found = [
        mention("COCO", "Dataset"),
        mention("COCO-B", "Model"),
        mention("JM3D", "Method"),
        mention("JM3D-LLM", "Model"),
    ]
    assert types(found) == [
        ("COCO", "Dataset"),
        ("COCO-B", "Model"),
        ("JM3D", "Method"),
        ("JM3D-LLM", "Model"),
    ]
