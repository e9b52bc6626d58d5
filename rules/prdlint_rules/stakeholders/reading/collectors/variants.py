"""One role under two names: "manager" and "clinic manager" in one document are one role.

The only longer role that ends with a shorter one absorbs it, with its evidence, mentions and
stories. Generic words ("user", "customer", "team") stay their own role: "user" next to "power
user" is everyone else. So does a role whose name the vocabulary reads otherwise than the longer
one's: a client's "engineers" are not the vendor's "support engineers".
"""

from __future__ import annotations

from prdlint_rules.stakeholders.reading.collectors.base import Draft, Inputs


def collect(inputs: Inputs, draft: Draft) -> None:
    generic = inputs.vocabulary.words("generic-roles")
    roles = draft.roles
    for key in sorted(roles, key=len):
        if key in generic or key not in roles:
            continue
        longer = [other for other in roles if other != key and other.endswith(" " + key)]
        if len(longer) != 1 or inputs.vocabulary.classify(key) != inputs.vocabulary.classify(longer[0]):
            continue
        short, target = roles.pop(key), roles[longer[0]]
        target.evidence += short.evidence
        target.mentions += short.mentions
        target.stories += short.stories
        target.declared = target.declared or short.declared
        target.decider = target.decider or short.decider
        target.personas += [name for name in short.personas if name not in target.personas]
