"""The roles of user stories: "As a ward nurse, I want ..." says a ward nurse uses the product.

A story's role is a user by the story's own grammar. What kind of user it is the story does not
say by itself (an admin's story may be about viewing a report), so it gives no kind; the
administering collector reads the story's means for back-office work. Alternatives ("As a nurse or
doctor", "As an editor/admin") are each a role.
"""

from __future__ import annotations

import re

from prdlint.api import Story, normalize_role
from prdlint_rules.stakeholders.reading.classes import USER
from prdlint_rules.stakeholders.reading.collectors.base import Draft, Inputs
from prdlint_rules.stakeholders.reading.model import Rank

_ALTERNATIVES = re.compile(r"\s*/\s*|\s+or\s+")


def story_role_keys(story: Story) -> list[str]:
    """The role keys a story names: one, or each of its alternatives."""
    if story.role is None:
        return []
    return [normalize_role(part) for part in _ALTERNATIVES.split(story.role.text) if part.strip()]


def collect(inputs: Inputs, draft: Draft) -> None:
    for story in inputs.stories:
        for key in story_role_keys(story):
            role = draft.add(key, story.line, "a user story's role", Rank.STORY, USER)
            role.stories.append(story)
