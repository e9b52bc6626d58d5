"""The regular expressions a team writes, run in RE2, whose time is linear in the text.

A rule file comes from whoever can open a pull request, and Python's `re` backtracks: `(a+)+$`
on forty letters takes days. RE2 (the engine Vale runs its users' patterns on) never backtracks,
so no pattern can hold a run. It has no back-references and no look-around, which are the
constructs that need backtracking; a pattern that uses them is an error when the rule file is
read. Its `\\w`, `\\d`, `\\s` and `\\b` are ASCII; `\\pL` is any letter.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Protocol

import re2

# RE2 refuses a pattern whose compiled form needs more than this: `((a{100}){100}){100}`.
_MAX_MEMORY = 8 << 20

_WHY = (
    ("(?<", "look-behind is not supported"),
    ("(?=", "look-ahead is not supported"),
    ("(?!", "look-ahead is not supported"),
    ("invalid escape sequence: \\1", "back-references are not supported"),
)


_TOO_LARGE = (
    f"too large: RE2 writes counted repetitions ({{m,n}}) out as copies, at most 1,000 of them "
    f"in {_MAX_MEMORY >> 20} MB; use + or *, or smaller counts"
)
_TOO_LARGE_MARKERS = ("pattern too large", "invalid repetition size")


class Match(Protocol):
    """What a match of either engine offers the checks."""

    def start(self) -> int: ...

    def end(self) -> int: ...

    def group(self, index: int = 0) -> str: ...


class UserPatternError(ValueError):
    """A pattern RE2 cannot run; the message says why."""


def _options(case_sensitive: bool) -> re2.Options:
    options = re2.Options()
    options.case_sensitive = case_sensitive
    options.log_errors = False
    options.max_mem = _MAX_MEMORY
    return options


@lru_cache(maxsize=1024)
def user_pattern(text: str, case_sensitive: bool = False) -> re2._Regexp:
    """`text` compiled by RE2. Raises UserPatternError saying why RE2 cannot run it."""
    try:
        return re2.compile(text, _options(case_sensitive))
    except re2.error as problem:
        detail = problem.args[0] if problem.args else problem
        detail = detail.decode("utf-8", "replace") if isinstance(detail, bytes) else str(detail)
        if any(marker in detail for marker in _TOO_LARGE_MARKERS):
            raise UserPatternError(_TOO_LARGE) from None
        why = next((why for marker, why in _WHY if marker in detail), None)
        if why is None:
            raise UserPatternError(f"not a regular expression: {detail}") from None
        raise UserPatternError(
            f"{why}: patterns run in RE2, whose time is linear in the text ({detail})"
        ) from None


def any_of(patterns: tuple[str, ...], case_sensitive: bool = False) -> re2._Regexp:
    """One RE2 pattern matching what any of `patterns` matches, the first listed winning where
    two match at one place. Raises UserPatternError when together they are too large."""
    return user_pattern("|".join(f"(?:{pattern})" for pattern in patterns), case_sensitive)


# Escapes after which an RE2 pattern may match NUL or assert where a text or a word begins or
# ends: \A \z \b \B, the negated and Unicode classes, codes (\x00, \0), \C (any byte) and
# \Q...\E quoting, which hides what it quotes from the reading below.
_EDGE_OR_ANY_ESCAPES = frozenset("AzZbBWSDpPCQx0123456789")


def matches_alone(pattern: str) -> bool:
    """Whether what an RE2 `pattern` matches in texts joined by NUL is what it matches in each
    text alone: it cannot match NUL (no `.`, negated class, `\\W` or code), so no match crosses
    a join, and it asserts nothing about where a text begins or ends (`^`, `$`, `\\A`, `\\b`).
    A pattern it cannot be sure of is False: that pattern is searched text by text."""
    in_class = False
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            escaped = pattern[index + 1 : index + 2]
            if not escaped or escaped in _EDGE_OR_ANY_ESCAPES:
                return False
            index += 2
            continue
        if char == "\x00":
            return False
        if in_class:
            if char == "]":
                in_class = False
            elif pattern.startswith("[:", index):
                return False  # a POSIX class: [[:cntrl:]] holds NUL
        elif char == "[":
            if pattern.startswith("[^", index):
                return False
            in_class = True
            if pattern.startswith("[]", index):
                index += 1  # "]" first in a class is itself
        elif char in ".^$":
            return False
        index += 1
    return True


def escape(text: str) -> str:
    """`text` as a pattern that matches it literally, in RE2's syntax."""
    return re2.escape(text)


def _search(pattern: re.Pattern[str] | re2._Regexp | None, text: str, position: int) -> Match | None:
    return pattern.search(text, position) if pattern is not None else None


def leftmost(text: str, first: re.Pattern[str] | None, second: re2._Regexp | None) -> Iterator[Match]:
    """The matches of `first | second` as one alternation would give them: leftmost, `first`
    winning where both start at one place, none overlapping. Two engines run one search each per
    match, so the words a rule lists (escaped, linear in `re`) and the patterns its author wrote
    (in RE2) read as one list. An engine searches again only once its next match is passed."""
    one, two = _search(first, text, 0), _search(second, text, 0)
    while one is not None or two is not None:
        found: Match = one if two is None or (one is not None and one.start() <= two.start()) else two
        yield found
        position = found.end() if found.end() > found.start() else found.end() + 1
        if position > len(text):
            return
        if one is not None and one.start() < position:
            one = _search(first, text, position)
        if two is not None and two.start() < position:
            two = _search(second, text, position)
