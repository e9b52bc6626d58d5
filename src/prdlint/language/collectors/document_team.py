"""The people who write, own, build or review the document: "Team: 2-3 developers", "Owner:
Product Owner (PO)", "**Development team**: senior software engineer", a task table's Owner
column, and at the top of the document "Audience: founders, developers, investors".

They are the product's own team, not its users: a developer named in the staffing line of a
developer tool's PRD builds it. The evidence is weaker than a story or a declaration, so a role
the document also shows using the product stays a user.
"""

from __future__ import annotations

import re

from prdlint.document import Block
from prdlint.language.collectors.base import Draft, Inputs
from prdlint.language.model import INTERNAL, Rank

NAMED_AS_TEAM = "named as the document's own team here"
# The document's opening lines, where metadata stands: title, owner, audience, status.
_OPENING_LINES = 15
_LABELLED = re.compile(r"^\W*(?P<label>[A-Za-z][\w /&-]{0,30}?)\W*:\W*(?=\S)")
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


def collect(inputs: Inputs, draft: Draft) -> None:
    for block in inputs.document.blocks:
        mentions = inputs.mentions_by_block.get(block.index)
        parts = _team_parts(block, inputs) if mentions else []
        for mention in mentions or ():
            if any(start <= mention.start < end for start, end in parts):
                draft.add(mention.key, mention.span.start.line, NAMED_AS_TEAM, Rank.ACTION, INTERNAL)
