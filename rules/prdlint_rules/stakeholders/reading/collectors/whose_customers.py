"""Whose customers these are: "our clients white-label it for their members" are the product's
own payers; "their customers", "the restaurant's customers" and "customers of the utility" belong
to someone else.

A "customer" or "client" word says nothing by itself: a shop's shoppers and a practice's patients
are customers too, of the business that uses the product, and a company's internal tool serves
"our customers" it does not sell to. The vendor's own customers show themselves by what they do
with the product as a product: they buy, license, subscribe to, renew, resell or white-label it.
"""

from __future__ import annotations

import re

from prdlint_rules.stakeholders.reading.classes import CUSTOMER, PARTY
from prdlint_rules.stakeholders.reading.collectors.base import Draft, Inputs
from prdlint_rules.stakeholders.reading.model import Rank

OURS = "the product's own customers ('our')"
_OURS = re.compile(r"\bour\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?;](?:\s|$)")
# How far before a mention "our" may stand: "our", a word, the mention.
_OURS_REACH = 60


def collect(inputs: Inputs, draft: Draft) -> None:
    if inputs.described is not None and inputs.described.funded:
        return
    vocabulary = inputs.vocabulary
    commerce = vocabulary.words("vendor-verbs")
    for mention in draft.acting_mentions():
        known = vocabulary.classify(mention.key)
        if known is None or known.cls != PARTY:
            continue
        text = mention.block.text
        if not _OURS.search(text[max(0, mention.start - _OURS_REACH) : mention.start]):
            continue
        after = text[mention.start + len(mention.text) :]
        end = _SENTENCE_END.search(after)
        words = {word.lower() for word in re.findall(r"[\w-]+", after[: end.start() if end else None])}
        if words & commerce:
            draft.add(mention.key, mention.span.start.line, OURS, Rank.ACTION, CUSTOMER)
