"""``kg.extract.entities.settled_names``: a variant of a paper's model or technique takes its base's type."""

from __future__ import annotations

from kg.extract.entities import settled_names, spelling_key


def types(mentions: list[tuple[str, str]]) -> list[tuple[str, str]]:
    settled = settled_names([(spelling_key(text), kind, "abstract", None) for text, kind in mentions])  # type: ignore[misc]
    return [(text, settled[spelling_key(text)][0]) for text, _ in mentions]


def test_a_lettered_variant_of_a_technique_is_a_technique() -> None:
    found = [("SECLA", "Method"), ("SECLA-B", "Model")]
    assert types(found) == [("SECLA", "Method"), ("SECLA-B", "Method")]


def test_a_plural_of_a_model_is_a_model() -> None:
    found = [("ConvNeXt", "Model"), ("ConvNeXts", "Method")]
    assert types(found) == [("ConvNeXt", "Model"), ("ConvNeXts", "Model")]


def test_data_and_longer_names_keep_their_types() -> None:
    found = [
        ("COCO", "Dataset"),
        ("COCO-B", "Model"),
        ("QX4D", "Method"),
        ("QX4D-LLM", "Model"),
    ]
    assert types(found) == [
        ("COCO", "Dataset"),
        ("COCO-B", "Model"),
        ("QX4D", "Method"),
        ("QX4D-LLM", "Model"),
    ]


def test_a_base_the_paper_s_network_prefixes_is_a_network() -> None:
    found = [("Quorra", "Method"), ("tau-Quorra", "Model")]
    assert types(found) == [("Quorra", "Model"), ("tau-Quorra", "Model")]


def test_a_base_a_technique_prefixes_stays_a_technique() -> None:
    found = [("Quorra", "Method"), ("tau-Quorra", "Method"), ("Quorra-XL", "Model")]
    assert types(found) == [("Quorra", "Method"), ("tau-Quorra", "Method"), ("Quorra-XL", "Method")]
