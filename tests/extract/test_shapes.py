"""``kg.extract.shapes``: listed models inside longer names, found without a regular expression."""

from __future__ import annotations

import re

import pytest

from kg.extract.shapes import _known_model_inside, _shaped_model_names, shape_type


def _by_pattern(name: str) -> bool:
    """The regular expression ``_known_model_inside`` used before: a listed model at either end."""
    alternatives = "|".join(map(re.escape, sorted(_shaped_model_names(), key=len, reverse=True)))
    pattern = re.compile(rf"^(?:{alternatives})(?=[a-z0-9])|(?<=[A-Za-z0-9])(?:{alternatives})$")
    head = re.split(r"[-_ ]", name, maxsplit=1)[0]
    return (head != name and shape_type(head) == "Model") or pattern.search(name) is not None


@pytest.mark.parametrize(
    "name",
    ["BARTpho", "PLBART", "Swin2SR", "SoftREPA", "BART", "xBART", "-BART", "BARTX", "BART\n", "aBART\n", "é"],
)
def test_known_model_inside_is_the_pattern(name: str) -> None:
    assert _known_model_inside(name) == _by_pattern(name)
