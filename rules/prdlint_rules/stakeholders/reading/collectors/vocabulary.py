"""What the vocabulary says a role's name means: "owner" names a customer or a manager, "admin"
an operational user, "engineering team" an internal team.

The weakest evidence: a word is a hint to look, never a verdict, so everything the document says
about the role decides first. It points at the role's first mention.
"""

from __future__ import annotations

from prdlint_rules.stakeholders.reading.classes import PARTY
from prdlint_rules.stakeholders.reading.collectors.base import Draft, Inputs
from prdlint_rules.stakeholders.reading.model import Rank

VOCABULARY = "vocabulary"


def collect(inputs: Inputs, draft: Draft) -> None:
    for role in draft.roles.values():
        known = inputs.vocabulary.classify(role.key)
        if known is None or known.cls == PARTY:
            continue  # "customer", "client": only the document can say whose and what they are
        if role.mentions:
            line = role.mentions[0].span.start.line
        else:
            line = role.evidence[0].line if role.evidence else 1
        draft.add(role.key, line, VOCABULARY, Rank.VOCABULARY, known.cls, known.kind)
