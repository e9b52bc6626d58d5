"""The Document: what prdlint knows about a Markdown file before any language analysis.

A Document is the single parsed form every rule sees. Prose lives in blocks, each with its plain
text (markup stripped) and a map back to exact source positions; everything that is not prose
(code, HTML, front matter, URLs, link targets) is kept out of that text.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Any, TypeVar

from prdlint.span import LineIndex, Position, Span

_Answer = TypeVar("_Answer")


class BlockKind(StrEnum):
    """Where a piece of prose sits; the innermost container decides."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_CELL = "table_cell"
    BLOCKQUOTE = "blockquote"


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of plain text copied verbatim from the source."""

    text_start: int
    source_start: int
    length: int


@dataclass(frozen=True, slots=True)
class InlineHtml:
    """Inline HTML found in prose: kept out of the plain text but not forgotten."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Comment:
    """An HTML comment (`<!-- ... -->`), where suppressions and test expectations live."""

    body: str
    start: int
    end: int
    span: Span


@dataclass(frozen=True, slots=True)
class CodeBlock:
    """A fenced code block: not prose, but kept, since some PRDs keep lists of stories in one.

    `first_line` is the 1-based line of the first content line (after the opening fence).
    """

    info: str
    text: str
    first_line: int


@dataclass(frozen=True, slots=True)
class TableCellRef:
    """Where a table cell sits: row 0 is the header row."""

    table: int
    row: int
    column: int


@dataclass(eq=False, slots=True)
class Block:
    """One piece of prose: a heading, a paragraph, a list item's paragraph, a table cell.

    A long document holds tens of thousands: a block keeps no more than it is (slots; its
    segments as one array of machine integers, where a tuple of objects took three times the
    memory)."""

    kind: BlockKind
    text: str
    section: Section
    offsets: array[int]
    """Each segment's text start, source start and length, one after another: at least one, a
    text with no run of the source having an empty one where its content starts."""
    lines: LineIndex
    code_ranges: tuple[tuple[int, int], ...] = ()
    html: tuple[InlineHtml, ...] = ()
    heading_level: int | None = None
    list_depth: int = 0
    cell: TableCellRef | None = None
    index: int = -1
    shift: int = 0
    """How far the source has moved from the source starts in `offsets`: the blocks of a piece of
    a document kept from an earlier parse share its offsets, however far an edit above moved it."""

    def source_offset(self, index: int) -> int:
        """The source offset of plain-text character `index`.

        Characters that markup produced (a line break between two source lines) map to the end
        of the text before them, so a span never points into markup that is not there.
        """
        offsets = self.offsets
        at = 0  # the first segment: most blocks have one, and most asks are of a block's start
        if len(offsets) > 3 and offsets[3] <= index:
            at = max(bisect.bisect_right(offsets[::3], index) - 1, 0) * 3
        return offsets[at + 1] + self.shift + min(index - offsets[at], offsets[at + 2])

    @property
    def segments(self) -> tuple[Segment, ...]:
        """The runs of plain text copied verbatim from the source, in order."""
        offsets = self.offsets
        shift = self.shift
        return tuple(
            Segment(offsets[at], offsets[at + 1] + shift, offsets[at + 2]) for at in range(0, len(offsets), 3)
        )

    def span(self, start: int = 0, end: int | None = None) -> Span:
        """The source span of plain-text characters `start` to `end` (exclusive)."""
        end = len(self.text) if end is None else end
        first = self.source_offset(start)
        last = self.source_offset(end - 1) + 1 if end > start else first
        return Span(self.lines.position(first), self.lines.position(last))

    @property
    def position(self) -> Position:
        """Where the block's first character is (its span's start, without working out its end)."""
        return self.lines.position(self.source_offset(0))

    @property
    def line(self) -> int:
        return self.lines.line(self.source_offset(0))

    def in_code(self, start: int, end: int) -> bool:
        """Whether plain-text characters `start` to `end` overlap inline code."""
        return any(start < code_end and code_start < end for code_start, code_end in self.code_ranges)

    def outside_code(self) -> str:
        """The text with its inline code blanked out: the same length, so offsets still hold."""
        text = self.text
        for start, end in self.code_ranges:
            text = text[:start] + " " * (end - start) + text[end:]
        return text


@dataclass(eq=False)
class Section:
    """A heading and everything under it up to the next heading of the same or higher level.

    The root section (level 0, no heading) holds whatever comes before the first heading.
    """

    level: int
    heading: Block | None
    parent: Section | None
    start_line: int
    end_line: int = 0
    children: list[Section] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    has_content: bool = False
    # Written over a line of "=" or "-" (a setext heading) rather than after "#" marks: in the
    # text as written it stands out more than a "##" heading of the same level.
    underlined: bool = False

    @property
    def title(self) -> str:
        return self.heading.text.strip() if self.heading else ""

    def lineage(self) -> Iterator[Section]:
        """This section and the sections around it, innermost first, up to (not including) the
        root: what a reader has in mind at this place ("Future > Pricing")."""
        section: Section | None = self
        while section is not None and section.heading is not None:
            yield section
            section = section.parent

    def walk(self) -> list[Section]:
        """This section and all below it, in document order."""
        found = [self]
        for child in self.children:
            found.extend(child.walk())
        return found

    def all_blocks(self) -> list[Block]:
        """Every block of this section and its subsections, heading included, in order."""
        collected = list(self.blocks)
        for child in self.children:
            collected.extend(child.all_blocks())
        return sorted(collected, key=lambda block: block.index)


def once_per_section(answer: Callable[[Section], _Answer]) -> Callable[[Section], _Answer]:
    """`answer`, worked out once for each section it is asked of: a reader that asks of every
    block's section (its titles, whether a heading over it names something) asks of far fewer
    sections than blocks. For one document: a section is known by its identity."""
    known: dict[int, _Answer] = {}

    def asked(section: Section) -> _Answer:
        key = id(section)
        if key not in known:
            known[key] = answer(section)
        return known[key]

    return asked


@dataclass(eq=False)
class Table:
    """A Markdown table: `rows[0]` is the header row; every row has one block per cell."""

    rows: list[list[Block]]

    @property
    def header(self) -> list[Block]:
        return self.rows[0] if self.rows else []


@dataclass(eq=False)
class Document:
    """A parsed Markdown file: sections, prose blocks, tables, comments and front matter."""

    source: str
    lines: LineIndex
    root: Section
    blocks: list[Block]
    tables: list[Table]
    comments: list[Comment]
    code_blocks: list[CodeBlock] = field(default_factory=list)
    front_matter: dict[str, Any] | None = None
    front_matter_error: tuple[int, str] | None = None
    front_matter_end_line: int = 0

    @cached_property
    def sections(self) -> tuple[Section, ...]:
        """Every section under a heading, in document order: worked out once, since many readers
        go through them."""
        return tuple(self.root.walk()[1:])

    def line_text(self, line: int) -> str:
        start = self.lines.line_start(line)
        end = self.source.find("\n", start)
        return self.source[start:] if end == -1 else self.source[start:end]

    def line_span(self, line: int) -> Span:
        """The span of a whole line's text, for findings about a line rather than words."""
        text = self.line_text(line)
        # Markdown's white space is the space and the tab: a form feed or U+3000 is text to it.
        stripped = len(text) - len(text.lstrip(" \t"))
        return Span(Position(line, stripped + 1), Position(line, max(len(text.rstrip(" \t")), stripped) + 1))

    @property
    def first_line_span(self) -> Span:
        """Where document-level findings go when nothing better exists: the first prose line."""
        line = self.blocks[0].line if self.blocks else 1
        return self.line_span(line)
