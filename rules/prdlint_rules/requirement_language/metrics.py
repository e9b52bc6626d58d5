"""Finding a document's success metrics: sections and labelled lists about metrics, and metric
tables, and whether a metric names a target."""

from __future__ import annotations

import re
from dataclasses import dataclass

from prdlint.api import Block, BlockKind, Document, Section, strip_numbering

METRICS_TITLE = re.compile(
    r"\b(?:metrics?|kpis?|okrs?|key results|success criteria|success measures?|measures? of success|"
    r"measuring success|how (?:we(?:'ll| will)?|will we) measure|north star)\b",
    re.IGNORECASE,
)
GOALS_TITLE = re.compile(r"\b(?:goals?|objectives?|outcomes?)\b", re.IGNORECASE)
_METRIC_COLUMN = re.compile(r"\b(?:metrics?|kpis?|measures?|indicators?)\b", re.IGNORECASE)
# A target: a number a result can be held to (a percentage, a comparison, an amount, a count, a
# date, a multiple), or a baseline. A number that defines the metric ("7-day retention", "% of
# proposals viewed", "pounds / 1.2") is no target.
TARGET = re.compile(
    r"\d[\d,.]*\s*%|[<>≥≤~]=?\s*[$€£]?\d"
    r"|\b(?:at least|at most|under|over|above|below|within|up to|less than|more than|fewer than|"
    r"no more than|reach(?:es)?|to|from|by|of)\s+[$€£]?\d"
    r"|[$€£]\s*\d|\b\d[\d,.]*\s*(?:x|k|m|\+)(?![a-z])|\b\d{1,3}(?:,\d{3})+\b|\b\d{3,}\b"
    r"|\b(?:19|20)\d{2}\b|\bQ[1-4]\b|\bbaselines?\b|\bthresholds?\b"
    r"|\b(?:double|doubles|doubled|twice|triple|half|halve|halved|zero)\b",
    re.IGNORECASE,
)
# A success criterion written as a behaviour ("Riders can complete a ride", "Voice input is
# correctly transcribed"): it passes or fails as it is, and needs no number. So does a line that
# only introduces the criteria ("Rora is successful if:").
_CHECK = re.compile(
    r"\b(?:can|cannot|can't|should|must|shall|will|won't|would)\b|\b(?:is|are) able to\b"
    r"|(?<!who )(?<!that )\b(?:correctly|successfully|properly|accurately|reliably)\b",
    re.IGNORECASE,
)
# A ticked or open checkbox ("- [ ] Opening hours are shown") that names no measure is a test
# to pass; "[ ] Raise trial conversion by X%" is a metric.
_CHECKBOX = re.compile(r"^\s*\[[ xX]\]")
_MEASURE = re.compile(
    r"%|\b(?:rate|ratio|percent\w*|share|number|count|time|retention|conversion|churn|revenue|"
    r"dau|mau|wau|nps|csat|score|average|median|growth|adoption|engagement|usage|per)\b",
    re.IGNORECASE,
)
# Titles of what is kept beside a document, not its own measures: "Addenda: metrics from VS Code".
_ELSEWHERE = re.compile(r"\b(?:addend\w*|appendix|appendices|references?|prior art)\b", re.IGNORECASE)
# A heading escaped into a paragraph ("\\#\\# Success metrics" reads "## Success metrics").
_PSEUDO_HEADING = re.compile(r"^#{1,6}\s+(?P<title>.+)$")
_LABEL = re.compile(r"^\W*(?P<label>[^:\n]{2,40}):\W*$")


@dataclass(frozen=True)
class Metrics:
    """Where the document keeps its metrics (the heading or label line) and each metric."""

    anchor: Block
    items: list[Block]


def _metric_blocks(blocks: list[Block], document: Document) -> list[Block]:
    found = []
    for block in blocks:
        if block.kind is BlockKind.LIST_ITEM or (
            block.kind is BlockKind.PARAGRAPH and len(block.text.split()) <= 40
        ):
            found.append(block)
        elif block.kind is BlockKind.TABLE_CELL and block.cell is not None and block.cell.row > 0:
            header = document.tables[block.cell.table].header
            metric_column = next((i for i, cell in enumerate(header) if _METRIC_COLUMN.search(cell.text)), 0)
            if block.cell.column == metric_column:
                row = document.tables[block.cell.table].rows[block.cell.row]
                found.append(next((cell for cell in row if TARGET.search(cell.text)), block))
    return [block for block in found if block.text.strip()]


def find_metrics(document: Document) -> list[Metrics]:
    """Every metrics section (by its title; also a heading escaped into a paragraph), every list
    a "Success metrics:" line opens, and the goals, which a team often measures where it sets
    them ("Business goals: 1,000 vendors in year one")."""
    found: list[Metrics] = []
    for section in document.sections:
        heading = section.heading
        title = strip_numbering(section.title)
        if (
            heading is None
            or _ELSEWHERE.search(title)
            or any(_ELSEWHERE.search(s.title) for s in section.lineage())
        ):
            continue
        inside = any(s is not section and METRICS_TITLE.search(s.title) for s in section.lineage())
        if (METRICS_TITLE.search(title) or GOALS_TITLE.search(title)) and not inside:
            found.append(Metrics(heading, _metric_blocks(section.all_blocks()[1:], document)))
    for index, block in enumerate(document.blocks):
        label = _LABEL.match(block.text) or _PSEUDO_HEADING.match(block.text.strip())
        words = label.group("label" if "label" in label.re.groupindex else "title") if label else ""
        if block.kind is BlockKind.PARAGRAPH and label and METRICS_TITLE.search(words):
            items = []
            for other in document.blocks[index + 1 :]:
                if other.kind is BlockKind.HEADING or _PSEUDO_HEADING.match(other.text.strip()):
                    break
                items.append(other)
            items = [item for item in items if item.kind in (BlockKind.LIST_ITEM, BlockKind.PARAGRAPH)]
            if items:
                found.append(Metrics(block, items))
    return found


def is_check(text: str) -> bool:
    """Whether a success criterion is a pass/fail behaviour, or a line that leads the criteria."""
    checkbox_test = bool(_CHECKBOX.match(text)) and not _MEASURE.search(text)
    return bool(_CHECK.search(text)) or checkbox_test or text.rstrip().endswith(":")


def is_metrics(metrics: Metrics) -> bool:
    """Whether the place is about metrics (not only goals)."""
    text = metrics.anchor.text
    return bool(METRICS_TITLE.search(text))


def goals_heading(document: Document) -> Section | None:
    return next(
        (
            s
            for s in document.sections
            if s.heading is not None and GOALS_TITLE.search(strip_numbering(s.title))
        ),
        None,
    )
