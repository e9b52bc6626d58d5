"""The pieces of text a scope names, each with a way back to the source: what a rule checks."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Unit:
    """A piece of text to check: `span(start, end)` maps its offsets to the source, `in_code`
    says whether they fall in inline code (never checked)."""

    text: str
    section: Section | None
    span: Callable[[int, int], Span]
    in_code: Callable[[int, int], bool]


def _block_unit(block: Block, start: int = 0, end: int | None = None) -> Unit:
    text = block.text[start:end]
    return Unit(
        text,
        block.section,
        lambda a, b: block.span(start + a, start + b),
        lambda a, b: block.in_code(start + a, start + b),
    )


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
            whole = piece.span
            yield Unit(piece.text, story.section, lambda a, b, whole=whole: whole, lambda a, b: False)


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
