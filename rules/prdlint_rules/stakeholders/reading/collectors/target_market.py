"""The organisations a product is made for and sold to: "Target market: German dental practices",
"a case management system designed specifically for small law firms".

A product made for a kind of organisation is sold to it: the organisation is the customer, even
where no sentence shows it paying, and the people who use the product work there. Persons are
not taken this way ("designed for children aged 6-8" names users, not buyers), and neither is a
product that says it is funded rather than sold (an internal tool "for the finance department").
"""

from __future__ import annotations

import re

from prdlint.api import normalize_role, singular
from prdlint_rules.stakeholders.reading.anchors import Anchored
from prdlint_rules.stakeholders.reading.classes import CUSTOMER
from prdlint_rules.stakeholders.reading.collectors.base import Draft, Inputs
from prdlint_rules.stakeholders.reading.model import Rank

MADE_FOR = "the organisations the product is made for"
_TARGET = Anchored(
    re.compile(
        r"(?:\btarget\s+(?:market|customers?|segments?|buyers?|accounts)\s*\**\s*[:—–-]\s*\**\s*|"
        r"\b(?:designed|built|purpose-built|made|tailored|created|developed)\s+"
        r"(?:specifically\s+|exclusively\s+|primarily\s+|especially\s+)?for\s+)"
        r"(?P<who>[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,5})",
        re.IGNORECASE,
    ),
    frozenset({"target", "designed", "built", "made", "tailored", "created", "developed"}),
)
_DETERMINERS = frozenset({"the", "a", "an", "all", "any", "our", "their", "its", "many", "most"})


def organisation_phrase(words: list[str], inputs: Inputs) -> str | None:
    """The words up to the first plural organisation noun: "small Chinese law firms"."""
    organisations = inputs.vocabulary.words("organisation-heads")
    kept: list[str] = []
    for word in words:
        lower = word.lower()
        if not kept and lower in _DETERMINERS:
            continue
        kept.append(word)
        if singular(lower) != lower and singular(lower) in organisations:
            return " ".join(kept)
    return None


def collect(inputs: Inputs, draft: Draft) -> None:
    if inputs.described is not None and inputs.described.funded:
        return
    for block, match in inputs.scan(_TARGET):
        organisation = organisation_phrase(match.group("who").split(), inputs)
        if organisation is not None:
            draft.add(normalize_role(organisation), block.line, MADE_FOR, Rank.ACTION, CUSTOMER)
