"""PRD209 story-without-acceptance-criteria."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from prdlint.api import STORIES, Document, Rule, RuleContext, Severity, Story, StoryForm, Violation
from prdlint_rules.stories.common import worded_stories

_CRITERIA = re.compile(
    r"\bacceptance\s+criteri(?:a|on)\b|\bdefinition\s+of\s+done\b|^\s*(?:AC|DoD)\s*[\d.]*\s*[:.)-]|"
    r"^\s*given\b.+\b(?:when|then)\b",
    re.IGNORECASE | re.DOTALL,
)
_CRITERIA_COLUMN = re.compile(r"\bacceptance\b|\bcriteri(?:a|on)\b|^\s*AC\s*$|\bdone\s+when\b", re.IGNORECASE)
# "Most stories": at least this many, and more than half of them.
_MIN_WITH_CRITERIA = 3


def _table_rows(document: Document) -> dict[int, bool]:
    """Each story table row, by its line: whether its acceptance-criteria cell is filled."""
    rows: dict[int, bool] = {}
    for table in document.tables:
        columns = [i for i, cell in enumerate(table.header) if _CRITERIA_COLUMN.search(cell.text)]
        for row in table.rows[1:]:
            if row:
                rows.setdefault(row[0].line, any(i < len(row) and row[i].text.strip() for i in columns))
    return rows


def _has_criteria(stories: list[Story], document: Document) -> list[bool]:
    """For each story, whether criteria follow it: in its table row, or in a block after it,
    before the next story and within its section. Each block and row is read once, so a
    thousand-story backlog costs a thousand times one story, not a million."""
    last_line = document.lines.line_count
    rows = _table_rows(document)
    criteria = sorted(block.line for block in document.blocks if _CRITERIA.search(block.text))
    found = []
    for index, story in enumerate(stories):
        if story.form is StoryForm.TABLE:
            found.append(rows.get(story.line, False))
            continue
        following = stories[index + 1].line - 1 if index + 1 < len(stories) else last_line
        end = min(following, story.section.end_line if story.section else following)
        after = bisect_right(criteria, story.span.end.line)
        found.append(after < len(criteria) and criteria[after] <= end)
    return found


class StoryWithoutAcceptanceCriteria(Rule):
    """A user story has no acceptance criteria where most of the document's stories have them.

    ## What it does
    Where at least three stories, and more than half, are followed by acceptance criteria (a
    heading or paragraph that says "Acceptance criteria" or "Definition of done", lines
    labelled "AC:", Given/When/Then scenarios, or a filled criteria column in a story table),
    reports each story that has none before the next story. Opt-in, at info severity.

    ## Why is this bad?
    Acceptance criteria are how the team and the person who asked agree that a story is done.
    Where a document gives them for most stories, a story without them was usually forgotten,
    and it is the one that will be argued about at the review.

    ## Example
    ```markdown
    ### Swap shifts
    As a nurse, I want to swap shifts, so that I can rest.
    Acceptance criteria: the swap needs the manager's approval.

    ### Book leave
    As a nurse, I want to book leave, so that I can travel.
    ```

    ## Use instead
    ```markdown
    ### Book leave
    As a nurse, I want to book leave, so that I can travel.
    Acceptance criteria: leave of more than a week needs two weeks' notice.
    ```

    ## Default
    Opt-in; too few findings judged to move it. Judged as their authors would, in 60 real PRDs its 4
    findings were 0 worth fixing, 0 right but not worth it and 4 wrong.
    """

    code = "PRD209"
    name = "story-without-acceptance-criteria"
    pack = "stories"
    needs = frozenset({STORIES})
    per_story = True
    default_severity = Severity.INFO
    enabled_by_default = False

    def check(self, context: RuleContext) -> Iterator[Violation]:
        stories = [story for story in worded_stories(context.analysis) if not story.malformed]
        has_criteria = _has_criteria(stories, context.document)
        with_criteria = sum(has_criteria)
        if with_criteria < _MIN_WITH_CRITERIA or with_criteria * 2 <= len(stories):
            return
        for story, has in zip(stories, has_criteria, strict=True):
            if not has and story.means is not None:
                yield Violation(
                    f"story without acceptance criteria: {with_criteria} of the document's "
                    f"{len(stories)} stories have them, this one none",
                    story.span,
                    advice="Add the conditions under which the story is done.",
                )
