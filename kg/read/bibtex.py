"""BibTeX files, as reference managers export them, with ``abstract`` fields.

Parsed with ``bibtexparser`` 2. LaTeX in the text fields (title, abstract,
authors, venue) is decoded (``M{\\"u}ller`` -> ``Müller``) with ``pylatexenc``,
but only where there is TeX to decode: it takes ~15 ms per abstract, and most
abstracts have none but case-protecting braces, which are simply dropped. URLs,
DOIs and ids are left as written. The citation key is the paper id; ``author`` gives the authors
(``Last, First and ...``), ``year`` and ``month`` the date, ``doi``, ``url``,
``eprint`` (when ``archivePrefix`` is arXiv) the ids, and ``journal`` or
``booktitle`` the venue. An entry without an abstract is a bad record; an entry
bibtexparser cannot parse is one too, named by its line.

>>> import tempfile
>>> file = Path(tempfile.mkdtemp()) / "refs.bib"
>>> _ = file.write_text('@inproceedings{hu2022lora, title = {{LoRA}: Low-Rank Adaptation},'
...     ' author = {Hu, Edward J. and M{\\\\"u}ller, Anna}, year = 2022, month = apr,'
...     ' booktitle = {ICLR}, abstract = {We propose {LoRA}.}}')
>>> [(p.id, p.title, p.authors, p.date, p.venue) for p in read(file)]
[('hu2022lora', 'LoRA: Low-Rank Adaptation', ('Edward J. Hu', 'Anna Müller'), '2022-04', 'ICLR')]
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

import bibtexparser
from bibtexparser import middlewares
from bibtexparser.model import Block, Entry, ParsingFailedBlock
from pylatexenc.latex2text import LatexNodes2Text

from kg.model import Paper
from kg.read.records import BadRecord, clean, paper
from kg.read.text import whole_text

_OPENING = re.compile(
    r"^\s*@(?:[a-z]+\s*[{(]\s*[^\s,{}()]+\s*,|(?:string|preamble)\s*[{(])", re.MULTILINE | re.IGNORECASE
)
_TEX = re.compile(r"[\\$~]")
_LATEX = LatexNodes2Text()

# bibtexparser logs each block it cannot parse; the reader reports them itself.
logging.getLogger("bibtexparser").addHandler(logging.NullHandler())

_MONTHS = {name: f"{number:02d}" for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
)}  # fmt: skip


def read(path: Path) -> Iterator[Paper | BadRecord]:
    library = bibtexparser.parse_string(
        whole_text(path), append_middleware=[middlewares.SeparateCoAuthors(), middlewares.SplitNameParts()]
    )
    for block in library.blocks:
        where = f"{path}:{block.start_line + 1}"
        try:
            if isinstance(block, Entry):
                yield _paper(block, where)
            elif isinstance(block, ParsingFailedBlock):
                yield BadRecord(where, f"not valid BibTeX ({_reason(block)})")
        except BadRecord as bad:
            yield bad


def sniff(head: str) -> bool:
    """An entry's opening (``@article{key,``) or a ``@string``/``@preamble`` at a line start.

    >>> sniff("% refs\\n@inproceedings{hu2022lora,\\n"), sniff("Submitted by\\n@akhaliq (AK)\\n")
    (True, False)
    """
    return _OPENING.search(head) is not None


def _paper(entry: Entry, where: str) -> Paper:
    fields = {key.lower(): value for key, value in entry.fields_dict.items()}
    text = {key: field.value for key, field in fields.items() if isinstance(field.value, str)}
    is_arxiv = text.get("archiveprefix", "").lower() == "arxiv" or entry.key.lower().startswith("arxiv:")
    return paper(
        where,
        id=entry.key,
        title=clean(decode_latex(text.get("title"))),
        abstract=clean(decode_latex(text.get("abstract"))),
        authors=_authors(fields["author"].value) if "author" in fields else [],
        date=_date(text.get("year"), text.get("month")),
        arxiv_id=text.get("eprint") if is_arxiv else None,
        doi=text.get("doi"),
        url=text.get("url"),
        venue=decode_latex(text.get("journal") or text.get("booktitle")),
    )


def decode_latex(text: str | None) -> str | None:
    r"""``text`` with its LaTeX made Unicode and its braces dropped.

    >>> decode_latex("{BERT}: Pre-training"), decode_latex(r"Sch{\"o}lkopf and Caf\'e")
    ('BERT: Pre-training', 'Schölkopf and Café')
    """
    if not text or not _TEX.search(text):
        return text.replace("{", "").replace("}", "") if text else text
    return _LATEX.latex_to_text(text)


def _authors(names: object) -> list[str]:
    if isinstance(names, str):
        return [decode_latex(names) or ""]
    return [decode_latex(" ".join([*n.first, *n.von, *n.last, *n.jr])) or "" for n in names]  # type: ignore[attr-defined]


def _date(year: str | None, month: str | None) -> str | None:
    """``year`` and ``month`` (``apr``, ``April``, ``4``) as ``YYYY-MM`` or ``YYYY``."""
    if not year:
        return None
    key = (month or "").strip().lower()
    number = _MONTHS.get(key[:3]) or (f"{int(key):02d}" if key.isdigit() and 1 <= int(key) <= 12 else None)
    return f"{year.strip()}-{number}" if number else year


def _reason(block: Block) -> str:
    error = getattr(block, "error", None)
    return " ".join(str(getattr(error, "abort_reason", error) or "unparseable block").split())
