"""Organisations the document shows buying the product, whatever their name: "Language schools
buy Lingo for every classroom", "Clinic chains license it for all their branches".

The vocabulary cannot know every kind of buyer, but the grammar of a purchase can: a plural noun
naming an organisation, the subject of buy, license, subscribe to or procure, with the product as
the object (its name, "it", the platform, a plan, seats, a licence) or a price.
"""

from __future__ import annotations

import re

from prdlint.api import normalize_role, singular
from prdlint_rules.stakeholders.reading.anchors import Anchored
from prdlint_rules.stakeholders.reading.classes import CUSTOMER
from prdlint_rules.stakeholders.reading.collectors.base import Draft, Inputs
from prdlint_rules.stakeholders.reading.model import Rank

BUYS = "buys the product here"
_VERBS = (
    r"buy|buys|purchase|purchases|licen[cs]e|licen[cs]es|subscribe\s+to|subscribes\s+to|"
    r"procure|procures|pay\s+for|pays\s+for|sign\s+up\s+for|signs\s+up\s+for"
)
# The purchase pattern tries a buyer at every word; a block with none of its verbs is passed by.
_PURCHASE = Anchored(
    re.compile(
        r"(?P<buyer>\b[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*){0,3}?)\s+"
        r"(?:(?:can|will|would|must|typically|usually|often|already|then)\s+)?"
        rf"(?P<verb>{_VERBS})\s+(?P<object>[^.;:!?]{{1,80}})",
        re.IGNORECASE,
    ),
    frozenset(
        "buy buys purchase purchases licence license licences licenses subscribe subscribes procure procures "
        "pay pays sign signs".split()
    ),
)
_PRODUCT_REFERENCES = frozenset({"it", "them", "this", "us"})
_AMOUNT = re.compile(r"[$€£¥₹₦]\s?\d|\d[\d,.]*\s?(?:k\b)?")


def product_names(inputs: Inputs) -> frozenset[str]:
    """The product's name where the title gives one before what it is: "Lingo" in "# Lingo —
    homework for schools", "Rota" in "# Rota for hospital wards", or a title that is one word. Only
    a single capitalised word
    is taken: "Permit renewal for Eastvale Council" describes, it does not name."""
    first = next((section.title for section in inputs.document.sections), "")
    name = re.split(r"\s*(?:[:—–|]|\s-\s)\s*|\s+for\s+", first, maxsplit=1)[0].strip()
    if not re.fullmatch(r"[A-Z][\w-]+", name):
        return frozenset()
    return frozenset({name.lower()})


def _buyer(words: list[str], inputs: Inputs) -> str | None:
    """The organisation at the end of the words before the verb: "Many language schools" ->
    "language schools", when its head is a plural organisation noun."""
    head = words[-1].lower()
    if singular(head) == head or singular(head) not in inputs.vocabulary.words("organisation-heads"):
        return None
    skipped = inputs.vocabulary.words("not-modifiers")
    kept: list[str] = []
    for word in reversed(words):
        lower = word.lower()
        if lower in skipped or (not word.isalpha() and "-" not in word):
            break
        kept.insert(0, word)
    return " ".join(kept) if kept else None


def collect(inputs: Inputs, draft: Draft) -> None:
    objects = inputs.vocabulary.words("payment-objects") | _PRODUCT_REFERENCES | product_names(inputs)
    for block, match in inputs.scan(_PURCHASE):
        object_words = {word.lower() for word in re.findall(r"[\w-]+", match.group("object"))}
        if not (object_words & objects or _AMOUNT.search(match.group("object"))):
            continue
        buyer = _buyer(match.group("buyer").split(), inputs)
        if buyer is not None:
            draft.add(normalize_role(buyer), block.line, BUYS, Rank.ACTION, CUSTOMER)
