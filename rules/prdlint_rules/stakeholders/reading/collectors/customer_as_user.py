"""The word "customer" given to someone doing what users do, where the document's customers are
someone else: "Community theatres pay a yearly fee ... The customer opens the link, taps a seat
and confirms" (the audience member books; the theatre pays).

The document names who pays, and it is not the one doing plain product use here: calling that
one "customer", where the document declares its users under another name ("audience members"),
makes the payer and the user one group again. Where "clients" is the document's own declared name
for a kind of user, it is left alone.
"""

from __future__ import annotations

from prdlint.api import plural
from prdlint_rules.stakeholders.reading.classes import BOTH, CUSTOMER
from prdlint_rules.stakeholders.reading.collectors.base import Draft, Inputs
from prdlint_rules.stakeholders.reading.model import DECLARED_RANKS, Conflation, Rank


def collect(inputs: Inputs, draft: Draft) -> None:
    customer_words = inputs.vocabulary.words("generic-customers")
    payers = [
        role
        for role in draft.roles.values()
        if role.key.split()[-1] not in customer_words
        and any(
            e.cls in (CUSTOMER, BOTH) and (e.rank == Rank.ACTION or e.rank in DECLARED_RANKS)
            for e in role.evidence
        )
    ]
    if not payers:
        return
    plain_use = inputs.vocabulary.words("plain-use-verbs")
    named = ", ".join(plural(role.key) for role in payers[:2])
    for mention in draft.acting_mentions():
        if mention.key not in customer_words or not mention.uses or mention.verb not in plain_use:
            continue
        role = draft.roles.get(mention.key)
        if role is None or role.declared or role.stories:
            continue  # the document's own name for these users: "clients" declared as such
        reason = (
            f"'{mention.text}' here does what a user does ('{mention.verb}'), but the document's "
            f"customers are {named}"
        )
        draft.conflations.append(Conflation(mention.span, mention.text, reason))
