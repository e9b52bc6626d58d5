"""The people a product is said to help do something: "a lightweight advisory tool that helps
smallholder farmers estimate fertilizer", "lets dog walkers share their routes".

Many PRDs name their users only this way, in the sentence that says what the product is. A
group named right after the product "helps", "lets", "allows", "enables" or "empowers" (the
product by its name, or "a tool that", "it") and followed by what they do with it uses the
product. The group must be a plural noun phrase of at most three words
and the next word a verb: "helps reduce costs" and "enables faster decisions across teams" name
no one. The evidence is that of an action, weaker than a declaration or a story.
"""

from __future__ import annotations

import re

from prdlint.api import normalize_role
from prdlint_rules.stakeholders.reading.anchors import Anchored
from prdlint_rules.stakeholders.reading.classes import PRIMARY, USER
from prdlint_rules.stakeholders.reading.collectors.base import Draft, Inputs
from prdlint_rules.stakeholders.reading.collectors.declarations import is_verb, names_a_group
from prdlint_rules.stakeholders.reading.model import Rank

HELPED = "the product helps them do something here"
# The product is what helps: "a tool that helps", "Rota lets", "it enables"; "support agents help
# clinics fix a rota" is someone else's help.
_HELPS = Anchored(
    re.compile(
        r"\b(?:that|which|it|app|tool|platform|service|product|system|software|solution|feature|"
        r"assistant|[A-Z][\w-]*)\s+(?:helps|lets|allows|enables|empowers)\s+"
    ),
    frozenset({"helps", "lets", "allows", "enables", "empowers"}),
)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_GROUP_WORDS = 3


def helped_group(text: str, inputs: Inputs) -> str | None:
    """The group `text` opens with when a verb follows it: "smallholder farmers estimate ..."."""
    words = _WORD.findall(text[:120])
    for size in range(1, _GROUP_WORDS + 1):
        if size >= len(words):
            return None
        group, after = " ".join(words[:size]), words[size].lower()
        if after == "to" and size + 1 < len(words):
            after = words[size + 1].lower()
        if names_a_group(group, inputs) and is_verb(after, inputs):
            return group
    return None


def collect(inputs: Inputs, draft: Draft) -> None:
    for block, match in inputs.scan(_HELPS):
        group = helped_group(block.text[match.end() :], inputs)
        if group is not None:
            draft.add(normalize_role(group), block.line, f"{HELPED}: '{group}'", Rank.ACTION, USER, PRIMARY)
