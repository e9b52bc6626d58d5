"""PRD207 generic-story-role."""

from __future__ import annotations

import re
from collections.abc import Iterator

from prdlint.api import (
    STORIES,
    WORDS,
    Analysis,
    Rule,
    RuleContext,
    Severity,
    Story,
    Violation,
    normalize_role,
)
from prdlint_rules.stakeholders.common import first_line
from prdlint_rules.stakeholders.reading import STAKEHOLDERS, reading
from prdlint_rules.stakeholders.reading.classes import PRIMARY, SECONDARY
from prdlint_rules.stakeholders.reading.model import Role, StakeholderReading
from prdlint_rules.stories.common import worded_stories

_SUGGESTED = 3
# Words that name no one in particular even when a section declares them.
_BARE = frozenset({"user", "end user", "end-user", "someone", "somebody", "anyone", "person"})
# Section titles that give stories to every kind of user: "User stories (common)".
_EVERYONE = frozenset({"common", "every", "everyone", "all", "general", "shared", "any"})
_END_USER_KINDS = (PRIMARY, SECONDARY)

_SUGGESTED = 2


def _specific_roles(cast: StakeholderReading, generic_roles: frozenset[str]) -> list[Role]:
    """Roles that could stand in a story: those the document declares (a users or personas
    section, a glossary, front matter). A name in passing, or another story's role, is not
    enough: "vendor" read from "vendor lock-in" is nobody the author means."""
    return [
        role for role in cast.stakeholders.roles.values() if role.key not in generic_roles and role.declared
    ]


def _end_user(role: Role) -> bool:
    """A role that uses the product for its own ends, not one that runs it (admins, managers)."""
    return role.is_user and role.kind in _END_USER_KINDS


def _content(story: Story, analysis: Analysis) -> set[str]:
    return {w.lemma for w in analysis.words_of_means(story) if not (w.is_punct or w.is_stop)}


def _closest(
    story: Story, role_words: dict[str, set[str]], roles: list[Role], analysis: Analysis
) -> list[Role]:
    """End users first (a bare "user" is rarely an admin), then the roles whose own stories share
    the most words with this one's means (`role_words`, by role key), declared roles, roles with
    more stories, and roles named earlier."""
    words = _content(story, analysis)

    def closeness(role: Role) -> tuple[bool, int, bool, int, int]:
        shared = role_words[role.key] & words
        return (not _end_user(role), -len(shared), not role.declared, -len(role.stories), first_line(role))

    return sorted(roles, key=closeness)[:_SUGGESTED]


def _named_on_purpose(story: Story, role: Role | None) -> bool:
    """A generic word the document makes specific, or uses for everyone on purpose: "client"
    declared as a persona ("Persona 3: Priya, the client"), "Customer (shopper)" in the users
    section, or a story under "Stories for every user"."""
    declared = role is not None and (role.declared or bool(role.personas)) and role.key not in _BARE
    titles = [story.section.title.lower()] if story.section else []
    return declared or any(set(re.findall(r"[a-z]+", title)) & _EVERYONE for title in titles)


class GenericStoryRole(Rule):
    """A user story's role is a bare "user" while the document names specific roles.

    ## What it does
    Reports a story whose role is only "user", "end user", "customer", "client", "person",
    "someone" or the like, with no qualifier, in a document whose stakeholder sections or other
    stories name more specific kinds of user. It suggests the closest: end users before
    those who run the product, and among them the roles whose own stories share the most words
    with this one, then the declared roles. "As a user with admin
    rights" has a qualifier and is left alone, and so is "As a user" in a document whose only
    other roles run the product (admins, moderators): there, "user" can only mean its users.

    ## Why is this bad?
    A story serves one kind of person, and the product's kinds of people differ in what they
    need, what they may do and what they pay for. "As a user" hides which of them asked, so
    nobody can check the story with them, and a need of the administrators can end up built
    for everyone. It also hides the difference between the customers, who pay, and the users.

    ## Example
    ```markdown
    ## Users
    - Ward nurses swap shifts; ward managers approve swaps.

    ## Stories
    - As a user, I want to approve a swap, so that the ward stays covered.
    ```

    ## Use instead
    ```markdown
    - As a ward manager, I want to approve a swap, so that the ward stays covered.
    ```

    ## Default
    Opt-in (turn it on with `extend-select = ["PRD207"]`). Judged as their authors would, in 60 real
    PRDs its 22 findings were 0 worth fixing, 22 right but not worth it and 0 wrong. Earlier readings:
    on 30 real PRDs read finding by finding, 1 of 4 findings named a role the author would change;
    stories meant for every user are often written "As a user" on purpose. Raise it where every story
    must name a persona.
    """

    code = "PRD207"
    name = "generic-story-role"
    pack = "stories"
    enabled_by_default = False
    default_severity = Severity.INFO
    needs = frozenset({STAKEHOLDERS, STORIES, WORDS})
    per_story = True

    def check(self, context: RuleContext) -> Iterator[Violation]:
        analysis, cast = context.analysis, reading(context)
        generic_roles = cast.vocabulary.words("generic-story-roles")
        specific = _specific_roles(cast, generic_roles)
        if not any(_end_user(role) for role in specific):
            return
        role_words = {
            role.key: set().union(*(_content(other, analysis) for other in role.stories)) for role in specific
        }
        for story in worded_stories(analysis):
            if story.role is None or story.qualifier is not None:
                continue
            key = normalize_role(story.role.text)
            if key not in generic_roles or _named_on_purpose(story, cast.stakeholders.roles.get(key)):
                continue
            suggestions = " or ".join(
                f"'{role.key}'" for role in _closest(story, role_words, specific, analysis)[:_SUGGESTED]
            )
            yield Violation(
                f"generic story role: '{story.role.text}' could be {suggestions}",
                story.role.span,
                advice="A bare 'user' does not say whose need this is, where the document names more "
                "specific roles: say which one it is.",
            )
