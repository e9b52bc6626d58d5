"""PRD201 malformed-story."""

from __future__ import annotations

from collections.abc import Iterator

from prdlint.api import STORIES, Rule, RuleContext, Violation, quoted


class MalformedStory(Rule):
    """A user story lacks its role or its means.

    ## What it does
    Reports a story that names a role but no recognizable means ("As a nurse, swap shifts"), and
    a means written with no role ("I want to export invoices"), and says which part is missing.
    Only where stories are expected: under a heading about stories, with a story label, or
    beside well-formed stories.

    ## Why is this bad?
    A story is a promise to have a conversation about one person's need. Without the role
    nobody knows whose need it is, so nobody can ask them; without the means there is nothing
    to build or test. Half a story is usually a slip of the pen, and easy to finish now.

    ## Example
    ```markdown
    ## User stories
    - As a ward nurse, swapping shifts without calling the manager.
    - I want to export the rota as a PDF.
    ```

    ## Use instead
    ```markdown
    ## User stories
    - As a ward nurse, I want to swap shifts without calling the manager.
    - As a ward manager, I want to export the rota as a PDF.
    ```

    ## Default
    Opt-in (turn it on with `extend-select = ["PRD201"]`). Judged as their authors would, in 60 real
    PRDs its 6 findings were 0 worth fixing, 3 right but not worth it and 3 wrong.
    """

    code = "PRD201"
    name = "malformed-story"
    pack = "stories"
    enabled_by_default = False
    needs = frozenset({STORIES})
    per_story = True

    def check(self, context: RuleContext) -> Iterator[Violation]:
        for story in context.analysis.stories:
            if story.role is None and story.means is not None:
                yield Violation(
                    f"malformed story: {quoted(story.means.text)} has no role",
                    story.span,
                    advice="Say whose need it is: 'As a <role>, I want …'.",
                )
            elif story.role is not None and story.means is None:
                yield Violation(
                    f"malformed story: the {story.role.text} has no means",
                    story.span,
                    advice=f"Say what they want after the role: 'As a {story.role.text}, I want to …'.",
                )
