"""Customer and user written as one group: "users/customers", "customers (users)", "our users,
i.e. our customers".

Two names joined as synonyms say the author sees the people who pay and the people who use as
the same people, which is true of some products and never worth leaving implicit.
"""

from __future__ import annotations

import re

from prdlint_rules.stakeholders.reading.anchors import Anchored
from prdlint_rules.stakeholders.reading.collectors.base import Draft, Inputs
from prdlint_rules.stakeholders.reading.model import Conflation

_GROUP_WORD = r"(?:end[- ])?users?|customers?|clients?"
# The spaces are possessive ("\s*+"): after "users" and a long run of spaces, backtracking
# into the run would cost its square.
_JOINED_NAMES = Anchored(
    re.compile(
        rf"\b(?P<first>{_GROUP_WORD})(?:\s*+(?:/|\()|,?\s++(?:i\.\s?e\.,?|aka|a\.k\.a\.|or\s+rather|"
        rf"also\s+(?:called|known\s+as)))\s*+(?:our\s+|the\s+)?(?P<second>{_GROUP_WORD})\b"
        r"(?:\)?\s*+(?P<next>[A-Za-z]+))?",
        re.IGNORECASE,
    ),
    frozenset({"user", "users", "customer", "customers", "client", "clients"}),
)


def _is_customer_word(word: str) -> bool:
    return word.lower().startswith(("customer", "client"))


def collect(inputs: Inputs, draft: Draft) -> None:
    for block, match in inputs.scan(_JOINED_NAMES):
        first, second = match.group("first"), match.group("second")
        following = (match.group("next") or "").lower()
        if _is_customer_word(first) == _is_customer_word(second):
            continue
        if following in inputs.vocabulary.words("compounds"):
            continue  # "user/customer support" names a team, not the people
        end = match.end("second")
        if block.text[end : end + 1] == ")":
            end += 1
        text = block.text[match.start() : end]
        draft.conflations.append(
            Conflation(
                block.span(match.start(), end), text, f"'{text}' names customers and users as one group"
            )
        )
