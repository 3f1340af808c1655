"""One paper per real paper: records that share an arXiv id, a DOI or a title are merged.

Researchers combine sources (an arXiv query, an OpenAlex export, their BibTeX),
so one paper often arrives several times. Records are the same paper when they
share an arXiv id, a DOI, or a normalised title (``slugify``), unless their
arXiv ids or DOIs differ (two papers titled "Introduction" stay two). Merging
keeps, field by field, the first non-empty value in reading order, so the
result depends only on that order, which ``kg.read`` makes independent of the
order of the files on the command line.

Two records that claim one paper id but are not the same paper (two CSV files
numbering their rows from 1) cannot both keep it: the later one is a bad record.

>>> from kg.model import Paper
>>> a = Paper("1706.03762", "Attention Is All You Need", "The dominant models.", arxiv_id="1706.03762")
>>> b = Paper("W2963403868", "Attention is all you need", "The dominant models.", doi="10.5555/3295222",
...           venue="NeurIPS")
>>> [(p.id, p.doi, p.venue) for p in merge_duplicates([a, b]).papers]
[('1706.03762', '10.5555/3295222', 'NeurIPS')]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace

from kg.model import Paper
from kg.read.records import BadRecord
from kg.slug import slugify

_IDS = ("arxiv_id", "doi")


@dataclass
class Merged:
    """The distinct papers, how many records were folded into them, and id clashes."""

    papers: list[Paper]
    duplicates: int = 0
    clashes: list[BadRecord] = field(default_factory=list)


def merge_duplicates(records: Iterable[Paper]) -> Merged:
    groups: list[Paper] = []
    group_of_key: dict[tuple[str, str], int] = {}
    group_of_id: dict[str, int] = {}
    merged = Merged(papers=groups)
    for paper in records:
        matches = sorted({group_of_key[key] for key in _keys(paper) if key in group_of_key})
        matches = [index for index in matches if _compatible(groups[index], paper)]
        if matches:
            index = matches[0]
            groups[index] = _fold(groups[index], paper)
            merged.duplicates += 1
        elif paper.id in group_of_id and _same_text(groups[group_of_id[paper.id]], paper):
            index = group_of_id[paper.id]
            merged.duplicates += 1
        elif paper.id in group_of_id:
            first = groups[group_of_id[paper.id]]
            clash = f"paper id {paper.id!r} is already used by {first.source} for another paper"
            merged.clashes.append(BadRecord(paper.source, clash))
            continue
        else:
            index = len(groups)
            groups.append(paper)
            group_of_id[paper.id] = index
        for key in _keys(groups[index]):
            group_of_key.setdefault(key, index)
    return merged


def _keys(paper: Paper) -> list[tuple[str, str]]:
    keys = [(name, value) for name in _IDS if (value := getattr(paper, name))]
    title = slugify(paper.title, max_length=1000)
    return [*keys, ("title", title)] if title else keys


def _compatible(first: Paper, other: Paper) -> bool:
    return all(not (a := getattr(first, name)) or not (b := getattr(other, name)) or a == b for name in _IDS)


def _same_text(first: Paper, other: Paper) -> bool:
    return (first.title, first.abstract) == (other.title, other.abstract)


def _fold(first: Paper, other: Paper) -> Paper:
    """``first`` with each of its empty fields filled from ``other``."""
    missing = {f.name: getattr(other, f.name) for f in fields(Paper) if not getattr(first, f.name)}
    return replace(first, **missing)
