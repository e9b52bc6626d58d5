"""Names that say what a role pays: "seller subscriptions", "customer billing", "paying members".

No verb is needed: a role written with what it pays, or called paying, is shown paying for the
product.
"""

from __future__ import annotations

from prdlint_rules.stakeholders.reading.classes import CUSTOMER
from prdlint_rules.stakeholders.reading.collectors.actions import PAYS
from prdlint_rules.stakeholders.reading.collectors.base import Draft, Inputs
from prdlint_rules.stakeholders.reading.model import Rank


def collect(inputs: Inputs, draft: Draft) -> None:
    for mention in draft.acting_mentions():
        if mention.paying_name:
            draft.add(mention.key, mention.span.start.line, PAYS, Rank.ACTION, CUSTOMER)
