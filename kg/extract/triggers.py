"""A rule's regular expression tried only where its trigger word stands, with the same matches.

Scanning a whole abstract with a pattern costs about as much as tokenising it: the
engine tries the pattern at every offset, and a pattern such as "a/an/our, up to three
words, a class noun" does real work at each "a". Most rules are anchored by a few words
("called", "dataset", "such as"), which ``str.find`` finds an order of magnitude faster.
A rule lists the offsets where a match could start (from its trigger words, by
``occurrences``) and ``matches_at`` tries the pattern there only.

``matches_at(pattern, text, starts)`` yields what ``pattern.finditer(text)`` yields,
provided ``starts`` holds every offset at which a match starts (more is only slower).
Case-insensitive triggers are found in ``text.lower()``, which finds what ``(?i)`` finds
for ASCII words unless the text holds one of the four characters ``(?i)`` also matches to
an ASCII letter (``folds_like_ascii``); rules fall back to the full scan then:
``matches_within`` and ``first_match`` take the starts, or None for that fallback.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator

# The non-ASCII characters that ``(?i)`` matches to an ASCII letter: dotted and dotless i,
# long s, Kelvin sign (the dotted capital I also lowers to two characters).
_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"


def folds_like_ascii(text: str) -> bool:
    """Whether ``text.lower()`` has ``text``'s offsets and finds what ``(?i)`` finds for ASCII words.

    >>> folds_like_ascii("We use the COCO Dataset."), folds_like_ascii("a cla\u017f\u017f")
    (True, False)
    """
    # (four searches of the text in C: ``isdisjoint`` makes and hashes a string per character)
    return text.isascii() or not any(char in text for char in _FOLDS_TO_ASCII)


def occurrences(text: str, words: Iterable[str]) -> list[int]:
    """The offsets where any of ``words`` occurs in ``text``, in order, each once.

    >>> occurrences("data, a dataset and data", ["data", "set"])
    [0, 8, 12, 20]
    """
    found = set()
    for word in words:
        start = text.find(word)
        while start >= 0:
            found.add(start)
            start = text.find(word, start + 1)
    return sorted(found)


def matches_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int], endpos: int | None = None
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, 0, endpos)``, trying the pattern only at ``starts``, in order.

    ``starts`` must hold every offset at which a match starts. Like ``finditer``, a match
    is searched for from where the last one ended, so the matches do not overlap.

    >>> pattern = re.compile(r"called (\\w+)")
    >>> text = "a model called Janus, a method called Dromedary"
    >>> [m.group(1) for m in matches_at(pattern, text, occurrences(text, ["called"]))]
    ['Janus', 'Dromedary']
    """
    position = 0
    for start in starts:
        if start < position:
            continue
        match = pattern.match(text, start) if endpos is None else pattern.match(text, start, endpos)
        if match is not None:
            yield match
            position = max(match.end(), start + 1)


def matches_within(
    pattern: re.Pattern[str], text: str, starts: list[int] | None, start: int = 0, end: int | None = None
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, start, end)``, tried only at ``starts`` where they are known.

    ``starts`` is sorted and holds every offset at which a match may start (from
    ``occurrences``); None where a rule cannot tell (``folds_like_ascii``): the whole
    range is scanned then.

    >>> pattern = re.compile(r"called (\\w+)")
    >>> text = "a model called Janus, a method called Dromedary"
    >>> [m.group(1) for m in matches_within(pattern, text, occurrences(text, ["called"]), 10)]
    ['Dromedary']
    >>> [m.group(1) for m in matches_within(pattern, text, None, 0, 21)]
    ['Janus']
    """
    end = len(text) if end is None else end
    if starts is None:
        return pattern.finditer(text, start, end)
    return matches_at(pattern, text, starts[bisect_left(starts, start) : bisect_left(starts, end)], end)


def first_match(
    pattern: re.Pattern[str], text: str, starts: list[int] | None, start: int = 0, end: int | None = None
) -> re.Match[str] | None:
    """``pattern.search(text, start, end)``, tried only at ``starts`` where known (``matches_within``).

    >>> first_match(re.compile(r"called (\\w+)"), "a model called Janus", [8]).group(1)
    'Janus'
    """
    return next(matches_within(pattern, text, starts, start, end), None)
