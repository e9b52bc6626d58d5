"""Where a document states its requirements: the text a requirement-language rule judges.

Requirement text is what is written under a heading about requirements, features, scope, user
stories, acceptance criteria or non-functional qualities (performance, security, ...), and not
under one about the background, the problem, competitors, vision, research, the people (personas,
users, their pain points), goals and metrics, the team's plan (stack, roadmap, next steps) or an
appendix: "a fast, intuitive app" in a competitor's review or a persona's wish is description, in
a requirement it is untestable. The nearest heading that says either decides; the document's
title ("Product Requirements Document: Rota") says neither. In a user story, the requirement is
what the role wants: the benefit after "so that" is why, and "so that I can quickly find it"
asks for nothing a test could check.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from prdlint.document.model import Block, BlockKind, Document, Section
from prdlint.text.headings import strip_numbering
from prdlint.text.lexicon import alternation, words
from prdlint.text.stories import request_end

REQUIREMENT_TITLE = re.compile(
    r"\b(?:requirements?|features?|functional(?:ity)?|capabilit(?:y|ies)|scope|stor(?:y|ies)|"
    r"acceptance|criteria|specifications?|behaviou?rs?|must[- ]haves?|mvp|use cases?|"
    r"non-functional|nfrs?|performance|reliability|availability|scalability|security|usability|"
    r"accessibility|constraints?|quality attributes?)\b",
    re.IGNORECASE,
)
BACKGROUND_TITLE = re.compile(
    rf"\b(?:{alternation(words('requirement-text', 'background-titles'))}|competit\w*|"
    r"tech(?:nology|nical)? stack)\b",
    re.IGNORECASE,
)
# A heading that names the document itself: its title, not a part of it.
_DOCUMENT_NAME = re.compile(r"\b(?:prd|requirements? (?:document|doc|spec(?:ification)?))\b", re.IGNORECASE)
_KINDS = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.TABLE_CELL)


def _is_document_title(section: Section) -> bool:
    first_of_root = section.parent is not None and section.parent.heading is None
    title_level = section.level == 1 and first_of_root and section.parent.children[0] is section
    return title_level or bool(_DOCUMENT_NAME.search(section.title))


def in_requirements(section: Section | None) -> bool:
    """Whether the nearest heading that says what its text is about says requirements."""
    for current in section.lineage() if section is not None else ():
        if _is_document_title(current):
            continue
        title = strip_numbering(current.title)
        if BACKGROUND_TITLE.search(title):
            return False
        if REQUIREMENT_TITLE.search(title):
            return True
    return False


@dataclass(frozen=True)
class RequirementText:
    """Where a document states its requirements: its blocks, and where in each the requirement
    ends (before a user story's benefit)."""

    blocks: tuple[Block, ...]
    ends: Mapping[int, int]
    """The offset in each block's text (by block index) where its requirement ends."""

    def requirement(self, block: Block) -> str:
        """The block's requirement: its text up to a user story's benefit."""
        return block.text[: self.ends.get(block.index, len(block.text))]


def requirement_text(document: Document) -> RequirementText:
    """The paragraphs, list items and table cells of the document's requirement text (each
    section judged once: a document has far fewer sections than blocks), and where each one's
    requirement ends: what the requirement-text stage gives every rule that reads it."""
    judged = {id(section): in_requirements(section) for section in document.sections}
    blocks = tuple(
        block for block in document.blocks if block.kind in _KINDS and judged.get(id(block.section), False)
    )
    return RequirementText(blocks, {block.index: request_end(block.text) for block in blocks})
