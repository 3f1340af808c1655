"""From the fields of one input record to a ``Paper``: checked and normalised.

Every reader hands what its format calls title, abstract, authors, date and ids
to ``paper``, which applies the rules once for all formats: an empty abstract is
a bad record, arXiv ids lose their version and prefix, DOIs lose their resolver
and are lower-cased, dates become ISO ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``,
and whitespace runs in metadata become one space.

Titles and abstracts are kept exactly as given, because ``kg extract`` reports
character offsets into them that must hold in the user's own records; readers of
formats that hard-wrap their text (arXiv, BibTeX) join the lines themselves
with ``clean``.

A record that breaks a rule is a ``BadRecord``. Readers *yield* it rather than
raise it, so that one bad record need not end the file: ``kg.read`` raises it,
or with ``skip_bad`` counts it and goes on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from email.utils import parsedate_to_datetime

from kg.errors import KgError
from kg.model import Paper
from kg.slug import slugify

MAX_TITLE_CHARS = 2_000
MAX_ABSTRACT_CHARS = 100_000

_ARXIV_ID = re.compile(r"(?:\d{4}\.\d{4,5}|[a-z][a-z.-]*(?:\.[A-Z]{2})?/\d{7})", re.IGNORECASE)
_ARXIV_PREFIX = re.compile(r"^(?:arxiv:|https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/)", re.IGNORECASE)
_DOI_PREFIX = re.compile(r"^(?:doi:|https?://(?:dx\.)?doi\.org/)", re.IGNORECASE)
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$")


class BadRecord(KgError):
    """One record that cannot be read; ``where`` names its file and line or number."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


def paper(
    where: str,
    *,
    title: str | None,
    abstract: str | None,
    id: str | None = None,
    authors: Iterable[str] = (),
    date: str | None = None,
    arxiv_id: str | None = None,
    doi: str | None = None,
    url: str | None = None,
    venue: str | None = None,
    abstract_key: str = "abstract",
) -> Paper:
    """The paper of one record, or ``BadRecord`` naming what is wrong with it.

    >>> p = paper("x.csv:2", title="Attention Is All You Need", abstract="The dominant ...",
    ...           arxiv_id="arXiv:1706.03762v7", doi="https://doi.org/10.5555/ABC",
    ...           date="2017-06-12T17:57:34Z")
    >>> p.id, p.title, p.arxiv_id, p.doi, p.date
    ('1706.03762', 'Attention Is All You Need', '1706.03762', '10.5555/abc', '2017-06-12')
    >>> paper("x.csv:3", title="T", abstract="  ")
    Traceback (most recent call last):
    kg.read.records.BadRecord: x.csv:3: empty abstract
    """
    title = title or ""
    abstract = abstract or ""
    if not abstract.strip():
        raise BadRecord(where, "empty abstract")
    if len(title) > MAX_TITLE_CHARS:
        raise BadRecord(where, f"title is {len(title):,} characters long (the limit is {MAX_TITLE_CHARS:,})")
    if len(abstract) > MAX_ABSTRACT_CHARS:
        raise BadRecord(
            where, f"abstract is {len(abstract):,} characters long (the limit is {MAX_ABSTRACT_CHARS:,})"
        )
    arxiv_id = normal_arxiv_id(arxiv_id, where)
    doi = normal_doi(doi, where)
    paper_id = clean(id) or arxiv_id or doi or slugify(title or abstract[:80])
    if not paper_id:
        raise BadRecord(where, "no id, and no title to make one from")
    return Paper(
        id=paper_id,
        title=title,
        abstract=abstract,
        source=where,
        authors=tuple(name for name in map(clean, authors) if name),
        date=iso_date(date, where),
        arxiv_id=arxiv_id,
        doi=doi,
        url=clean(url) or None,
        venue=clean(venue) or None,
        abstract_key=abstract_key,
    )


def clean(text: str | None) -> str:
    """``text`` with each run of whitespace made one space, and trimmed.

    >>> clean("  Deep\\n  Residual\\tLearning ")
    'Deep Residual Learning'
    """
    return " ".join(text.split()) if text else ""


def normal_arxiv_id(value: str | None, where: str) -> str | None:
    """The arXiv id in ``value`` without prefix or version, or None if empty.

    >>> normal_arxiv_id("http://arxiv.org/abs/2401.01234v2", "-"), normal_arxiv_id("hep-th/9901001v1", "-")
    ('2401.01234', 'hep-th/9901001')
    """
    value = _ARXIV_PREFIX.sub("", clean(value))
    if not value:
        return None
    found = _ARXIV_ID.match(value)
    if not found or not re.fullmatch(r"(?:v\d+)?", value[found.end() :]):
        raise BadRecord(where, f"arXiv id {value!r} is not like 2401.01234 or hep-th/9901001")
    return found.group()


def normal_doi(value: str | None, where: str) -> str | None:
    """The DOI in ``value``, lower-cased, without ``doi:`` or resolver, or None if empty.

    >>> normal_doi("https://doi.org/10.18653/V1/N19-1423", "-")
    '10.18653/v1/n19-1423'
    """
    value = _DOI_PREFIX.sub("", clean(value))
    if not value:
        return None
    if not re.fullmatch(r"10\.\d{4,9}/\S+", value):
        raise BadRecord(where, f"DOI {value!r} is not like 10.1234/name")
    return value.lower()


def iso_date(value: str | None, where: str) -> str | None:
    """``value`` as ISO ``YYYY[-MM[-DD]]``: from ISO dates and times, or RFC 2822 dates.

    >>> iso_date("2017-06-12T17:57:34Z", "-"), iso_date("Mon, 2 Apr 2007 19:18:42 GMT", "-")
    ('2017-06-12', '2007-04-02')
    >>> iso_date("2019", "-")
    '2019'
    """
    value = clean(value)
    if not value:
        return None
    found = _ISO_DATE.match(value)
    if found:
        year, month, day = found.groups()
        if (month is None or "01" <= month <= "12") and (day is None or "01" <= day <= "31"):
            return "-".join(part for part in (year, month, day) if part)
    else:
        try:
            return parsedate_to_datetime(value).date().isoformat()
        except (TypeError, ValueError, IndexError):
            pass
    raise BadRecord(where, f"date {value!r} is not like 2024-05-31 (ISO) or 'Fri, 31 May 2024' (RFC 2822)")
