"""What a document says of its own status: "Status: Approved" in its header, a Status row in its
metadata table, or `status: final` in its front matter.

A placeholder in a draft is work in progress; the same placeholder in a PRD its team has approved
is a defect that reached the people building from it. The engine raises the findings about
unfinished text to errors where the document says it is approved or final.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from prdlint.document.model import Document
from prdlint.text.lexicon import alternation, words

_FINAL = re.compile(rf"^\W*{alternation(words('status', 'final'))}\b", re.IGNORECASE)
_STATUS_LINE = re.compile(r"^[\s*_>-]*status[\s*_]*[:|–—-]\s*(?P<value>\S.{0,60})", re.IGNORECASE)
# The status is stated in a document's header: its first blocks, before the body starts.
_HEADER_BLOCKS = 15


@dataclass(frozen=True)
class DocumentStatus:
    """The status a document gives itself, where it says so, and whether it is a finished one."""

    value: str
    line: int
    final: bool


def _status(value: str, line: int) -> DocumentStatus:
    value = " ".join(value.strip(" *_`").split())
    return DocumentStatus(value, line, bool(_FINAL.match(value)))


def document_status(document: Document) -> DocumentStatus | None:
    """The status the document states in its front matter, a Status row of a table in its header
    or a "Status:" line in its header; None where it states none."""
    front = document.front_matter or {}
    value = front.get("status")
    if isinstance(value, str) and value.strip():
        return _status(value, 1)
    header = document.blocks[:_HEADER_BLOCKS]
    last_line = header[-1].line if header else 0
    for table in document.tables:
        for row in table.rows:
            if len(row) >= 2 and row[0].line <= last_line and row[0].text.strip(" *_:").lower() == "status":
                return _status(row[1].text, row[1].line)
    for block in header:
        match = _STATUS_LINE.match(block.text)
        if match:
            return _status(match.group("value"), block.line)
    return None
