"""One persona called a customer in one place and a user in another: "Priya, a founder" who pays
on one line and "Priya, a user" who logs in on the next.

A persona is one person; if one of its names pays and the other only uses, the document has
merged the customer and the user into her.
"""

from __future__ import annotations

from prdlint_rules.stakeholders.reading.collectors.base import Draft, Inputs
from prdlint_rules.stakeholders.reading.model import Conflation, Mention


def collect(inputs: Inputs, draft: Draft) -> None:
    seen: dict[str, Mention] = {}
    for role in sorted(draft.roles.values(), key=lambda r: r.key):
        for mention in role.mentions:
            if mention.persona is None:
                continue
            earlier = seen.setdefault(mention.persona, mention)
            earlier_role = draft.roles.get(earlier.key)
            if earlier_role is None or earlier_role is role:
                continue
            if earlier_role.is_customer != role.is_customer:
                first, second = sorted((earlier, mention), key=lambda m: m.span.start.line)
                draft.conflations.append(
                    Conflation(
                        second.span,
                        second.text,
                        f"{mention.persona} is '{first.text}' on line {first.span.start.line} "
                        f"and '{second.text}' here: one person, but one name pays and one uses",
                    )
                )
