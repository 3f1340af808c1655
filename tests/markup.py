"""Papers written with their mentions marked inline, for tests.

``[DPO|Method]`` marks a mention and its type, ``[MT-Bench|Benchmark|evaluated_on]`` also its role.
"""

import re
from itertools import pairwise

from kg.model import Abbreviation, Mention, Paper, PaperMentions

_MARK = re.compile(r"\[([^|\]]+)\|(\w+)(?:\|(\w+))?\]")


def marked(
    paper_id: str, abstract: str, pairs: tuple[tuple[str, str], ...] = (), title: str = ""
) -> PaperMentions:
    """The paper whose abstract is ``abstract`` without its marks, with one mention per mark.

    Sentences end at a full stop before a capital; each mention's ``sentence`` is the span of its own.
    """
    text, spans, position = "", [], 0
    for match in _MARK.finditer(abstract):
        text += abstract[position : match.start()]
        spans.append((match[1], match[2], match[3], len(text)))
        text += match[1]
        position = match.end()
    text += abstract[position:]
    breaks = [0, *(m.end() for m in re.finditer(r"\.\s+(?=[A-Z])", text)), len(text) + 1]
    sentences = [(start, start + len(text[start:end].rstrip())) for start, end in pairwise(breaks)]
    mentions = []
    for name, kind, role, start in spans:
        sentence = next((s, e) for s, e in sentences if s <= start < e)
        mentions.append(Mention(name, kind, "abstract", start, start + len(name), role, sentence))
    paper = Paper(paper_id, title, text)
    return PaperMentions(paper, tuple(mentions), tuple(Abbreviation(long, short) for long, short in pairs))
