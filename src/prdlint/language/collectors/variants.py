"""One role under two names: "manager" and "clinic manager" in one document are one role.

The only longer role that ends with a shorter one absorbs it, with its evidence, mentions and
stories. Generic words ("user", "customer", "team") stay their own role: "user" next to "power
user" is everyone else.
"""

from __future__ import annotations

from prdlint.language.collectors.base import Draft, Inputs


def collect(inputs: Inputs, draft: Draft) -> None:
    generic = inputs.vocabulary.words("generic-roles")
    roles = draft.roles
    for key in sorted(roles, key=len):
        if key in generic or key not in roles:
            continue
        longer = [other for other in roles if other != key and other.endswith(" " + key)]
        if len(longer) != 1:
            continue
        short, target = roles.pop(key), roles[longer[0]]
        target.evidence += short.evidence
        target.mentions += short.mentions
        target.stories += short.stories
        target.declared = target.declared or short.declared
        target.personas += [name for name in short.personas if name not in target.personas]
