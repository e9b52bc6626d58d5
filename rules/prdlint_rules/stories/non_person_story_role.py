"""PRD210 non-person-story-role."""

from __future__ import annotations

from collections.abc import Iterator

from prdlint.api import STORIES, Rule, RuleContext, Severity, Violation, normalize_role
from prdlint_rules.stories.common import worded_stories, wording

_ARTICLES = ("the ", "a ", "an ", "our ", "my ")
# Words after a role's head that describe it: "developer preferring command-line tools", "user of
# MCP-enabled applications". Its last word is then no head.
_DESCRIBING = frozenset({"of", "for", "with", "who", "that", "using", "in", "on", "from", "at", "via"})


def _non_person(role: str, names: frozenset[str]) -> bool:
    """Whether the role names the software or a thing, not a person: its whole name, or the head
    word it ends in ("the scheduling service"), is one of the names of things."""
    key = normalize_role(role)
    for article in _ARTICLES:
        if key.startswith(article):
            key = key[len(article) :]
    words = key.split()
    if key in names:
        return True
    described = any(word in _DESCRIBING or word.endswith("ing") for word in words[1:])
    return bool(words) and not described and words[-1] in names


class NonPersonStoryRole(Rule):
    """A user story's role is the system or a part of it, not a person.

    ## What it does
    Reports a story written for the software itself: "As the system, I want to send a reminder",
    "As a backend service, I want to retry failed payments". A role whose last word is a person's
    ("system administrator", "platform engineer", "API consumer") is a person and is left alone.

    ## Why is this bad?
    A user story states a person's need, so that the team can ask them whether it is met. A story
    for the system has no one to ask and hides whose need the behaviour serves; it is a
    requirement, or an acceptance criterion of the story of the person it is for.

    ## Example
    ```markdown
    - As the system, I want to send a reminder the day before a shift, so that no shift is missed.
    ```

    ## Use instead
    ```markdown
    - As a ward nurse, I want a reminder the day before my shift, so that I do not miss it.
    ```

    ## Default
    Opt-in; too few findings judged to move it. Judged as their authors would, in 60 real PRDs its 3
    findings were 0 worth fixing, 3 right but not worth it and 0 wrong: each was a deliberate
    technical story whose "so that" already named the people served. Reviewers of other PRDs
    raised story roles that are no people ("As the System", whole agencies) among the problems
    prdlint missed, so it stays for teams that want every story told by a person.
    """

    code = "PRD210"
    name = "non-person-story-role"
    pack = "stories"
    enabled_by_default = False
    default_severity = Severity.INFO
    needs = frozenset({STORIES})
    per_story = True

    def check(self, context: RuleContext) -> Iterator[Violation]:
        names = frozenset(wording()["non-person-roles"])
        for story in worded_stories(context.analysis):
            if story.role is not None and _non_person(story.role.text, names):
                yield Violation(
                    f"non-person story role: '{story.role.text}' is not a person",
                    story.role.span,
                    advice="A story states a person's need: name who benefits, or write the system's "
                    "behaviour as a requirement or as an acceptance criterion of that person's story.",
                )
