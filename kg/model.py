"""The records that pass between the stages of a build.

Data flows one way::

    read -> Paper -> extract -> PaperMentions -> resolve -> Entity / Relation -> graph

Each stage takes the records of the stage before it and returns its own; no stage
reaches back. The records are plain frozen dataclasses so that they pickle (for
parallel extraction), compare by value (for tests) and print readably.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, get_args

EntityType = Literal["Method", "Model", "Dataset", "Benchmark", "Task", "Metric"]
ENTITY_TYPES: tuple[EntityType, ...] = get_args(EntityType)

Field = Literal["title", "abstract"]
Role = Literal["introduced", "evaluated_on"]


@dataclass(frozen=True)
class Paper:
    """One paper as read from an input file.

    ``id`` is stable across runs: the record's own id where the input has one, else
    a slug of the title. ``source`` names the file (and line or record) it came from,
    for error messages and provenance. ``abstract_key`` is the input's name for the
    abstract (``"text"`` for a record that has only a text), which ``kg extract``
    reports as each mention's field, so that offsets index the record as written.
    """

    id: str
    title: str
    abstract: str
    source: str = ""
    authors: tuple[str, ...] = ()
    date: str | None = None
    arxiv_id: str | None = None
    doi: str | None = None
    url: str | None = None
    venue: str | None = None
    abstract_key: str = "abstract"

    def text(self, field: Field) -> str:
        return self.title if field == "title" else self.abstract


@dataclass(frozen=True, slots=True)  # slots: a large corpus holds millions
class Mention:
    """One occurrence of a named entity in a paper's title or abstract.

    ``paper.text(field)[start:end] == text`` always holds. ``sentence`` is the
    character span of the sentence that contains the mention, in the same field.
    """

    text: str
    type: EntityType
    field: Field
    start: int
    end: int
    role: Role | None = None
    sentence: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class Abbreviation:
    """A long form defined with its short form in the text: ``long (short)``."""

    long: str
    short: str


@dataclass(frozen=True)
class PaperMentions:
    """What extraction found in one paper."""

    paper: Paper
    mentions: tuple[Mention, ...]
    abbreviations: tuple[Abbreviation, ...] = ()


@dataclass
class Entity:
    """A real-world thing that one or more mentions name, after resolution.

    ``aliases`` counts each surface form seen; ``type_votes`` counts the types its
    mentions were given (``type`` is the winner). ``papers`` holds the ids of the
    papers that mention it. ``external`` maps a source (``pwc``, ``helm``, ...) to an
    id or URL in that source. ``variant_of`` is the id of the family entity of a
    version or size (``LLaMA-2-7B`` -> ``LLaMA-2``), where the corpus names the family.
    """

    id: str
    type: EntityType
    label: str
    aliases: dict[str, int] = field(default_factory=dict)
    type_votes: dict[str, int] = field(default_factory=dict)
    papers: set[str] = field(default_factory=set)
    external: dict[str, str] = field(default_factory=dict)
    variant_of: str | None = None


@dataclass(frozen=True)
class KnownName:
    """An entry of a list of known names (Papers with Code, HELM, Hugging Face, arXiv).

    ``id`` identifies the entry (two names that find the same ``id`` name one thing);
    ``external`` maps a source to the entry's id or URL there.
    """

    id: str
    name: str
    external: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)  # slots: a large corpus holds millions
class Evidence:
    """Where a relation is stated: a paper, a field, and a sentence's character span."""

    paper_id: str
    field: Field
    start: int
    end: int
    sentence: str


@dataclass
class Relation:
    """A typed, directed edge between two node ids, with the evidence that states it.

    ``support`` is the number of distinct papers stating it: ``papers`` where the
    evidence keeps only examples (co-mentions), else the distinct papers among the evidence.
    """

    source: str
    target: str
    relation: str
    evidence: list[Evidence] = field(default_factory=list)
    papers: int | None = None

    @property
    def support(self) -> int:
        return self.papers if self.papers is not None else len({e.paper_id for e in self.evidence})
