"""Satisfaction measured on users and named for customers: "Customer satisfaction: measured
through user feedback", "Customer satisfaction score >4.5" here and "User satisfaction score
>4.5" there, or a "customer satisfaction survey" of an internal tool's users.

A metric is named for the people it measures. Where the same measure is called the users' too,
where the line says it asks the users, or where nobody pays for the product at all, "customer"
in its name makes the payers and the users one group.
"""

from __future__ import annotations

import re

from prdlint.api import Block, BlockKind
from prdlint_rules.stakeholders.reading.anchors import Anchored
from prdlint_rules.stakeholders.reading.collectors.base import Draft, Inputs
from prdlint_rules.stakeholders.reading.collectors.customers_served import nobody_pays
from prdlint_rules.stakeholders.reading.model import Conflation

_MEASURES = "satisfaction|happiness|experience|feedback|effort"
_METRIC = Anchored(
    re.compile(rf"\b(?P<who>customer|client)s?['’]?\s+(?P<what>{_MEASURES})\b", re.IGNORECASE),
    frozenset({"customer", "customers", "client", "clients"}),
)
_USER_METRIC = r"\buser(?:s|'s|’s)?\s+{what}\b"
# Any of those measures named for users: the blocks that may name the one a metric names.
_USER_MEASURE = Anchored(
    re.compile(_USER_METRIC.format(what=f"(?:{_MEASURES})"), re.IGNORECASE),
    frozenset({"user", "users"}),
)
_USERS = re.compile(r"\b(?:end[- ])?users?\b", re.IGNORECASE)
_METRICS_TITLE = re.compile(r"\b(?:metrics?|kpis?|measures?|success|okrs?)\b", re.IGNORECASE)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_TARGET = re.compile(r"\d|%|\bscore\b|\bnps\b|\bcsat\b", re.IGNORECASE)
_SHORT = 6


def _a_metric(block: Block) -> bool:
    """A line that states a measure: under a metrics heading, with a target, or a short entry."""
    return (
        any(_METRICS_TITLE.search(section.title) for section in block.section.lineage())
        or bool(_TARGET.search(block.text))
        or (block.kind in (BlockKind.LIST_ITEM, BlockKind.TABLE_CELL) and len(block.text.split()) <= _SHORT)
    )


def _named_for_users(block: Block, what: str, blocks: list[Block]) -> bool:
    """Whether another of `blocks` states the same measure for users: "User satisfaction score:
    >4.5/5" beside "Customer satisfaction score: >4.5/5" (the same target, or neither has one)."""
    pattern = re.compile(_USER_METRIC.format(what=what), re.IGNORECASE)
    targets = _NUMBER.findall(block.text)
    return any(
        other is not block and pattern.search(other.text) and _NUMBER.findall(other.text) == targets
        for other in blocks
    )


def collect(inputs: Inputs, draft: Draft) -> None:
    nobody = nobody_pays(inputs, draft) and inputs.described is not None and inputs.described.funded
    blocks = inputs.blocks_holding(_USER_MEASURE.anchors)
    measures = inputs.vocabulary.words("satisfaction-measures")
    for block in inputs.blocks_holding(_METRIC.anchors):
        matches = list(_METRIC.pattern.finditer(block.text))  # rare, and cheaper to look for than a metric
        if not matches or not _a_metric(block):
            continue
        for match in matches:
            what = match.group("what").lower()
            same = what in measures and _named_for_users(block, what, blocks)
            asks_users = _USERS.search(block.text[match.end() :])
            if not (same or asks_users or nobody):
                continue
            if same:
                why = f"users' {what} elsewhere"
            elif asks_users:
                why = "it is measured on the users"
            else:
                why = "nobody pays, so they are its users"
            quoted = block.text[match.start() : match.end()]
            reason = f"'{quoted}' is the users' measure ({why})"
            draft.conflations.append(Conflation(block.span(match.start(), match.end()), quoted, reason))
