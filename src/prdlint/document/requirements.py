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
from weakref import WeakKeyDictionary

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
    r"out of scope|not in scope|non-goals?|risks?|open questions|questions|faq|changelog|revision|"
    r"personas?|users|user types|audience|stakeholders?|pain points?|jobs to be done|"
    r"goals?|objectives?|metrics?|kpis?|okrs?|success|outcomes?|value proposition|"
    r"tech(?:nology|nical)? stack|roadmap|timeline|milestones?|next steps|phases?|team|budget|"
    r"pricing|business model|principles|examples?)\b",
    re.IGNORECASE,
)
# A heading that names the document itself: its title, not a part of it.
_DOCUMENT_NAME = re.compile(r"\b(?:prd|requirements? (?:document|doc|spec(?:ification)?))\b", re.IGNORECASE)
# Where a user story's benefit begins: ", so that I ...", "so I can ...".
_BENEFIT = re.compile(r"[,;]?\s{0,3}\bso(?:\s{1,3}that)?\s{1,3}(?=\w)", re.IGNORECASE)
_STORY_START = re.compile(r"^\W*(?:as an?|as the)\b", re.IGNORECASE)
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


# Several rules read the same document's requirement text: it is found once per document.
_FOUND: WeakKeyDictionary[Document, tuple[Block, ...]] = WeakKeyDictionary()


def requirement_blocks(document: Document) -> tuple[Block, ...]:
    """The paragraphs, list items and table cells of the document's requirement text (each
    section judged once: a document has far fewer sections than blocks)."""
    if document not in _FOUND:
        judged = {id(section): in_requirements(section) for section in document.sections}
        _FOUND[document] = tuple(
            block
            for block in document.blocks
            if block.kind in _KINDS and judged.get(id(block.section), False)
        )
    return _FOUND[document]


def requirement_end(text: str) -> int:
    """Where the requirement in a block's text ends: before a user story's benefit, or at the end."""
    if _STORY_START.match(text):
        benefit = _BENEFIT.search(text)
        if benefit is not None:
            return benefit.start()
    return len(text)
