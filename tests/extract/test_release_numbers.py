"""``kg.extract.shapes.shape_type``: a lower-case coinage and release ("zorb2vec 2.0"): a Model."""

from __future__ import annotations

import pytest

from kg.extract.shapes import shape_type


@pytest.mark.parametrize("name", ["zorb2vec 2.0", "quillnet v1.5", "glyph2seq 3.1.2"])
def test_a_release_number_after_a_coinage_makes_a_model(name: str) -> None:
    assert shape_type(name) == "Model"


@pytest.mark.parametrize("name", ["zorb2vec", "Zorbo 2", "Zorblax 1.1", "ZorbAlign 2.0 Alignment"])
def test_no_dotted_release_says_nothing_of_a_model(name: str) -> None:
    assert shape_type(name) is None


def test_a_release_of_listed_data_stays_data() -> None:
    assert shape_type("OntoNotes 5.0") == "Dataset"
