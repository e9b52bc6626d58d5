"""What the document says the product is: sold to businesses, sold to consumers, a marketplace,
an internal tool, open source, a public service, a nonprofit's, a personal or demo project, or
unclear.

The rules ask it before they judge: an internal tool has no customer to name but someone who
funds and approves it; a personal project has no one to sell to; only a product sold to
organisations has a buying group to name. The answer comes from where the document describes
itself (its title, its opening lines, its overview or summary sections) before anywhere else, and
from the evidence the rest of the analysis found: who pays, and how.
"""

from __future__ import annotations

import re

from prdlint.api import Block, Document, singular
from prdlint_rules.stakeholders.reading.model import (
    COMMERCIAL_B2B,
    COMMERCIAL_B2C,
    INTERNAL_TOOL,
    MARKETPLACE,
    NONPROFIT,
    OPEN_SOURCE,
    PERSONAL,
    PUBLIC_SECTOR,
    UNCLEAR,
    BusinessModel,
    ProductContext,
    Signal,
    StakeholderModel,
)
from prdlint_rules.stakeholders.reading.signals import (
    CONTEXT_INTERNAL,
    CONTEXT_MARKETPLACE,
    CONTEXT_NONPROFIT,
    CONTEXT_OPEN_SOURCE,
    CONTEXT_PUBLIC_SECTOR,
    ORGANISATIONS,
    PERSONAL_USE,
    PRICE,
    USERS_PAY,
)
from prdlint_rules.stakeholders.reading.vocabulary import Vocabulary

# The signal categories that say what kind of product this is, and the context each names, in
# the order a tie is settled: a document that calls itself a personal project is one, whatever
# else it says.
SELF_DESCRIPTIONS = (
    (PERSONAL_USE, PERSONAL),
    (CONTEXT_OPEN_SOURCE, OPEN_SOURCE),
    (CONTEXT_INTERNAL, INTERNAL_TOOL),
    (CONTEXT_PUBLIC_SECTOR, PUBLIC_SECTOR),
    (CONTEXT_NONPROFIT, NONPROFIT),
    (CONTEXT_MARKETPLACE, MARKETPLACE),
)
_OPENING_TITLE = re.compile(
    r"\b(?:overview|summary|introduction|intro|about|purpose|vision|abstract|description)\b", re.IGNORECASE
)
_OPENING_LINES = 40
# A section about the product itself counts as its opening when it starts in the first third.
_OPENING_SHARE = 3
# "connects dog owners with nearby walkers", "connecting clients with skilled handymen".
_CONNECTS = re.compile(r"\bconnect(?:s|ing)?\s+(?:[\w'’-]+\s+){1,6}?(?:with|to)\s+", re.IGNORECASE)
# "built for small law firms", "a platform for dental clinics": who the product is sold to.
_FOR_WHOM = re.compile(
    r"\bfor\s+(?:(?:small|medium|large|mid-size[d]?|local|independent|[A-Z][a-z]+)\s+){0,3}"
    r"(?P<who>[a-z-]+(?:\s+[a-z-]+)?)\b"
)


def _block_lines(document: Document) -> list[int]:
    """Each block's line, in the blocks' order: worked out once for the readers below, since a
    block's line is found from its offset each time it is asked for."""
    return [block.line for block in document.blocks]


def _opening_lines(block_lines: list[int]) -> int:
    """The last line of the document's opening: its first lines of prose after front matter."""
    prose = sorted(set(block_lines))
    return prose[_OPENING_LINES - 1] if len(prose) >= _OPENING_LINES else (prose[-1] if prose else 0)


def _in_opening(block: Block, last_line: int, document_lines: int) -> bool:
    return block.line <= last_line or any(
        _OPENING_TITLE.search(section.title) and section.start_line * _OPENING_SHARE <= document_lines
        for section in block.section.lineage()
    )


def _opening_signals(
    business: BusinessModel, document: Document, block_lines: list[int], last_line: int
) -> dict[str, list[Signal]]:
    """The self-descriptions the document's opening holds, by category."""
    blocks = dict(zip(block_lines, document.blocks, strict=True))
    lines = document.lines.line_count
    found: dict[str, list[Signal]] = {}
    for category, _ in SELF_DESCRIPTIONS:
        for signal in business.affirmed(category):
            block = blocks.get(signal.line)
            if signal.line <= last_line or (block is not None and _in_opening(block, last_line, lines)):
                found.setdefault(category, []).append(signal)
    return found


def _connects_two_sides(document: Document, block_lines: list[int], last_line: int) -> Block | None:
    """An opening line that says the product connects one group with another: a marketplace."""
    return next(
        (
            block
            for block, line in zip(document.blocks, block_lines, strict=True)
            if line <= last_line and _CONNECTS.search(block.text)
        ),
        None,
    )


def _sold_to_organisations(document: Document, model: StakeholderModel, vocabulary: Vocabulary) -> bool:
    organisations = vocabulary.words("organisation-heads")
    if any(role.is_customer and role.key.split()[-1] in organisations for role in model.roles.values()):
        return True
    last_line = _opening_lines(_block_lines(document))
    for block in document.blocks:
        if block.line > last_line:
            break
        for match in _FOR_WHOM.finditer(block.text):
            words = match.group("who").split()
            if words[-1] != singular(words[-1]) and singular(words[-1]) in organisations:
                return True
    return False


def described_context(document: Document, business: BusinessModel) -> ProductContext | None:
    """What the document's opening says the product is, if it says: "an internal tool", "an
    open-source library", "a marketplace connecting hosts with guests"."""
    block_lines = _block_lines(document)
    last_line = _opening_lines(block_lines)
    early = _opening_signals(business, document, block_lines, last_line)
    candidates = [
        (-len(early[category]), min(s.line for s in early[category]), rank, category, kind)
        for rank, (category, kind) in enumerate(SELF_DESCRIPTIONS)
        if early.get(category)
    ]
    if candidates:
        _, _, _, category, kind = min(candidates)
        first = min(early[category], key=lambda s: s.line)
        return ProductContext(kind, first.line, first.text, f"the document calls it '{first.text}'")
    connecting = _connects_two_sides(document, block_lines, last_line)
    if connecting is not None:
        text = _CONNECTS.search(connecting.text).group(0).strip()  # type: ignore[union-attr]
        return ProductContext(MARKETPLACE, connecting.line, text, f"it {text} another")
    return None


def product_context(
    document: Document,
    model: StakeholderModel,
    business: BusinessModel,
    vocabulary: Vocabulary,
    described: ProductContext | None = None,
) -> ProductContext:
    """The product's context, with the line that says so: what the document says of itself
    (`described`), else who it is sold to and who pays."""
    if described is not None:
        return described
    organisations = business.stated(ORGANISATIONS)
    if organisations:
        first = organisations[0]
        return ProductContext(
            COMMERCIAL_B2B, first.line, first.text, f"sold to organisations ('{first.text}')"
        )
    if _sold_to_organisations(document, model, vocabulary):
        return ProductContext(COMMERCIAL_B2B, 1, "", "its customers are organisations")
    paid = business.affirmed(USERS_PAY) or business.stated(PRICE)
    if paid:
        first = paid[0]
        return ProductContext(COMMERCIAL_B2C, first.line, first.text, f"its users pay ('{first.text}')")
    return ProductContext(UNCLEAR, 0, "", "the document does not say who it is for or how it is funded")
