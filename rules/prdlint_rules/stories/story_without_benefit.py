"""PRD202 story-without-benefit."""

from __future__ import annotations

from collections.abc import Iterator

from prdlint.api import STORIES, Rule, RuleContext, Severity, Violation
from prdlint_rules.stories.common import worded_stories


class StoryWithoutBenefit(Rule):
    """A user story says what the role wants but not why.

    ## What it does
    Reports a well-formed story with no ends: no "so that", "in order to" or "because" part, in
    any form (one line, over lines or list items, a table with no benefit column or an empty
    benefit cell).

    ## Why is this bad?
    The benefit is what lets a team find a better way to the same end, split the story well,
    and know when it is done. "I want to export the rota" can be met a dozen ways; "so that I
    can pin it on the ward noticeboard" says which one matters.

    ## Example
    ```markdown
    - As a ward manager, I want to export the rota as a PDF.
    ```

    ## Use instead
    ```markdown
    - As a ward manager, I want to export the rota as a PDF, so that I can pin it on the ward
      noticeboard.
    ```

    ## Turning it off
    Some teams leave the benefit out on purpose and keep it in the surrounding text. Turn the
    rule off for a whole project with `ignore = ["story-without-benefit"]` under
    `[tool.prdlint]` (or in `.prdlint.toml`), for some files with `per-file-ignores`, or for one
    document with `<!-- prdlint-disable-file story-without-benefit -->`.

    ## Default
    Opt-in (turn it on with `extend-select = ["PRD202"]`). Judged as their authors would, in 60 real
    PRDs its 13 findings were 2 worth fixing, 6 right but not worth it and 5 wrong. Earlier readings: on
    30 real PRDs read finding by finding, 6 of 32 findings were stories whose authors would add a
    reason; most were right but not worth the time in short feature specs and working notes. Raise it
    where every story must say why.
    """

    code = "PRD202"
    name = "story-without-benefit"
    pack = "stories"
    enabled_by_default = False
    default_severity = Severity.INFO
    needs = frozenset({STORIES})
    per_story = True

    def check(self, context: RuleContext) -> Iterator[Violation]:
        for story in worded_stories(context.analysis):
            if story.malformed or story.ends is not None or story.means is None:
                continue
            role = story.role.text if story.role else "role"
            yield Violation(
                f"story without benefit: it says what the {role} wants but not why",
                story.span,
                advice="Add 'so that …' with the outcome they are after.",
            )
