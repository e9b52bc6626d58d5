"""PRD108 undefined-story-role."""

from __future__ import annotations

from collections.abc import Iterator

from prdlint.api import Rule, RuleContext, Severity, Violation, singular
from prdlint_rules.stakeholders.common import quote_roles
from prdlint_rules.stakeholders.reading import STAKEHOLDERS, reading
from prdlint_rules.stakeholders.reading.model import Role


def _same_role(story_key: str, declared_key: str) -> bool:
    """ "data professional" is "data science professional"; "attendee" is "event attendee":
    same head, and one name's words are all in the other."""
    story, declared = story_key.split(), declared_key.split()
    if singular(story[-1]) != singular(declared[-1]):
        return False
    return set(story) <= set(declared) or set(declared) <= set(story)


def _generic(role: Role, generic_roles: frozenset[str]) -> bool:
    """Generic roles ("As a user", "As an app user") are generic-story-role's concern."""
    return role.key.split()[-1] in generic_roles


class UndefinedStoryRole(Rule):
    """A user story's role appears in none of the document's stakeholder declarations.

    ## What it does
    Where the document declares its stakeholders (a users, personas, roles or stakeholders
    section, a roles table, front matter), reports each story role that none of them names,
    once per role, at its first story. Case, singular and plural, synonyms ("admin" and
    "administrator") and a longer or shorter form of a declared name ("attendee" for "event
    attendee") are the same role. Bare generic roles ("As a user") are left to
    generic-story-role.

    ## Why is this bad?
    A story's role says whose need it serves. A role that appears only in a story has no
    described goals, context or permissions, so nobody can judge the story against them; it is
    often a declared role under another name ("Voter" for "Member"), which splits one group's
    needs across two names.

    ## Example
    ```markdown
    ## Users
    - Members vote in polls.

    ## Stories
    As a voter, I want to change my vote, so that I can correct a mistake.
    ```

    ## Use instead
    ```markdown
    ## Stories
    As a member, I want to change my vote, so that I can correct a mistake.
    ```
    Or add "Voters" to the users section with what sets them apart.

    ## Default
    Opt-in; too few findings judged to move it. Judged as their authors would, in 60 real PRDs its 4
    findings were 0 worth fixing, 2 right but not worth it and 2 wrong. Earlier readings: on 30 real
    PRDs read finding by finding, none of 14 findings was worth fixing: most story roles were aliases of
    declared personas ("managing partner" under "Partners/Owners") or were declared in a form prdlint
    does not match yet. Turn it on with `extend-select = ["PRD108"]` where story roles must match a
    persona list.
    """

    code = "PRD108"
    name = "undefined-story-role"
    pack = "stakeholders"
    default_severity = Severity.INFO
    enabled_by_default = False
    needs = frozenset({STAKEHOLDERS})

    def check(self, context: RuleContext) -> Iterator[Violation]:
        model = reading(context).stakeholders
        generic_roles = reading(context).vocabulary.words("generic-story-roles")
        declared = [role for role in model.roles.values() if role.declared]
        if not declared:
            return
        for role in model.roles.values():
            if role.declared or not role.stories or _generic(role, generic_roles):
                continue
            if any(_same_role(role.key, other.key) for other in declared):
                continue
            story = role.stories[0]
            if story.role is None:
                continue
            others = len(role.stories) - 1
            used = f" (and {others} more {'story' if others == 1 else 'stories'})" if others else ""
            yield Violation(
                f"undefined story role: '{story.role.text}'{used} is not among the declared roles "
                f"({quote_roles(declared)})",
                story.role.span,
                advice="Describe the role where the document declares its stakeholders, or use the "
                "declared name the story means.",
            )
