"""The pieces of text a scope names, each with a way back to the source: what a rule checks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from prdlint.document import Block, BlockKind, Document, Section
from prdlint.language.model import Analysis, Story
from prdlint.span import Span

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'“(])")
_BLOCK_KINDS = {
    "heading": (BlockKind.HEADING,),
    "paragraph": (BlockKind.PARAGRAPH,),
    "list-item": (BlockKind.LIST_ITEM,),
    "table-cell": (BlockKind.TABLE_CELL,),
}
_PROSE = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.TABLE_CELL, BlockKind.HEADING)


class Unit(NamedTuple):
    """A piece of text to check, with its way back to the source: cut from `block` at `start`,
    or standing for one span (`whole`), as a story's part does. Offsets in inline code are never
    checked. A named tuple: a rule over a long document makes one for each block, and a frozen
    dataclass took three times as long to make."""

    text: str
    section: Section | None
    block: Block | None = None
    start: int = 0
    whole: Span | None = None

    def span(self, start: int, end: int) -> Span:
        """The source span of the unit's characters `start` to `end`."""
        if self.block is None:
            if self.whole is None:
                raise ValueError("a unit needs a block or a span to point at")
            return self.whole
        return self.block.span(self.start + start, self.start + end)

    def in_code(self, start: int, end: int) -> bool:
        """Whether the unit's characters `start` to `end` overlap inline code."""
        return self.block is not None and self.block.in_code(self.start + start, self.start + end)


def _block_unit(block: Block, start: int = 0, end: int | None = None) -> Unit:
    return Unit(block.text[start:end], block.section, block, start)


def _sentences(block: Block) -> Iterator[Unit]:
    start = 0
    for match in _SENTENCE_END.finditer(block.text):
        yield _block_unit(block, start, match.start())
        start = match.end()
    yield _block_unit(block, start)


def _story_units(stories: list[Story], part: str) -> Iterator[Unit]:
    for story in stories:
        piece = story.means if part == "story-means" else story.ends
        if piece is not None:
            yield Unit(piece.text, story.section, whole=piece.span)


def units(scope: str, document: Document, analysis: Analysis) -> Iterator[Unit]:
    """The units of `scope` in the document, in source order. The story scopes read the stories
    stage and `requirement` the requirement-text stage, which their rules need."""
    if scope in _BLOCK_KINDS:
        kinds = _BLOCK_KINDS[scope]
        yield from (_block_unit(block) for block in document.blocks if block.kind in kinds)
    elif scope == "sentence":
        for block in document.blocks:
            if block.kind in _PROSE:
                yield from _sentences(block)
    elif scope in ("story-means", "story-ends"):
        yield from _story_units(analysis.stories, scope)
    elif scope == "requirement":
        text = analysis.requirement_text
        for block in text.blocks:
            yield _block_unit(block, 0, len(text.requirement(block)))
    else:  # document: every prose block, checked together where the kind needs it
        yield from (_block_unit(block) for block in document.blocks if block.kind in _PROSE)
