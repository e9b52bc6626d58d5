"""Roles shown running the business with the product: reading its reports, revenue, sales and
analytics ("the owner reads weekly bookings and revenue by subject").

These are its management users: they need reports, exports and figures that the people who do
the daily work never ask for. Read where the role is the subject, in the description it opens,
and in its own user stories, as the administering collector reads back-office work.
"""

from __future__ import annotations

from prdlint_rules.stakeholders.reading.classes import MANAGEMENT, USER
from prdlint_rules.stakeholders.reading.collectors.action_reader import ActionReader, shared
from prdlint_rules.stakeholders.reading.collectors.administering import after, description
from prdlint_rules.stakeholders.reading.collectors.base import Draft, Inputs
from prdlint_rules.stakeholders.reading.collectors.story_roles import story_role_keys
from prdlint_rules.stakeholders.reading.model import Rank

READS = "runs the business with the product here"


def collect(inputs: Inputs, draft: Draft) -> None:
    vocabulary = inputs.vocabulary
    reader = shared(
        ActionReader(verbs=vocabulary.words("reporting-verbs"), objects=vocabulary.words("reported-objects"))
    )
    for mention in draft.acting_mentions():
        rest = after(mention)
        found = None if rest.lstrip().startswith(",") else reader.action(rest)
        found = found or reader.described(description(mention, inputs.document))
        if found:
            draft.add(
                mention.key, mention.span.start.line, f"{READS}: '{found}'", Rank.ACTION, USER, MANAGEMENT
            )
    for story in inputs.stories:
        if story.means is None:
            continue
        found = reader.action(story.means.text, story=True)
        if found:
            for key in story_role_keys(story):
                draft.add(key, story.line, f"{READS}: '{found}'", Rank.STORY, USER, MANAGEMENT)
