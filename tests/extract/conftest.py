"""Shared fixtures: one pipeline per test session (building it loads the name list)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract import nlp


@pytest.fixture(scope="session")
def pipeline() -> Language:
    return nlp()
