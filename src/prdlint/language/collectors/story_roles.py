"""The roles of user stories: "As a ward nurse, I want ..." says a ward nurse uses the product.

A story's role is a user by the story's own grammar; its kind comes from the vocabulary when the
vocabulary knows the role as a user of some kind ("As an admin" is operational), else primary.
Alternatives ("As a nurse or doctor", "As an editor/admin") are each a role.
"""

from __future__ import annotations

import re

from prdlint.language.collectors.base import Draft, Inputs
from prdlint.language.model import BOTH, PRIMARY, USER, Rank
from prdlint.language.vocabulary import normalize_role

_ALTERNATIVES = re.compile(r"\s*/\s*|\s+or\s+")


def collect(inputs: Inputs, draft: Draft) -> None:
    for story in inputs.stories:
        if story.role is None:
            continue
        for alternative in _ALTERNATIVES.split(story.role.text):
            if not alternative.strip():
                continue
            key = normalize_role(alternative)
            known = inputs.vocabulary.classify(key)
            kind = known.kind if known and known.cls in (USER, BOTH) else PRIMARY
            role = draft.add(key, story.line, "a user story's role", Rank.STORY, USER, kind)
            role.stories.append(story)
