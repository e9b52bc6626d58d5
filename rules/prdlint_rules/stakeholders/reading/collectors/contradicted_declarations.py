"""A declared customer doing plain product use, or a declared user paying, in a document that
declares customers and users apart.

Where the document says who pays and who uses, "the customer logs in and uploads" makes the payer
the user again, and "users pay" makes the user the payer: one of the two statements is wrong.
"""

from __future__ import annotations

from prdlint_rules.stakeholders.reading.classes import CUSTOMER
from prdlint_rules.stakeholders.reading.collectors.base import Draft, Inputs
from prdlint_rules.stakeholders.reading.model import Conflation


def collect(inputs: Inputs, draft: Draft) -> None:
    declared = {key: role.declared_classes for key, role in draft.roles.items()}
    customers = [key for key, classes in declared.items() if classes == {CUSTOMER}]
    # A "Users" or "Personas" section declares roles without a class: not customers.
    users = [key for key, classes in declared.items() if classes and CUSTOMER not in classes]
    if not customers or not users:
        return
    plain_use = inputs.vocabulary.words("plain-use-verbs")
    for key in customers:
        role = draft.roles[key]
        for mention in role.mentions:
            if mention.uses and mention.verb in plain_use:
                draft.conflations.append(
                    Conflation(
                        mention.span,
                        mention.text,
                        f"'{mention.text}' is declared a customer (line {role.declared_line}) "
                        f"but here does what a user does ('{mention.verb}')",
                    )
                )
    for key in users:
        role = draft.roles[key]
        for mention in role.mentions:
            if mention.pays or mention.paying_name:
                draft.conflations.append(
                    Conflation(
                        mention.span,
                        mention.text,
                        f"'{mention.text}' is declared a user (line {role.declared_line}) "
                        f"but here pays, which the document gives to {', '.join(customers)}",
                    )
                )
