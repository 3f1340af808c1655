"""Fixtures shared across test modules."""

from pathlib import Path

import pytest

import kg

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory) -> Path:
    """The seed page built once for the whole session; tests only read it."""
    out = tmp_path_factory.mktemp("seed-build")
    kg.build([ROOT / "seeds"], out)
    return out
