"""Source positions.

Every finding points at a 1-based line and column of the original file. Columns count Unicode
code points, and an end column is exclusive (it points one past the last character), which is
what editors and the Language Server Protocol expect.
"""

from __future__ import annotations

import bisect
from array import array
from dataclasses import dataclass


@dataclass(frozen=True, order=True, slots=True)
class Position:
    """A 1-based line and column in a source file."""

    line: int
    column: int


@dataclass(frozen=True, order=True, slots=True)
class Span:
    """A range of a source file: `start` inclusive, `end` exclusive."""

    start: Position
    end: Position


class LineIndex:
    """Turns character offsets of a text into 1-based positions.

    Built once per document, so every block and rule shares one table of line starts instead
    of counting newlines again; a table of machine integers, a fifth of a list's size for a
    document of a hundred thousand lines.
    """

    def __init__(self, text: str) -> None:
        self._text_length = len(text)
        starts = array("q", [0])
        index = text.find("\n")
        while index != -1:
            starts.append(index + 1)
            index = text.find("\n", index + 1)
        self._starts = starts

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_start(self, line: int) -> int:
        """The offset of the first character of a 1-based line."""
        return self._starts[line - 1]

    def line(self, offset: int) -> int:
        """The 1-based line of an offset: its position's line, without making the position."""
        return bisect.bisect_right(self._starts, max(0, min(offset, self._text_length)))

    def position(self, offset: int) -> Position:
        offset = max(0, min(offset, self._text_length))
        line = self.line(offset)
        return Position(line, offset - self._starts[line - 1] + 1)

    def span(self, start: int, end: int) -> Span:
        return Span(self.position(start), self.position(end))
