"""Which of many texts a search finds something in, by one search of them all joined.

RE2 is called from Python once per search, and a long document has thousands of blocks or
sentences, most of which hold none of what a rule looks for. Joined by a character that no
pattern searched so matches, the texts are searched at once, a few at a time, and each match's
start says which text it is in. The caller makes sure no match crosses the join: then a text is
found exactly where a search of it alone would find a match.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol, TypeVar

import re2

# What the texts are joined by: no word holds it.
JOIN = "\x00"
# The letters `re` with IGNORECASE reads as an ASCII "i" that RE2's case folding does not: the
# dotless i and the capital I with a dot. The other two such letters, the long s and the Kelvin
# sign, RE2 folds as `re` does.
_NOT_FOLDED_TO_I = ("\u0131", "\u0130")
# How much text is joined for one search: a long document's text joined whole took as much
# memory again as its text, four times that where one character needs four bytes.
_JOINED_AT_ONCE = 1 << 16


class HasText(Protocol):
    @property
    def text(self) -> str: ...


_Item = TypeVar("_Item", bound=HasText)


def holding_matches(items: Iterable[_Item], patterns: Sequence[re2._Regexp]) -> Iterator[_Item]:
    """The items in whose text one of `patterns` finds a match, in order, each once. The items
    are read as they come, a few at a time."""
    chunk: list[_Item] = []
    length = 0
    for item in items:
        chunk.append(item)
        length += len(item.text)
        if length >= _JOINED_AT_ONCE:
            yield from _holding_among(chunk, patterns)
            chunk, length = [], 0
    if chunk:
        yield from _holding_among(chunk, patterns)


def _holding_among(items: Sequence[_Item], patterns: Sequence[re2._Regexp]) -> list[_Item]:
    starts, offset = [], 0
    for item in items:
        starts.append(offset)
        offset += len(item.text) + len(JOIN)
    joined = JOIN.join(item.text for item in items)
    for letter in _NOT_FOLDED_TO_I:
        if letter in joined:
            joined = joined.replace(letter, "i")
    # RE2 reads bytes: given a str, its wrapper makes them beside it and maps each match's
    # offsets back. An ASCII text is searched as its bytes, whose offsets are its characters'.
    searched = joined.encode("ascii") if joined.isascii() else joined
    starts_of_matches = (match.start() for pattern in patterns for match in pattern.finditer(searched))
    found = {bisect.bisect_right(starts, start) - 1 for start in starts_of_matches}
    return [items[position] for position in sorted(found)]
