"""Organisations called users: "**Target Users**: Multi-therapist therapy clinics" in a document
that lists the therapists and administrators who use it elsewhere.

A clinic does not use software; its people do. A clinic buys it. Labelling the buying
organisation "users" beside the people who really use the product makes the customer and the
user one group.
"""

from __future__ import annotations

import re

from prdlint.api import quoted
from prdlint_rules.stakeholders.reading.collectors.base import Draft, Inputs
from prdlint_rules.stakeholders.reading.collectors.target_market import organisation_phrase
from prdlint_rules.stakeholders.reading.model import Conflation

_USERS_LABEL = re.compile(
    r"^\s*(?:target|primary|main|key|intended)?\s*(?:end[- ])?users?\s*\**\s*[:—–-]\s*\**\s*"
    r"(?P<who>[^.;,(]{3,80})",
    re.IGNORECASE,
)


def collect(inputs: Inputs, draft: Draft) -> None:
    if not any(not role.is_customer and (role.declared or role.stories) for role in draft.roles.values()):
        return  # no one else named as the users: the label names the only ones there are
    for block in inputs.document.blocks:
        match = _USERS_LABEL.match(block.text)
        if match is None:
            continue
        organisation = organisation_phrase(match.group("who").split(), inputs)
        if organisation is None:
            continue
        said = block.text[match.start() : match.end("who")].strip()
        reason = f"{quoted(said)} calls the organisations that buy the product its users"
        draft.conflations.append(Conflation(block.span(match.start(), match.end("who")), said, reason))
