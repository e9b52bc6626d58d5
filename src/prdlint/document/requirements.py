"""Where a document states its requirements: the text a requirement-language rule judges.

Requirement text is what is written under a heading about requirements, features, scope, user
stories, acceptance criteria or non-functional qualities (performance, security, ...), and not
under one about the background, the problem, competitors, vision, research or an appendix: "a
fast, intuitive app" in a competitor's review is description, in a requirement it is untestable.
The nearest heading that says either decides.
"""

from __future__ import annotations

import re

from prdlint.document.headings import strip_numbering
from prdlint.document.model import Block, BlockKind, Document, Section

REQUIREMENT_TITLE = re.compile(
    r"\b(?:requirements?|features?|functional(?:ity)?|capabilit(?:y|ies)|scope|stor(?:y|ies)|"
    r"acceptance|criteria|specifications?|behaviou?rs?|must[- ]haves?|mvp|use cases?|"
    r"non-functional|nfrs?|performance|reliability|availability|scalability|security|usability|"
    r"accessibility|constraints?|quality attributes?)\b",
    re.IGNORECASE,
)
BACKGROUND_TITLE = re.compile(
    r"\b(?:background|context|problem|competit\w*|vision|mission|research|market|overview|"
    r"summary|introduction|motivation|appendix|references?|glossary|alternatives?|history|"
    r"out of scope|non-goals?|risks?|open questions|changelog|revision)\b",
    re.IGNORECASE,
)
_KINDS = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.TABLE_CELL)


def in_requirements(section: Section | None) -> bool:
    """Whether the nearest heading that says what its text is about says requirements."""
    for current in section.lineage() if section is not None else ():
        title = strip_numbering(current.title)
        if BACKGROUND_TITLE.search(title):
            return False
        if REQUIREMENT_TITLE.search(title):
            return True
    return False


def requirement_blocks(document: Document) -> list[Block]:
    """The paragraphs, list items and table cells of the document's requirement text."""
    return [block for block in document.blocks if block.kind in _KINDS and in_requirements(block.section)]
