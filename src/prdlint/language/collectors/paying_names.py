"""Names that say what a role pays: "seller subscriptions", "customer billing", "paying members".

No verb is needed: a role written with what it pays, or called paying, is shown paying for the
product.
"""

from __future__ import annotations

from prdlint.language.collectors.actions import PAYS
from prdlint.language.collectors.base import Draft, Inputs
from prdlint.language.model import CUSTOMER, Rank


def collect(inputs: Inputs, draft: Draft) -> None:
    for mention in draft.acting_mentions():
        if mention.paying_name:
            draft.add(mention.key, mention.span.start.line, PAYS, Rank.ACTION, CUSTOMER)
