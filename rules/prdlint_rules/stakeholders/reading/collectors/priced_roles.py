"""Roles a price, plan or fee is for: "API integration fees for business consumers", "Pro tier
for drivers at $9/month", "Advanced analytics for tutors" in a list of revenue streams.

Where the document states what the product charges (a sentence with a price, plan or fee, or an
entry of a pricing or revenue section or list), the role it names as the one charged pays for it.
"Free for students" charges no one.
"""

from __future__ import annotations

import re

from prdlint.api import Block, BlockKind, Document
from prdlint_rules.stakeholders.reading.classes import CUSTOMER
from prdlint_rules.stakeholders.reading.collectors.base import Draft, Inputs, once_per_document
from prdlint_rules.stakeholders.reading.model import Rank
from prdlint_rules.stakeholders.reading.signals import PRICE, PURCHASE_FACTORS, REVENUE_PREFIX

CHARGED = "is charged the product's price here"
_FOR = re.compile(r"\bfor\s+(?:the\s+|each\s+|every\s+|all\s+|our\s+)?$", re.IGNORECASE)
_FREE = re.compile(r"\bfree\b", re.IGNORECASE)
_PRICING = re.compile(r"\b(?:pricing|prices?|revenue|moneti[sz]ation|business model|fees)\b", re.IGNORECASE)


def _prices(inputs: Inputs) -> set[int]:
    """The lines of the blocks where the document states what the product charges."""
    return {
        signal.line
        for signal in inputs.signals
        if not signal.negated
        and (signal.category in (PRICE, PURCHASE_FACTORS) or signal.category.startswith(REVENUE_PREFIX))
    }


def _in_pricing_list(block: Block, introduced: set[int]) -> bool:
    """An entry of a pricing or revenue section, or of a list a "Revenue model:" line opens."""
    if block.kind is not BlockKind.LIST_ITEM:
        return False
    return id(block.section) in introduced or any(_PRICING.search(s.title) for s in block.section.lineage())


@once_per_document
def _introducing_labels(document: Document) -> set[int]:
    """Sections where a short line ending in a colon introduces the prices: "**Revenue Model:**"."""
    return {
        id(block.section)
        for block in document.blocks
        if block.kind is BlockKind.PARAGRAPH
        and block.text.rstrip().endswith(":")
        and _PRICING.search(block.text)
        and len(block.text.split()) <= 4
    }


def collect(inputs: Inputs, draft: Draft) -> None:
    priced = _prices(inputs)
    introduced = _introducing_labels(inputs.document)
    for mention in draft.acting_mentions():
        block = mention.block
        if block.line not in priced and not _in_pricing_list(block, introduced):
            continue
        before = block.text[: mention.start]
        if _FOR.search(before) and not _FREE.search(before):
            draft.add(mention.key, mention.span.start.line, CHARGED, Rank.ACTION, CUSTOMER)
