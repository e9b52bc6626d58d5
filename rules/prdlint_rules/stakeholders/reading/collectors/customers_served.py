"""The people a public or nonprofit service helps called its customers where nobody pays for it:
a food bank's "customers" booking a free hamper.

Where the document names no payer and says the product is a public service or a nonprofit's,
"customer" is another word for its users: the section that declares them, the places they act in
the product, and "customer is users" make one group of two. A commercial product with no payer
named is left to no-customer.
"""

from __future__ import annotations

import re

from prdlint.api import normalize_role
from prdlint_rules.stakeholders.reading.anchors import Anchored
from prdlint_rules.stakeholders.reading.classes import BOTH, CUSTOMER
from prdlint_rules.stakeholders.reading.collectors.base import Draft, Inputs
from prdlint_rules.stakeholders.reading.model import NONPROFIT, PUBLIC_SECTOR, Conflation, Rank
from prdlint_rules.stakeholders.reading.signals import PRICE, USERS_PAY

_PAYING_SIGNALS = frozenset({PRICE, USERS_PAY})
_PLACES = 3
# Where the people served use the product themselves. An internal tool's "customers" are the
# company's customers, whose requests its staff handle: that names them rightly.
_SERVICES = frozenset({PUBLIC_SECTOR, NONPROFIT})
# "The primary customer is episodic users": customers said to be the users.
_CUSTOMERS_ARE_USERS = Anchored(
    re.compile(
        r"\b(?:customers?|clients?)\s+(?:is|are)\s+(?:[\w-]+\s+){0,3}?(?:end[- ])?users?\b", re.IGNORECASE
    ),
    frozenset({"customer", "customers", "client", "clients"}),
)


def nobody_pays(inputs: Inputs, draft: Draft) -> bool:
    """No role the document shows paying (a declaration of "customers" is not a payment), and no
    price or paid plan."""
    for role in draft.roles.values():
        if any(e.cls in (CUSTOMER, BOTH) and e.rank == Rank.ACTION for e in role.evidence):
            return False
    return not any(s.category in _PAYING_SIGNALS and not s.negated for s in inputs.signals)


def collect(inputs: Inputs, draft: Draft) -> None:
    described = inputs.described
    if described is None or described.kind not in _SERVICES or not nobody_pays(inputs, draft):
        return
    places: list[Conflation] = []
    customer_words = inputs.vocabulary.words("generic-customers")
    for section in draft.declaring:
        words = {normalize_role(word) for word in re.findall(r"[A-Za-z]+", section.title)}
        if words & customer_words and section.heading is not None:
            reason = (
                f"'{section.title}' names as customers the people a {described.kind} product serves, "
                "though nobody pays"
            )
            places.append(Conflation(section.heading.span(), section.title, reason))
    for block, match in inputs.scan(_CUSTOMERS_ARE_USERS):
        quoted = match.group(0)
        reason = f"'{quoted}' calls the users of a {described.kind} product its customers, though nobody pays"
        places.append(Conflation(block.span(match.start(), match.end()), quoted, reason))
    for mention in draft.acting_mentions():
        if mention.key.split()[-1] not in customer_words or not (mention.uses or mention.verb):
            continue
        reason = (
            f"'{mention.text}' names as customers the people a {described.kind} product serves, though "
            "nobody pays"
        )
        places.append(Conflation(mention.span, mention.text, reason))
    draft.conflations += sorted(places, key=lambda c: c.span.start)[:_PLACES]
