"""The role a paper gives a name: one it introduces, or data it evaluates on.

Abstracts state both in set phrases: "we propose X", "we introduce X", a title of
the form "X: ...", and "experiments on X and Y show ...". A name gets the role of
the first such cue before it in its sentence.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract import extensions  # noqa: F401  (registers doc._.kg_* attributes)

_INTRODUCE = re.compile(
    r"(?i)\b(?:we|this (?:paper|work)|here)\b[^.;]*?\b"
    r"(?:propose|introduce|present|develop|design|release|build|construct|contribute)[sd]?\b"
)
_EVALUATE = re.compile(
    r"(?i)\b(?:experiments?|evaluat\w*|results?|tested|benchmarks?|performance)\b[^.;]*?\b(?:on|across|in)\b"
)


@Language.factory("kg_roles")
class Roles:
    """Set ``span._.kg_role`` on the entities of ``doc.ents``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if doc._.kg_field == "title":
            head = doc.text.split(":", 1)[0] if ":" in doc.text else None
            for ent in doc.ents:
                if head is not None and ent.end_char <= len(head) and ent.text == head.strip():
                    ent._.kg_role = "introduced"
            return doc
        for ent in doc.ents:
            before = doc.text[ent.sent.start_char : ent.start_char]
            if _INTRODUCE.search(before):
                ent._.kg_role = "introduced"
            elif ent.label_ in ("Dataset", "Benchmark") and _EVALUATE.search(before):
                ent._.kg_role = "evaluated_on"
        return doc
