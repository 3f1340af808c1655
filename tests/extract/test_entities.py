"""``kg.extract.entities``: the fast paths give what the regular expressions they replace give."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from kg.extract.entities import standalone_uses

texts = st.text(alphabet="ab-_ .A1é(", max_size=30)
names = st.lists(st.text(alphabet="abA-1", min_size=1, max_size=3), min_size=1, max_size=4, unique=True)


@given(texts, names)
def test_standalone_uses_are_the_regex_matches(text: str, names: list[str]) -> None:
    pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, names))})(?![\w-])")
    assert standalone_uses(text, names) == [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


def test_standalone_uses_skip_names_inside_words() -> None:
    assert standalone_uses("DPO-2, xDPO and DPO.", ["DPO"]) == [(16, 19, "DPO")]
