"""The custom ``Doc`` and ``Span`` attributes the ``kg_*`` components read and write.

- ``doc._.kg_field``: which field of a paper the doc holds, ``"title"`` or ``"abstract"``
  (set by ``kg.extract.extract``; components that treat titles differently read it).
- ``doc._.kg_abbreviations``: the ``(long, short)`` span pairs defined in the doc
  (written by ``kg_abbreviations``).
- ``span._.kg_role``: ``"introduced"``, ``"evaluated_on"`` or None (written by ``kg_roles``).

Importing this module registers them; registering twice is harmless.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

for _name, _default in (("kg_field", "abstract"), ("kg_abbreviations", [])):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
if not Span.has_extension("kg_role"):
    Span.set_extension("kg_role", default=None)
