"""One finding for a pattern that runs through a document's stories.

A rule that fires on nearly every story ("no benefit" on 28 of 30, "generic role" on every row of
a story table) is saying one thing about how the document writes its stories; thirty findings
bury the rest of the report and are fixed by one decision. Where a per-story rule fires on at
least three quarters of the stories of a document, of one of its sections or of one story table,
and there are at least six, its findings there become one, at the first story, with the count and
the lines of the others.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from itertools import groupby

from prdlint.language.model import Story, StoryForm
from prdlint.rule import Finding

MIN_STORIES = 6
SHARE = 0.75
_LINES_SHOWN = 8


def _story_sets(stories: Sequence[Story]) -> list[list[Story]]:
    """The sets a pattern is looked for in: the document's stories, each section's, and each
    story table's."""
    sections = [list(group) for _, group in groupby(stories, key=lambda story: id(story.section))]
    tables = [
        list(rows)
        for (form, _), rows in groupby(stories, key=lambda story: (story.form, id(story.section)))
        if form is StoryForm.TABLE
    ]
    return [list(stories), *sections, *tables]


def _story_of(finding: Finding, stories: Sequence[Story]) -> Story | None:
    line = finding.span.start.line
    return next((s for s in stories if s.span.start.line <= line <= s.span.end.line), None)


def _lines(findings: Sequence[Finding]) -> str:
    lines = sorted({finding.span.start.line for finding in findings})[1:]
    shown = ", ".join(str(line) for line in lines[:_LINES_SHOWN])
    return shown + (", …" if len(lines) > _LINES_SHOWN else "")


def _pattern(findings: list[Finding], total: int) -> Finding:
    first = min(findings, key=lambda finding: finding.sort_key)
    message = f"{first.message}, and {len(findings) - 1} more of {total} stories"
    advice = (
        f"{first.advice} The same holds on lines {_lines(findings)}: one pattern, best fixed once for "
        "all; to list every story, run with --each-story or set each-story = true."
    ).lstrip()
    return replace(first, message=message, advice=advice)


def group_story_findings(
    findings: list[Finding], per_story: Collection[str], stories: Sequence[Story]
) -> list[Finding]:
    """`findings` with those of each per-story rule in `per_story` that fire on most stories of
    a story set replaced by one finding for the set."""
    kept = list(findings)
    for code in per_story:
        for story_set in _story_sets(stories):
            if len(story_set) < MIN_STORIES:
                continue
            mine = [f for f in kept if f.code == code and _story_of(f, story_set) is not None]
            flagged = {id(_story_of(f, story_set)) for f in mine}
            if len(flagged) >= SHARE * len(story_set):
                kept = [f for f in kept if not any(f is m for m in mine)] + [_pattern(mine, len(story_set))]
    return kept
