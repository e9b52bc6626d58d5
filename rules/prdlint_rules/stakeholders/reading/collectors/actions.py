"""What a role does where it is named: pays for the product, or uses it.

"Restaurant owners buy the delivery software" shows a customer; "drivers accept orders" a user.
Only verbs the role is the subject of count (the mention finder decides that), and paying counts
for the product (its plan, fee, licence), not for goods bought through it.
"""

from __future__ import annotations

from prdlint_rules.stakeholders.reading.classes import CUSTOMER, USER
from prdlint_rules.stakeholders.reading.collectors.base import Draft, Inputs
from prdlint_rules.stakeholders.reading.model import Rank

PAYS = "pays for the product here"
USES = "uses the product here"


def collect(inputs: Inputs, draft: Draft) -> None:
    for mention in draft.acting_mentions():
        line = mention.span.start.line
        if mention.pays:
            draft.add(mention.key, line, PAYS, Rank.ACTION, CUSTOMER)
        if mention.uses:
            draft.add(mention.key, line, USES, Rank.ACTION, USER)
