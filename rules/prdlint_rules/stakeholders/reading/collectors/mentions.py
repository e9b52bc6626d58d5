"""Where each role is named in the text, and the personas it is given ("Priya, a founder").

Gives no class: it records the mentions that later collectors and the rules read (how often a
role is named, whether it acts in the product, where a finding should point).
"""

from __future__ import annotations

from prdlint_rules.stakeholders.reading.collectors.base import Draft, Inputs


def collect(inputs: Inputs, draft: Draft) -> None:
    for mention in draft.acting_mentions():
        role = draft.role(mention.key)
        role.mentions.append(mention)
        if mention.persona and mention.persona not in role.personas:
            role.personas.append(mention.persona)
