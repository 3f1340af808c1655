"""A long form the abstract defines, used in the title, is the title's name, not the words inside it."""

from __future__ import annotations

from kg.extract import extract
from kg.model import Paper


def _title_names(title: str, abstract: str) -> list[str]:
    [found] = extract([Paper("p1", title, abstract)])
    return [m.text for m in found.mentions if m.field == "title"]


def test_a_name_inside_the_long_form_gives_way_to_it() -> None:
    title = "Zorbic Gradient Distillation for Preference Transfer in Small Models"
    abstract = (
        "We propose Zorbic Gradient Distillation for Preference Transfer (ZGDPT), which aligns students."
    )
    names = _title_names(title, abstract)
    assert "Zorbic Gradient Distillation for Preference Transfer" in names
    assert "Zorbic Gradient Distillation" not in names


def test_a_longer_title_name_holding_the_long_form_stays() -> None:
    title = "Hierarchical Reinforcement Learning for Zorb Control"
    abstract = "Reinforcement learning (RL) trains agents. We cast deep RL for zorbs as planning."
    assert "Hierarchical Reinforcement Learning" in _title_names(title, abstract)


def test_no_long_form_leaves_the_title_alone() -> None:
    title = "Zorbic Gradient Distillation for Preference Transfer"
    abstract = "We distil preferences from teachers into students."
    assert "Zorbic Gradient Distillation for Preference Transfer" not in _title_names(title, abstract)
