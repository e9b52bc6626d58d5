"""Who bears the product's fee when the document shows it by the flow of money, not by a verb:
"platform fee deducted from the host's payout", "payment collected from the traveler, commission
deducted, remainder routed to the host".

A marketplace that keeps part of each payment is paid by the side whose share it cuts.
"""

from __future__ import annotations

import re

from prdlint.api import normalize_role
from prdlint_rules.stakeholders.reading.anchors import Anchored
from prdlint_rules.stakeholders.reading.classes import CUSTOMER
from prdlint_rules.stakeholders.reading.collectors.base import Draft, Inputs
from prdlint_rules.stakeholders.reading.model import Rank

BEARS = "bears the product's fee here"
_FEE = r"(?:fee|fees|commission|commissions|cut|take rate|percentage|margin)"
_KEPT = r"(?:deducted|taken|withheld|subtracted|kept|retained)"
# Rarer than the fee words, so the blocks to read are fewer.
_KEPT_WORDS = frozenset({"deducted", "taken", "withheld", "subtracted", "kept", "retained"})
_DEDUCTED_FROM = Anchored(
    re.compile(
        rf"\b{_FEE}\b[^.;]{{0,60}}?\b{_KEPT}\s+from\s+(?:the\s+|each\s+|every\s+|a\s+)?"
        r"(?P<role>[a-z][\w-]*?)(?:'s|s'|’s)?\s+(?:payouts?|earnings|sales?|revenue|payments?|share)\b",
        re.IGNORECASE,
    ),
    _KEPT_WORDS,
)
_REMAINDER_TO = Anchored(
    re.compile(
        rf"\b{_FEE}\b[^.;]{{0,40}}?\b{_KEPT}\b[^.;]{{0,40}}?\b(?:remainder|rest|balance)\s+(?:is\s+)?"
        r"(?:routed|paid|sent|transferred|paid\s+out|goes|released)\s+to\s+(?:the\s+)?(?P<role>[a-z][\w-]*)",
        re.IGNORECASE,
    ),
    _KEPT_WORDS,
)


def collect(inputs: Inputs, draft: Draft) -> None:
    vocabulary = inputs.vocabulary
    for block in inputs.blocks_holding(_KEPT_WORDS):
        for anchored in (_DEDUCTED_FROM, _REMAINDER_TO):
            for match in anchored.pattern.finditer(block.text):
                key = vocabulary.canonical(normalize_role(match.group("role")))
                if key in draft.roles or vocabulary.classify(key) is not None:
                    draft.add(key, block.line, BEARS, Rank.ACTION, CUSTOMER)
