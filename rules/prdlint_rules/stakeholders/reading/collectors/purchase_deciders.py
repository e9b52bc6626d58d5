"""Who decides to buy the product: someone shown deciding, approving, signing or holding the
budget for it, weighing what it costs, signing the organisation up (the account holder), or
paying for it themselves (an owner-operator).

A senior title is not evidence: "a data-driven decision maker" is a persona trait, a "document
owner" a line of metadata, a director's user story a need like any other. An organisation that
pays names the customer, not who inside it says yes; the person who does is shown doing it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from prdlint_rules.stakeholders.reading.anchors import Anchored
from prdlint_rules.stakeholders.reading.classes import CUSTOMER
from prdlint_rules.stakeholders.reading.collectors.action_reader import ActionReader, shared
from prdlint_rules.stakeholders.reading.collectors.administering import after, description
from prdlint_rules.stakeholders.reading.collectors.base import Draft, Inputs
from prdlint_rules.stakeholders.reading.collectors.buying_organisations import product_names
from prdlint_rules.stakeholders.reading.model import Rank

DECIDES = "decides the purchase here"
# A governing body of the buying organisation approving the purchase: "the theatre's board
# approves it", "the steering committee signs off".
_DECIDING_BODY = Anchored(
    re.compile(
        r"\b(?:the|its|their|[\w-]+['’]s)\s+"
        r"(?P<body>board|committee|council|leadership team|management team)\s+"
        r"(?:approves|signs|decides|chooses|authori[sz]es|selects|buys|pays)\b",
        re.IGNORECASE,
    ),
    frozenset({"board", "committee", "council", "team"}),
)
# Signing the organisation up: "The practice owner signs up and becomes the admin".
_ACCOUNT_HOLDER = re.compile(
    r"^\W*(?:(?:first|then|also)\s+)?(?:signs?\s+up\b|registers\s+the\b|creates\s+(?:the|a|an|their)\s+"
    r"(?:\w+\s+)?(?:account|workspace|organi[sz]ation|tenant)\b)",
    re.IGNORECASE,
)


def _weighs(lines: Sequence[str], weighing: frozenset[str]) -> bool:
    """Weighing the purchase in a persona's own lines: "needs a cost-effective solution". What the
    persona's business costs ("reduce fuel costs") is not the product's price."""
    return any(word.strip(".,;:()*").lower() in weighing for line in lines for word in line.split())


def collect(inputs: Inputs, draft: Draft) -> None:
    vocabulary = inputs.vocabulary
    # An organisation buys; who inside it decides is the question. A procurement team decides.
    organisations = vocabulary.words("organisation-heads") - vocabulary.words("buying-units")
    weighing = vocabulary.words("cost-weighing")
    generic = vocabulary.words("generic-customers")
    deciding = vocabulary.words("deciding-verbs")
    reader = shared(
        ActionReader(
            verbs=deciding,
            # "decides to buy Crewline", "buys Rota": the product is what is decided on.
            objects=vocabulary.words("purchase-objects") | product_names(inputs),
            nouns=vocabulary.words("deciding-nouns"),
        )
    )
    for block, match in inputs.scan(_DECIDING_BODY):
        role = draft.add(
            match.group("body").lower(),
            block.line,
            f"{DECIDES}: '{match.group(0)}'",
            Rank.ACTION,
            CUSTOMER,
        )
        role.decider = True
    for mention in draft.acting_mentions():
        head = mention.key.split()[-1]
        if head in organisations or head in generic:
            continue
        rest = after(mention)
        lines = description(mention, inputs.document)
        found = reader.action(rest) or reader.described(lines) or reader.named(rest)
        # Deciding or paying makes the role part of the customer; holding the account or weighing
        # the cost only says who would say yes.
        cls: str | None = CUSTOMER
        if found is None and mention.pays:
            found = mention.verb or "pays"
        if found is None and _ACCOUNT_HOLDER.match(rest):
            found, cls = "signs the organisation up", None
        if found is None and _weighs(lines, weighing):
            found, cls = "weighs the cost", None
        if found:
            line = mention.span.start.line
            role = draft.add(mention.key, line, f"{DECIDES}: '{found}'", Rank.ACTION, cls)
            role.decider = True
