"""The people who write, own, build or review the document: "Team: 2-3 developers", "Owner:
Product Owner (PO)", "**Development team**: senior software engineer", a task table's Owner
column, and at the top of the document "Audience: founders, developers, investors" and the
labels of its metadata lines ("Product manager: Ana").

They are the product's own team, not its users: a developer named in the staffing line of a
developer tool's PRD builds it. The evidence is weaker than a story or a declaration, so a role
the document also shows using the product stays a user.
"""

from __future__ import annotations

import re

from prdlint.api import Block
from prdlint_rules.stakeholders.reading.classes import INTERNAL
from prdlint_rules.stakeholders.reading.collectors.base import Draft, Inputs
from prdlint_rules.stakeholders.reading.model import Mention, Rank

NAMED_AS_TEAM = "named as the document's own team here"
# The document's opening lines, where metadata stands: title, owner, audience, status.
_OPENING_LINES = 15
_LABELLED = re.compile(r"^\W*(?P<label>[A-Za-z][\w /&-]{0,30}?)\W*:\W*(?=\S)")
# A metadata label is a role and at most two more words: "Project owner", "Lead product manager";
# its value is a name, a team or a count: "Ana", "2-4 CS students".
_LABEL_WORDS = 2
_LABEL_REACH = 80
_VALUE_WORDS = 6
# An owner cell names someone ("Founder", "Product owner"); a longer one says what is done.
_OWNER_CELL_WORDS = 4


def _team_parts(block: Block, inputs: Inputs) -> list[tuple[int, int]]:
    """Where `block` names the document's team: the values of its team lines (a metadata block
    holds one per line), or the whole of a short cell in a team column."""
    words = inputs.vocabulary.words
    cell = block.cell
    if cell is not None:
        header = inputs.document.tables[cell.table].header
        named = cell.row > 0 and len(block.text.split()) <= _OWNER_CELL_WORDS
        column = header[cell.column].text.strip(" *").lower() if cell.column < len(header) else ""
        return [(0, len(block.text))] if named and column in words("team-columns") else []
    parts = []
    offset = 0
    for number, line in enumerate(block.text.split("\n")):
        match = _LABELLED.match(line)
        if match is not None:
            label = match.group("label").strip().lower()
            opening = block.line + number <= _OPENING_LINES and label in words("team-labels-opening")
            if label in words("team-labels") or opening:
                parts.append((offset + match.end(), offset + len(line)))
        offset += len(line) + 1
    return parts


def _metadata_label(mention: Mention) -> bool:
    """A role that is the label of a line at the top of the document names a person who writes
    or owns it: "Product manager: Ana", "**Development team:** two students", a first cell
    "| **Reviewers** | ... |"."""
    block = mention.block
    text = block.text
    if mention.span.start.line > _OPENING_LINES:
        return False
    line_start = text.rfind("\n", max(0, mention.start - _LABEL_REACH), mention.start) + 1
    before = text[line_start : mention.start].strip(" *_>-#|")
    if mention.start - line_start > _LABEL_REACH or len(before.split()) > _LABEL_WORDS or ":" in before:
        return False
    line_end = text.find("\n", mention.start)
    rest = text[mention.start + len(mention.text) : None if line_end == -1 else line_end].lstrip(" *_")
    cell = block.cell
    first_cell = cell is not None and cell.column == 0 and not rest.strip()
    # A value, not a description: "Product manager: Ana", not "Rider: a contractor who ...".
    short = rest.startswith(":") and len(rest[1:].split()) <= _VALUE_WORDS
    return short or first_cell


def collect(inputs: Inputs, draft: Draft) -> None:
    by_block = inputs.mentions_by_block
    for index in sorted(by_block):  # the blocks that name a role, in the document's order
        mentions = by_block[index]
        block = mentions[0].block
        parts = _team_parts(block, inputs)
        for mention in mentions:
            if _metadata_label(mention) or any(start <= mention.start < end for start, end in parts):
                draft.add(mention.key, mention.span.start.line, NAMED_AS_TEAM, Rank.ACTION, INTERNAL)
